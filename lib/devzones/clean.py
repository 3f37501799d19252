"""Clean a ``RawDocument`` into a ``Document``: remove pinyin annotations, convert Traditional to
Simplified with OpenCC, repair punctuation, drop repeated paragraphs and page furniture, then
segment sentences. Every rule is a small pure ``str -> str`` function; ``clean_document`` composes
them while keeping a map from each cleaned character back to the raw text, so any extracted row
can be shown both in the cleaned text and in the original file.

NOTE: minimal first version (pinyin removal + OpenCC only); the full rule set replaces the
internals behind the same interface.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import opencc

from devzones.corpus import RawDocument, Story


@dataclass(frozen=True)
class Document:
    """A cleaned, Simplified article with sentence offsets and a map back to the raw text."""

    doc_id: str
    text: str
    raw: str
    script: str  # "traditional" or "simplified": the script of the original
    sentences: tuple[tuple[int, int], ...]
    stories: tuple[Story, ...]
    raw_offsets: tuple[int, ...] = field(repr=False)  # len(text)+1 raw positions
    title: str | None = None
    date: str | None = None
    source: str | None = None
    author: str | None = None
    encoding: str = "utf-8"
    path: Path | None = None

    def sentence_span(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding cleaned offset ``pos``."""
        i = bisect.bisect_right([s for s, _ in self.sentences], pos) - 1
        return self.sentences[max(i, 0)]

    def sentence_at(self, pos: int) -> str:
        start, end = self.sentence_span(pos)
        return self.text[start:end]

    def story_at(self, pos: int) -> int:
        """The story number holding cleaned offset ``pos`` (1 for single-story files)."""
        for story in self.stories:
            if story.start <= pos < story.end:
                return story.number
        return self.stories[-1].number if self.stories else 1

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned span to the raw text it came from."""
        return self.raw_offsets[start], self.raw_offsets[end]


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』]?|\n+")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def segment_sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return tuple(spans)


def clean_document(raw: RawDocument) -> Document:
    kept: list[int] = []
    pieces: list[str] = []
    pos = 0
    for m in _PINYIN.finditer(raw.text):
        pieces.append(raw.text[pos : m.start()])
        kept.extend(range(pos, m.start()))
        pos = m.end()
    pieces.append(raw.text[pos:])
    kept.extend(range(pos, len(raw.text)))
    stripped = "".join(pieces)
    text = to_simplified(stripped)
    if len(text) != len(stripped):  # OpenCC changed a length: fall back to a coarse map
        kept = [min(i, len(raw.text) - 1) for i in range(len(text))]
    kept.append(len(raw.text))
    script = "traditional" if text != stripped else "simplified"
    return Document(
        doc_id=raw.doc_id,
        text=text,
        raw=raw.text,
        script=script,
        sentences=segment_sentences(text),
        stories=(Story(1, 0, len(text)),),
        raw_offsets=tuple(kept),
        title=raw.title,
        date=raw.date,
        source=raw.source,
        author=raw.author,
        encoding=raw.encoding,
        path=raw.path,
    )
