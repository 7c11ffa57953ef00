"""The ``evaluate`` command, registered on ``eventwire.cli.app``: score eventwire on gold data.

    eventwire evaluate --gold ../shared/gold/acled_kenya/acled_data.csv --report kenya.json
    eventwire evaluate --gold ../shared/gold/tempeval3/TBAQ-cleaned
    eventwire evaluate --gold ../shared/gold/geoparsing/lgl.xml --limit 50

A thin shell over ``eventwire.evaluate.evaluate``: it prints the report as a table and writes
it as JSON with ``--report``.
"""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire.cli import app
from eventwire.errors import ConfigError

stdout = Console(highlight=False, width=max(100, Console().width))
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


class GoldFormat(str, Enum):
    acled = "acled"
    gtd = "gtd"
    tempeval = "tempeval"
    geoparsing = "geoparsing"
    plover = "plover"


def _rows(report: dict, prefix: str = "") -> list[tuple[str, str]]:
    """Flatten the report into (name, value) rows; lists of examples are left to the JSON."""
    rows: list[tuple[str, str]] = []
    for key, value in report.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            rows.extend(_rows(value, f"{name}."))
        elif isinstance(value, list):
            continue
        elif isinstance(value, float):
            rows.append((name, f"{value:.4f}"))
        else:
            rows.append((name, "" if value is None else str(value)))
    return rows


LONG_TEXT = 60  # longer values (the scoring rule) go under the table, not in it


def _table(report: dict) -> Table:
    title = f"eventwire on {report.get('format', '?')} gold: {report.get('gold', '')}"
    notes = [f"{name}: {value}" for name, value in _rows(report) if len(value) > LONG_TEXT]
    table = Table(title=escape(title), caption=escape("\n".join(notes)) or None, show_header=True, header_style="bold")
    table.add_column("measure", overflow="fold")
    table.add_column("value", justify="right", no_wrap=True)
    for name, value in _rows(report):
        if name in ("gold", "format") or len(value) > LONG_TEXT or value == "":
            continue
        table.add_row(escape(name), escape(value))
    return table


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold file or folder (ACLED CSV, TempEval .tml folder, geoparsing .xml, PLOVER records).")],
    gold_format: Annotated[
        Optional[GoldFormat], typer.Option("--gold-format", help="The gold's format, when it cannot be told from the path.")
    ] = None,
    report: Annotated[Optional[Path], typer.Option("--report", help="Write the full report here as JSON.")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Score only the first N documents (rows, files, records).")] = None,
) -> None:
    """Score eventwire on public gold data and print the measures."""
    from eventwire.evaluate import evaluate as run_evaluation

    show_progress = sys.stderr.isatty()
    progress = (
        Progress(SpinnerColumn(), TextColumn("scoring: {task.completed} documents"), TimeElapsedColumn(),
                 console=stderr, transient=True)
        if show_progress
        else None
    )
    try:
        with progress or nullcontext():
            task = progress.add_task("evaluate", total=None) if progress else None

            def advance(done: int) -> None:
                if progress is not None and task is not None:
                    progress.update(task, completed=done)

            result = run_evaluation(
                gold, gold_format=gold_format.value if gold_format else None, limit=limit, progress=advance
            )
    except ConfigError as error:
        stderr.print(f"[red]error[/red]: {error}", markup=True)
        raise typer.Exit(code=2) from None
    stdout.print(_table(result))
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        stderr.print(f"report written to {report}")
