"""``eventwire ingest`` / ``events`` / ``sql``: idempotent, resumable after a kill, readable back."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.ingest import read_articles
from eventwire.store import ingest, open_store

from .conftest import SEED, require
from .test_store import MERGE_DATA, db, postgres_url  # noqa: F401  (fixtures)

CLI = [sys.executable, "-c", "from eventwire.cli import app; app()"]

TOWNS = ["Kaduna", "Maiduguri", "Mogadishu", "Kismayo", "Goma", "Bunia", "Beledweyne", "Gao"]
OUTLETS = {
    "wire": "Gunmen killed {n} villagers in an attack on a village near {town} on {weekday}, police said.",
    "daily": "At least {n} people were killed when armed men attacked a village outside {town} on {weekday}, "
             "local officials told reporters.",
    "radio": "Suspected militants stormed a village near {town} on {weekday}, killing {m} civilians, residents said. "
             "The army said troops had been sent to the area.",
}


def news_corpus(path, incidents: int = 8) -> int:
    """JSON Lines: each incident reported by three outlets, the reports spread through the file."""
    lines = []
    for outlet, template in OUTLETS.items():
        for i in range(incidents):
            day = dt.date(2024, 5, 5) + dt.timedelta(days=i)  # a Sunday, then one day later each time
            published = day + dt.timedelta(days=1)
            text = template.format(n=3 + i, m=5 + i, town=TOWNS[i % len(TOWNS)], weekday=day.strftime("%A"))
            lines.append({"id": f"{outlet}-{i:02d}", "text": text, "date": published.isoformat(), "source": outlet})
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return len(lines)


def invoke(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def dump(database: str) -> dict:
    with open_store(database, read_only=True) as store:
        return store.dump()


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    news_corpus(path)
    return path


@pytest.fixture
def reference(corpus, tmp_path, nlp):
    """The store one uninterrupted run gives (DuckDB: stores are compared by their dumps)."""
    database = str(tmp_path / "reference.duckdb")
    with open_store(database) as store:
        done = ingest(read_articles([corpus]), store, nlp=nlp, batch_size=2)
    assert done.added == 24 and done.failed == []
    return dump(database)


def test_ingest_twice_changes_nothing(tmp_path, nlp):
    database = str(tmp_path / "events.duckdb")
    files = [str(require(SEED)), MERGE_DATA]
    first = invoke("ingest", *files, "--db", database)
    assert "3 stored" in first.output
    before = dump(database)
    second = invoke("ingest", *files, "--db", database)
    assert "3 already stored" in second.output and "0 stored" in second.output
    assert dump(database) == before


def test_kill_after_some_commits_then_resume_gives_the_same_store(db, corpus, reference):
    """SIGKILL from outside, right after the third commit; then run the same command again."""
    command = [*CLI, "ingest", str(corpus), "--db", db, "--batch-size", "2", "-v"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    commits = 0
    for line in process.stderr:
        if line.startswith("committed batch"):
            commits += 1
            if commits == 3:
                process.send_signal(signal.SIGKILL)
                break
    process.wait(timeout=60)
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    with open_store(db, read_only=True) as store:
        stored = len(store.articles())
    assert 6 <= stored < 24  # whole batches only, and not all of them
    resumed = invoke("ingest", str(corpus), "--db", db, "--batch-size", "2")
    assert f"{stored} already stored" in resumed.output
    assert dump(db) == reference


CRASH = textwrap.dedent(
    """
    import os, signal, sys
    from eventwire.store.base import SqlStore

    original, calls, kill_at = SqlStore._insert, [], int(sys.argv[1])

    def crash(self, table, columns, rows):
        original(self, table, columns, rows)
        if table == "reports":
            calls.append(table)
            if len(calls) == kill_at:  # inside the transaction: articles and reports written
                os.kill(os.getpid(), signal.SIGKILL)

    SqlStore._insert = crash
    from eventwire.cli import app
    sys.argv = ["eventwire", *sys.argv[2:]]
    app()
    """
)


def test_kill_inside_a_transaction_then_resume_gives_the_same_store(db, corpus, reference):
    """SIGKILL in the middle of the third batch's transaction: the batch vanishes whole."""
    command = [sys.executable, "-c", CRASH, "3", "ingest", str(corpus), "--db", db, "--batch-size", "2"]
    process = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert process.returncode == -signal.SIGKILL, process.stderr
    with open_store(db, read_only=True) as store:
        assert len(store.articles()) == 4  # two batches committed, the third rolled back
        assert store.stats()["reports"] == sum(a.n_reports for a in store.articles())
    invoke("ingest", str(corpus), "--db", db, "--batch-size", "2")
    assert dump(db) == reference


