"""The store commands -- ``ingest``, ``events``, ``sql``, ``export`` -- registered on ``eventwire.cli.app``.

Thin shells: each parses options, opens the store (``eventwire.store.open_store``), calls the
library, and prints. ``--db`` is a DuckDB file (default ``eventwire.duckdb``) or a
``postgresql://`` URL; the ``EVENTWIRE_DB`` environment variable sets it too.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire.cli import app
from eventwire.errors import ConfigError, EventwireError, ExtractionError, InputError
from eventwire.exports import write_acled, write_csv, write_geojson, write_jsonl, write_parquet, write_plover
from eventwire.ingest import Reader
from eventwire.query import EventQuery
from eventwire.store import DEFAULT_DB, BatchReport, IngestReport, Store, open_store
from eventwire.store import ingest as ingest_articles

stderr = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="EVENTWIRE_DB",
        help="Database: a DuckDB file, or postgresql://user@host:port/dbname for PostgreSQL.",
    ),
]
CountryOption = Annotated[Optional[str], typer.Option("--country", help="Only events in this country (ISO3, e.g. IRQ).")]
SinceOption = Annotated[Optional[str], typer.Option("--since", help="Only events on or after this date (YYYY-MM-DD).")]
UntilOption = Annotated[Optional[str], typer.Option("--until", help="Only events on or before this date (YYYY-MM-DD).")]
TypeOption = Annotated[
    Optional[str],
    typer.Option("--type", help="Only events of this ACLED event or sub-event type, or PLOVER type (any case)."),
]
ActorOption = Annotated[Optional[str], typer.Option("--actor", help="Only events with this text in an actor's name or mention.")]
BBoxOption = Annotated[
    Optional[str], typer.Option("--bbox", help="Only events inside this box: W,S,E,N in degrees, e.g. 38,32,44,37.")
]


class EventsFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(str, Enum):
    acled = "acled"
    plover = "plover"
    geojson = "geojson"
    parquet = "parquet"


def _error(problem: BaseException, code: int = 1) -> typer.Exit:
    stderr.print(f"[red]error[/red]: {problem}", markup=True)
    return typer.Exit(code=code)


@contextmanager
def _store(db: str, *, read_only: bool) -> Iterator[Store]:
    try:
        store = open_store(db, read_only=read_only)
    except EventwireError as error:
        raise _error(error) from None
    try:
        yield store
    except ConfigError as error:
        raise _error(error, code=2) from None
    except EventwireError as error:
        raise _error(error) from None
    finally:
        store.close()


def _query(**options: object) -> EventQuery:
    try:
        return EventQuery.parse(**options)  # type: ignore[arg-type]
    except ConfigError as error:
        raise _error(error, code=2) from None


def _problem(problem: InputError | ExtractionError) -> None:
    severity = getattr(problem, "severity", "error")
    colour = "yellow" if severity == "warning" else "red"
    stderr.print(f"[{colour}]{severity}[/{colour}]: {problem}", markup=True)


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt .jsonl .csv .html), folders, or - for JSON Lines on stdin.")],
    db: DbOption = DEFAULT_DB,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles stored per transaction.")] = 32,
    actors: Annotated[Optional[Path], typer.Option("--actors", help="Extra actors (YAML or CSV) added to the knowledge base.")] = None,
    places: Annotated[Optional[Path], typer.Option("--places", help="Extra places (CSV) added to the gazetteer.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print a line per committed batch.")] = False,
) -> None:
    """Extract events, merge them with the stored ones across articles, and store them.

    Idempotent: articles already stored (same text) are skipped. Each batch is one transaction,
    so an interrupted run can simply be run again.
    """
    from eventwire.nlp import build_nlp

    reader = Reader(inputs, on_problem=_problem)
    with _store(db, read_only=False) as store:
        nlp = build_nlp(actors_file=str(actors) if actors else None, places_file=str(places) if places else None)
        progress = (
            Progress(SpinnerColumn(), TextColumn("ingesting"), MofNCompleteColumn(), TextColumn("articles stored"),
                     TimeElapsedColumn(), console=stderr, transient=True)
            if sys.stderr.isatty() and not verbose
            else None
        )
        task = progress.add_task("ingest", total=None) if progress else None

        def on_batch(batch: BatchReport, report: IngestReport) -> None:
            for article_id in batch.conflicts:
                stderr.print(
                    f"[yellow]warning[/yellow]: {article_id}: an article with this id but other text is already "
                    "stored; skipped (give the new version another id)",
                    markup=True,
                )
            if progress is not None and task is not None:
                progress.update(task, completed=report.added)
            if verbose:
                stderr.print(
                    f"committed batch {report.batches}: {len(batch.articles_added)} article(s), "
                    f"{batch.reports_added} report(s); {report.added} article(s) stored so far"
                )

        with progress or nullcontext():
            report = ingest_articles(reader, store, nlp=nlp, batch_size=batch_size, on_error=_problem, on_batch=on_batch)
        stats = store.stats()
    done = report.stored
    stderr.print(
        f"{reader.stats.read} article(s) read, {reader.stats.skipped} unreadable, {report.skipped} already stored, "
        f"{len(report.failed)} failed; {report.added} stored in {report.batches} transaction(s); events: "
        f"{len(set(done.events_created) - set(done.events_removed))} new, "
        f"{len(set(done.events_updated) - set(done.events_removed))} updated, {len(done.events_removed)} merged away. "
        f"The store has {stats['events']} event(s) from {stats['articles']} article(s)."
    )
    if reader.stats.nothing_read:
        raise typer.Exit(code=1)


def _table(title: str, columns: list[str], rows: Iterator[tuple] | list[tuple]) -> Table:
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold", no_wrap=column in ("event_id", "date", "event_date"))
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    return table


def _console(out: TextIO) -> Console:
    """The terminal's width on a terminal; wide enough not to wrap short values in a file or pipe."""
    return Console(file=out, soft_wrap=False, width=None if out.isatty() else 200)


