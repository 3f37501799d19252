"""Load a folder of articles into ``RawDocument``s: find ``*.txt`` files, detect each file's
encoding, read header metadata (title, date, source, author) from the text itself and split
newspaper pages holding several stories. Nothing is cleaned here; a file that cannot be read is
reported as a ``LoadError`` naming the file and the reason, and the rest still load.

NOTE: minimal first version (UTF-8 only, no metadata, one story); the full loader replaces the
internals behind the same interface.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Story:
    """One story on a page: its number (1-based) and its span in the text it belongs to."""

    number: int
    start: int
    end: int
    title: str | None = None


@dataclass(frozen=True)
class RawDocument:
    """A decoded file, original script and noise included."""

    doc_id: str
    path: Path
    text: str
    encoding: str
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD, only when the text gives it
    source: str | None = None
    author: str | None = None
    stories: tuple[Story, ...] = ()


@dataclass(frozen=True)
class LoadError:
    """A file that was skipped, and why."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path.name}: {self.reason}"


class CorpusError(ValueError):
    """Raised for a file that cannot be read as a Chinese text article."""


def corpus_files(folder: str | Path) -> list[Path]:
    """Every ``*.txt`` under ``folder``, sorted so runs are deterministic."""
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {root}")
    return sorted(p for p in root.rglob("*.txt") if p.is_file())


def read_document(path: str | Path) -> RawDocument:
    """Read one file; raise ``CorpusError`` naming the file when it cannot be read."""
    path = Path(path)
    data = path.read_bytes()
    if not data.strip():
        raise CorpusError(f"{path.name}: empty file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path.name}: not UTF-8 ({exc.reason})") from exc
    return RawDocument(
        doc_id=path.stem,
        path=path,
        text=text,
        encoding="utf-8",
        stories=(Story(1, 0, len(text)),),
    )


def iter_corpus(folder: str | Path) -> Iterator[RawDocument | LoadError]:
    """Yield a ``RawDocument`` or a ``LoadError`` for every file, in file-name order."""
    for path in corpus_files(folder):
        try:
            yield read_document(path)
        except (CorpusError, OSError) as exc:
            yield LoadError(path, str(exc).removeprefix(f"{path.name}: "))


def load_corpus(folder: str | Path) -> tuple[list[RawDocument], list[LoadError]]:
    """Load every readable file; return the documents and the files skipped."""
    docs: list[RawDocument] = []
    errors: list[LoadError] = []
    for item in iter_corpus(folder):
        (errors if isinstance(item, LoadError) else docs).append(item)
    return docs, errors
