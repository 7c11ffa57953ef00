"""The ``eventwire`` command line: a thin shell over the library."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from eventwire import __version__
from eventwire.exports import write_acled, write_csv, write_geojson, write_jsonl, write_plover
from eventwire.ingest import Reader
from eventwire.nlp import build_nlp
from eventwire.pipeline import ExtractionError, run
from eventwire.schema import Event

app = typer.Typer(
    name="eventwire",
    help="Turn news articles into structured, evidence-backed conflict and political event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True)


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    acled = "acled"
    plover = "plover"
    geojson = "geojson"


WRITERS = {
    ExtractFormat.jsonl: write_jsonl,
    ExtractFormat.csv: write_csv,
    ExtractFormat.acled: write_acled,
    ExtractFormat.plover: write_plover,
    ExtractFormat.geojson: write_geojson,
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """eventwire: news articles in, conflict and political event records out."""


def _report(problem: Exception) -> None:
    severity = getattr(problem, "severity", "error")
    colour = "yellow" if severity == "warning" else "red"
    stderr.print(f"[{colour}]{severity}[/{colour}]: {problem}", markup=True, highlight=False, soft_wrap=True)


def _events(results: Iterator, progress: Progress | None, task: int | None) -> Iterator[Event]:
    for result in results:
        if progress is not None and task is not None:
            progress.advance(task)
        yield from result.events


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt .jsonl .csv .html), folders, or - for JSON Lines on stdin.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write here instead of standard output.")] = None,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.jsonl,
    actors: Annotated[Optional[Path], typer.Option("--actors", help="Extra actors (YAML or CSV) added to the knowledge base.")] = None,
    places: Annotated[Optional[Path], typer.Option("--places", help="Extra places (CSV) added to the gazetteer.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles parsed per spaCy batch.")] = 16,
) -> None:
    """Extract events from articles and write one record per event."""
    reader = Reader(inputs, on_problem=_report)
    nlp = build_nlp(actors_file=str(actors) if actors else None, places_file=str(places) if places else None)
    failures: list[ExtractionError] = []

    def on_error(error: ExtractionError) -> None:
        failures.append(error)
        _report(error)

    show_progress = sys.stderr.isatty()
    progress = (
        Progress(SpinnerColumn(), TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                 console=stderr, transient=True)
        if show_progress
        else None
    )
    with progress or nullcontext():
        task = progress.add_task("extract", total=None) if progress else None
        events = _events(run(reader, nlp=nlp, batch_size=batch_size, on_error=on_error), progress, task)
        out_context = open(output, "w", encoding="utf-8", newline="") if output else nullcontext(sys.stdout)
        with out_context as out:
            count = WRITERS[format](events, out)
    stats = reader.stats
    stderr.print(
        f"{stats.read} article(s) read, {stats.skipped} skipped, {len(failures)} failed; {count} event(s) written",
        highlight=False,
    )
    if stats.nothing_read:
        raise typer.Exit(code=1)


from eventwire import cli_store  # noqa: E402,F401  (registers store commands)
from eventwire import cli_evaluate  # noqa: E402,F401  (registers evaluate)

if __name__ == "__main__":  # pragma: no cover
    app()