def _event_rows(events) -> Iterator[tuple]:
    for e in events:
        place = e.location
        yield (
            e.event_id,
            e.event_date.isoformat() if e.event_date else "",
            e.acled.sub_event_type if e.acled else (e.plover.event_type if e.plover else ""),
            e.actor1.name,
            e.actor2.name if e.actor2 else "",
            place.name if place else "",
            place.country_iso3 if place and place.country_iso3 else "",
            "" if e.fatalities.best is None else e.fatalities.best,
            len(e.article_ids),
        )


@contextmanager
def _output(output: Optional[Path], *, binary_ok: bool = False) -> Iterator[TextIO]:
    if output is None or str(output) == "-":
        yield sys.stdout
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as out:
            yield out
    except OSError as error:
        raise _error(f"{output}: cannot write ({error.strerror})") from None


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type: TypeOption = None,
    actor: ActorOption = None,
    bbox: BBoxOption = None,
    format: Annotated[EventsFormat, typer.Option("--format", "-f", help="Output format.")] = EventsFormat.table,
    limit: Annotated[Optional[int], typer.Option("--limit", min=0, help="At most this many events.")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write here instead of standard output.")] = None,
) -> None:
    """List stored events, filtered; as a table, JSON Lines (the contract's records) or CSV."""
    query = _query(country=country, since=since, until=until, type=type, actor=actor, bbox=bbox, limit=limit)
    with _store(db, read_only=True) as store, _output(output) as out:
        found = store.events(query)
        if format is EventsFormat.jsonl:
            count = write_jsonl(found, out)
        elif format is EventsFormat.csv:
            count = write_csv(found, out)
        else:
            rows = list(_event_rows(found))
            count = len(rows)
            columns = ["event_id", "date", "type", "actor1", "actor2", "location", "country", "killed", "articles"]
            _console(out).print(_table(f"{count} event(s)", columns, rows))
    stderr.print(f"{count} event(s)")


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help='One read-only query, e.g. "SELECT event_type, COUNT(*) FROM events GROUP BY 1".')],
    db: DbOption = DEFAULT_DB,
    format: Annotated[EventsFormat, typer.Option("--format", "-f", help="Output format.")] = EventsFormat.table,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write here instead of standard output.")] = None,
) -> None:
    """Run a read-only SQL query on the store (tables: events, reports, articles, event_articles)."""
    with _store(db, read_only=True) as store:
        result = store.sql(query)
    with _output(output) as out:
        if format is EventsFormat.csv:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(result.columns)
            writer.writerows(result.rows)
        elif format is EventsFormat.jsonl:
            for row in result.rows:
                out.write(json.dumps(dict(zip(result.columns, row, strict=True)), ensure_ascii=False, default=_json_default) + "\n")
        else:
            _console(out).print(_table(f"{len(result.rows)} row(s)", result.columns, result.rows))


def _json_default(value: object) -> object:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="File to write (- for standard output, except parquet).")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="acled CSV, plover JSON Lines, geojson, or parquet.")],
    db: DbOption = DEFAULT_DB,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type: TypeOption = None,
    actor: ActorOption = None,
    bbox: BBoxOption = None,
) -> None:
    """Export stored events as ACLED CSV, PLOVER JSON Lines, GeoJSON or Parquet."""
    query = _query(country=country, since=since, until=until, type=type, actor=actor, bbox=bbox)
    if format is ExportFormat.parquet and str(out) == "-":
        raise _error(ConfigError("parquet cannot go to standard output; give a file name such as events.parquet"), code=2)
    with _store(db, read_only=True) as store:
        found = store.events(query)
        if format is ExportFormat.parquet:
            try:
                count = write_parquet(found, out)
            except Exception as error:  # DuckDB reports a bad path as its own error type
                raise _error(f"{out}: cannot write parquet ({str(error).splitlines()[0]})") from None
        else:
            sources = store.sources()
            with _output(out) as handle:
                if format is ExportFormat.acled:
                    count = write_acled(found, handle, sources=sources)
                elif format is ExportFormat.plover:
                    count = write_plover(found, handle, sources=sources)
                else:
                    count = write_geojson(found, handle)
    stderr.print(f"{count} event(s) written to {out} ({format.value})")
