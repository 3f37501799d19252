"""Rows to tables. The extractors return plain rows, one dict per fact, and a ``Schema`` names a
table's columns and dtypes and turns many documents' rows into one DataFrame. Building one frame
per batch of documents instead of several small frames per document is most of what makes
extraction fast, and one fixed dtype per column keeps every batch, engine and Parquet file alike
(a document whose rows all lack a value still gives a text column, not an ``object`` one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

INT_COLUMNS = ("story", "start", "end", "sentence_start", "sentence_end")


@dataclass(frozen=True)
class Schema:
    """A table's columns in order, with their dtypes; a column not in ``dtypes`` holds text."""

    columns: tuple[str, ...]
    dtypes: Mapping[str, str] = field(default_factory=dict)

    def values(self, rows: Iterable[Mapping[str, object]]) -> list[tuple]:
        """Rows as tuples in column order (keys outside the schema are dropped)."""
        return [tuple(map(row.get, self.columns)) for row in rows]

    def frame(self, rows: Sequence[Mapping[str, object]] | Sequence[tuple]) -> pd.DataFrame:
        df = pd.DataFrame(list(rows), columns=list(self.columns))
        return df.astype({c: self.dtypes.get(c, "str") for c in self.columns})


def schema(columns: Sequence[str], **dtypes: str) -> Schema:
    """A schema whose usual integer columns (story, offsets) are int64 unless said otherwise."""
    ints = {c: "int64" for c in INT_COLUMNS if c in columns}
    return Schema(tuple(columns), ints | dtypes)


def records(df: pd.DataFrame) -> list[dict[str, object]]:
    """A frame's rows as dicts with ``None`` for a missing value (the form extractors take)."""
    return df.astype(object).where(df.notna(), None).to_dict("records")


def distinct_sorted(
    rows: Iterable[dict[str, object]], key: Callable[[dict[str, object]], tuple]
) -> list[dict[str, object]]:
    """Rows without exact duplicates (the first kept), stably sorted by ``key``."""
    seen: set[tuple] = set()
    unique = []
    for row in rows:
        if (items := tuple(row.items())) not in seen:
            seen.add(items)
            unique.append(row)
    return sorted(unique, key=key)
