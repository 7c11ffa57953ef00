"""Helpers shared by the test modules (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

import datetime as dt

from eventwire.evaluate.plover import main_event
from eventwire.pipeline import run
from eventwire.schema import Article, Event


def events_of(nlp, text: str, date: dt.date = dt.date(2024, 6, 12)) -> list[Event]:
    """The events the full pipeline extracts from one text."""
    (result,) = list(run([Article(id="t", text=text, date=date)], nlp=nlp))
    return result.events


def events_of_each(nlp, texts: list[str], date: dt.date = dt.date(2024, 6, 12)) -> list[list[Event]]:
    """The events of each text, in one batch through the pipeline."""
    articles = [Article(id=str(i), text=text, date=date) for i, text in enumerate(texts)]
    return [result.events for result in run(articles, nlp=nlp)]


def main_event_of(nlp, text: str, date: dt.date = dt.date(2024, 6, 12)) -> Event:
    """The event a one-sentence report is about: the one whose trigger comes first, as PLOVER
    scoring picks it."""
    event = main_event(events_of(nlp, text, date))
    assert event is not None, text
    return event
