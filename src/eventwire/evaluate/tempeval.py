"""TempEval-3 (TimeBank + AQUAINT): how well news date expressions are found and normalised.

Each ``.tml`` document gives its creation time (the ``TIMEX3`` with
``functionInDocument="CREATION_TIME"``) and, inside ``<TEXT>``, gold ``TIMEX3`` spans with their
TimeML ``value``. The body is the ``<TEXT>`` element with every tag removed; eventwire's
``find_date_mentions`` reads it with the creation date as the publication date, and is scored
against the gold expressions of type DATE (TIME, DURATION and SET expressions are not dates an
event can take, and are left out of both sides of the recall):

* **recall** (relaxed, TempEval-3's "relaxed match"): share of gold DATE expressions that a
  predicted mention overlaps; **strict recall**: the spans are identical.
* **value accuracy**: of the gold DATE expressions found (relaxed), the share whose predicted
  TimeML value (``ResolvedDate.to_timex_value()``) equals the gold value. A gold value with a
  time of day ("1998-08-07TMO") is compared on its date part, and an ISO week written without
  its zero ("2000-W7") as the same week ("2000-W07"); nothing else is normalised ("1968-XX" is
  not "1968"). Where several predictions overlap
  one gold expression, the one overlapping it most is taken.
* **precision** (relaxed): share of predicted mentions that overlap a gold TIMEX3 of any type
  (a predicted "Friday" that the annotators typed TIME is not a false alarm).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from eventwire.resolve.dates import DateMention, find_date_mentions

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TmlDocument:
    id: str
    dct: dt.date
    text: str
    timexes: list[GoldTimex]


def read_tml(path: Path) -> TmlDocument:
    """The body of ``<TEXT>`` without tags, its gold TIMEX3 spans (character offsets), and the DCT."""
    source = path.read_text(encoding="utf-8")
    dct_tag = _DCT.search(source)
    if dct_tag is None:
        raise ValueError(f"{path}: no document creation time")
    dct = dt.date.fromisoformat(dict(_ATTR.findall(dct_tag.group(0)))["value"][:10])
    body = _TEXT.search(source)
    if body is None:
        raise ValueError(f"{path}: no <TEXT>")
    raw = body.group(1)
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    position = 0
    for tag in _TAG.finditer(raw):
        chunk = html.unescape(raw[position : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name = tag.group(1) == "/", tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            open_timex = None
            text = "".join(parts)[start:length]
            timexes.append(GoldTimex(start, length, text, attrs.get("type", ""), attrs.get("value", "")))
    parts.append(html.unescape(raw[position:]))
    return TmlDocument(path.stem, dct, "".join(parts), timexes)


def tml_files(gold: Path) -> list[Path]:
    return [gold] if gold.is_file() else sorted(gold.rglob("*.tml"))


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _gold_date_value(value: str) -> str:
    """'1998-08-07TMO' -> '1998-08-07'; '2000-W7' -> '2000-W07' (the same ISO week, written
    without its zero); other values unchanged."""
    if re.match(r"^\d{4}-\d\d-\d\dT", value):
        return value.split("T", 1)[0]
    return re.sub(r"^(\d{4})-W(\d)(?!\d)", r"\1-W0\2", value)


def _best_prediction(gold: GoldTimex, predicted: list[DateMention]) -> DateMention | None:
    best, best_overlap = None, 0
    for mention in predicted:
        overlap = _overlap(gold.start, gold.end, mention.start, mention.end)
        if overlap > best_overlap:
            best, best_overlap = mention, overlap
    return best


def evaluate_tempeval(gold: Path, *, limit: int | None = None, examples: int = 0) -> dict:
    """Score date recognition and normalisation on a TempEval folder or one ``.tml`` file."""
    files = tml_files(gold)
    if limit is not None:
        files = files[:limit]
    if not files:
        raise ValueError(f"{gold}: no .tml files")
    n_gold = found = strict = correct = 0
    n_predicted = predicted_match = 0
    by_collection: Counter[str] = Counter()
    by_collection_found: Counter[str] = Counter()
    by_collection_correct: Counter[str] = Counter()
    misses: list[dict] = []
    wrong: list[dict] = []
    for path in files:
        document = read_tml(path)
        mentions = find_date_mentions(document.text, document.dct)
        collection = path.parent.name
        n_predicted += len(mentions)
        predicted_match += sum(
            any(_overlap(m.start, m.end, g.start, g.end) for g in document.timexes) for m in mentions
        )
        for timex in document.timexes:
            if timex.type != "DATE":
                continue
            n_gold += 1
            by_collection[collection] += 1
            mention = _best_prediction(timex, mentions)
            if mention is None:
                if len(misses) < examples:
                    misses.append({"doc": document.id, "text": timex.text, "value": timex.value})
                continue
            found += 1
            by_collection_found[collection] += 1
            strict += mention.start == timex.start and mention.end == timex.end
            value = mention.resolved.to_timex_value()
            if value == _gold_date_value(timex.value):
                correct += 1
                by_collection_correct[collection] += 1
            elif len(wrong) < examples:
                wrong.append({"doc": document.id, "gold": timex.text, "value": timex.value,
                              "predicted": mention.text, "predicted_value": value, "dct": document.dct.isoformat()})
    report = {
        "gold": str(gold),
        "format": "tempeval",
        "documents": len(files),
        "date_expressions": n_gold,
        "found": found,
        "recall": _ratio(found, n_gold),
        "strict_recall": _ratio(strict, n_gold),
        "value_accuracy": _ratio(correct, found),
        "value_correct": correct,
        "end_to_end_value_accuracy": _ratio(correct, n_gold),
        "predicted_mentions": n_predicted,
        "precision": _ratio(predicted_match, n_predicted),
        "by_collection": {
            name: {
                "date_expressions": by_collection[name],
                "recall": _ratio(by_collection_found[name], by_collection[name]),
                "value_accuracy": _ratio(by_collection_correct[name], by_collection_found[name]),
            }
            for name in sorted(by_collection)
        },
        "targets": {"recall": 0.85, "value_accuracy": 0.85},
    }
    if examples:
        report["examples"] = {"missed": misses, "wrong_value": wrong}
    return report


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