def test_events_command_filters_and_formats(tmp_path, nlp):
    database = str(tmp_path / "events.duckdb")
    invoke("ingest", str(require(SEED)), MERGE_DATA, "--db", database)
    lines = invoke("events", "--db", database, "--format", "jsonl", "--country", "SYR").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert records and all(
        (r["location"] or {}).get("country_iso3") == "SYR" or (r["location"] is None and r["actor1"]["country_iso3"] == "SYR")
        for r in records
    )
    strikes = invoke("events", "--db", database, "-f", "csv", "--type", "Air/drone strike", "--since", "2021-06-27",
                     "--until", "2021-06-28", "--bbox", "35,29,49,38").stdout.splitlines()
    assert strikes[0].startswith("event_id,") and len(strikes) == 3  # header + Qaim + Syria
    by_actor = invoke("events", "--db", database, "--actor", "united states", "-f", "jsonl").stdout.splitlines()
    assert by_actor and all("united states" in json.dumps([json.loads(line)["actor1"], json.loads(line)["actor2"]]).lower()
                            for line in by_actor)
    table = invoke("events", "--db", database, "--limit", "2").stdout
    assert "event_id" in table and table.count("ew-") == 2


def test_sql_command_reads_and_refuses_to_write(tmp_path, nlp):
    database = str(tmp_path / "events.duckdb")
    invoke("ingest", str(require(SEED)), "--db", database)
    out = invoke("sql", "SELECT COUNT(*) AS n FROM articles", "--db", database, "-f", "csv").stdout
    assert out.splitlines() == ["n", "1"]
    rows = invoke("sql", "SELECT event_id, event_date FROM events ORDER BY 1", "--db", database, "-f", "jsonl").stdout
    assert all(set(json.loads(line)) == {"event_id", "event_date"} for line in rows.splitlines())
    refused = CliRunner().invoke(app, ["sql", "DELETE FROM events", "--db", database])
    assert refused.exit_code == 1 and "read-only" in refused.output


@pytest.mark.parametrize(
    "args, message, code",
    [
        (["events", "--country", "Syria"], "ISO 3166", 2),
        (["events", "--since", "yesterday"], "YYYY-MM-DD", 2),
        (["events", "--bbox", "1,2"], "W,S,E,N", 2),
        (["events", "--db", "missing.duckdb"], "eventwire ingest", 1),
        (["export", "-", "--format", "parquet"], "standard output", 2),
        (["events", "--db", "sqlite:///x.db"], "postgresql://", 1),
    ],
)
def test_bad_options_get_clear_errors(args, message, code, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    if "missing.duckdb" not in args and "--db" not in args:
        with open_store(str(tmp_path / "eventwire.duckdb")):
            pass
    result = CliRunner().invoke(app, args)
    assert result.exit_code == code, result.output
    assert message in result.output


def test_store_commands_have_help_text():
    for command in ("ingest", "events", "sql", "export"):
        result = CliRunner().invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "--db" in result.output and len(result.output.split("Options")[0]) > 40


def test_ingest_reads_the_db_from_the_environment(tmp_path, nlp, monkeypatch):
    database = str(tmp_path / "env.duckdb")
    monkeypatch.setenv("EVENTWIRE_DB", database)
    invoke("ingest", str(require(SEED)))
    assert os.path.exists(database)
