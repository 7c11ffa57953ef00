"""Find date expressions in news text and normalise them against the article's publication date.

Conventions (news reporting, not calendar arithmetic):

* ``date`` is the first day of the period at ``precision``: the day itself, the Monday of the
  ISO week, the 1st of the month, 1 January of the year.
* A bare weekday ("said Monday", "late Saturday") is the publication day or one of the six days
  before it. Only "next Monday", "this coming Monday", or (in running text) a forward cue such as
  "will" or "is due to" just before it sends it forward, into the publication day or the six days
  after it.
* "overnight" and "during the night" mean the night before publication. They resolve to the
  previous day because ACLED codes an event that spans midnight to the day it began.
* A month-day or month without a year takes the latest year that puts it no more than about a
  month after publication: news looks back, so "December 30" in an article of 3 January means
  last year. In a clause that only looks back ("rebels attacked the town on June 27": a past
  tense, no deadline such as "by Jan. 14", no forward cue) it is never after publication. After a
  forward cue in running text ("will be paid Dec. 15") the coming one is taken.
* "the quarter" and "a year earlier" after an explicit quarter take its granularity ("the third
  quarter ... a year earlier" is the previous year's third quarter). Without such a quarter,
  "the quarter" is dropped, because it is more likely part of a city.
* ``period`` holds a TimeML value that ``precision`` cannot express: quarter "1998-Q3", half
  "1998-H1", season "1998-SU", weekend "1998-W32-WE", decade "199", or the vague "PRESENT_REF",
  "PAST_REF" and "FUTURE_REF". In these cases ``date`` and ``precision`` give the smallest supported
  period that contains it, so a quarter is reported as its year. Decades and vague past or future
  references have ``date=None`` and ``precision="unknown"``. "now" is the publication day.
* Without a publication date, relative expressions resolve to ``ResolvedDate(None, "unknown")``.
  Dates that state their year still resolve.
* Invariant: ``date`` is never after the publication date unless ``future`` is True.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from eventwire.schema import DatePrecision

__all__ = ["DateMention", "ResolvedDate", "find_date_mentions", "resolve_date_expression"]


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    date: dt.date | None
    precision: DatePrecision
    future: bool = False  # the text points forward ("next week", "tomorrow", "will ... on Monday")
    period: str | None = None  # TimeML value finer or vaguer than ``precision`` (see module doc)

    def to_timex_value(self) -> str | None:
        """The TimeML ``value``: "1998-08-07", "1998-W32", "1998-08", "1998", "1998-Q3", "PAST_REF"..."""
        if self.period is not None:
            return self.period
        if self.date is None or self.precision == "unknown":
            return None
        if self.precision == "day":
            return self.date.isoformat()
        if self.precision == "week":
            year, week, _ = self.date.isocalendar()
            return f"{year:04d}-W{week:02d}"
        if self.precision == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return f"{self.date.year:04d}"


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    resolved: ResolvedDate


# --------------------------------------------------------------------------- vocabulary

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "a couple of": 2, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
VAGUE_COUNTS = {"a few", "few", "several", "some", "many"}
ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# A weekday after one of these words is a named day ("Good Friday", "Bloody Sunday"), not a date.
_WEEKDAY_NAME_BEFORE = {
    "good", "black", "bloody", "palm", "easter", "holy", "ash", "cyber", "super", "maundy", "shrove",
}  # fmt: skip
_WEEKDAY_NAME_AFTER = {
    "times", "telegraph", "express", "mirror", "herald", "post", "observer", "mail", "star",
    "tribune", "independent", "sport", "people", "live", "school", "club",
}  # fmt: skip
# A four-digit number followed by one of these is a count or a clock time, not a year.
_YEAR_BLOCKING_NEXT_WORDS = {
    "people", "persons", "troops", "soldiers", "fighters", "militants", "civilians", "men", "women",
    "children", "refugees", "migrants", "residents", "families", "households", "homes", "houses",
    "buildings", "prisoners", "detainees", "police", "policemen", "officers", "members",
    "protesters", "demonstrators", "workers", "students", "casualties", "deaths", "dead", "victims",
    "cases", "rounds", "rockets", "missiles", "shells", "drones", "tonnes", "tons", "dollars",
    "euros", "pounds", "km", "kilometres", "kilometers", "miles", "metres", "meters", "m", "ft",
    "feet", "hectares", "acres", "kg", "votes", "seats", "times", "vehicles", "cars", "tanks",
    "weapons", "guns", "gmt", "utc", "hours", "hrs", "h", "local", "hundred", "thousand",
}  # fmt: skip
# ... and a four-digit number after one of these is an identifier or an amount.
_YEAR_BLOCKING_PREVIOUS_WORDS = {
    "resolution", "no", "number", "flight", "route", "highway", "road", "room", "article",
    "section", "hill", "unit", "brigade", "decree", "code", "page", "platform", "bus", "line",
    "model", "version", "km", "kilometre", "kilometer", "height", "point", "sector", "block",
    "building", "apartment", "plot", "item", "paragraph", "clause", "chapter", "bill", "order",
    "nearly", "almost", "approximately", "estimated", "least", "than", "killing", "killed",
}  # fmt: skip
# A bare month name is trusted after one of these words ("in June", "since March").
_MONTH_CONTEXT_WORDS = {
    "in", "since", "until", "till", "by", "during", "through", "throughout", "from", "to", "of",
    "before", "after", "between", "and", "or", "early", "late", "mid", "end", "last", "next",
    "this", "each", "every", "around", "for",
}  # fmt: skip


def _title_and_upper(words) -> str:
    forms = sorted({w.title() for w in words} | {w.upper() for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(forms) + ")"


def _any_case(words) -> str:
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) + ")"


_MONTH_NAME = _title_and_upper(MONTHS) + "(?![A-Za-z])"
_MONTH_ANY = rf"(?:{_title_and_upper(MONTHS)}(?![A-Za-z])|{_title_and_upper(MONTH_ABBREVIATIONS)}(?:\.|(?![A-Za-z])))"
_WEEKDAY = _title_and_upper(WEEKDAYS) + "(?![A-Za-z])"
_YEAR = r"(?:19\d\d|20\d\d|2100)(?!\d)"
_DAY = r"(?<![\w.,$])[0-3]?\d(?:st|nd|rd|th)?(?!\w|:\d)"
_NUMBER = rf"(?:\d{{1,3}}|{_any_case(NUMBER_WORDS)}|{_any_case(VAGUE_COUNTS)})"
_SPACE_OR_HYPHEN = r"(?:\s+|-)"
_PERIOD_EDGE = rf"(?i:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|(?:early|late|mid|end){_SPACE_OR_HYPHEN})"
_WORD = re.compile(r"[A-Za-z']+")


# --------------------------------------------------------------------------- calendar helpers


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _recent_year(month: int, day: int, ref: dt.date, slack_days: int = 31) -> int:
    """The latest year in which month/day falls no more than ``slack_days`` after ``ref``."""
    horizon = ref + dt.timedelta(days=slack_days)
    for year in (ref.year + 1, ref.year, ref.year - 1):
        # 28 stands in for 29 February so that the year choice does not depend on leap years.
        if dt.date(year, month, min(day, 28)) <= horizon:
            return year
    return ref.year - 1


def _coming_year(month: int, day: int, ref: dt.date, slack_days: int = 7) -> int:
    """The earliest year in which month/day falls no more than ``slack_days`` before ``ref``."""
    earliest = ref - dt.timedelta(days=slack_days)
    return ref.year if dt.date(ref.year, month, min(day, 28)) >= earliest else ref.year + 1


def _previous_weekday(ref: dt.date, weekday: int, *, include_ref: bool) -> dt.date:
    back = (ref.weekday() - weekday) % 7
    if back == 0 and not include_ref:
        back = 7
    return ref - dt.timedelta(days=back)


def _next_weekday(ref: dt.date, weekday: int, *, include_ref: bool) -> dt.date:
    ahead = (weekday - ref.weekday()) % 7
    if ahead == 0 and not include_ref:
        ahead = 7
    return ref + dt.timedelta(days=ahead)


# --------------------------------------------------------------------------- result builders


def _result(
    date: dt.date | None,
    precision: DatePrecision,
    ref: dt.date | None,
    *,
    future: bool = False,
    period: str | None = None,
    starts: dt.date | None = None,
) -> ResolvedDate:
    """Build a result, marking it future when the period (beginning at ``starts``) is after ``ref``."""
    first_day = starts or date
    if ref is not None and first_day is not None and first_day > ref:
        future = True
    return ResolvedDate(date, precision, future, period)


def _unknown(period: str | None = None, *, future: bool = False) -> ResolvedDate:
    return ResolvedDate(None, "unknown", future, period)


def _day(day: dt.date, ref: dt.date | None, *, future: bool = False, period: str | None = None) -> ResolvedDate:
    return _result(day, "day", ref, future=future, period=period)


def _week(day: dt.date, ref: dt.date | None, *, future: bool = False) -> ResolvedDate:
    return _result(_monday(day), "week", ref, future=future)


def _weekend(saturday: dt.date, ref: dt.date | None, *, future: bool = False) -> ResolvedDate:
    year, week, _ = saturday.isocalendar()
    return _result(_monday(saturday), "week", ref, future=future, period=f"{year:04d}-W{week:02d}-WE", starts=saturday)


def _month(year: int, month: int, ref: dt.date | None, *, future: bool = False) -> ResolvedDate:
    return _result(dt.date(year, month, 1), "month", ref, future=future)


def _year(year: int, ref: dt.date | None, *, future: bool = False) -> ResolvedDate:
    return _result(dt.date(year, 1, 1), "year", ref, future=future)


def _quarter(year: int, quarter: int, ref: dt.date | None, *, future: bool = False) -> ResolvedDate:
    starts = dt.date(year, 3 * quarter - 2, 1)
    return _result(dt.date(year, 1, 1), "year", ref, future=future, period=f"{year:04d}-Q{quarter}", starts=starts)


def _half(year: int, half: int, ref: dt.date | None) -> ResolvedDate:
    starts = dt.date(year, 1 if half == 1 else 7, 1)
    return _result(dt.date(year, 1, 1), "year", ref, period=f"{year:04d}-H{half}", starts=starts)


def _season(year: int, code: str, ref: dt.date | None, *, future: bool = False) -> ResolvedDate:
    starts = dt.date(year, SEASON_START_MONTH[code], 1)
    return _result(dt.date(year, 1, 1), "year", ref, future=future, period=f"{year:04d}-{code}", starts=starts)


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    ref: dt.date | None
    in_prose: bool  # False when resolving a lone expression: skip the checks that read neighbouring text


Handler = Callable[[re.Match[str], _Context], ResolvedDate | None]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    handler: Handler


def _norm(value: str | None) -> str:
    return " ".join(value.lower().split()) if value else ""


def _month_number(token: str) -> int:
    key = token.rstrip(".").lower()
    return MONTHS.get(key) or MONTH_ABBREVIATIONS[key]


def _word_before(text: str, index: int) -> str:
    words = _WORD.findall(text[max(0, index - 40) : index])
    return words[-1].lower().strip("'") if words else ""


def _word_after(text: str, index: int) -> str:
    found = _WORD.match(text[index:].lstrip())
    return found.group(0).lower() if found else ""


def _after_capitalised_word(text: str, index: int) -> bool:
    """True for "USA Today", "Peace Now": a capitalised name word directly before ``index``."""
    return re.search(r"[A-Z][\w&-]*\s+$", text[max(0, index - 40) : index]) is not None


_FORWARD_CUE = re.compile(
    r"(?i)(?:\b(?:will|won't|shall|would|could|might|scheduled|slated|expected|plans?|planned|planning|upcoming"
    r"|payable|effective|going\s+to|as\s+(?:soon|early)\s+as|(?:is|are)\s+to|(?:is|are|was|were)\s+due"
    r"|set\s+(?:to|for)|to\s+be\s+held)\b|'ll\b)"
)
_BACKWARD_CUE = re.compile(
    r"(?i)\b(?:said|says|told|announced|reported|added|claimed|confirmed|stated|was|were|had|did|\w{3,}ed)\b"
)


_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "maj", "adm",
    "no", "vs", "inc", "corp", "co", "ltd", "jr", "sr", "mt", "ft", "approx",
} | set(MONTH_ABBREVIATIONS)  # fmt: skip


def _clause_before(text: str, index: int, reach: int = 100) -> str:
    """The text from the last clause boundary before ``index`` (a period after "Mr" or "Dec" is none)."""
    window = text[max(0, index - reach) : index]
    start = 0
    for boundary in re.finditer(r"[,!?;:\n]|\.(?=\s|$)", window):
        if boundary.group(0) == ".":
            word = re.search(r"([A-Za-z.]*)$", window[: boundary.start()]).group(1).lower()
            if word in _ABBREVIATIONS or len(word.replace(".", "")) <= 1 or "." in word:
                continue  # "Mr.", "Dec.", "U.S.", "J."
        start = boundary.end()
    return window[start:]


def _points_forward(text: str, index: int) -> bool:
    """Whether the nearest tense cue before ``index``, in the same clause, looks forward."""
    clause = _clause_before(text, index)
    forward = [m.end() for m in _FORWARD_CUE.finditer(clause)]
    backward = [m.end() for m in _BACKWARD_CUE.finditer(clause)]
    return bool(forward) and (not backward or forward[-1] >= backward[-1])


_DEADLINE = re.compile(r"(?i)\b(?:by|until|till|through|to|before|from|for|since)\s+(?:\w+,?\s+)?$")


def _points_back(text: str, index: int) -> bool:
    """Whether the clause before ``index`` only looks back ("attacked", "was killed ... on June
    27"): then a date without its year is not after publication. A deadline ("by Jan. 14",
    "extended to Nov. 20") or any forward cue in the clause leaves it open."""
    clause = _clause_before(text, index)
    if _DEADLINE.search(clause) or _FORWARD_CUE.search(clause):
        return False
    return _BACKWARD_CUE.search(clause) is not None


def _recent_slack(ctx: _Context, index: int) -> int:
    """Days a date without its year may fall after publication: none in a past-tense clause,
    about a month otherwise (a headline's "Elections March 20")."""
    return 0 if ctx.in_prose and _points_back(ctx.text, index) else 31


# ----- absolute dates


def _iso_date(m: re.Match[str], ctx: _Context) -> ResolvedDate | None:
    day = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    return _day(day, ctx.ref) if day else None


def _numeric_date(m: re.Match[str], ctx: _Context) -> ResolvedDate | None:
    first, second = int(m["first"]), int(m["second"])
    if first > 12 >= second:
        day_number, month = first, second
    elif second > 12 >= first:
        day_number, month = second, first
    else:  # 05/06/2021 could be May or June: skip
        return None
    day = _safe_date(int(m["year"]), month, day_number)
    return _day(day, ctx.ref) if day else None


def _month_day(m: re.Match[str], ctx: _Context) -> ResolvedDate | None:
    month, day_number = _month_number(m["month"]), int(re.match(r"\d+", m["day"]).group(0))
    if not 1 <= day_number <= 31:
        return None
    if m["year"]:
        year = int(m["year"])
    elif ctx.ref is None:
        return _unknown() if _safe_date(2000, month, day_number) else None
    elif ctx.in_prose and _points_forward(ctx.text, m.start()):
        year = _coming_year(month, day_number, ctx.ref)
    else:
        year = _recent_year(month, day_number, ctx.ref, _recent_slack(ctx, m.start()))
    day = _safe_date(year, month, day_number)
    return _day(day, ctx.ref) if day else None


def _month_year(m: re.Match[str], ctx: _Context) -> ResolvedDate:
    return _month(int(m["year"]), _month_number(m["month"]), ctx.ref)


def _month_relative_year(m: re.Match[str], ctx: _Context) -> ResolvedDate:
    if ctx.ref is None:
        return _unknown()
    offset = {"last": -1, "this": 0, "next": 1}[_norm(m["rel"])]
    return _month(ctx.ref.year + offset, _month_number(m["month"]), ctx.ref, future=offset > 0)


def _bare_month(m: re.Match[str], ctx: _Context) -> ResolvedDate | None:
    month, relation = _month_number(m["month"]), _norm(m["rel"])
    if ctx.in_prose and not relation and not m["edge"] and not _bare_month_in_context(m, ctx.text):
        return None
    if ctx.ref is None:
        return _unknown()
    ref = ctx.ref
    if relation in ("last", "this past"):
        return _month(ref.year if month < ref.month else ref.year - 1, month, ref)
    if relation in ("next", "this coming"):
        return _month(ref.year if month > ref.month else ref.year + 1, month, ref, future=True)
    if relation == "this":
        return _month(ref.year, month, ref)
    if ctx.in_prose and _points_forward(ctx.text, m.start()):
        return _month(_coming_year(month, 1, ref), month, ref, future=month != ref.month)
    return _month(_recent_year(month, 1, ref, _recent_slack(ctx, m.start())), month, ref)


def _bare_month_in_context(m: re.Match[str], text: str) -> bool:
    if _word_before(text, m.start()) in _MONTH_CONTEXT_WORDS:
        return True
    # "May" and "March" are also a verb and a noun; other names need not be followed by a name ("April Ryan").
    if _norm(m["month"]) in ("may", "march"):
        return False
    return re.match(r"\s+[A-Z]", text[m.end() :]) is None


def _day_of_month(m: re.Match[str], ctx: _Context) -> ResolvedDate | None:
    if ctx.in_prose and not m["prep"]:
        return None
    if ctx.ref is None:
        return _unknown()
    ref, day_number = ctx.ref, int(m["day"])
    if m["which"] and _norm(m["which"]) == "last":
        year, month = _add_months(ref.year, ref.month, -1)
    elif m["which"] or day_number <= ref.day:
        year, month = ref.year, ref.month
    else:  # "on the 27th" in an article of the 3rd: last month
        year, month = _add_months(ref.year, ref.month, -1)
    day = _safe_date(year, month, day_number)
    return _day(day, ref) if day else None


def _year_alone(m: re.Match[str], ctx: _Context) -> ResolvedDate | None:
    if ctx.in_prose and not m["edge"] and not m["fiscal"] and _is_count_or_identifier(m, ctx.text):
        return None
    return _year(int(m["year"]), ctx.ref)


def _is_count_or_identifier(m: re.Match[str], text: str) -> bool:
    before = text[max(0, m.start() - 40) : m.start()]
    if re.search(r"(?i)(?:\bup\s+to|[#№]|\bno\.)\s*$", before):
        return True
    if _word_before(text, m.start()) in _YEAR_BLOCKING_PREVIOUS_WORDS and re.search(r"[A-Za-z]\.?\s+$", before):
        return True
    after = text[m.end() :]
    if re.match(r"\s*(?:%|per\s*cent|percent)", after, re.I):
        return True
    return re.match(r"\s+[A-Za-z]", after) is not None and _word_after(text, m.end()) in _YEAR_BLOCKING_NEXT_WORDS


def _decade(m: re.Match[str], ctx: _Context) -> ResolvedDate | None:
    if ctx.in_prose and "'" in m.group(0) and not m["lead"]:
        return None  # "1990's budget" is a year; "the 1990's" a decade
    return _unknown(m["decade"])


def _holiday(m: re.Match[str], ctx: _Context) -> ResolvedDate | None:
    name = _norm(m["holiday"]).replace("years", "year's")  # "New Years Day"
    month, day_number = {"christmas day": (12, 25), "christmas eve": (12, 24),
                         "new year's day": (1, 1), "new year's eve": (12, 31)}[name]  # fmt: skip
    if m["year"]:
        return _day(dt.date(int(m["year"]), month, day_number), ctx.ref)
    if ctx.ref is None:
        return _unknown()
    year = _recent_year(month, day_number, ctx.ref, _recent_slack(ctx, m.start()))
    return _day(dt.date(year, month, day_number), ctx.ref)


# ----- days relative to publication


def _weekday(m: re.Match[str], ctx: _Context) -> ResolvedDate | None:
    if ctx.in_prose and _is_named_day(m, ctx.text):
        return None
    if ctx.ref is None:
        return _unknown()
    weekday, relation = WEEKDAYS[m["weekday"].lower()], _norm(m["rel"])
    if relation in ("next", "this coming", "coming"):
        return _day(_next_weekday(ctx.ref, weekday, include_ref=False), ctx.ref, future=True)
    if relation in ("last", "this past", "past"):
        return _day(_previous_weekday(ctx.ref, weekday, include_ref=False), ctx.ref)
    if ctx.in_prose and not m["overnight"] and _points_forward(ctx.text, m.start()):
        return _day(_next_weekday(ctx.ref, weekday, include_ref=True), ctx.ref, future=True)
    return _day(_previous_weekday(ctx.ref, weekday, include_ref=True), ctx.ref)


def _is_named_day(m: re.Match[str], text: str) -> bool:
    if _word_before(text, m.start("weekday")) in _WEEKDAY_NAME_BEFORE and m.start("weekday") == m.start():
        return True
    return any(_word_after(text, end) in _WEEKDAY_NAME_AFTER for end in (m.end("weekday"), m.end()))


_RELATIVE_DAY_OFFSETS = {
    "the day before yesterday": -2, "yesterday": -1, "today": 0, "tomorrow": 1, "the day after tomorrow": 2,
    "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "last night": -1, "last evening": -1, "overnight": -1, "during the night": -1,
    "in the night": -1, "through the night": -1,
}  # fmt: skip


def _relative_day(m: re.Match[str], ctx: _Context) -> ResolvedDate | None:
    word = _norm(m["word"])
    if ctx.in_prose and word == "today" and m["word"][0] == "T" and _after_capitalised_word(ctx.text, m.start()):
        return None  # "Russia Today", "USA Today"
    if ctx.ref is None:
        return _unknown()
    offset = _RELATIVE_DAY_OFFSETS[word]
    later = _norm(m["mod"]) == "later"
    return _day(ctx.ref + dt.timedelta(days=offset), ctx.ref, future=offset > 0 or later)


def _units_ago(m: re.Match[str], ctx: _Context) -> ResolvedDate | None:
    count, unit = _norm(m["count"]), _norm(m["unit"])
    if count in VAGUE_COUNTS:
        return _unknown("PAST_REF")
    if ctx.ref is None:
        return _unknown()
    n = int(count) if count.isdigit() else NUMBER_WORDS[count]
    ref = ctx.ref
    if unit == "day":
        return _day(ref - dt.timedelta(days=n), ref)
    if unit == "week":
        return _week(ref - dt.timedelta(weeks=n), ref)
    if unit == "month":
        return _month(*_add_months(ref.year, ref.month, -n), ref)
    return _year(ref.year - (n * 10 if unit == "decade" else n), ref)


# ----- calendar units relative to publication: weeks, months, years, quarters, seasons


def _relative_unit(m: re.Match[str], ctx: _Context) -> ResolvedDate | None:
    relation, unit, modifier = _norm(m["rel"]), _norm(m["unit"]), _norm(m["mod"])
    relation = {"the current": "this", "the latest": "last", "the most recent": "last"}.get(relation, relation)
    if _norm(m["rel"]) in ("the latest", "the most recent") and unit != "quarter":
        return None
    if ctx.ref is None:
        return _unknown()
    step = {"last": -1, "this": 0, "next": 1}[relation]
    later = relation == "this" and modifier == "later"
    return _shift_unit(ctx.ref, unit, step, future=step > 0 or later)


def _in_the_unit(m: re.Match[str], ctx: _Context) -> ResolvedDate:
    if ctx.ref is None:
        return _unknown()
    return _shift_unit(ctx.ref, _norm(m["unit"]), 0, future=_norm(m["mod"]) == "later")


def _shift_unit(ref: dt.date, unit: str, step: int, *, future: bool) -> ResolvedDate:
    if unit == "week":
        return _week(ref + dt.timedelta(weeks=step), ref, future=future)
    if unit == "weekend":
        return _weekend(_monday(ref) + dt.timedelta(days=5, weeks=step), ref, future=future)
    if unit == "month":
        return _month(*_add_months(ref.year, ref.month, step), ref, future=future)
    if unit == "year":
        return _year(ref.year + step, ref, future=future)
    year, quarter = divmod((ref.year * 4 + _quarter_of(ref) - 1) + step, 4)
    return _quarter(year, quarter + 1, ref, future=future)


def _the_weekend(m: re.Match[str], ctx: _Context) -> ResolvedDate:
    if ctx.ref is None:
        return _unknown()
    ref = ctx.ref
    saturday = _previous_weekday(ref, 5, include_ref=True)  # on Saturday or Sunday: the weekend under way
    if ref.weekday() < 5 and ctx.in_prose and _points_forward(ctx.text, m.start()):
        return _weekend(saturday + dt.timedelta(weeks=1), ref, future=True)
    return _weekend(saturday, ref)


def _quarter_words(m: re.Match[str], ctx: _Context) -> ResolvedDate:
    quarter = ORDINAL_QUARTERS[_norm(m["q"])]
    year = _explicit_or_relative_year(m, ctx.ref)
    if year is None and ctx.ref is not None:
        year = _recent_quarter_year(quarter, ctx.ref)
    return _quarter(year, quarter, ctx.ref) if year is not None else _unknown()


def _quarter_code(m: re.Match[str], ctx: _Context) -> ResolvedDate:
    quarter = int(m["q"])
    year = int(m["year"]) if m["year"] else (_recent_quarter_year(quarter, ctx.ref) if ctx.ref else None)
    return _quarter(year, quarter, ctx.ref) if year is not None else _unknown()


def _recent_quarter_year(quarter: int, ref: dt.date) -> int:
    return _recent_year(3 * quarter - 2, 1, ref)


def _explicit_or_relative_year(m: re.Match[str], ref: dt.date | None) -> int | None:
    """A year given as digits ("the 1988 third quarter") or relative to publication ("of last year")."""
    for group in ("year", "year2"):
        if m[group]:
            return int(m[group])
    for group in ("rel", "rel2"):
        if m[group] and ref is not None:
            return ref.year + {"last": -1, "this": 0, "next": 1, "the": 0}[_norm(m[group])]
    return None


def _year_ago_adjective(m: re.Match[str], ctx: _Context) -> ResolvedDate:
    # "the year-ago quarter": a quarter mentioned just before, if any, refines this (see _inherit_quarters)
    return _year(ctx.ref.year - 1, ctx.ref) if ctx.ref is not None else _unknown()


def _the_quarter(m: re.Match[str], ctx: _Context) -> ResolvedDate | None:
    # A placeholder, kept only when an earlier quarter in the text gives it a value (see _inherit_quarters)
    return _unknown() if ctx.in_prose else None


def _half_year(m: re.Match[str], ctx: _Context) -> ResolvedDate:
    half = 1 if _norm(m["half"]) == "first" else 2
    year = _explicit_or_relative_year(m, ctx.ref)
    return _half(year, half, ctx.ref) if year is not None else _unknown()


def _season_words(m: re.Match[str], ctx: _Context) -> ResolvedDate | None:
    code, relation = SEASON_CODES[_norm(m["season"])], _norm(m["rel"])
    if ctx.in_prose and not _season_in_context(m, ctx.text, relation):
        return None
    if m["year"]:
        return _season(int(m["year"]), code, ctx.ref)
    if ctx.ref is None:
        return _unknown()
    if relation in ("the", "") and ctx.in_prose and _points_forward(ctx.text, m.start()):
        # "elections are due in the summer": the coming one, or the one under way
        start_month = SEASON_START_MONTH[code]
        return _season(_coming_year(start_month, 1, ctx.ref, slack_days=91), code, ctx.ref)
    return _relative_season(code, relation, ctx.ref)


def _season_in_context(m: re.Match[str], text: str, relation: str) -> bool:
    if m["year"]:
        return True
    if not relation and not m["mod"]:
        return False  # bare "spring", "Arab Spring", "summer" as a habit
    # "the fall of Mosul": an event, not a season
    return not (relation == "the" and re.match(r"\s+of\s+(?!(?:19|20)\d\d)", text[m.end() :]))


def _relative_season(code: str, relation: str, ref: dt.date) -> ResolvedDate:
    start_month = SEASON_START_MONTH[code]
    latest = ref.year if ref.month >= start_month else ref.year - 1  # latest start not after ref
    latest_is_over = dt.date(*_add_months(latest, start_month, 3), 1) <= ref
    if relation in ("next", "this coming"):
        return _season(latest + 1, code, ref, future=True)
    if relation in ("last", "this past"):
        return _season(latest if latest_is_over else latest - 1, code, ref)
    if relation == "this":  # the one under way, else the one of this year
        return _season(ref.year if latest_is_over else latest, code, ref)
    return _season(_recent_year(start_month, 1, ref), code, ref)


# ----- vague references


def _present(m: re.Match[str], ctx: _Context) -> ResolvedDate | None:
    if ctx.in_prose and m.group(0)[0].isupper() and _after_capitalised_word(ctx.text, m.start()):
        return None  # "Peace Now"
    if ctx.ref is None:
        return _unknown("PRESENT_REF")
    return _day(ctx.ref, ctx.ref, period="PRESENT_REF")


def _past(m: re.Match[str], ctx: _Context) -> ResolvedDate:
    return _unknown("PAST_REF")


def _future(m: re.Match[str], ctx: _Context) -> ResolvedDate:
    return _unknown("FUTURE_REF", future=True)


# --------------------------------------------------------------------------- rule table

_WEEKDAY_RELATION = r"(?i:(?P<rel>last|next|this\s+coming|this\s+past|this|coming|past)\s+)"
_DAY_PART = r"(?:\s+(?i:morning|afternoon|evening|night))"

_RULES: tuple[_Rule, ...] = tuple(
    _Rule(name, re.compile(pattern), handler)
    for name, pattern, handler in (
        ("iso", rf"(?<![\w-])(?P<year>{_YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])", _iso_date),
        (
            "numeric",
            rf"(?<![\w./])(?P<first>\d{{1,2}})(?P<sep>[/.])(?P<second>\d{{1,2}})(?P=sep)(?P<year>{_YEAR})(?![\w/])",
            _numeric_date,
        ),
        (
            "month_day",
            rf"(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH_ANY})\s*(?P<day>{_DAY})"
            rf"(?:(?:\s*[-–]\s*|\s+(?:and|to|through)\s+)[0-3]?\d(?:st|nd|rd|th)?(?!\w|:\d))?"
            rf"(?:,?\s+(?P<year>{_YEAR}))?",
            _month_day,
        ),
        (
            "day_month",
            rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{_DAY})(?:\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?)?"
            rf"(?:\s+of)?\s+(?P<month>{_MONTH_ANY})(?:,?\s+(?P<year>{_YEAR}))?",
            _month_day,
        ),
        (
            "month_year",
            rf"(?P<edge>{_PERIOD_EDGE})?(?P<month>{_MONTH_ANY})(?:\s+of)?,?\s+(?P<year>{_YEAR})",
            _month_year,
        ),
        (
            "month_relative_year",
            rf"(?P<edge>{_PERIOD_EDGE})?(?P<month>{_MONTH_NAME})(?:\s+of)?\s+"
            r"(?i:(?P<rel>last|this|next)\s+year)(?![\w'])",
            _month_relative_year,
        ),
        (
            "month",
            rf"(?:(?P<edge>{_PERIOD_EDGE})|(?i:(?P<rel>last|next|this\s+past|this\s+coming|this)\s+))?"
            rf"(?P<month>{_MONTH_NAME})",
            _bare_month,
        ),
        (
            "day_of_month",
            r"(?:(?P<prep>(?i:on|since|by|until|till|from))\s+)?"
            r"(?P<core>(?i:the)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)(?:\s+of\s+(?i:(?P<which>this|last)\s+month))?)"
            r"(?=\s*(?:[,.;:!?)\]\"']|$)|\s+(?:and|or|that|when|at|after|before|as|but|while|with|in)\b)",
            _day_of_month,
        ),
        (
            "year",
            rf"(?<![\w$£€#])(?<!\d[.,:/])(?P<edge>{_PERIOD_EDGE})?(?P<fiscal>(?i:fiscal)\s+)?(?P<year>{_YEAR})"
            r"(?![\w%]|[.,:/]\d)",
            _year_alone,
        ),
        (
            "decade",
            r"(?P<lead>(?i:the\s+)?(?:(?i:early|mid|late)[\s-]+)?)(?<![\w$])(?P<decade>(?:19|20)\d)0'?s(?![\w])",
            _decade,
        ),
        (
            "holiday",
            rf"(?P<holiday>Christmas\s+(?:Day|Eve)|New\s+Year'?s\s+(?:Day|Eve))(?:,?\s+(?P<year>{_YEAR}))?",
            _holiday,
        ),
        (
            "weekday",
            rf"{_WEEKDAY_RELATION}?(?:(?i:late|early)(?:\s+(?i:on))?\s+)?"
            r"(?P<overnight>(?i:overnight)(?:\s+(?i:on|from))?\s+)?"
            rf"(?P<weekday>{_WEEKDAY}){_DAY_PART}?(?:\s+(?i:into|to)\s+{_WEEKDAY}{_DAY_PART}?)?",
            _weekday,
        ),
        (
            "relative_day",
            r"(?i:(?:(?P<mod>early|late|earlier|later)\s+)?"
            r"(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight"
            r"|this\s+(?:morning|afternoon|evening)|last\s+(?:night|evening)"
            r"|overnight|(?:during|in|through)\s+the\s+night(?!\s+of\b))"
            r"(?:\s+(?:morning|afternoon|evening|night))?)(?![\w-])",
            _relative_day,
        ),
        (
            "units_ago",
            rf"(?i:(?:(?:almost|nearly|about|around|some|more\s+than|over|just|only|roughly|barely)\s+)?"
            rf"(?P<count>{_NUMBER})\s+(?P<unit>day|week|month|year|decade)s?\s+(?:ago|earlier))(?![\w-])",
            _units_ago,
        ),
        (
            "relative_unit",
            r"(?i:(?:(?P<mod>earlier|later|early|late|mid)(?:\s+|-))?"
            r"(?P<rel>this|last|next|the\s+current|the\s+latest|the\s+most\s+recent)"
            r"\s+(?P<unit>week|weekend|month|year|quarter))(?![\w-])",
            _relative_unit,
        ),
        ("in_the_unit", r"(?i:(?P<mod>earlier|later)\s+in\s+the\s+(?P<unit>week|month|year))(?![\w-])", _in_the_unit),
        ("the_weekend", r"(?i:the\s+weekend)(?![\w-])", _the_weekend),
        (
            "quarter_words",
            rf"(?i:(?:the\s+)?(?:(?P<rel>this|last|next)\s+year's\s+)?(?:(?P<year>{_YEAR})\s+)?(?:fiscal[\s-]+)?"
            rf"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter"
            rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year2>{_YEAR})|(?P<rel2>this|last|next|the)\s+year))?)(?![\w-])",
            _quarter_words,
        ),
        (
            "year_ago_adjective",
            r"(?i:(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:year-ago|year-earlier)"
            r"(?:\s+(?:quarter|period))?)(?![\w-])",
            _year_ago_adjective,
        ),
        ("the_quarter", r"(?i:\b(?:the|that)\s+quarter)(?![\w-])", _the_quarter),
        ("quarter_code", rf"(?<![\w-])Q(?P<q>[1-4])(?:\s+(?P<year>{_YEAR}))?(?![\w-])", _quarter_code),
        (
            "half_year",
            rf"(?i:(?:the\s+)?(?P<half>first|second|last)\s+half\s+of\s+"
            rf"(?:(?P<year>{_YEAR})|(?P<rel>this|last|next|the)\s+year))",
            _half_year,
        ),
        (
            "season",
            rf"(?i:(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the)\s+)?(?:(?P<mod>early|late|mid)(?:\s+|-))?"
            rf"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?)(?![\w-])",
            _season_words,
        ),
        (
            "present",
            r"(?i:\b(?:right\s+now|now|currently|at\s+present|nowadays|these\s+days|presently))(?![\w-])",
            _present,
        ),
        (
            "past",
            r"(?i:\b(?:recently|more\s+recently|lately|previously|formerly|in\s+the\s+past|in\s+past\s+years"
            r"|(?:in\s+)?recent\s+(?:days|weeks|months|years|decades))(?![\w-])"
            r"|\bthe\s+past(?=\s*(?:[,.;:!?)]|$|and\b|or\b|but\b)))",
            _past,
        ),
        (
            "future",
            r"(?i:\b(?:(?:the|in)\s+(?:near\s+|foreseeable\s+|distant\s+)?future|in\s+future"
            r"|(?:the\s+|in\s+the\s+)?coming\s+(?:days|weeks|months|years)|the\s+(?:near|short|long)\s+term"
            r"|soon(?!\s+(?:after|afterwards|before|thereafter))))(?![\w-])",
            _future,
        ),
    )
)


