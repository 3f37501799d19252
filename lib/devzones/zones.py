"""Zones: find development-zone mentions by their shape (a name ending in a kind word such as
经济技术开发区, 高新区, 示范区, 产业新城, 产业园区), resolve every surface form to one zone with the
gazetteer and general alias rules, and read relations the text states (a park inside a zone, a
zone's leading industries).

NOTE: stub; the extractor fills in ``find_mentions`` and ``resolve`` behind these signatures.
"""

from __future__ import annotations

import pandas as pd

from devzones.clean import Document

MENTION_COLUMNS = ["doc_id", "story", "surface", "start", "end"]
ZONE_COLUMNS = ["zone_id", "name", "aliases", "kind", "level", "city"]


def find_mentions(doc: Document) -> pd.DataFrame:
    """Zone mentions in one document (unresolved: no zone_id yet)."""
    return pd.DataFrame(columns=MENTION_COLUMNS)


def resolve(mentions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Corpus-wide: give every mention a zone_id; return (zones, mentions with zone_id)."""
    out = mentions.assign(zone_id=pd.Series(dtype="string"))
    return pd.DataFrame(columns=ZONE_COLUMNS), out
