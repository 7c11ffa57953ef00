"""Incidents monitors report in one line, without the usual verbs: bodies found, bases bombed,
fighters captured, a demonstration the tagger misreads. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from support import events_of

DATE = dt.date(2021, 6, 14)


def _sub_event_types(nlp, text: str) -> list[str]:
    return [e.acled.sub_event_type for e in events_of(nlp, text, DATE) if e.acled is not None]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("On Saturday, the army bombed rebel camps in the hills near Pweto.", "Air/drone strike"),
    ("On Saturday, militants bombed a bus in Quetta, killing three passengers.", "Remote explosive/landmine/IED"),
    ("On Saturday, human remains were found in plastic bags beside a road in Culiacan.", "Attack"),
    ("On Saturday, a dead woman was dumped from a van near the market in Culiacan.", "Attack"),
    ("On Saturday, government forces captured three rebels near Kidal.", "Armed clash"),
    # the tagger reads "demonstration denouncing" as two nouns
    ("On Saturday, in Arequipa, a group of farmers staged a demonstration denouncing that they had been cheated.",
     "Peaceful protest"),
    ("On Saturday, in Campinas, armed men used explosives to blow open a cash machine.", "Remote explosive/landmine/IED"),
    ("On Saturday, in Puebla, farmers blocked Reforma Boulevard to demand water.", "Peaceful protest"),
    ("On Saturday, in Morelia, students blocked the railway tracks for two hours.", "Peaceful protest"),
    ("On Saturday, teachers formed a human chain in Khulna city to demand their arrears.", "Peaceful protest"),
    ("On Saturday, security forces forcibly disappeared a journalist in Aden.", "Abduction/forced disappearance"),
    # the parse hung the passive's subject on the place before it
    ("On Saturday, in Tecate municipality, Baja California, a dead man with bruises was found near a dam.", "Attack"),
    # the police using force on a gathering, or dispersing a group, intervene in a demonstration
    ("On Saturday, police used force against locals protesting outside the district office in Xqzpur.",
     "Protest with intervention"),
    ("On Saturday, residents protested over water cuts in Xqzville and police dispersed the group.",
     "Protest with intervention"),
    ("On Saturday, in Xqzique, a group of youths set on fire barricades across the main street.", "Violent demonstration"),
    # a verb joined to "prevented" is an act of its own, not a habit
    ("On Saturday, police forces prevented and detained 5 people who gathered in Xqzcayir neighborhood.", "Arrests"),
])
def test_sub_event_type_of_one_line_incidents(nlp, text: str, sub_event_type: str) -> None:
    assert sub_event_type in _sub_event_types(nlp, text)


def test_a_body_found_after_a_told_killing_is_not_a_second_event(nlp) -> None:
    text = "On Saturday, gunmen shot dead a trader in Culiacan. His body was found near the market."
    assert _sub_event_types(nlp, text) == ["Attack"]


def test_a_suspect_captured_by_police_is_no_battle(nlp) -> None:
    assert "Armed clash" not in _sub_event_types(nlp, "On Saturday, police captured a robbery suspect in Lagos.")


def test_drugs_found_are_no_killing(nlp) -> None:
    assert "Attack" not in _sub_event_types(nlp, "On Saturday, police found two kilograms of cocaine in a truck.")


def test_an_event_kind_listed_twice_is_refused() -> None:
    from eventwire.resolve.event_types import EventTable, load_event_table

    kinds = load_event_table().kinds
    with pytest.raises(ValueError, match="listed twice"):
        EventTable([*kinds, kinds[0]])


def test_the_weapon_fired_is_no_second_event(nlp) -> None:
    text = "On Saturday, soldiers fired 82mm mortars at rebel positions in the area of Xqzivka, Luhansk."
    assert _sub_event_types(nlp, text) == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize("text", [
    "On Saturday, traders held a sit-in and a march in Ranchi city over new levies.",
    "On Saturday, nurses staged a dharna and a protest in Ranchi city, demanding their unpaid wages.",
])
def test_one_kind_told_twice_in_a_sentence_is_one_event(nlp, text: str) -> None:
    assert len(_sub_event_types(nlp, text)) == 1, _sub_event_types(nlp, text)


def test_forces_the_parse_hung_a_fight_on_are_its_side(nlp) -> None:
    (event,) = [e for e in events_of(nlp, "On Saturday, the military forces engaged in fire fight with separatists in Xqzfut town, Mezam.", DATE)
                if e.acled is not None]
    assert event.acled.sub_event_type == "Armed clash"
    assert event.actor1.type == "state_forces"
