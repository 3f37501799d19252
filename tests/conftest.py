"""Shared fixtures: the project's own seeds, loaded and cleaned once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from devzones.cache import CACHE_ENV
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


@pytest.fixture(scope="session", autouse=True)
def session_cache(tmp_path_factory: pytest.TempPathFactory):
    """The extraction cache of the whole session lives in a temporary folder, never in the
    checkout (tests that need a private one set their own)."""
    previous = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("devzones-cache"))
    yield
    if previous is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = previous
