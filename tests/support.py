"""Helpers shared by the test modules (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

import datetime as dt

from eventwire.pipeline import run
from eventwire.schema import Article, Event


def events_of(nlp, text: str, date: dt.date = dt.date(2024, 6, 12)) -> list[Event]:
    """The events the full pipeline extracts from one text."""
    (result,) = list(run([Article(id="t", text=text, date=date)], nlp=nlp))
    return result.events
