"""Run the extractors over a corpus and build the workbook's tables (documents, zones,
zone_mentions, investments, chains) as pandas DataFrames; write them as CSV (UTF-8 with BOM, so
Excel/WPS open them right) and Parquet, atomically.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from devzones import chains, investment, zones
from devzones.clean import Document, clean_document
from devzones.corpus import LoadError, iter_corpus

DOCUMENT_COLUMNS = [
    "doc_id",
    "title",
    "date",
    "source",
    "author",
    "script",
    "encoding",
    "chars",
    "stories",
]
TABLE_NAMES = ("documents", "zones", "zone_mentions", "investments", "chains")


@dataclass
class Tables:
    """The workbook's tables for one corpus, plus the files that were skipped."""

    documents: pd.DataFrame
    zones: pd.DataFrame
    zone_mentions: pd.DataFrame
    investments: pd.DataFrame
    chains: pd.DataFrame
    errors: list[LoadError] = field(default_factory=list)

    def items(self) -> Iterable[tuple[str, pd.DataFrame]]:
        return ((name, getattr(self, name)) for name in TABLE_NAMES)


def document_row(doc: Document) -> dict:
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "date": doc.date,
        "source": doc.source,
        "author": doc.author,
        "script": doc.script,
        "encoding": doc.encoding,
        "chars": len(doc.text),
        "stories": len(doc.stories),
    }


def documents_table(docs: Iterable[Document]) -> pd.DataFrame:
    return pd.DataFrame([document_row(d) for d in docs], columns=DOCUMENT_COLUMNS)


def load_documents(corpus: str | Path) -> tuple[list[Document], list[LoadError]]:
    """Load and clean every readable article under ``corpus``."""
    docs: list[Document] = []
    errors: list[LoadError] = []
    for item in iter_corpus(corpus):
        if isinstance(item, LoadError):
            errors.append(item)
        else:
            docs.append(clean_document(item))
    return docs, errors


def _concat(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)


def build_tables(docs: list[Document], errors: list[LoadError] | None = None) -> Tables:
    """Extract every theme from cleaned documents and resolve zones across the corpus."""
    mentions = [zones.find_mentions(d) for d in docs]
    zone_table, zone_mentions = zones.resolve(_concat(mentions, zones.MENTION_COLUMNS))
    invest = _concat(
        [investment.extract(d, m) for d, m in zip(docs, mentions, strict=True)],
        investment.INVESTMENT_COLUMNS,
    )
    surface_to_zone = zone_mentions.drop_duplicates(["doc_id", "surface"])[
        ["doc_id", "surface", "zone_id"]
    ].rename(columns={"surface": "zone_surface"})
    invest = invest.merge(surface_to_zone, on=["doc_id", "zone_surface"], how="left")
    return Tables(
        documents=documents_table(docs),
        zones=zone_table,
        zone_mentions=zone_mentions,
        investments=invest,
        chains=_concat([chains.extract(d) for d in docs], chains.CHAIN_COLUMNS),
        errors=list(errors or []),
    )


def extract_corpus(corpus: str | Path) -> Tables:
    """Load, clean and extract a whole folder of articles."""
    docs, errors = load_documents(corpus)
    return build_tables(docs, errors)


def _atomic_write(path: Path, write) -> None:
    """Write via a temporary file in the same folder, then rename over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_table(df: pd.DataFrame, out: Path, name: str) -> None:
    _atomic_write(out / f"{name}.csv", lambda p: df.to_csv(p, index=False, encoding="utf-8-sig"))
    _atomic_write(out / f"{name}.parquet", lambda p: df.to_parquet(p, index=False))


def write_tables(tables: Tables, out: str | Path) -> None:
    out = Path(out)
    for name, df in tables.items():
        write_table(df, out, name)
