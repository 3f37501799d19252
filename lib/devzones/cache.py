"""On-disk cache of per-document extraction results, so re-running ``devzones extract`` on an
unchanged corpus skips the cleaning and extraction of every file it has already seen. An entry is
keyed on the file's name and bytes, and lives under a fingerprint of the code that produced it
(the devzones version, every file of the library and the versions of the libraries that shape
its output), so editing an extractor or the gazetteer invalidates the whole cache at once.
Entries are pickles written atomically; an unreadable entry is treated as a miss. The cache
folder is ``$DEVZONES_CACHE`` or ``.devzones-cache/`` in the current directory; folders of older
fingerprints are never read again and can be deleted at any time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import secrets
import sys
from collections.abc import Callable
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

    def get(self, key: str) -> object | None:
        """The stored result, or None when absent or unreadable (it is then recomputed)."""
        try:
            return pickle.loads(self._path(key).read_bytes())
        except Exception:  # missing, truncated by a crash of another tool, or from old code
            return None

    def put(self, key: str, value: object) -> None:
        data = pickle.dumps(value, protocol=5)
        atomic_write(self._path(key), lambda tmp: Path(tmp).write_bytes(data))
