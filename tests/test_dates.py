"""News date expressions: found in running text and resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.resolve.dates import DateMention, ResolvedDate, find_date_mentions, resolve_date_expression

WEDNESDAY = dt.date(2024, 3, 13)  # the publication date used unless a test says otherwise
D = dt.date


def found(text: str, ref: dt.date | None = WEDNESDAY) -> list[DateMention]:
    mentions = find_date_mentions(text, ref)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    return mentions


def only(text: str, ref: dt.date | None = WEDNESDAY) -> DateMention:
    mentions = found(text, ref)
    assert len(mentions) == 1, mentions
    return mentions[0]


def resolved(text: str, ref: dt.date | None = WEDNESDAY) -> tuple[dt.date | None, str, bool]:
    r = only(text, ref).resolved
    return r.date, r.precision, r.future


# --------------------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("sentence", "span", "day"),
    [
        ("Police said Monday that 12 people were arrested.", "Monday", D(2024, 3, 11)),
        ("Rebels shelled the town on Saturday.", "Saturday", D(2024, 3, 9)),
        ("The convoy was hit late Saturday near the border.", "late Saturday", D(2024, 3, 9)),
        ("Protesters gathered Sunday night outside parliament.", "Sunday night", D(2024, 3, 10)),
        ("Gunmen stormed the village early Tuesday.", "early Tuesday", D(2024, 3, 12)),
        ("Fighting resumed late on Friday.", "late on Friday", D(2024, 3, 8)),
        ("The ministry said Wednesday the talks had failed.", "Wednesday", WEDNESDAY),
        ("The strike happened Thursday, officials said.", "Thursday", D(2024, 3, 7)),
        ("Monday's attack killed four soldiers.", "Monday", D(2024, 3, 11)),
    ],
)
def test_a_bare_weekday_is_the_article_day_or_one_of_the_six_before(sentence, span, day):
    mention = only(sentence)
    assert mention.text == span
    assert (mention.resolved.date, mention.resolved.precision, mention.resolved.future) == (day, "day", False)


def test_next_and_this_coming_weekday_point_forward():
    assert resolved("Voting starts next Monday.") == (D(2024, 3, 18), "day", True)
    assert resolved("Voting starts this coming Wednesday.") == (D(2024, 3, 20), "day", True)


def test_last_weekday_is_strictly_before_the_article_day():
    assert resolved("He was detained last Wednesday.") == (D(2024, 3, 6), "day", False)
    assert resolved("He was detained last Friday.") == (D(2024, 3, 8), "day", False)


def test_a_forward_cue_in_the_clause_sends_a_bare_weekday_forward():
    assert resolved("Talks will resume on Friday in Doha.") == (D(2024, 3, 15), "day", True)
    assert resolved("The vote is scheduled for Wednesday.") == (WEDNESDAY, "day", True)
    assert resolved("He will travel to Paris, the ministry said Monday.") == (D(2024, 3, 11), "day", False)
    assert resolved("Mr. Smith will travel to Paris on Monday.") == (D(2024, 3, 18), "day", True)


def test_a_weekday_range_overnight_resolves_to_the_night_it_began():
    mention = only("Strikes continued Saturday night into Sunday, residents said.")
    assert mention.text == "Saturday night into Sunday"
    assert mention.resolved.date == D(2024, 3, 9)


@pytest.mark.parametrize(
    "sentence",
    ["Crowds marked Bloody Sunday in Derry.", "Churches filled on Good Friday.", "The Sunday Times reported it."],
)
def test_named_days_are_not_dates(sentence):
    assert found(sentence) == []


# --------------------------------------------------------------------------- days relative to publication


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Overnight strikes hit the port city.", "Overnight"),
        ("Two drones were downed overnight.", "overnight"),
        ("Shells fell on the camp during the night.", "during the night"),
    ],
)
def test_overnight_is_the_night_before_the_article_coded_to_its_first_day(sentence, span):
    mention = only(sentence)
    assert mention.text == span
    assert (mention.resolved.date, mention.resolved.precision, mention.resolved.future) == (
        D(2024, 3, 12),
        "day",
        False,
    )


def test_overnight_with_a_weekday_takes_the_weekday():
    mention = only("Jets struck overnight Saturday.")
    assert (mention.text, mention.resolved.date) == ("overnight Saturday", D(2024, 3, 9))


def test_the_night_of_a_date_is_not_last_night():
    assert [m.text for m in found("Troops moved in during the night of March 5.")] == ["March 5"]


@pytest.mark.parametrize(
    ("sentence", "span", "day", "future"),
    [
        ("The minister resigned today.", "today", WEDNESDAY, False),
        ("Sirens sounded this morning in the capital.", "this morning", WEDNESDAY, False),
        ("A curfew begins this afternoon.", "this afternoon", WEDNESDAY, False),
        ("The president speaks tonight.", "tonight", WEDNESDAY, False),
        ("Earlier today, police fired tear gas.", "Earlier today", WEDNESDAY, False),
        ("Results are expected later today.", "later today", WEDNESDAY, True),
        ("Two soldiers died yesterday.", "yesterday", D(2024, 3, 12), False),
        ("A bomb exploded last night in the market.", "last night", D(2024, 3, 12), False),
        ("The trial opens tomorrow.", "tomorrow", D(2024, 3, 14), True),
        ("The town fell two days ago.", "two days ago", D(2024, 3, 11), False),
        ("Three days earlier, the same unit had withdrawn.", "Three days earlier", D(2024, 3, 10), False),
        ("A day earlier, rockets hit the airport.", "A day earlier", D(2024, 3, 12), False),
        ("The clinic was bombed 10 days ago.", "10 days ago", D(2024, 3, 3), False),
    ],
)
def test_relative_days(sentence, span, day, future):
    mention = only(sentence)
    assert mention.text == span
    assert (mention.resolved.date, mention.resolved.precision, mention.resolved.future) == (day, "day", future)


def test_named_media_are_not_today():
    assert found("Russia Today reported the claim.") == []


# --------------------------------------------------------------------------- weeks, months, years


@pytest.mark.parametrize(
    ("sentence", "span", "expected"),
    [
        ("Clashes erupted last week.", "last week", (D(2024, 3, 4), "week", False)),
        ("Dozens were arrested this week.", "this week", (D(2024, 3, 11), "week", False)),
        ("Earlier this week, the army withdrew.", "Earlier this week", (D(2024, 3, 11), "week", False)),
        ("Envoys meet next week.", "next week", (D(2024, 3, 18), "week", True)),
        ("Talks end later this week.", "later this week", (D(2024, 3, 11), "week", True)),
        ("Two weeks ago the bridge was cut.", "Two weeks ago", (D(2024, 2, 26), "week", False)),
        ("Earlier this month, the mayor fled.", "Earlier this month", (D(2024, 3, 1), "month", False)),
        ("Strikes rose this month.", "this month", (D(2024, 3, 1), "month", False)),
        ("The siege began last month.", "last month", (D(2024, 2, 1), "month", False)),
        ("Elections are due next month.", "next month", (D(2024, 4, 1), "month", True)),
        ("Three months ago the port reopened.", "Three months ago", (D(2023, 12, 1), "month", False)),
        ("The group was banned last year.", "last year", (D(2023, 1, 1), "year", False)),
        ("Deaths doubled this year.", "this year", (D(2024, 1, 1), "year", False)),
        ("Troops leave next year.", "next year", (D(2025, 1, 1), "year", True)),
        ("Five years ago the city fell.", "Five years ago", (D(2019, 1, 1), "year", False)),
    ],
)
def test_relative_weeks_months_and_years(sentence, span, expected):
    mention = only(sentence)
    assert mention.text == span
    assert (mention.resolved.date, mention.resolved.precision, mention.resolved.future) == expected


def test_the_weekend_is_the_latest_weekend():
    mention = only("Militants attacked the base over the weekend.")
    assert (mention.text, mention.resolved.date, mention.resolved.precision) == ("the weekend", D(2024, 3, 4), "week")
    assert mention.resolved.to_timex_value() == "2024-W10-WE"


@pytest.mark.parametrize(
    ("sentence", "year"),
    [("The ceasefire collapsed in 2015.", 2015), ("He opposed the 2015 nuclear deal.", 2015), ("since 1991", 1991)],
)
def test_a_four_digit_year(sentence, year):
    assert resolved(sentence) == (D(year, 1, 1), "year", False)


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 2000 people fled.",
        "About 1500 troops were deployed.",
        "Police arrested 2,000 protesters.",
        "The bill came to $2015.",
        "The strike began at 2100 GMT.",
        "A 25-year-old man was shot at 3 pm.",
        "Security Council Resolution 1973 was adopted.",
        "Prices rose 1999% in a year.",
        "Flight 1992 was diverted.",
        "He paid $1.5 million for 12 rifles.",
        "Two of the 20 wounded died.",
        "Fighters took the 5th floor.",
    ],
)
def test_counts_money_ages_times_and_identifiers_are_not_dates(sentence):
    assert found(sentence) == []


def test_a_year_in_a_range_and_the_start_of_a_year():
    assert [m.text for m in found("From 2011-2013 and in early 2015.")] == ["2011", "2013", "early 2015"]


def test_a_decade_is_kept_without_pretending_to_a_year():
    mention = only("The war of the 1990s left deep scars.")
    assert mention.text == "the 1990s"
    assert mention.resolved == ResolvedDate(None, "unknown", False, "199")


# --------------------------------------------------------------------------- absolute dates


@pytest.mark.parametrize(
    ("sentence", "span", "expected"),
    [
        ("The attack took place on June 27.", "June 27", D(2023, 6, 27)),
        ("The attack took place on 27 June.", "27 June", D(2023, 6, 27)),
        ("The attack took place on June 27, 2021.", "June 27, 2021", D(2021, 6, 27)),
        ("The attack took place on 27 June 2021.", "27 June 2021", D(2021, 6, 27)),
        ("The attack took place on Jun. 27, 2021.", "Jun. 27, 2021", D(2021, 6, 27)),
        ("The attack took place on Sept. 3, 2019.", "Sept. 3, 2019", D(2019, 9, 3)),
        ("The attack took place on the 27th of June 2021.", "the 27th of June 2021", D(2021, 6, 27)),
        ("The attack took place on 2021-06-27.", "2021-06-27", D(2021, 6, 27)),
        ("The attack took place on 27/06/2021.", "27/06/2021", D(2021, 6, 27)),
        ("The attack took place on 06/27/2021.", "06/27/2021", D(2021, 6, 27)),
        ("Ballots were cast on Sunday, March 10.", "Sunday, March 10", D(2024, 3, 10)),
        ("Clashes on March 4-5 killed nine.", "March 4-5", D(2024, 3, 4)),
    ],
)
def test_absolute_days(sentence, span, expected):
    mention = only(sentence)
    assert mention.text == span
    assert (mention.resolved.date, mention.resolved.precision) == (expected, "day")


def test_a_slashed_date_that_could_be_either_way_round_is_skipped():
    assert found("The order is dated 05/06/2021.") == []


@pytest.mark.parametrize(
    ("sentence", "span", "expected"),
    [
        ("The offensive began in June 2021.", "June 2021", D(2021, 6, 1)),
        ("The offensive began in mid-June.", "mid-June", D(2023, 6, 1)),
        ("The offensive began in early March.", "early March", D(2024, 3, 1)),
        ("The offensive began in March.", "March", D(2024, 3, 1)),
        ("The offensive began in May.", "May", D(2023, 5, 1)),
        ("The offensive began last May.", "last May", D(2023, 5, 1)),
        ("The offensive began in May last year.", "May last year", D(2023, 5, 1)),
    ],
)
def test_months(sentence, span, expected):
    mention = only(sentence)
    assert mention.text == span
    assert (mention.resolved.date, mention.resolved.precision, mention.resolved.future) == (expected, "month", False)


def test_may_and_march_as_ordinary_words_are_not_months():
    assert found("Officials may delay the March organisers' plans, and the march may go ahead.") == []


def test_a_month_day_without_year_leans_to_the_recent_past():
    assert resolved("Fighting began December 30.", D(2022, 1, 3)) == (D(2021, 12, 30), "day", False)
    assert resolved("The deadline is January 5.", D(2021, 12, 20)) == (D(2022, 1, 5), "day", True)
    assert resolved("Fighting began March 1.", WEDNESDAY) == (D(2024, 3, 1), "day", False)
    assert resolved("Polls open on March 20.", WEDNESDAY) == (D(2024, 3, 20), "day", True)


def test_a_month_day_after_a_forward_cue_is_the_coming_one():
    assert resolved("Parliament will vote on February 20.", WEDNESDAY) == (D(2025, 2, 20), "day", True)


def test_an_impossible_day_falls_back_to_its_month():
    assert [(m.text, m.resolved.precision) for m in found("It happened on February 30.")] == [("February", "month")]
    assert resolved("It happened on February 29.", D(2024, 3, 13)) == (D(2024, 2, 29), "day", False)
    assert only("It happened on February 29.", D(2023, 3, 13)).resolved.precision == "month"


def test_on_the_nth_is_in_the_article_month_or_the_one_before():
    assert resolved("The town fell on the 10th.") == (D(2024, 3, 10), "day", False)
    assert resolved("The town fell on the 27th.") == (D(2024, 2, 27), "day", False)
    assert only("The town fell on the 27th.").text == "the 27th"
    assert only("A spokesman said on the 8th that the town fell.").resolved.date == D(2024, 3, 8)


# --------------------------------------------------------------------------- quarters, seasons, vague references


def test_quarters_are_reported_as_their_year_with_the_quarter_as_period():
    mention = only("Attacks fell in the third quarter of 2023.")
    assert mention.resolved == ResolvedDate(D(2023, 1, 1), "year", False, "2023-Q3")


def test_the_quarter_takes_the_value_of_an_earlier_quarter_and_is_dropped_without_one():
    text = "Output rose in the fourth quarter of 2023. In the quarter, exports doubled from a year earlier."
    assert [m.resolved.to_timex_value() for m in found(text)] == ["2023-Q4", "2023-Q4", "2022-Q4"]
    assert found("Gunmen entered the quarter at dawn.") == []


def test_seasons_need_a_determiner_or_year():
    assert only("The offensive stalled last summer.").resolved.to_timex_value() == "2023-SU"
    assert only("Aid arrived in the spring of 2022.").resolved.to_timex_value() == "2022-SP"
    assert found("After the fall of Mosul, the Arab Spring faded.") == []


def test_vague_references_carry_timeml_values():
    assert only("The group is now in control.").resolved == ResolvedDate(WEDNESDAY, "day", False, "PRESENT_REF")
    assert only("The town was recently retaken.").resolved == ResolvedDate(None, "unknown", False, "PAST_REF")
    coming = only("More troops will come in the coming weeks.").resolved
    assert coming == ResolvedDate(None, "unknown", True, "FUTURE_REF")


# --------------------------------------------------------------------------- without a publication date


def test_without_a_publication_date_relative_expressions_are_unknown():
    for sentence in ("Rebels attacked on Saturday.", "Strikes hit overnight.", "It fell last week.", "on June 27"):
        assert only(sentence, None).resolved == ResolvedDate(None, "unknown")


def test_without_a_publication_date_dates_with_a_year_still_resolve():
    assert resolved("It fell on June 27, 2021.", None) == (D(2021, 6, 27), "day", False)
    assert resolved("It fell in 2015.", None) == (D(2015, 1, 1), "year", False)


# --------------------------------------------------------------------------- the API


def test_longest_match_wins_and_mentions_come_in_text_order():
    text = "On Monday, June 27, 2022, and again on Tuesday, rebels attacked."
    assert [m.text for m in found(text, D(2022, 6, 29))] == ["Monday, June 27, 2022", "Tuesday"]


def test_resolve_date_expression_takes_whole_expressions_only():
    assert resolve_date_expression("on Saturday", WEDNESDAY) == ResolvedDate(D(2024, 3, 9), "day")
    assert resolve_date_expression("the 27th", WEDNESDAY) == ResolvedDate(D(2024, 2, 27), "day")
    assert resolve_date_expression("May", WEDNESDAY) == ResolvedDate(D(2023, 5, 1), "month")
    assert resolve_date_expression("next Monday", WEDNESDAY) == ResolvedDate(D(2024, 3, 18), "day", True)
    for not_a_date in ("at 3 pm", "the army", "", "2015 nuclear deal", "Saturday's raid was over"):
        assert resolve_date_expression(not_a_date, WEDNESDAY) is None


@pytest.mark.parametrize(
    ("value", "timex"),
    [
        (ResolvedDate(D(2024, 3, 9), "day"), "2024-03-09"),
        (ResolvedDate(D(2024, 3, 4), "week"), "2024-W10"),
        (ResolvedDate(D(2024, 3, 1), "month"), "2024-03"),
        (ResolvedDate(D(2024, 1, 1), "year"), "2024"),
        (ResolvedDate(None, "unknown"), None),
        (ResolvedDate(None, "unknown", False, "PAST_REF"), "PAST_REF"),
    ],
)
def test_to_timex_value(value, timex):
    assert value.to_timex_value() == timex


# --------------------------------------------------------------------------- properties

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
any_ref = st.dates(min_value=D(2, 1, 1), max_value=D(9998, 12, 31))
news_ref = st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31))


@settings(max_examples=300, deadline=None)
@given(
    ref=any_ref,
    name=st.sampled_from(WEEKDAY_NAMES),
    before=st.sampled_from(["", "on ", "late ", "early ", "since ", "overnight "]),
    after=st.sampled_from(["", " night", " morning", " evening"]),
)
def test_property_a_bare_weekday_is_within_the_six_days_before(ref, name, before, after):
    result = resolve_date_expression(f"{before}{name}{after}", ref)
    assert result is not None and result.precision == "day" and not result.future
    assert ref - dt.timedelta(days=6) <= result.date <= ref
    assert result.date.strftime("%A") == name


def _formats(day: dt.date) -> dict[str, str]:
    month_name, abbreviation = day.strftime("%B"), day.strftime("%b")
    formats = {
        "month day, year": f"{month_name} {day.day}, {day.year}",
        "day month year": f"{day.day} {month_name} {day.year}",
        "abbr month day, year": f"{abbreviation} {day.day}, {day.year}",
        "iso": day.isoformat(),
        "weekday, month day, year": f"{day.strftime('%A')}, {month_name} {day.day}, {day.year}",
        "the nth of month year": f"the {day.day}th of {month_name} {day.year}",
    }
    if abbreviation != "May":
        formats["abbr. month day, year"] = f"{abbreviation}. {day.day}, {day.year}"
    if day.day > 12:
        formats["dd/mm/yyyy"] = day.strftime("%d/%m/%Y")
        formats["mm/dd/yyyy"] = day.strftime("%m/%d/%Y")
    return formats


@settings(max_examples=300, deadline=None)
@given(day=news_ref, ref=st.one_of(st.none(), news_ref), data=st.data())
def test_property_absolute_dates_round_trip(day, ref, data):
    formats = _formats(day)
    text = formats[data.draw(st.sampled_from(sorted(formats)))]
    result = resolve_date_expression(text, ref)
    assert result is not None and (result.date, result.precision) == (day, "day"), text
    assert result.to_timex_value() == day.isoformat()
    mentions = find_date_mentions(f"Witnesses said the raid happened on {text}.", ref)
    assert [(m.text, m.resolved.date) for m in mentions] == [(text, day)]


@settings(max_examples=200, deadline=None)
@given(month=st.integers(1, 12), year=st.integers(1900, 2100), ref=st.one_of(st.none(), news_ref))
def test_property_month_year_round_trips(month, year, ref):
    text = dt.date(year, month, 1).strftime("%B %Y")
    assert resolve_date_expression(text, ref) == ResolvedDate(
        dt.date(year, month, 1), "month", ref is not None and dt.date(year, month, 1) > ref
    )


FRAGMENTS = [
    "Rebels attacked", " on Saturday", " late Sunday", " overnight", " next Monday", " last week", " 2015",
    " June 27", " 27 June 2021", " the 27th.", " in May", " May", " yesterday", " tomorrow", " 3 pm",
    " $2000", " 2,000 people", " the third quarter", " a year earlier", " the quarter", " last summer",
    " now", " recently", " soon", " the 1990s", " 12/31/2020", " 2021-02-30", " Feb. 29", " will",
    ", officials said", ".", "\n", " mid-", " of", " this coming", " Q4", " the weekend", " ten days ago",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.text(max_size=200), st.lists(st.sampled_from(FRAGMENTS), max_size=25).map("".join)),
    ref=st.one_of(st.none(), any_ref),
)
def test_property_scanning_never_raises_and_offsets_are_valid(text, ref):
    mentions = find_date_mentions(text, ref)
    previous_end = 0
    for mention in mentions:
        assert 0 <= previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        previous_end = mention.end
        r = mention.resolved
        if ref is not None and r.date is not None and not r.future:
            assert r.date <= ref, (mention, ref)
        if r.date is None:
            assert r.precision == "unknown"


@settings(max_examples=300, deadline=None)
@given(
    expression=st.sampled_from([f.strip(" ,.\n") for f in FRAGMENTS] + WEEKDAY_NAMES + ["next week", "Christmas Day"]),
    ref=any_ref,
)
def test_property_a_resolved_date_is_never_after_the_article_unless_future(expression, ref):
    result = resolve_date_expression(expression, ref)
    if result is not None and result.date is not None and not result.future:
        assert result.date <= ref


# --------------------------------------------------------------------------- issue 13 additions


def test_holidays_written_without_an_apostrophe():
    assert resolved("Gunmen attacked the church on New Years Day.", D(2024, 1, 3)) == (D(2024, 1, 1), "day", False)
    assert resolved("Protests broke out on New Years Eve.", D(2024, 1, 3)) == (D(2023, 12, 31), "day", False)


def test_a_season_after_a_forward_cue_is_the_coming_one():
    assert only("Elections are due in the summer.").resolved.to_timex_value() == "2024-SU"
    assert only("The drought struck in the summer.").resolved.to_timex_value() == "2023-SU"


EVENT_SENTENCES = [
    "Rebels attacked the town{d}.",
    "Gunmen killed four villagers in the market{d}.",
    "Police fired tear gas at protesters in the capital{d}.",
    "The army said it will launch air strikes on the camp{d}.",
]
EVENT_DATES = [
    "", " on Saturday", " late Sunday", " overnight", " next Monday", " last week", " on June 27", " on 27 June 2021",
    " yesterday", " tomorrow", " on the 27th", " in May", " this coming Friday", " ten days ago", " on Christmas Day",
    " on Thursday night", " earlier this week", " last summer", " next week", " on March 20",
]  # fmt: skip
FORWARD_WORDS = ("next", "tomorrow", "will", "coming")


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    sentences=st.lists(st.tuples(st.sampled_from(EVENT_SENTENCES), st.sampled_from(EVENT_DATES)), min_size=1, max_size=3),
    ref=st.dates(min_value=D(2015, 1, 1), max_value=D(2025, 12, 31)),
)
def test_property_an_event_is_never_dated_after_the_article_unless_the_text_looks_forward(nlp, sentences, ref):
    from eventwire.pipeline import run
    from eventwire.schema import Article

    text = " ".join(template.format(d=date) for template, date in sentences)
    (result,) = list(run([Article(id="p", text=text, date=ref)], nlp=nlp))
    for event in result.events:
        assert event.event_date is not None
        if event.event_date > ref:  # relative dates only: a date with its year says when it is
            assert any(word in text.lower() for word in FORWARD_WORDS) or str(event.event_date.year) in text, (
                text, ref, event.event_date
            )
