"""ACLED rows as gold: each row's coder note is an article, the row's fields the expected event.

Scoring follows ``shared/gold/README.md``:

* one row, one article: ``id`` = ``data_id``; ``text`` = ``notes`` with a trailing
  ``[size=...]`` tag removed; ``date`` = two days after ``event_date`` (a publication date, so
  that the event date has to be read from the text). ACLED dates are ``9-May-20`` (global) or
  ``31-12-19`` (Kenya).
* the real pipeline (``eventwire.pipeline.run``, one spaCy pipeline, ``nlp.pipe`` batches) reads
  every row.
* **the row's prediction** is the first event in text order that has an ACLED type, else the
  first event. A row with no event (or whose extraction failed) has no prediction: it counts as
  wrong for every field and as 0 fatalities.
* fatalities are the predicted event's ``fatalities.best`` (no claim = 0), compared exactly with
  the row's ``fatalities``, over all rows and over the rows with at least one death; the
  baseline answers 0 everywhere.
* actor1's type is compared through ACLED's ``inter1`` codes (1 state forces, 2 rebel groups,
  3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8
  external/other forces); ``actor_inter_code`` gives the mapping.
* location: the country (ISO3) and whether the predicted point lies within 25 km of the row's.

The report also measures *why* fatalities are missed: for the rows with deaths, whether the
note writes the toll's number (digits or words), names a single victim ("a man was killed")
without a number, or neither (sums of parts, tolls split between events, coder remarks), and
the accuracy in each group.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pycountry

from eventwire.errors import ExtractionError
from eventwire.schema import ACLED_INTER_CODES, Article, Event

PUBLICATION_LAG = dt.timedelta(days=2)
NEAR_KM = 25.0
_SIZE_TAG = re.compile(r"\s*\[size=[^\]]*\]\s*$")

# Our actor types as ACLED inter codes: the schema's single table (governments with their
# forces, 1; parties, organisations, media and NGOs "other", 8). "unknown" has no code and is
# never right.
ACTOR_INTER_CODES: dict[str, int] = ACLED_INTER_CODES

_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SINGLE_VICTIM = re.compile(
    r"(?i)\b(?:a|an|one|another)\s+(?:[\w-]+\s+){0,3}?(?:man|woman|boy|girl|child|person|civilian|soldier|officer|"
    r"policeman|policewoman|member|fighter|militant|farmer|herder|resident|student|driver|trader|youth|teenager|"
    r"suspect|victim|individual|villager|officer|elder|chief|leader|journalist|teacher|worker|guard)\b"
)


_CODER_REMARK = re.compile(r"(?i)\b(?:coded|split|spread|divided)\b")
_DEATH_NEAR = re.compile(
    r"(?i)\b(?:killed|killing|kills|kill|dead|died|dies|death|slain|murdered|lynched|beheaded|executed|"
    r"assassinated|fatally)\b"
)


@dataclass(frozen=True, slots=True)
class AcledRow:
    id: str
    text: str
    event_date: dt.date
    event_type: str
    sub_event_type: str
    inter1: int | None
    actor1: str
    iso3: str
    latitude: float | None
    longitude: float | None
    fatalities: int


def parse_acled_date(value: str) -> dt.date:
    """'9-May-20' (global) or '31-12-19' (Kenya)."""
    value = value.strip()
    for pattern in ("%d-%b-%y", "%d-%m-%y", "%Y-%m-%d", "%d %B %Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"not an ACLED date: {value!r}")


def clean_notes(notes: str) -> str:
    """The coder's note without its trailing ``[size=...]`` tag."""
    return _SIZE_TAG.sub("", notes).strip()


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except ValueError:
        return None


def _country_code(record: dict) -> str:
    """The row's country as ISO 3166 alpha-3, read from its ISO 3166 numeric code where it has one:
    the export's own alpha-3 column keeps a few legacy or empty codes ("ROM" for Romania)."""
    numeric = (record.get("iso") or "").strip()
    country = pycountry.countries.get(numeric=numeric.zfill(3)) if numeric.isdigit() and int(numeric) > 0 else None
    return country.alpha_3 if country is not None else record.get("iso3", "")


