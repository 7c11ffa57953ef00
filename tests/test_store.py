"""One store test suite, run against both backends: DuckDB (a temporary file) and PostgreSQL.

PostgreSQL tests need a server: ``EVENTWIRE_TEST_POSTGRES=postgresql://...`` (``.ci/run`` starts
one with ``.ci/postgres.sh``). Each test gets its own schema, dropped afterwards. Without the
variable they are skipped -- except in CI (``CI=true``), where they must run.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
import uuid
from dataclasses import dataclass
from urllib.parse import quote

import pytest

from eventwire.errors import ConfigError
from eventwire.ingest import read_articles
from eventwire.merge import cluster, distance_km
from eventwire.query import BBox, EventQuery
from eventwire.schema import Article, Event, Place
from eventwire.store import ReadOnlySqlError, Store, StoreError, content_hash, ingest, open_store
from eventwire.store.migrations import LATEST

from .conftest import SCHEMA, SEED, require
from .test_merge import ACCUSE, CLASH, report

MERGE_DATA = os.path.join(os.path.dirname(__file__), "data", "merge")
BACKENDS = ["duckdb", "postgres"]


def postgres_base_url() -> str:
    url = os.environ.get("EVENTWIRE_TEST_POSTGRES")
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but EVENTWIRE_TEST_POSTGRES is not set: .ci/run must source .ci/postgres.sh")
    pytest.skip("PostgreSQL store tests need EVENTWIRE_TEST_POSTGRES=postgresql://... (run: source .ci/postgres.sh)")


@pytest.fixture
def postgres_url():
    """A URL whose tables live in a fresh schema of the test server."""
    import psycopg

    base = postgres_base_url()
    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path):
    """A fresh, empty database of each backend, as the --db string a user gives."""
    if request.param == "duckdb":
        return str(tmp_path / "test.duckdb")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(db):
    with open_store(db) as opened:
        yield opened


@dataclass
class Result:
    """What pipeline.run yields, for hand-made reports."""

    article: Article
    events: list[Event]


def article(article_id: str, *reports: Event, date: dt.date = dt.date(2021, 6, 28), source: str | None = None) -> Result:
    text = f"{article_id}: " + " ".join(r.trigger or "" for r in reports) + f" ({len(reports)} report(s))"
    return Result(Article(id=article_id, text=text, date=date, source=source), list(reports))


def strike_articles() -> list[Result]:
    """Five outlets, two strikes (Qaim, Albu Kamal) and a condemnation; one report bridges later."""
    return [
        article("afp", report("afp", 0, killed=[(4, "Hashed")]), report("afp", 1, place="abukamal", actor2=None,
                killed=[(7, "SOHR")]), report("afp", 2, acled=None, plover=ACCUSE, place=None, actor1="iraq_gov",
                actor2="us"), source="AFP"),
        article("reuters", report("reuters", 0, actor1="pmf", actor2=None, killed=[(4, None)]), source="Reuters"),
        article("ap", report("ap", 0, place="iraq", date=dt.date(2021, 6, 28), precision="week")),
        article("ana", report("ana", 0, place="abukamal", actor2="uag", killed=[(5, "SOHR")])),
        article("local", report("local", 0, place="haditha", acled=CLASH, actor1="iraq_mil", actor2="uag")),
    ]


# -- opening and migrations ------------------------------------------------------------------------
def test_a_new_store_is_created_at_the_latest_schema_version(db):
    with open_store(db) as store:
        assert store.schema_version() == LATEST
        assert store.sql("SELECT version FROM schema_version").rows == [(LATEST,)]
    with open_store(db) as store:  # opening again migrates nothing
        assert store.sql("SELECT COUNT(*) FROM schema_version").rows == [(1,)]


def test_a_store_from_a_newer_eventwire_is_refused(db):
    with open_store(db) as store:
        store._run("INSERT INTO schema_version VALUES (?, ?, ?)", [LATEST + 1, "future", dt.datetime(2030, 1, 1)])
    with pytest.raises(StoreError, match="upgrade eventwire"):
        open_store(db)


def test_read_only_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError, match="eventwire ingest"):
        open_store(str(tmp_path / "missing.duckdb"), read_only=True)


def test_both_backends_are_stores(store):
    assert isinstance(store, Store) and store.dialect in ("duckdb", "postgres")


def test_content_hash_ignores_line_ends_and_spacing():
    a = Article(id="a", text="Gunmen killed five villagers.\r\n\r\nPolice said.")
    b = Article(id="b", text="  Gunmen killed five  villagers.\n\nPolice said.\n")
    c = Article(id="c", text="Gunmen killed six villagers. Police said.")
    assert content_hash(a) == content_hash(b) != content_hash(c)


def test_an_abandoned_iteration_leaves_the_store_usable(store):
    store.add(strike_articles())
    first = next(iter(store.events()))
    assert first == next(store.events())
    store.add([article("later", report("later", 0, place="haditha", actor2=None))])
    assert store.count() == len(list(store.events()))


def test_unknown_database_urls_are_refused():
    with pytest.raises(StoreError, match="postgresql://"):
        open_store("mysql://localhost/x")


def test_an_unreachable_server_gives_a_clear_error():
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://nobody:secret@127.0.0.1:9/none", read_only=True)


# -- storing and merging --------------------------------------------------------------------------
def test_stored_events_are_the_clustering_of_all_reports(store):
    results = strike_articles()
    store.add(results)
    expected = [c.event for c in cluster(r for res in results for r in res.events)]
    assert list(store.events()) == expected
    assert store.stats() == {
        "articles": 5,
        "reports": 7,
        "events": len(expected),
        "event_articles": sum(len(e.article_ids) for e in expected),
    }
    qaim = next(e for e in store.events() if e.location and e.location.name == "Al Qa'im")
    assert qaim.article_ids == ["afp", "ap", "reuters"]
    assert qaim.fatalities.best == 4 and len(qaim.fatalities.claims) == 2


def test_events_round_trip_exactly(store):
    results = strike_articles()
    store.add(results)
    for event in store.events():
        assert store.get_event(event.event_id) == event
        members = store.reports(event.event_id)
        assert {m.event_id for m in members} >= {event.event_id}
        assert all(m in [r for res in results for r in res.events] for m in members)


def test_adding_the_same_articles_again_changes_nothing(store):
    store.add(strike_articles())
    before = store.dump()
    again = store.add(strike_articles())
    assert again.articles_added == [] and len(again.duplicates) == 5
    assert store.dump() == before


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3]])
@pytest.mark.parametrize("batch", [1, 2, 5])
def test_the_store_does_not_depend_on_arrival_order_or_batches(db, order, batch, tmp_path):
    results = strike_articles()
    with open_store(db) as store:
        arrival = [results[i] for i in order]
        for start in range(0, len(arrival), batch):
            store.add(arrival[start : start + batch])
        got = store.dump()
    reference = str(tmp_path / "reference.duckdb")
    with open_store(reference) as ref:
        ref.add(results)
        assert got == ref.dump()


def test_a_new_article_about_yesterdays_strike_joins_the_stored_event(store):
    store.add([article("day1", report("day1", 0, killed=[(4, "Hashed")]), date=dt.date(2021, 6, 27))])
    (stored,) = list(store.events())
    done = store.add([article("day2", report("day2", 0, date=dt.date(2021, 6, 28), killed=[(5, None)]))])
    (merged,) = list(store.events())
    assert merged.article_ids == ["day1", "day2"]
    assert [c.count for c in merged.fatalities.claims] == [4, 5] and merged.fatalities.best == 4
    assert merged.event_id == min(stored.event_id, report("day2", 0).event_id)
    assert done.events_updated or done.events_created


def test_a_report_linking_two_stored_events_merges_them(store):
    store.add([article("a", report("a", 0, place="husaybah")), article("c", report("c", 0, place="anbar",
                                                                                   actor2="kh"))])
    assert store.count() == 2
    done = store.add([article("b", report("b", 0, place="qaim", actor2=None))])
    (merged,) = list(store.events())
    assert merged.article_ids == ["a", "b", "c"]
    assert done.events_updated == [merged.event_id]
    assert 1 <= len(done.events_removed) <= 2  # both, when the new report has the smallest id
    # Old ids still find the event, through its reports.
    for old_id in done.events_removed:
        assert store.get_event(old_id) == merged
    assert store.sql("SELECT COUNT(*) FROM event_articles").rows == [(3,)]


def test_an_article_id_stored_with_other_text_is_skipped(store):
    store.add([article("x", report("x", 0))])
    clash = Result(Article(id="x", text="a corrected story", date=dt.date(2021, 6, 28)), [report("x", 1)])
    done = store.add([clash])
    assert done.conflicts == ["x"] and store.stats()["reports"] == 1


def test_articles_without_events_are_stored_so_they_are_skipped_next_time(store):
    empty = Result(Article(id="quiet", text="Nothing happened today."), [])
    store.add([empty])
    assert [a.article_id for a in store.articles()] == ["quiet"]
    assert store.stored_hashes([content_hash(empty.article)]) == {content_hash(empty.article)}


def test_a_failed_batch_leaves_nothing_behind(store, monkeypatch):
    store.add([article("a", report("a", 0))])
    before = store.dump()
    original = type(store)._insert

    def failing(self, table, columns, rows):
        original(self, table, columns, rows)
        if table == "reports":
            raise RuntimeError("disk full")

    monkeypatch.setattr(type(store), "_insert", failing)
    with pytest.raises(RuntimeError):
        store.add([article("b", report("b", 0))])
    monkeypatch.undo()
    assert store.dump() == before
    store.add([article("b", report("b", 0))])
    assert store.count() == 1 and next(store.events()).article_ids == ["a", "b"]


def test_sources_and_articles_are_kept(store):
    store.add(strike_articles())
    assert store.sources(["afp", "ap"]) == {"afp": "AFP", "ap": None}
    (afp,) = [a for a in store.articles() if a.article_id == "afp"]
    assert afp.source == "AFP" and afp.n_reports == 3 and afp.published == dt.date(2021, 6, 28)


# -- queries --------------------------------------------------------------------------------------
QUERIES = [
    EventQuery(),
    EventQuery(country="IRQ"),
    EventQuery(country="SYR"),
    EventQuery(since=dt.date(2021, 6, 28)),
    EventQuery(until=dt.date(2021, 6, 27)),
    EventQuery(type="Explosions/Remote violence"),
    EventQuery(type="air/drone strike"),
    EventQuery(type="accuse"),
    EventQuery(actor="hezbollah"),
    EventQuery(actor="UNITED STATES"),
    EventQuery(actor="100%_"),
    EventQuery(bbox=BBox(40.8, 34.3, 41.0, 34.5)),
    EventQuery(bbox=BBox(170, -10, 41, 40)),  # across the antimeridian: everything west of 41 E
    EventQuery(country="IRQ", type="Battles"),
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: repr(q)[10:60])
def test_filters_in_sql_match_filters_in_memory(store, query):
    store.add(strike_articles())
    everything = list(store.events())
    assert list(store.events(query)) == [e for e in everything if query.matches(e)]
    assert store.count(query) == sum(1 for e in everything if query.matches(e))


def test_limit_and_offset_page_through_events(store):
    store.add(strike_articles())
    everything = list(store.events())
    assert list(store.events(EventQuery(limit=2))) == everything[:2]
    assert list(store.events(EventQuery(limit=2, offset=2))) == everything[2:4]


@pytest.mark.parametrize(
    "options, message",
    [
        ({"country": "Iraq"}, "ISO 3166"),
        ({"since": "28/06/2021"}, "YYYY-MM-DD"),
        ({"since": "2021-06-29", "until": "2021-06-28"}, "after"),
        ({"bbox": "1,2,3"}, "four numbers"),
        ({"bbox": "1,50,3,40"}, "south"),
        ({"bbox": "200,0,3,4"}, "-180..180"),
    ],
)
def test_bad_filters_say_what_to_give(options, message):
    with pytest.raises(ConfigError, match=message):
        EventQuery.parse(**options)


def test_the_filter_parser_normalises_input():
    query = EventQuery.parse(country=" irq ", since="2021-06-27", bbox="38,32,44,37", actor=" ")
    assert query == EventQuery(country="IRQ", since=dt.date(2021, 6, 27), bbox=BBox(38, 32, 44, 37))


# -- read-only SQL ----------------------------------------------------------------------------------
def test_sql_runs_read_only_queries(store):
    store.add(strike_articles())
    result = store.sql("SELECT event_type, COUNT(*) AS n FROM events GROUP BY 1 ORDER BY 2 DESC, 1")
    assert result.columns == ["event_type", "n"]
    assert sum(n for _, n in result.rows) == store.count()
    assert store.sql("SELECT COUNT(*) FROM events WHERE actor_text LIKE '%iraq%'").rows[0][0] >= 1


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM events",
        "DROP TABLE events",
        "SELECT 1; DELETE FROM events",
        "WITH gone AS (DELETE FROM events RETURNING 1) SELECT * FROM gone",
        "UPDATE events SET actor1 = 'x'",
        "",
    ],
)
def test_sql_cannot_change_the_store(db, statement):
    with open_store(db) as store:
        store.add(strike_articles())
        before = store.dump()
        try:  # refused, or run in a transaction that is rolled back
            store.sql(statement)
        except ReadOnlySqlError:
            pass
        assert store.dump() == before
    with open_store(db, read_only=True) as store:  # as `eventwire sql` opens it: refused
        with pytest.raises(ReadOnlySqlError):
            store.sql(statement)
        assert store.dump() == before


def test_read_only_stores_refuse_to_write(db):
    with open_store(db) as store:
        store.add(strike_articles())
    with open_store(db, read_only=True) as store:
        assert store.count() > 0
        with pytest.raises(StoreError, match="read-only"):
            store.add([article("new", report("new", 0))])


# -- the done criterion: three outlets' reports of the 27-28 June 2021 strikes -----------------------
def test_seed_and_two_other_outlets_give_one_strike_event_per_place(db, nlp):
    files = [str(require(SEED)), *sorted(glob.glob(os.path.join(MERGE_DATA, "*.txt")))]
    assert len(files) == 3
    with open_store(db) as store:
        done = ingest(read_articles(files), store, nlp=nlp, batch_size=1)
        assert done.added == 3 and done.batches == 3
        strikes = [e for e in store.events() if e.acled and e.acled.sub_event_type == "Air/drone strike"]
        places = [(e.location.country_iso3, e.location.name) for e in strikes]
        assert len(set(places)) == len(places), f"one strike event per place, got {places}"
        assert {country for country, _ in places} == {"IRQ", "SYR"}
        article_ids = {"seed_article", "levant_dispatch_20210628", "meridian_wire_20210628"}
        for event in strikes:
            assert set(event.article_ids) == article_ids
            # Every claim of every report merged into the event is kept.
            members = store.reports(event.event_id)
            for field in ("fatalities", "injuries"):
                claims = {c.model_dump_json() for m in members for c in getattr(m, field).claims}
                assert {c.model_dump_json() for c in getattr(event, field).claims} == claims
            counts = [c.count for c in event.fatalities.claims]
            assert event.fatalities.best == min(counts) and event.fatalities.high == max(counts)
            assert {e.article_id for e in event.evidence} == article_ids
        (qaim,) = [e for e in strikes if e.location.country_iso3 == "IRQ"]
        near_qaim = Place(name="Al Qaim", latitude=34.39, longitude=40.99)
        assert distance_km(qaim.location, near_qaim) < 30 and {c.count for c in qaim.fatalities.claims} >= {4}
        assert len(qaim.fatalities.claims) >= 3
        # Running it again changes nothing.
        before = store.dump()
        again = ingest(read_articles(files), store, nlp=nlp)
        assert again.skipped == 3 and again.added == 0
        assert store.dump() == before
        if os.path.exists(str(SCHEMA)):
            jsonschema = pytest.importorskip("jsonschema")
            schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
            for event in store.events():
                jsonschema.validate(event.to_json_dict(), schema)
