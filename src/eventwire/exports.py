"""Writing events out: JSON Lines (the contract's form) and a flat CSV with one row per event."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from eventwire.schema import Event

CSV_COLUMNS = (
    "event_id", "article_ids", "event_date", "date_precision", "event_type", "sub_event_type",
    "interaction", "plover_type", "plover_mode", "cameo_root",
    "actor1", "actor1_type", "actor1_country", "actor1_backer",
    "actor2", "actor2_type", "actor2_country", "actor2_backer",
    "location", "admin1", "country", "latitude", "longitude", "geonames_id", "geo_precision",
    "fatalities_low", "fatalities_best", "fatalities_high",
    "injuries_low", "injuries_best", "injuries_high",
    "statement_speaker", "statement_text", "place_spoken", "trigger", "confidence",
)


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event.to_json_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def csv_row(event: Event) -> dict[str, object]:
    a1, a2, place = event.actor1, event.actor2, event.location
    return {
        "event_id": event.event_id,
        "article_ids": ";".join(event.article_ids),
        "event_date": event.event_date.isoformat() if event.event_date else "",
        "date_precision": event.date_precision,
        "event_type": event.acled.event_type if event.acled else "",
        "sub_event_type": event.acled.sub_event_type if event.acled else "",
        "interaction": (event.acled.interaction or "") if event.acled else "",
        "plover_type": event.plover.event_type if event.plover else "",
        "plover_mode": (event.plover.mode or "") if event.plover else "",
        "cameo_root": event.cameo_root or "",
        "actor1": a1.name,
        "actor1_type": a1.type,
        "actor1_country": a1.country_iso3 or "",
        "actor1_backer": a1.backer_iso3 or "",
        "actor2": a2.name if a2 else "",
        "actor2_type": a2.type if a2 else "",
        "actor2_country": (a2.country_iso3 or "") if a2 else "",
        "actor2_backer": (a2.backer_iso3 or "") if a2 else "",
        "location": place.name if place else "",
        "admin1": (place.admin1 or "") if place else "",
        "country": (place.country_iso3 or "") if place else "",
        "latitude": place.latitude if place and place.latitude is not None else "",
        "longitude": place.longitude if place and place.longitude is not None else "",
        "geonames_id": place.geonames_id if place and place.geonames_id is not None else "",
        "geo_precision": place.precision if place else "",
        "fatalities_low": _blank(event.fatalities.low),
        "fatalities_best": _blank(event.fatalities.best),
        "fatalities_high": _blank(event.fatalities.high),
        "injuries_low": _blank(event.injuries.low),
        "injuries_best": _blank(event.injuries.best),
        "injuries_high": _blank(event.injuries.high),
        "statement_speaker": event.statement.speaker if event.statement else "",
        "statement_text": event.statement.text if event.statement else "",
        "place_spoken": (event.statement.place_spoken or "") if event.statement else "",
        "trigger": event.trigger or "",
        "confidence": event.confidence,
    }


def _blank(value: int | None) -> object:
    return "" if value is None else value


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(csv_row(event))
        count += 1
    return count
