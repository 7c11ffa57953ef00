"""Casualty claims: numbers as written, qualifiers, vague amounts, parts and totals, sources, and
the reconciliation into low / best / high (ACLED's conservative best, never a sum across sources).

Every sentence here is written for the test; none is taken from gold data.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.extract.casualties import VAGUE, ClaimMention, word_to_number
from eventwire.nlp import make_doc
from eventwire.records import _count
from eventwire.schema import Article

DAY = dt.date(2024, 3, 13)


def _doc(nlp, text: str):
    doc = nlp(make_doc(nlp, Article(id="t", text=text, date=DAY)))
    assert doc._.failure is None, doc._.failure
    return doc


def claims(nlp, text: str, kind: str = "fatalities") -> list[ClaimMention]:
    return [c for c in _doc(nlp, text)._.claims if c.kind == kind]


def counts(nlp, text: str, kind: str = "fatalities") -> list[tuple[int, str]]:
    return [(c.count, c.qualifier) for c in claims(nlp, text, kind)]


def toll(nlp, text: str, field: str = "fatalities") -> tuple[int | None, int | None, int | None]:
    from eventwire.records import to_records

    events = [e for e in to_records(_doc(nlp, text)) if e.acled is not None]
    assert events, text
    count = getattr(events[0], field)
    return count.low, count.best, count.high


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("words", "value"),
    [(["four"], 4), (["twenty-one"], 21), (["twenty", "one"], 21), (["1,200"], 1200), (["two", "hundred"], 200),
     (["3"], 3), (["one", "thousand", "two", "hundred"], 1200)],
)
def test_word_to_number(words, value):
    assert word_to_number(words) == value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen killed four villagers in the market.", [(4, "exact")]),
        ("Twenty-one soldiers were killed in the ambush.", [(21, "exact")]),
        ("At least 12 people were killed when the bomb went off.", [(12, "at_least")]),
        ("More than 30 civilians died in the shelling.", [(30, "more_than")]),
        ("Up to 15 fighters were killed in the clashes.", [(15, "at_most")]),
        ("About 40 protesters were killed by the police.", [(40, "about")]),
        ("Nearly 100 people were killed in the attack on the camp.", [(100, "about")]),
        ("The raid left 7 people dead.", [(7, "exact")]),
        ("Five dead as militants storm a police post.", [(5, "exact")]),
    ],
)
def test_numbers_in_digits_and_words_with_their_qualifier(nlp, sentence, expected):
    assert counts(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier"),
    [
        ("Dozens of civilians were killed in the air strikes.", VAGUE["dozens"], "at_least"),
        ("A dozen soldiers were killed in the ambush.", 12, "exact"),
        ("Several militants were killed in the raid.", VAGUE["several"], "at_least"),
        ("Scores of villagers were killed by the gunmen.", VAGUE["scores"], "at_least"),
        ("Hundreds of people were killed in the massacre.", VAGUE["hundreds"], "at_least"),
    ],
)
def test_vague_amounts_follow_the_documented_mapping(nlp, sentence, value, qualifier):
    assert counts(nlp, sentence) == [(value, qualifier)]
    assert (VAGUE["dozens"], VAGUE["several"], VAGUE["scores"], VAGUE["hundreds"]) == (12, 3, 20, 100)


def test_many_and_bare_plurals_give_no_number(nlp):
    assert counts(nlp, "Many civilians were killed in the fighting.") == []
    assert counts(nlp, "Civilians were killed in the fighting.") == []


def test_a_range_is_its_low_end_with_its_high_end_kept(nlp):
    (claim,) = claims(nlp, "Between 10 and 15 people were killed in the clashes.")
    assert (claim.count, claim.high) == (10, 15)
    (claim,) = claims(nlp, "Militants killed 2-4 soldiers near the base.")
    assert (claim.count, claim.high) == (2, 4)
    assert toll(nlp, "Militants attacked a base and killed 2-4 soldiers near the base.") == (2, 2, 4)


# --------------------------------------------------------------------------- who was harmed


@pytest.mark.parametrize(
    "sentence",
    [
        "A man was killed in the attack on the village.",
        "Gunmen shot dead a farmer near the river.",
        "A policeman was beaten to death by a mob.",
        "The driver died when the bomb exploded.",
        "Militants stormed the house and killed him.",
        "A suspected thief was lynched by residents.",
    ],
)
def test_a_single_victim_is_one(nlp, sentence):
    assert [c.count for c in claims(nlp, sentence)] == [1]


def test_parts_joined_in_one_statement_add_up(nlp):
    assert toll(nlp, "A man and his son were killed in the attack.") == (2, 2, 2)
    assert toll(nlp, "The clash left 25 rebels and 6 soldiers dead.")[1] == 31
    assert toll(nlp, "The clash resulted in 25 rebel fighters and 6 military fatalities.")[1] == 31


def test_parts_of_a_total_are_not_claims(nlp):
    assert counts(nlp, "At least 20 people were killed, including two children.") == [(20, "at_least")]
    assert toll(nlp, "Gunmen killed 12 villagers. Three of the dead were women.")[1] == 12


def test_injuries_are_counted_apart_from_deaths(nlp):
    text = "Three people were killed and 11 were injured when the grenade exploded."
    assert counts(nlp, text) == [(3, "exact")]
    assert counts(nlp, text, "injuries") == [(11, "exact")]


def test_killed_and_wounded_together_say_nothing_of_deaths(nlp):
    assert counts(nlp, "The shelling killed and wounded 12 soldiers.") == []
    assert counts(nlp, "Seven rebels were killed and wounded in the raid.") == []
    assert counts(nlp, "Police killed 3 militants and wounded 2 others.") == [(3, "exact")]
    assert counts(nlp, "Police killed 3 militants and wounded 2 others.", "injuries") == [(2, "exact")]


@pytest.mark.parametrize(
    "sentence",
    [
        "No one was killed in the attack.",
        "The militants threatened to kill 20 hostages.",
        "The man was arrested for killing his neighbour.",
        "Residents protested over the killing of two students.",
        "The suspect nearly lynched a pickpocket.",
        "It is not clear whether the victim died.",
        "Police said 32 sheep were killed by the raiders.",
    ],
)
def test_negated_hypothetical_accused_and_topical_harm_is_no_toll(nlp, sentence):
    assert counts(nlp, sentence) == []


def test_a_stated_toll_is_read_after_its_verb(nlp):
    assert counts(nlp, "Rebels attacked the town. The death toll rose to 12.") == [(12, "exact")]
    assert toll(nlp, "Rebels attacked the town, killing several people. The death toll later rose to 12.")[1] == 12


# --------------------------------------------------------------------------- sources


def test_each_claim_keeps_its_source(nlp):
    text = (
        "Rebels attacked an army base near the town on Sunday. The army said four soldiers were killed. "
        "According to the Observatory, nine soldiers were killed and at least six were wounded."
    )
    found = {c.count: c.source for c in claims(nlp, text)}
    assert set(found) == {4, 9}
    assert "army" in found[4].lower()
    assert "Observatory" in found[9]
    (injured,) = claims(nlp, text, "injuries")
    assert (injured.count, injured.qualifier) == (6, "at_least") and "Observatory" in injured.source


def test_a_pronoun_speaker_is_the_source_named_before(nlp):
    text = (
        "Gunmen stormed a village in the north on Monday. The Red Cross said it had treated many people. "
        "It said 14 people were killed."
    )
    (claim,) = claims(nlp, text)
    assert claim.count == 14 and "Red Cross" in claim.source


def test_a_narrated_toll_has_no_source(nlp):
    (claim,) = claims(nlp, "Gunmen killed six people in the market on Monday.")
    assert claim.source is None


# --------------------------------------------------------------------------- reconciliation


def _claim(count, source, statement, *, victims="soldier", additive=False, high=None, final=False, start=0):
    return ClaimMention("fatalities", count, "exact", start, start + 1, statement, source, "s", statement,
                        high, victims, additive, 0, final)  # fmt: skip


def test_claims_of_different_sources_are_never_added():
    count = _count([_claim(4, "the army", 1, start=0), _claim(7, "the Observatory", 2, start=10)], "a")
    assert (count.low, count.best, count.high) == (4, 4, 7)
    assert len(count.claims) == 2


def test_parts_of_one_statement_add_up_and_restatements_do_not():
    parts = [_claim(25, None, 1, victims="rebel", start=0), _claim(6, None, 1, victims="fatality", start=5)]
    assert _count(parts, "a").best == 31
    restated = [_claim(2, None, 1, victims="man", start=0), _claim(2, None, 2, victims="fatality", start=9)]
    assert _count(restated, "a").best == 2


def test_more_victims_of_the_same_source_add_up():
    more = [_claim(2, None, 1, victims="policeman", start=0), _claim(2, None, 2, victims="policeman", additive=True, start=9)]
    assert _count(more, "a").best == 4
    others = [_claim(3, None, 1, victims="soldier", start=0), _claim(2, None, 2, victims="militant", start=9)]
    assert _count(others, "a").best == 5


def test_a_stated_toll_is_the_source_figure_and_ranges_widen_high():
    stated = [_claim(3, None, 1, start=0), _claim(0, None, 2, victims=None, final=True, start=9), _claim(1, "X", 3, start=20)]
    count = _count(stated, "a")
    assert (count.best, count.high) == (0, 1)
    ranged = _count([_claim(10, None, 1, high=15)], "a")
    assert (ranged.low, ranged.best, ranged.high) == (10, 10, 15)
    assert ranged.claims[0].qualifier == "at_least"


# --------------------------------------------------------------------------- properties

NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 7: "seven", 12: "twelve", 20: "twenty", 21: "twenty-one"}
VICTIMS = ["people", "soldiers", "civilians", "fighters", "villagers"]
QUALIFIERS = ["", "at least ", "more than ", "about ", "nearly ", "up to "]
TEMPLATES = [
    "{q}{n} {v} were killed in the attack on {place}.",
    "Gunmen killed {q}{n} {v} in {place} on Monday.",
    "The air strikes on {place} killed {q}{n} {v}, officials said.",
    "{q}{n} {v} died in the clashes near {place}.",
    "The bombing in {place} left {q}{n} {v} dead and {m} injured.",
]


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    number=st.sampled_from(sorted(NUMBER_WORDS) + [5, 17, 240, 1300]),
    as_word=st.booleans(),
    qualifier=st.sampled_from(QUALIFIERS),
    victims=st.sampled_from(VICTIMS),
    template=st.sampled_from(TEMPLATES),
    injured=st.integers(2, 90),
    place=st.sampled_from(["Kabul", "Mogadishu", "Aleppo", "Maiduguri"]),
    prefix=st.sampled_from(["", "On Sunday, rebels attacked the town. ", "Fighting broke out again.\n\n"]),
)
def test_property_every_claim_points_at_its_number(nlp, number, as_word, qualifier, victims, template, injured, place, prefix):
    written = NUMBER_WORDS[number] if as_word and number in NUMBER_WORDS else f"{number:,}"
    sentence = template.format(q=qualifier, n=written, v=victims, place=place, m=injured)
    text = prefix + sentence[0].upper() + sentence[1:]
    found = _doc(nlp, text)._.claims
    for claim in found:
        span = text[claim.start_char : claim.end_char]
        words = span.replace(",", "").replace("-", " ").split()
        assert word_to_number(words) == claim.count or span.lower() in VAGUE, (text, claim)
    deaths = [c for c in found if c.kind == "fatalities"]
    assert [c.count for c in deaths] == [number], text
    assert text[deaths[0].start_char : deaths[0].end_char].lower() == written
