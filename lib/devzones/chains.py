"""Industry chains: chains written stage by stage (冶炼—不锈钢—冷轧板材), chains named in lists with
the count and category the text gives (8条优势特色产业链), their carrier zones, scale targets and
application fields.

NOTE: stub; the extractor fills in ``extract`` behind this signature.
"""

from __future__ import annotations

import pandas as pd

from devzones.clean import Document

CHAIN_COLUMNS = ["doc_id", "story", "name", "stages", "category", "start", "end"]


def extract(doc: Document) -> pd.DataFrame:
    """Chain rows found in one document."""
    return pd.DataFrame(columns=CHAIN_COLUMNS)
