"""Shared fixtures: the pipeline (built once per test session) and the shared folder's paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", REPO.parent / "shared"))
SEED = SHARED / "corpus" / "seed_article.txt"
SCHEMA = SHARED / "contract" / "event.schema.json"
GOLDEN = Path(__file__).parent / "golden"


def require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (set EVENTWIRE_SHARED to the shared folder)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def seed_events(nlp):
    from eventwire.ingest import read_articles
    from eventwire.pipeline import run

    (result,) = list(run(read_articles([require(SEED)]), nlp=nlp))
    return result.article, result.events


@pytest.fixture(scope="session")
def gaz():
    from eventwire.resolve.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse with the model only; the stages under test are called by the tests themselves."""
    disabled = [name for name in nlp.pipe_names if name.startswith("eventwire_")]

    def run(text: str):
        with nlp.select_pipes(disable=disabled):
            return nlp(text)

    return run


@pytest.fixture(scope="session")
def kb():
    from eventwire.resolve.actors import load_actor_kb

    return load_actor_kb()
