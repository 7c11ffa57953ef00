"""Terse reports as wire services and monitors write them: headline passives without their
auxiliary, mobs found only from the sentence, police shoot-outs with criminal gangs. Sentences
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.classify import may_overrule
from support import events_of

DATE = dt.date(2012, 3, 14)


def _first(nlp, text: str):
    events = [e for e in events_of(nlp, text, DATE) if e.acled is not None]
    assert events, text
    return events[0]


@pytest.mark.parametrize("text", [
    "Two soldiers killed while on patrol near Garissa.",
    "3 policemen killed in an ambush in Mandera on Monday.",
])
def test_a_headline_passive_makes_its_subject_the_victim(nlp, text: str) -> None:
    event = _first(nlp, text)
    assert event.actor2 is not None and event.actor2.type == "state_forces"
    assert event.actor1.type != "state_forces"
    assert event.acled.sub_event_type == "Armed clash"


def test_people_shot_dead_are_victims_not_doers(nlp) -> None:
    event = _first(nlp, "Four people shot dead in Eldoret on Sunday.")
    assert event.actor1.type != "civilians"
    assert event.acled.sub_event_type == "Attack"


@pytest.mark.parametrize(("text", "sub_event_type"), [
    # a mob found only from the sentence, the parse having found no doer
    ("Mob attacks and strips a trader accused of theft in Kisumu", "Mob violence"),
    # a headline verb the parse took for a compound noun
    ("Mob lynches cattle thief", "Mob violence"),
    # police against armed criminals
    ("Police shot dead two suspected carjackers in Thika after a chase.", "Armed clash"),
    ("Police forcefully disperse traders protesting new levies in Eldoret", "Protest with intervention"),
    # a weapon the tagger put in its user's name
    ("Three soldiers were killed by an Al-Shabaab IED near Lamu on Sunday.", "Remote explosive/landmine/IED"),
])
def test_sub_event_type_of_terse_reports(nlp, text: str, sub_event_type: str) -> None:
    assert _first(nlp, text).acled.sub_event_type == sub_event_type


def test_an_active_verb_with_an_object_keeps_its_subject_as_the_doer(nlp) -> None:
    event = _first(nlp, "Police killed two robbery suspects in Kisumu on Friday.")
    assert event.actor1.type == "state_forces"


def test_unarmed_attackers_not_called_a_mob_are_not_a_mob(nlp) -> None:
    event = _first(nlp, "Herders assaulted a farmer at his farm in Nakuru over grazing land.")
    assert event.acled.sub_event_type != "Mob violence"


def test_police_killing_members_of_a_known_militia_is_an_armed_clash(nlp) -> None:
    event = _first(nlp, "Police shot dead three Mungiki members in Nairobi on Tuesday.")
    assert event.actor2 is not None and event.actor2.name == "Mungiki Militia"
    assert event.acled.sub_event_type == "Armed clash"


def test_protest_verdicts_are_the_rules_to_make() -> None:
    assert not may_overrule("Protests", "Peaceful protest")
    assert not may_overrule("Riots", "Violent demonstration")
    assert may_overrule("Violence against civilians", "Attack")


@pytest.mark.parametrize("text", [
    "Students protested over the closure of their hostel in Nyeri. The protest later turned violent.",
    "Police dispersed traders who had barricaded the highway at Kikuyu with stones.",
    "Hawkers protesting the demolition of their stalls broke into a county office in Kitale.",
])
def test_violence_by_demonstrators_makes_a_violent_demonstration(nlp, text: str) -> None:
    assert _first(nlp, text).acled.sub_event_type == "Violent demonstration"


def test_a_shoot_out_told_in_a_clause_the_parse_subordinates_is_a_fight(nlp) -> None:
    event = _first(nlp, "Police engage in shoot-out with bandits; one suspect was killed")
    assert event.acled.sub_event_type == "Armed clash"


@pytest.mark.parametrize("text", [
    "Two people were killed when their minibus hit a landmine near Mandera.",
    "One man was killed and four wounded in a blast outside a bar in Garissa.",
])
def test_a_toll_told_beside_an_explosion_is_the_explosions_toll(nlp, text: str) -> None:
    events = [e for e in events_of(nlp, text, DATE) if e.acled is not None]
    assert [e.acled.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]


def test_demonstrators_who_gather_are_protesting(nlp) -> None:
    assert _first(nlp, "Protesters gathered outside the county offices in Nyeri on Monday.").acled.event_type == "Protests"


def test_supporters_of_rival_politicians_who_clash_commit_mob_violence(nlp) -> None:
    event = _first(nlp, "Supporters of two rival aspirants clashed at a polling centre in Kisii.")
    assert event.acled.sub_event_type == "Mob violence"
    assert event.actor1.name.startswith("Rioters")


def test_an_act_someone_was_forced_to_do_happened(nlp) -> None:
    event = _first(nlp, "A crowd stormed the station, forcing police to open fire and kill two people.")
    assert event.acled is not None


def test_violence_told_far_from_a_protest_is_not_its_outcome(nlp) -> None:
    text = (
        "Students threw stones at buses in Nyeri during unrest over fees in 2019. "
        "The university has since raised fees twice. Lecturers say the budget is short. "
        "On Monday, hundreds of students marched peacefully to the county offices to demand lower fees."
    )
    protests = [e for e in events_of(nlp, text, DATE) if e.acled is not None and e.acled.event_type in ("Protests", "Riots")]
    assert protests and protests[-1].acled.sub_event_type == "Peaceful protest"
