"""Exports read back: ACLED CSV, PLOVER JSON Lines, GeoJSON and Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.exports import (
    ACLED_COLUMNS,
    CSV_COLUMNS,
    PARQUET_TYPES,
    read_parquet,
    write_acled,
    write_csv,
    write_geojson,
    write_jsonl,
    write_parquet,
    write_plover,
)
from eventwire.merge import cluster
from eventwire.schema import Event
from eventwire.store import open_store

from .test_merge import ACCUSE, STRIKE, report
from .test_store import article


@pytest.fixture(scope="module")
def events() -> list[Event]:
    """Merged events: a strike reported twice, a statement (no place), an undated clash."""
    reports = [
        report("afp", 0, killed=[(4, "Hashed al-Shaabi")], injured=[(6, None)]),
        report("reuters", 0, place="husaybah", killed=[(7, None)]),
        report("afp", 1, acled=None, plover=ACCUSE, place=None, actor1="iraq_gov", actor2="us"),
        report("local", 0, place="abukamal", actor2=None, date=dt.date(2021, 6, 20), precision="week",
               acled=STRIKE.model_copy(update={"interaction": None})),
    ]
    return [c.event for c in cluster(reports)]


def _strike(events):
    return next(e for e in events if e.acled and len(e.article_ids) == 2)


def test_acled_csv_has_acleds_columns_and_conventions(events):
    out = io.StringIO()
    sources = {"afp": "AFP", "reuters": "Reuters"}
    written = write_acled(events, out, sources=sources)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    assert written == len(rows) == 2  # the statement is outside ACLED's scope
    strike = _strike(events)
    (row,) = [r for r in rows if r["event_id_cnty"].startswith("IRQ")]
    assert row["event_date"] == "2021-06-27" and row["year"] == "2021" and row["time_precision"] == "1"
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert row["actor1"] == "Military Forces of the United States" and row["inter1"] == "8"
    assert row["actor2"] == "Popular Mobilization Forces" and row["inter2"] == "3" and row["interaction"] == "38"
    assert (row["country"], row["admin1"]) == ("Iraq", "Anbar")
    assert float(row["latitude"]) == strike.location.latitude and float(row["longitude"]) == strike.location.longitude
    assert row["geo_precision"] == str(strike.location.precision)
    assert row["source"] == "AFP; Reuters"
    assert row["fatalities"] == "4"  # the most conservative claim, not 4 + 7
    assert row["notes"].startswith("On 27 June 2021, ") and "Hashed al-Shaabi" in row["notes"]
    (syria,) = [r for r in rows if r["event_id_cnty"].startswith("SYR")]
    assert syria["time_precision"] == "2" and syria["inter2"] == "0" and syria["interaction"] == "80"
    assert syria["fatalities"] == "0"  # ACLED writes 0 when no figure is reported


def test_acled_ids_are_stable(events):
    first, second = io.StringIO(), io.StringIO()
    write_acled(events, first)
    write_acled(list(reversed(events)), second)
    ids = lambda text: sorted(r["event_id_cnty"] for r in csv.DictReader(io.StringIO(text)))  # noqa: E731
    assert ids(first.getvalue()) == ids(second.getvalue())


def test_plover_records_read_back(events):
    out = io.StringIO()
    written = write_plover(events, out, sources={"afp": "AFP"})
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert written == len(records) == len(events)
    by_id = {r["id"]: r for r in records}
    strike = by_id[_strike(events).event_id]
    assert strike["event"] == ["ASSAULT"] and strike["mode"] == ["aerial"] and strike["quad_code"] == 4
    assert strike["date"] == "2021-06-27"
    assert strike["actor"][0] == {"code": "USA", "sector": "MIL", "entity_text": "Military Forces of the United States",
                                  "identifier_text": "Military Forces of the United States"}
    assert strike["recipient"][0]["code"] == "IRQ"
    assert strike["event_loc"]["country_code"] == "IRQ" and strike["event_loc"]["geonameid"] == _strike(events).location.geonames_id
    assert strike["size"] == {"dead": 4, "injured": 6}
    assert {c["citation"] for c in strike["cite_info"]} == {"afp", "reuters"}
    statement = next(r for r in records if r["event"] == ["ACCUSE"])
    assert statement["event_loc"] is None and statement["actor"][0]["sector"] == "GOV" and statement["quad_code"] == 3


def test_geojson_is_a_feature_collection_gis_tools_read(events):
    out = io.StringIO()
    written = write_geojson(events, out)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection" and written == len(collection["features"]) == len(events)
    by_id = {f["id"]: f for f in collection["features"]}
    strike = _strike(events)
    feature = by_id[strike.event_id]
    assert feature["geometry"] == {"type": "Point", "coordinates": [strike.location.longitude, strike.location.latitude]}
    assert feature["properties"]["event_id"] == strike.event_id
    assert set(feature["properties"]) == set(CSV_COLUMNS)
    assert feature["properties"]["fatalities_best"] == 4 and feature["properties"]["actor1_backer"] is None
    statement = next(f for f in collection["features"] if f["properties"]["plover_type"] == "ACCUSE")
    assert statement["geometry"] is None


def test_empty_geojson_is_valid():
    out = io.StringIO()
    assert write_geojson([], out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_parquet_round_trips_every_event(events, tmp_path):
    path = tmp_path / "events.parquet"
    assert write_parquet(events, path) == len(events)
    assert read_parquet(path) == events
    con = duckdb.connect()
    schema = {r[0]: r[1] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()}
    assert schema == PARQUET_TYPES
    strike = _strike(events)
    row = con.execute(
        f"SELECT article_ids, event_date, latitude, fatalities_best FROM read_parquet('{path}') WHERE event_id = ?",
        [strike.event_id],
    ).fetchone()
    assert row == (strike.article_ids, strike.event_date, strike.location.latitude, 4)


def test_empty_parquet_keeps_its_columns(tmp_path):
    path = tmp_path / "none.parquet"
    assert write_parquet([], path) == 0
    assert read_parquet(path) == []
    columns = [r[0] for r in duckdb.connect().execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()]
    assert columns == list(PARQUET_TYPES)


def test_jsonl_and_csv_are_unchanged(events):
    out = io.StringIO()
    assert write_jsonl(events, out) == len(events)
    assert [Event.model_validate_json(line) for line in out.getvalue().splitlines()] == events
    out = io.StringIO()
    write_csv(events, out)
    assert out.getvalue().splitlines()[0].split(",") == list(CSV_COLUMNS)


@pytest.mark.parametrize("fmt", ["acled", "plover", "geojson", "parquet"])
def test_export_command_writes_each_format(tmp_path, fmt):
    db = str(tmp_path / "store.duckdb")
    with open_store(db) as store:
        store.add([article("afp", report("afp", 0, killed=[(4, None)])), article("ap", report("ap", 0))])
        stored = list(store.events())
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(app, ["export", "--db", db, "--format", fmt, str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "parquet":
        assert read_parquet(out) == stored
    elif fmt == "geojson":
        assert [f["id"] for f in json.loads(out.read_text())["features"]] == [e.event_id for e in stored]
    elif fmt == "acled":
        assert len(list(csv.DictReader(out.open()))) == 1
    else:
        assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [e.event_id for e in stored]


def test_export_filters_like_events(tmp_path):
    db = str(tmp_path / "store.duckdb")
    with open_store(db) as store:
        store.add([article("afp", report("afp", 0)), article("x", report("x", 0, place="abukamal", actor2=None))])
    out = tmp_path / "syria.geojson"
    result = CliRunner().invoke(app, ["export", "--db", db, "-f", "geojson", "--country", "SYR", str(out)])
    assert result.exit_code == 0, result.output
    (feature,) = json.loads(out.read_text())["features"]
    assert feature["properties"]["country"] == "SYR"