# --------------------------------------------------------------------------- public API


def _apply(rule: _Rule, match: re.Match[str], context: _Context) -> ResolvedDate | None:
    try:
        return rule.handler(match, context)
    except (OverflowError, ValueError):  # the result would fall outside years 1-9999
        return None


def _mention_span(m: re.Match[str]) -> tuple[int, int]:
    return m.span("core") if "core" in m.re.groupindex and m["core"] is not None else m.span()


def find_date_mentions(text: str, ref_date: dt.date | None) -> list[DateMention]:
    """All date expressions in ``text``, resolved against ``ref_date``, non-overlapping, in text order.

    Where candidate expressions overlap, the longest wins ("Monday, June 27, 2021" over "Monday").
    """
    context = _Context(text, ref_date, in_prose=True)
    candidates: list[tuple[int, int, int, ResolvedDate]] = []
    for order, rule in enumerate(_RULES):
        for match in rule.regex.finditer(text):
            start, end = _mention_span(match)
            if start == end:
                continue
            resolved = _apply(rule, match, context)
            if resolved is not None:
                candidates.append((start, end, order, resolved))
    mentions = [
        (_RULES[order].name, DateMention(start, end, text[start:end], resolved))
        for start, end, order, resolved in _longest_non_overlapping(candidates)
    ]
    return _inherit_quarters(mentions, ref_date)


