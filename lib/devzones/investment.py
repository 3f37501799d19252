"""Investment facts: money figures (亿元/万元/万亿元, Chinese numerals, qualifiers, ranges) typed by
measure and status, with the project, company, zone, capacity, jobs and event date they belong to.

NOTE: stub; the extractor fills in ``extract`` behind this signature.
"""

from __future__ import annotations

import pandas as pd

from devzones.clean import Document

INVESTMENT_COLUMNS = [
    "doc_id",
    "story",
    "project",
    "company",
    "zone_surface",
    "amount_yuan",
    "measure",
    "status",
    "start",
    "end",
]


def extract(doc: Document, mentions: pd.DataFrame) -> pd.DataFrame:
    """Investment rows in one document; ``mentions`` are its zone mentions (zones.find_mentions)."""
    return pd.DataFrame(columns=INVESTMENT_COLUMNS)