def read_acled(path: Path, *, limit: int | None = None) -> list[AcledRow]:
    rows: list[AcledRow] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            if limit is not None and len(rows) >= limit:
                break
            ident = record.get("data_id") or record.get("event_id_cnty") or str(len(rows) + 1)
            rows.append(
                AcledRow(
                    id=ident,
                    text=clean_notes(record.get("notes") or ""),
                    event_date=parse_acled_date(record["event_date"]),
                    event_type=record.get("event_type", ""),
                    sub_event_type=record.get("sub_event_type", ""),
                    inter1=_int(record.get("inter1")),
                    actor1=record.get("actor1", ""),
                    iso3=_country_code(record),
                    latitude=_float(record.get("latitude")),
                    longitude=_float(record.get("longitude")),
                    fatalities=_int(record.get("fatalities")) or 0,
                )
            )
    return rows


def is_acled_csv(path: Path) -> bool:
    if path.suffix.lower() != ".csv" or not path.is_file():
        return False
    with open(path, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), [])
    return {"notes", "event_date", "fatalities"} <= set(header)


def to_article(row: AcledRow) -> Article:
    return Article(id=row.id, text=row.text or " ", date=row.event_date + PUBLICATION_LAG, origin=f"acled:{row.id}")


def predicted_event(events: list[Event]) -> Event | None:
    """The row's prediction: the first event with an ACLED type, else the first event."""
    typed = [event for event in events if event.acled is not None]
    return (typed or events or [None])[0]


def actor_inter_code(event: Event) -> int | None:
    return ACTOR_INTER_CODES.get(event.actor1.type)


_ACTOR_PERIOD = re.compile(r"\s*\((?:\d{4})?-?(?:\d{4})?\).*$")


def actor_name_key(name: str) -> str:
    """An ACLED actor name for comparison: the period tag and the faction after it dropped
    ("Military Forces of Yemen (2016-) Supreme Political Council" -> "military forces of
    yemen"), case and spacing ignored."""
    return " ".join(_ACTOR_PERIOD.sub("", name).casefold().split())


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _number_words(n: int) -> set[str]:
    if n < 20:
        return {_SMALL_NUMBERS[n]}
    if n < 100:
        tens, unit = divmod(n, 10)
        word = _TENS[tens - 2]
        return {word} if unit == 0 else {f"{word}-{_SMALL_NUMBERS[unit]}", f"{word} {_SMALL_NUMBERS[unit]}"}
    return set()


def toll_writing(text: str, toll: int) -> str:
    """How a note states its toll: 'written' (the number as digits or words), 'single' (one
    victim named without a number next to a death word, "a man was killed", "killing a
    civilian"), or 'not_written'."""
    digits = re.compile(rf"(?<![\d.,]){toll}(?![\d]|[.,]\d)")
    if digits.search(text):
        return "written"
    lower = text.lower()
    if any(re.search(rf"\b{re.escape(word)}\b", lower) for word in _number_words(toll)):
        return "written"
    if toll == 1 and any(_DEATH_NEAR.search(text[m.start() : m.end() + 60]) or _DEATH_NEAR.search(
        text[max(0, m.start() - 25) : m.start()]
    ) for m in _SINGLE_VICTIM.finditer(text)):
        return "single"
    return "not_written"


def _states_a_day(row: AcledRow) -> bool:
    """Whether the note writes a date to the day (absolute or relative), as eventwire reads it."""
    from eventwire.resolve.dates import find_date_mentions

    article_date = row.event_date + PUBLICATION_LAG
    return any(
        m.resolved.date is not None and m.resolved.precision == "day" and m.resolved.period is None
        for m in find_date_mentions(row.text, article_date)
    )


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
MAX_NAME_WORDS = 4


def gazetteer_reach(row: AcledRow, gazetteer) -> tuple[bool, bool]:
    """What the gazetteer could give for a note at best, whatever the linking: whether some
    capitalised run of up to four words names a place (or a demonym) of the row's country, and
    whether one names a place within 25 km of the row's point. Hyphenated names are read word by
    word too ("Mogadishu-Hodan")."""
    words = _WORD.findall(row.text)
    country = near = False
    for size in range(1, MAX_NAME_WORDS + 1):
        for i in range(len(words) - size + 1):
            if not words[i][:1].isupper():
                continue
            name = " ".join(words[i : i + size])
            demonym = gazetteer.demonym_place(name)
            country = country or (demonym is not None and demonym.country_iso3 == row.iso3)
            for match in gazetteer.matches(name, limit=40, fallback=False):
                entry = match.entry
                if entry.country_iso3 != row.iso3:
                    continue
                country = True
                if not near and row.latitude is not None and entry.latitude is not None:
                    near = km_between(entry.latitude, entry.longitude, row.latitude, row.longitude) <= NEAR_KM
            if country and near:
                return True, True
    return country, near


