"""Golden tests on reports written for the project: a battle and a protest (the seed has its own).

Each ``X.txt`` has an ``X.expected.json``: the fields a careful human coder would record, checked
by hand. The comparison is over that projection, so that confidence and evidence details can
change without touching the golden files.
"""

from __future__ import annotations

import json

import pytest

from eventwire.ingest import read_articles
from eventwire.pipeline import run

from .conftest import GOLDEN

CASES = sorted(p.with_suffix("").with_suffix("").name for p in GOLDEN.glob("*.expected.json"))


def project(event) -> dict:
    place = event.location
    return {
        "acled": f"{event.acled.event_type} / {event.acled.sub_event_type}" if event.acled else None,
        "plover": event.plover.event_type,
        "cameo_root": event.cameo_root,
        "date": event.event_date.isoformat() if event.event_date else None,
        "actor1": event.actor1.name,
        "actor1_type": event.actor1.type,
        "actor2": event.actor2.name if event.actor2 else None,
        "location": None if place is None else f"{place.name}, {place.country_iso3}, precision {place.precision}",
        "fatalities": [event.fatalities.low, event.fatalities.best, event.fatalities.high],
        "fatality_claims": sorted(f"{c.count} {c.qualifier} ({c.source})" for c in event.fatalities.claims),
    }


@pytest.mark.parametrize("name", CASES)
def test_golden_article(name, nlp):
    (result,) = list(run(read_articles([GOLDEN / f"{name}.txt"]), nlp=nlp))
    expected = json.loads((GOLDEN / f"{name}.expected.json").read_text(encoding="utf-8"))
    assert [project(e) for e in result.events] == expected
