"""Scoring against the PLOVER gold-standard records (``PLOVER_GSR_CAMEO.txt``).

Each record is one sentence with its coded event type and source and target actors (ISO3 codes).
The sentence is run through the full pipeline as an article dated with the record's date; the
predicted event is the one whose trigger comes first in the sentence. No gold field is used to
choose it.

The gold records were coded with an earlier PLOVER draft whose names for three types changed in
the 2021 manual (the CAMEO-to-PLOVER table beside the gold file): DISAPPROVE is now ACCUSE,
DEMAND is REQUEST and FIGHT is ASSAULT. Gold types are read through that rename; nothing else
is mapped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pycountry

from eventwire.nlp import build_nlp
from eventwire.pipeline import run
from eventwire.schema import Article, Event

RENAMED_TYPES = {"DISAPPROVE": "ACCUSE", "DEMAND": "REQUEST", "FIGHT": "ASSAULT"}
ISO3 = re.compile(r"^[A-Z]{3}$")


def _gold_records(path: Path) -> list[dict]:
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]


def _codes(actors: object) -> set[str]:
    """The ISO 3166 countries among the gold actor codes (sector codes such as IGO, NGO, CIV and
    pre-ISO codes are not countries: a record without a country is not scored for it)."""
    if not isinstance(actors, list):
        return set()
    codes = {a.get("code", "")[:3] for a in actors if isinstance(a, dict)}
    return {code for code in codes if ISO3.match(code) and pycountry.countries.get(alpha_3=code)}


def _first_offset(event: Event) -> int:
    triggers = [ev.start for ev in event.evidence if ev.field == "trigger"]
    return min(triggers) if triggers else 1 << 30


def _article(record: dict, index: int) -> Article:
    try:
        date = dt.date.fromisoformat(record.get("date", ""))
    except ValueError:
        date = None
    # the record's index keeps ids unique: two gold records share one id
    return Article(id=f"{record.get('id') or 'plover'}#{index}", text=record["text"], date=date)


def evaluate_plover(path: Path, *, limit: int | None = None) -> dict:
    records = _gold_records(Path(path))[:limit]
    articles = [_article(r, i) for i, r in enumerate(records)]
    failures: list = []
    predictions = {
        res.article.id: res.events for res in run(articles, nlp=build_nlp(), on_error=failures.append)
    }
    type_hits = source_hits = source_n = target_hits = target_n = found = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for record, article in zip(records, articles):
        gold_type = RENAMED_TYPES.get(record["event"], record["event"])
        event = main_event(predictions.get(article.id, []))
        predicted = event.plover.event_type if event and event.plover else "NONE"
        found += event is not None
        type_hits += predicted == gold_type
        if predicted != gold_type:
            confusion[(gold_type, predicted)] += 1
        sources, targets = _codes(record.get("source")), _codes(record.get("target"))
        if sources:
            source_n += 1
            source_hits += bool(event and event.actor1.country_iso3 in sources)
        if targets:
            target_n += 1
            target_hits += bool(event and event.actor2 and event.actor2.country_iso3 in targets)
    n = len(records)
    return {
        "corpus": "plover_gsr",
        "records": n,
        "with_event": found,
        "failed": len(failures),
        "event_type_accuracy": type_hits / n if n else None,
        "source_country_accuracy": source_hits / source_n if source_n else None,
        "source_scored": source_n,
        "target_country_accuracy": target_hits / target_n if target_n else None,
        "target_scored": target_n,
        "top_confusions": [f"{g} -> {p}: {c}" for (g, p), c in confusion.most_common(12)],
    }


def main_event(events: list[Event]) -> Event | None:
    """The event the sentence is about: the one whose trigger comes first."""
    return min(events, key=_first_offset) if events else None
