"""Shared fixtures: the project's own seeds, loaded and cleaned once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from devzones.clean import Document
from devzones.tables import load_documents

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_docs() -> dict[str, Document]:
    """Cleaned seed documents by doc_id."""
    docs, errors = load_documents(SEEDS)
    assert not errors, errors
    return {d.doc_id: d for d in docs}
