"""Measure eventwire against public gold data: ``evaluate(gold) -> dict``.

The kind of gold is read from the path (or forced with ``gold_format``):

=============  ===============================================================  ==========================
format         gold                                                             scorer
=============  ===============================================================  ==========================
``tempeval``   a folder of TempEval-3 ``.tml`` files, or one ``.tml`` file        ``evaluate.tempeval``
``acled``      an ACLED CSV (``notes``, ``event_date``, ``fatalities`` columns;   ``evaluate.acled``
               global ``9-May-20`` or Kenya ``31-12-19`` dates), or a folder
               holding one
``geoparsing`` a toponym corpus ``.xml`` (LGL, GWN, GeoVirus)                     ``evaluate.geoparsing``
``plover``     the PLOVER gold-standard records (``PLOVER_GSR_CAMEO.txt``)        ``evaluate.plover``
=============  ===============================================================  ==========================

Every report is a JSON-ready dict with ``format`` and ``gold``; ``limit`` scores only the first
N documents (rows, files or records), for quick checks. How each gold is scored is documented in
its module and follows ``shared/gold/README.md``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from eventwire.errors import ConfigError

FORMATS = ("acled", "gtd", "tempeval", "geoparsing", "plover")


def detect_format(gold: Path) -> str:
    """The gold's format from its path and, for CSV and JSON, its first bytes."""
    from eventwire.evaluate.acled import is_acled_csv

    if gold.is_dir():
        if next(gold.rglob("*.tml"), None) is not None:
            return "tempeval"
        csvs = [p for p in sorted(gold.glob("*.csv")) if is_acled_csv(p)]
        if len(csvs) == 1:
            return "acled"
        raise ConfigError(f"--gold {gold}: a folder must hold TempEval .tml files or one ACLED CSV")
    suffix = gold.suffix.lower()
    if suffix == ".tml":
        return "tempeval"
    if suffix == ".xml":
        return "geoparsing"
    if suffix == ".csv":
        if is_acled_csv(gold):
            return "acled"
        raise ConfigError(f"--gold {gold}: a CSV without ACLED's notes, event_date and fatalities columns")
    if gold.name.upper().startswith("PLOVER") or _looks_like_plover(gold):
        return "plover"
    raise ConfigError(f"--gold {gold}: cannot tell its format; give --gold-format ({', '.join(FORMATS)})")


def _looks_like_plover(gold: Path) -> bool:
    if gold.suffix.lower() not in (".txt", ".json"):
        return False
    try:
        records = json.loads(gold.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(records, list) and bool(records) and isinstance(records[0], dict) and "text" in records[0]


def evaluate(
    gold: Path,
    *,
    gold_format: str | None = None,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Score eventwire on ``gold`` and return the report (see the module docstring).

    ``progress`` is called with the number of documents done so far (ACLED only, the slow one).
    """
    gold = Path(gold)
    if not gold.exists():
        raise ConfigError(f"--gold {gold}: no such file or folder")
    if limit is not None and limit < 1:
        raise ConfigError(f"--limit {limit}: give a positive number of documents")
    kind = (gold_format or detect_format(gold)).lower()
    if kind == "tempeval":
        from eventwire.evaluate.tempeval import evaluate_tempeval

        return evaluate_tempeval(gold, limit=limit)
    if kind == "acled":
        from eventwire.evaluate.acled import evaluate_acled, is_acled_csv

        if gold.is_dir():
            gold = next(p for p in sorted(gold.glob("*.csv")) if is_acled_csv(p))
        return evaluate_acled(gold, limit=limit, progress=progress)
    if kind == "geoparsing":
        from eventwire.evaluate.geoparsing import evaluate_geoparsing

        return evaluate_geoparsing(gold, limit=limit)
    if kind == "plover":
        from eventwire.evaluate.plover import evaluate_plover

        return evaluate_plover(gold, limit=limit)
    if kind == "gtd":
        raise ConfigError("--gold-format gtd: scoring against the Global Terrorism Database is not implemented yet")
    raise ConfigError(f"--gold-format {gold_format}: use one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "detect_format", "evaluate"]