_Candidate = tuple[int, int, int, ResolvedDate]  # start, end, rule order, resolution


def _longest_non_overlapping(candidates: list[_Candidate]) -> list[_Candidate]:
    """Greedy: longest first, then leftmost, then earlier rule; returned in text order."""
    chosen: list[_Candidate] = []  # kept sorted by start
    for candidate in sorted(candidates, key=lambda c: (c[0] - c[1], c[0], c[2])):
        start, end = candidate[0], candidate[1]
        index = bisect.bisect_left(chosen, start, key=lambda c: c[0])
        overlaps_next = index < len(chosen) and chosen[index][0] < end
        overlaps_previous = index > 0 and chosen[index - 1][1] > start
        if not overlaps_next and not overlaps_previous:
            chosen.insert(index, candidate)
    return chosen


_QUARTER_PERIOD = re.compile(r"^(\d{4})-Q([1-4])$")
_A_YEAR_BACK = re.compile(r"(?i)^(?:a|one)\s+year\s+(?:ago|earlier)$")
_QUARTER_REACH = 300  # characters: "... in the third quarter, up from $2 million a year earlier."


def _inherit_quarters(mentions: list[tuple[str, DateMention]], ref: dt.date | None) -> list[DateMention]:
    """Give "the quarter" and "a year earlier" the granularity of a quarter mentioned before them.

    Business news compares quarters: "profit in the third quarter rose from a year earlier" means the
    third quarter of the previous year (the TimeML reading). "the quarter" without an earlier quarter
    is dropped: it is more likely a city quarter than a period.
    """
    result: list[DateMention] = []
    last_quarter: DateMention | None = None
    for rule, mention in mentions:
        anchor = last_quarter
        if rule == "the_quarter":
            if anchor is None:
                continue
            mention = DateMention(mention.start, mention.end, mention.text, anchor.resolved)
        elif anchor is not None and mention.start - anchor.end <= _QUARTER_REACH and (
            rule == "year_ago_adjective" or (rule == "units_ago" and _A_YEAR_BACK.match(mention.text))
        ):
            year, quarter = _QUARTER_PERIOD.match(anchor.resolved.period).groups()
            if int(year) > 1:
                earlier = _quarter(int(year) - 1, int(quarter), ref)
                mention = DateMention(mention.start, mention.end, mention.text, earlier)
        elif rule in ("quarter_words", "quarter_code", "relative_unit") and _is_quarter(mention.resolved):
            last_quarter = mention
        result.append(mention)
    return result


def _is_quarter(resolved: ResolvedDate) -> bool:
    return resolved.period is not None and _QUARTER_PERIOD.match(resolved.period) is not None


_LEADING_PREPOSITION = re.compile(r"(?i)^(?:(?:on|in|at|since|during|by|from|until|till|of|for|as\s+of)\s+)+")


def resolve_date_expression(expression: str, ref_date: dt.date | None) -> ResolvedDate | None:
    """Resolve one whole date expression ("last Friday", "June 27, 2021", "on the 27th"), or None."""
    core = _LEADING_PREPOSITION.sub("", expression.strip()).rstrip(" ,;:")
    if not core:
        return None
    context = _Context(core, ref_date, in_prose=False)
    for candidate in (core, core.rstrip(".")):
        for rule in _RULES:
            match = rule.regex.fullmatch(candidate)
            if match is not None and (resolved := _apply(rule, match, context)) is not None:
                return resolved
    return None
