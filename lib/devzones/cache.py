"""On-disk cache of per-document extraction results, so re-running ``devzones extract`` on an
unchanged corpus skips the cleaning and extraction of every file it has already seen. An entry is
keyed on the file's name and bytes, and lives under a fingerprint of the code that produced it
(the devzones version, every file of the library and the versions of the libraries that shape
its output), so editing an extractor or the gazetteer invalidates the whole cache at once.
Entries are pickles written atomically; an unreadable entry is treated as a miss. A whole run of
``devzones extract`` is kept too, keyed on every file's key: re-running an unchanged corpus only
copies its table files back. The cache
folder is ``$DEVZONES_CACHE`` or ``.devzones-cache/`` in the current directory; folders of older
fingerprints are never read again and can be deleted at any time.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import secrets
import shutil
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import devzones

CACHE_ENV = "DEVZONES_CACHE"
DEFAULT_DIR = ".devzones-cache"
# Libraries whose version changes what a cached result would hold (or whether it unpickles).
_DEPENDENCIES = ("pandas", "numpy", "opencc")


def atomic_write(path: Path, write: Callable[[str], object]) -> None:
    """Call ``write(tmp)`` on a temporary name in ``path``'s folder, then rename it over ``path``,
    so readers never see a half-written file. The writer creates the file itself, so it gets the
    usual permissions (a pre-created ``mkstemp`` file would stay private to the user)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = str(path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"))
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def default_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or DEFAULT_DIR)


def _dependency_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


@cache
def code_fingerprint() -> str:
    """A hash of everything that decides a document's extraction result besides its bytes."""
    digest = hashlib.sha256()
    digest.update(f"devzones {devzones.__version__} python {sys.version_info[:2]}\n".encode())
    for name in _DEPENDENCIES:
        digest.update(f"{name} {_dependency_version(name)}\n".encode())
    package = Path(devzones.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def document_key(name: str, data: bytes) -> str:
    """Key of one file: its name within the corpus (it becomes the doc_id) and its bytes."""
    return hashlib.sha256(name.encode() + b"\0" + data).hexdigest()


def corpus_key(keys: Iterable[str]) -> str:
    """Key of a whole corpus: the keys of all its files, in order."""
    return hashlib.sha256("\n".join(keys).encode()).hexdigest()


@dataclass(frozen=True)
class ResultCache:
    """Pickled per-document results under ``root/<code fingerprint>/``."""

    root: Path
    fingerprint: str

    @classmethod
    def open(cls, root: str | Path | None = None) -> ResultCache:
        return cls(Path(root) if root is not None else default_dir(), code_fingerprint())

    def key(self, path: Path, corpus: Path) -> str:
        return document_key(path.relative_to(corpus).as_posix(), path.read_bytes())

    def _path(self, key: str) -> Path:
        return self.root / self.fingerprint[:16] / key[:2] / f"{key}.pkl"

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str) -> object | None:
        """The stored result, or None when absent or unreadable (it is then recomputed)."""
        try:
            return pickle.loads(self._path(key).read_bytes())
        except Exception:  # missing, truncated by a crash of another tool, or from old code
            return None

    def put(self, key: str, value: object) -> None:
        """Store a result; a cache folder that cannot be written only costs speed, so it warns
        (once: the message is the same for every entry) instead of stopping the run."""
        data = pickle.dumps(value, protocol=5)
        try:
            atomic_write(self._path(key), lambda tmp: Path(tmp).write_bytes(data))
        except OSError:
            warnings.warn(f"cannot write the devzones cache under {self.root}", stacklevel=2)

    def _run_dir(self, key: str) -> Path:
        return self.root / self.fingerprint[:16] / "runs" / key

    def restore(self, key: str, out: Path) -> dict | None:
        """Copy the table files of a stored run into ``out`` (each atomically) and return the
        run's record, or None when there is no complete stored run."""
        folder = self._run_dir(key)
        try:
            record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
            sources = [folder / name for name in record["files"]]
            if not all(p.is_file() for p in sources):
                return None
            out.mkdir(parents=True, exist_ok=True)
            for source in sources:
                atomic_write(out / source.name, lambda tmp, s=source: shutil.copyfile(s, tmp))
        except (OSError, ValueError, KeyError):
            return None
        return record

    def keep(self, key: str, out: Path, files: list[str], record: dict) -> None:
        """Store copies of a finished run's table files with its record (``record["files"]``
        is set here); a folder that cannot be written only warns, like ``put``."""
        target = self._run_dir(key)
        work = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(prefix=".run-", dir=target.parent))
            for name in files:
                shutil.copyfile(out / name, work / name)
            record = {**record, "files": files}
            (work / "run.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
            shutil.rmtree(target, ignore_errors=True)
            work.rename(target)
        except OSError:
            if work is not None:
                shutil.rmtree(work, ignore_errors=True)
            warnings.warn(f"cannot write the devzones cache under {self.root}", stacklevel=2)