@dataclass(slots=True)
class RowResult:
    row: AcledRow
    event: Event | None
    n_events: int
    fatalities: int
    any_event_fatalities: set[int]


MIN_ROWS_FOR_MEAN_RECALL = 10


def _by_sub_type(results: list[RowResult]) -> dict[str, list[RowResult]]:
    groups: dict[str, list[RowResult]] = {}
    for r in results:
        groups.setdefault(r.row.sub_event_type, []).append(r)
    return groups


def mean_recall_by_sub_type(results: list[RowResult], correct: Callable[[RowResult], bool]) -> float | None:
    """Mean, over the gold sub-event types with at least 10 rows, of the share of their rows
    predicted right (macro recall: a rare type weighs as much as a common one)."""
    recalls = [
        sum(1 for r in group if correct(r)) / len(group)
        for group in _by_sub_type(results).values()
        if len(group) >= MIN_ROWS_FOR_MEAN_RECALL
    ]
    return round(sum(recalls) / len(recalls), 4) if recalls else None


def score_rows(results: list[RowResult]) -> dict:
    n = len(results)
    with_deaths = [r for r in results if r.row.fatalities >= 1]
    without = [r for r in results if r.row.fatalities == 0]
    predicted = [r for r in results if r.event is not None]

    def share(items: list[RowResult], test: Callable[[RowResult], bool]) -> float | None:
        return round(sum(1 for r in items if test(r)) / len(items), 4) if items else None

    def date_ok(r: RowResult) -> bool:
        return r.event is not None and r.event.event_date == r.row.event_date

    def fatal_ok(r: RowResult) -> bool:
        return r.fatalities == r.row.fatalities

    def type_ok(r: RowResult) -> bool:
        return r.event is not None and r.event.acled is not None and r.event.acled.event_type == r.row.event_type

    def sub_ok(r: RowResult) -> bool:
        return type_ok(r) and r.event.acled.sub_event_type == r.row.sub_event_type

    def actor_ok(r: RowResult) -> bool:
        return r.event is not None and r.row.inter1 is not None and actor_inter_code(r.event) == r.row.inter1

    def actor_name_ok(r: RowResult) -> bool:
        return (
            r.event is not None
            and bool(r.row.actor1)
            and actor_name_key(r.event.actor1.name) == actor_name_key(r.row.actor1)
        )

    def country_ok(r: RowResult) -> bool:
        loc = r.event.location if r.event is not None else None
        return loc is not None and loc.country_iso3 == r.row.iso3

    def near_ok(r: RowResult) -> bool:
        loc = r.event.location if r.event is not None else None
        if loc is None or loc.latitude is None or loc.longitude is None:
            return False
        if r.row.latitude is None or r.row.longitude is None:
            return False
        return km_between(loc.latitude, loc.longitude, r.row.latitude, r.row.longitude) <= NEAR_KM

    writing: dict[str, list[RowResult]] = {"written": [], "single": [], "not_written": []}
    for r in with_deaths:
        writing[toll_writing(r.row.text, r.row.fatalities)].append(r)
    wrong = [r for r in results if not fatal_ok(r)]
    report = {
        "rows": n,
        "rows_with_deaths": len(with_deaths),
        "rows_with_an_event": len(predicted),
        "share_with_an_event": share(results, lambda r: r.event is not None),
        "event_date_exact": share(results, date_ok),
        "event_date_breakdown": {
            "share_of_notes_stating_a_day": share(results, lambda r: _states_a_day(r.row)),
            "exact_over_rows_with_an_event": share(predicted, date_ok),
            "exact_over_rows_stating_a_day_with_an_event": share(
                [r for r in predicted if _states_a_day(r.row)], date_ok
            ),
        },
        "fatalities_exact": share(results, fatal_ok),
        "fatalities_exact_with_deaths": share(with_deaths, fatal_ok),
        "fatalities_exact_without_deaths": share(without, fatal_ok),
        "baseline_zero_fatalities_exact": share(results, lambda r: r.row.fatalities == 0),
        "baseline_zero_fatalities_exact_with_deaths": 0.0 if with_deaths else None,
        "event_type_accuracy": share(results, type_ok),
        "sub_event_type_accuracy": share(results, sub_ok),
        "sub_event_type_mean_recall": mean_recall_by_sub_type(results, sub_ok),
        "sub_event_type_recall": {
            name: share(group, sub_ok) for name, group in sorted(_by_sub_type(results).items())
        },
        "actor1_inter_accuracy": share(results, actor_ok),
        "actor1_name_match": share(results, actor_name_ok),
        "location_country_accuracy": share(results, country_ok),
        f"location_within_{NEAR_KM:g}km": share(results, near_ok),
        "location_ceiling": _location_ceiling(results),
        "fatalities_breakdown": {
            "rows_with_deaths_by_toll_in_note": {
                name: {
                    "rows": len(group),
                    "share": round(len(group) / len(with_deaths), 4) if with_deaths else None,
                    "fatalities_exact": share(group, fatal_ok),
                }
                for name, group in writing.items()
            },
            "wrong_rows": len(wrong),
            "wrong_missed_toll": sum(1 for r in wrong if r.fatalities == 0),
            "wrong_toll_where_none": sum(1 for r in wrong if r.row.fatalities == 0),
            "wrong_both_nonzero": sum(1 for r in wrong if r.fatalities and r.row.fatalities),
            "wrong_but_right_on_another_event": sum(
                1 for r in wrong if r.row.fatalities in r.any_event_fatalities
            ),
            "wrong_without_an_event": sum(1 for r in wrong if r.event is None),
            # coder remarks about the toll ("fatalities coded as 10", "split between 3 events")
            "wrong_with_a_coder_remark": sum(1 for r in wrong if _CODER_REMARK.search(r.row.text)),
        },
    }
    return report


