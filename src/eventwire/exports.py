"""Writing events out, in the formats users' tools read.

* ``write_jsonl``: the contract's form, one event per line.
* ``write_csv``: a flat CSV, one row per event (``CSV_COLUMNS``).
* ``write_acled``: ACLED's CSV columns and conventions (``ACLED_COLUMNS``).
* ``write_plover``: PLOVER JSON records, one per line (the PLOVER spec's suggested JSONL).
* ``write_geojson``: a GeoJSON FeatureCollection of points (QGIS, geopandas, Leaflet).
* ``write_parquet``: Parquet, typed columns plus the full event JSON (``read_parquet`` reads it
  back into events), written by DuckDB.

The writers take any iterable of events and return how many records they wrote.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TextIO

from eventwire.schema import ACLED_INTER_CODES, Actor, Event

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


# -- ACLED ----------------------------------------------------------------------------------------
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "inter2", "interaction",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities",
)
# ACLED time_precision: 1 the day is known, 2 the week (or a few days), 3 only the month or less.
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO3 -> country name as ACLED writes it ("Syria", not "Syrian Arab Republic")."""
    text = resources.files("eventwire.data").joinpath("countries.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {row["iso3"]: row["name"] for row in rows}


def country_name(iso3: str | None) -> str:
    if not iso3:
        return ""
    return _country_names().get(iso3, iso3)


def _inter(actor: Actor | None) -> int:
    return ACLED_INTER_CODES.get(actor.type, 0) if actor is not None else 0


def acled_id(event: Event) -> str:
    """``event_id_cnty``: ACLED's country prefix then a number unique to the event.

    ACLED numbers its events per country; eventwire's number is the event id's 16 hex digits
    read as a decimal number, so the same event keeps the same ``event_id_cnty``.
    """
    prefix = event.location.country_iso3 if event.location and event.location.country_iso3 else "XXX"
    digits = event.event_id.removeprefix("ew-")
    try:
        number = str(int(digits, 16))
    except ValueError:
        number = digits
    return f"{prefix}{number}"


def _day(date: dt.date) -> str:
    return f"{date.day} {date.strftime('%B %Y')}"


def acled_notes(event: Event, *, sources: Mapping[str, str | None] | None = None) -> str:
    """A one-paragraph summary in ACLED's manner: "On 27 June 2021, ..."."""
    when = f"On {_day(event.event_date)}, " if event.event_date else "On an unknown date, "
    kind = event.acled.sub_event_type if event.acled else (event.plover.event_type if event.plover else "event")
    text = f"{when}{kind.lower()} by {event.actor1.name}"
    if event.actor2 is not None:
        text += f" against {event.actor2.name}"
    place = event.location
    if place is not None:
        where = ", ".join(p for p in (place.name, place.admin1, country_name(place.country_iso3)) if p)
        text += f" {'near' if place.precision == 2 else 'in'} {where}"
    text += "."
    for label, count in (("fatalities", event.fatalities), ("injuries", event.injuries)):
        if count.claims:
            claims = "; ".join(
                f"{c.count}{'+' if c.qualifier in ('at_least', 'more_than') else ''} according to "
                f"{c.source or (sources or {}).get(c.article_id) or c.article_id}"
                for c in count.claims
            )
            text += f" Reported {label}: {claims}."
    text += f" [eventwire {event.event_id}; {len(event.article_ids)} report(s)]"
    return text


def _sources(event: Event, sources: Mapping[str, str | None] | None) -> str:
    names: list[str] = []
    for article_id in event.article_ids:
        name = (sources or {}).get(article_id) or article_id
        if name not in names:
            names.append(name)
    return "; ".join(names)


def acled_row(event: Event, *, sources: Mapping[str, str | None] | None = None) -> dict[str, object] | None:
    """The ACLED row of an event; ``None`` for an event outside ACLED's scope (no ``acled``)."""
    if event.acled is None:
        return None
    place = event.location
    inter1, inter2 = _inter(event.actor1), _inter(event.actor2)
    interaction = event.acled.interaction or (f"{min(inter1, inter2)}{max(inter1, inter2)}" if inter2 else f"{inter1}0")
    return {
        "event_id_cnty": acled_id(event),
        "event_date": event.event_date.isoformat() if event.event_date else "",
        "year": event.event_date.year if event.event_date else "",
        "time_precision": ACLED_TIME_PRECISION[event.date_precision],
        "event_type": event.acled.event_type,
        "sub_event_type": event.acled.sub_event_type,
        "actor1": event.actor1.name,
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": event.actor2.name if event.actor2 else "",
        "inter2": inter2,
        "interaction": int(interaction) if interaction.isdigit() else interaction,
        "country": country_name(place.country_iso3) if place else "",
        "admin1": (place.admin1 or "") if place else "",
        "location": place.name if place else "",
        "latitude": _blank(place.latitude) if place else "",
        "longitude": _blank(place.longitude) if place else "",
        "geo_precision": place.precision if place else "",
        "source": _sources(event, sources),
        "notes": acled_notes(event, sources=sources),
        "fatalities": event.fatalities.best or 0,
    }


def write_acled(events: Iterable[Event], out: TextIO, *, sources: Mapping[str, str | None] | None = None) -> int:
    """ACLED CSV. Events outside ACLED's scope (statements, ...) are left out; ``sources`` maps
    article ids to outlet names for the ``source`` column (article ids where unknown)."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        row = acled_row(event, sources=sources)
        if row is not None:
            writer.writerow(row)
            count += 1
    return count


# -- PLOVER ---------------------------------------------------------------------------------------
# PLOVER sector codes by actor type (CAMEO's agent codes, which PLOVER keeps).
PLOVER_SECTORS = {
    "state_forces": "MIL", "external_forces": "MIL", "government": "GOV", "rebel_group": "REB",
    "political_militia": "UAF", "identity_militia": "UAF", "rioters": "CVL", "protesters": "CVL",
    "civilians": "CVL", "international_organization": "IGO", "ngo": "NGO", "media": "MED",
    "political_party": "PTY",
}
# PLOVER quad codes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
PLOVER_QUADS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


def _plover_entity(actor: Actor) -> dict[str, object]:
    sector = "COP" if actor.name.startswith("Police Forces") else PLOVER_SECTORS.get(actor.type)
    entity: dict[str, object] = {"code": actor.country_iso3, "sector": sector,
                                 "entity_text": actor.mention or actor.name, "identifier_text": actor.name}
    if actor.person:
        entity["office"] = actor.person
    return entity


def plover_record(event: Event, *, sources: Mapping[str, str | None] | None = None) -> dict[str, object] | None:
    """The PLOVER record of an event (field names of the PLOVER spec's "Data Fields" chapter);
    ``None`` for an event without a PLOVER type."""
    if event.plover is None:
        return None
    place = event.location
    record: dict[str, object] = {
        "id": event.event_id,
        "date": event.event_date.isoformat() if event.event_date else None,
        "actor": [_plover_entity(event.actor1)],
        "recipient": [_plover_entity(event.actor2)] if event.actor2 else [],
        "event": [event.plover.event_type],
        "mode": [event.plover.mode] if event.plover.mode else [],
        "context": list(event.plover.context),
        "event_loc": {
            "extracted_place": place.mention or place.name,
            "resolved_place": place.name,
            "geonameid": place.geonames_id,
            "lat": place.latitude,
            "lon": place.longitude,
            "province": place.admin1,
            "country": country_name(place.country_iso3) or None,
            "country_code": place.country_iso3,
            "resolution": {1: 4, 2: 4}.get(place.precision, 2 if place.admin1 else 1),
        } if place else None,
        "event_text": [e.text for e in event.evidence if e.field == "trigger"],
        "size": {"dead": event.fatalities.best, "injured": event.injuries.best},
        "cite_info": [
            {"citation": a, "publication": (sources or {}).get(a)} for a in event.article_ids
        ],
        "coder": "eventwire",
        "codebook": "plover",
        # Extensions (PLOVER invites extra named fields).
        "cameo_root": event.cameo_root,
        "acled_event_type": event.acled.event_type if event.acled else None,
        "acled_sub_event_type": event.acled.sub_event_type if event.acled else None,
        "confidence": event.confidence,
    }
    if event.plover.event_type in PLOVER_QUADS:
        record["quad_code"] = PLOVER_QUADS[event.plover.event_type]
    if event.event_date:
        record["date_precision"] = event.date_precision
    return record


def write_plover(events: Iterable[Event], out: TextIO, *, sources: Mapping[str, str | None] | None = None) -> int:
    """PLOVER records as JSON Lines; events without a PLOVER type are left out."""
    count = 0
    for event in events:
        record = plover_record(event, sources=sources)
        if record is not None:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


# -- GeoJSON --------------------------------------------------------------------------------------
def geojson_feature(event: Event) -> dict[str, object]:
    """A Point feature (``null`` geometry when the place has no coordinates); the properties
    are the flat CSV columns, with ``null`` for blanks so that GIS tools type them right."""
    place = event.location
    geometry = None
    if place is not None and place.latitude is not None and place.longitude is not None:
        geometry = {"type": "Point", "coordinates": [place.longitude, place.latitude]}
    properties = {k: (None if v == "" else v) for k, v in csv_row(event).items()}
    return {"type": "Feature", "id": event.event_id, "geometry": geometry, "properties": properties}


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    """A GeoJSON FeatureCollection (RFC 7946, WGS 84 longitude/latitude), written as it goes."""
    out.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for event in events:
        out.write(("," if count else "") + "\n" + json.dumps(geojson_feature(event), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


# -- Parquet --------------------------------------------------------------------------------------
PARQUET_TYPES: dict[str, str] = {
    "event_id": "VARCHAR", "article_ids": "VARCHAR[]", "event_date": "DATE", "date_precision": "VARCHAR",
    "event_type": "VARCHAR", "sub_event_type": "VARCHAR", "interaction": "VARCHAR", "plover_type": "VARCHAR",
    "plover_mode": "VARCHAR", "cameo_root": "VARCHAR",
    "actor1": "VARCHAR", "actor1_type": "VARCHAR", "actor1_country": "VARCHAR", "actor1_backer": "VARCHAR",
    "actor2": "VARCHAR", "actor2_type": "VARCHAR", "actor2_country": "VARCHAR", "actor2_backer": "VARCHAR",
    "location": "VARCHAR", "admin1": "VARCHAR", "country": "VARCHAR", "latitude": "DOUBLE", "longitude": "DOUBLE",
    "geonames_id": "BIGINT", "geo_precision": "INTEGER",
    "fatalities_low": "INTEGER", "fatalities_best": "INTEGER", "fatalities_high": "INTEGER",
    "injuries_low": "INTEGER", "injuries_best": "INTEGER", "injuries_high": "INTEGER",
    "statement_speaker": "VARCHAR", "statement_text": "VARCHAR", "place_spoken": "VARCHAR", "trigger": "VARCHAR",
    "confidence": "DOUBLE",
    "event_json": "VARCHAR",
}


def parquet_row(event: Event) -> dict[str, object]:
    row = {k: (None if v == "" else v) for k, v in csv_row(event).items()}
    row["article_ids"] = list(event.article_ids)
    row["event_json"] = json.dumps(event.to_json_dict(), ensure_ascii=False)
    return row


def _sql_path(path: str | os.PathLike[str]) -> str:
    return "'" + os.fspath(path).replace("'", "''") + "'"


def write_parquet(events: Iterable[Event], path: str | os.PathLike[str]) -> int:
    """Parquet with the typed columns of ``PARQUET_TYPES``; ``event_json`` holds the whole event."""
    import duckdb

    count = 0
    with tempfile.TemporaryDirectory(prefix="eventwire-parquet-") as folder:
        rows = Path(folder) / "rows.jsonl"
        with open(rows, "w", encoding="utf-8") as out:
            for event in events:
                out.write(json.dumps(parquet_row(event), ensure_ascii=False) + "\n")
                count += 1
        columns = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in PARQUET_TYPES.items()) + "}"
        connection = duckdb.connect(":memory:")
        try:
            connection.execute(
                f"COPY (SELECT * FROM read_json({_sql_path(rows)}, format = 'newline_delimited', "
                f"columns = {columns})) TO {_sql_path(path)} (FORMAT parquet, COMPRESSION zstd)"
            )
        finally:
            connection.close()
    return count


def read_parquet(path: str | os.PathLike[str]) -> list[Event]:
    """The events of a file written by ``write_parquet``."""
    import duckdb

    connection = duckdb.connect(":memory:")
    try:
        rows = connection.execute(f"SELECT event_json FROM read_parquet({_sql_path(path)})").fetchall()
    finally:
        connection.close()
    return [Event.model_validate_json(row[0]) for row in rows]