def _location_ceiling(results: list[RowResult]) -> dict:
    """The share of rows whose note names, in the gazetteer's words, a place of the right
    country, and one within 25 km of ACLED's point (see ``gazetteer_reach``): what any linking
    could reach with this gazetteer."""
    from eventwire.resolve.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    reach = [gazetteer_reach(r.row, gazetteer) for r in results]
    n = len(reach) or 1
    return {
        "rule": "a capitalised run of 1-4 words of the note names a place (or demonym) of the row's country / "
        f"a place within {NEAR_KM:g} km of the row's point",
        "country_named": round(sum(c for c, _ in reach) / n, 4),
        f"place_within_{NEAR_KM:g}km_named": round(sum(w for _, w in reach) / n, 4),
    }


def run_rows(
    rows: list[AcledRow],
    *,
    nlp=None,
    batch_size: int = 64,
    progress: Callable[[int], None] | None = None,
) -> Iterator[RowResult]:
    """The real pipeline over the rows, one RowResult per row, in order."""
    from eventwire.nlp import build_nlp
    from eventwire.pipeline import run

    nlp = nlp or build_nlp()
    failed: list[ExtractionError] = []
    by_id: dict[str, list[Event]] = {}
    for done, result in enumerate(
        run((to_article(row) for row in rows), nlp=nlp, batch_size=batch_size, on_error=failed.append), start=1
    ):
        by_id[result.article.id] = result.events
        if progress is not None:
            progress(done)
    for row in rows:
        events = by_id.get(row.id, [])
        event = predicted_event(events)
        best = event.fatalities.best if event is not None else None
        yield RowResult(
            row=row,
            event=event,
            n_events=len(events),
            fatalities=best or 0,
            any_event_fatalities={e.fatalities.best for e in events if e.fatalities.best is not None},
        )


def evaluate_acled(
    gold: Path,
    *,
    limit: int | None = None,
    nlp=None,
    batch_size: int = 64,
    progress: Callable[[int], None] | None = None,
    keep_rows: list[RowResult] | None = None,
) -> dict:
    """Score the pipeline on an ACLED CSV (``keep_rows`` collects each row's result for study)."""
    rows = read_acled(gold, limit=limit)
    if not rows:
        raise ValueError(f"{gold}: no ACLED rows")
    model = None
    if nlp is None:
        # rules plus a sub-event model that never saw this file (never the shipped one, which did)
        from eventwire.classify import model_not_trained_on
        from eventwire.nlp import build_nlp

        model = model_not_trained_on(gold)
        nlp = build_nlp(classifier_file=str(model) if model else None)
    results = list(run_rows(rows, nlp=nlp, batch_size=batch_size, progress=progress))
    if keep_rows is not None:
        keep_rows.extend(results)
    report = {
        "gold": str(gold),
        "format": "acled",
        "limit": limit,
        "classifier": model.name if model else "none (rules only)",
    }
    report.update(score_rows(results))
    report["rule"] = (
        "row = article (id data_id, text = notes without [size=...], date = event_date + 2 days); "
        "prediction = first event with an ACLED type, else first event; no event = wrong, 0 fatalities"
    )
    return report
