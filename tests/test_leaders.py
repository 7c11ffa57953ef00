"""National leaders named without their country ("Putin", "President Bush", "the Bush
administration") act for their state, chosen by the article's date. Sentences written for these
tests."""

from __future__ import annotations

import datetime as dt

from support import events_of


def test_a_surname_alone_is_the_leader_in_office_at_the_articles_date(kb) -> None:
    assert kb.leader("Bush", 1991).name == "George H. W. Bush"
    assert kb.leader("Bush", 2005).name == "George W. Bush"
    assert kb.leader("Putin", 2012).country_iso3 == "RUS"


def test_a_full_name_must_begin_like_the_leaders(kb) -> None:
    assert kb.leader("George Bush", 1990).country_iso3 == "USA"
    assert kb.leader("Laura Bush", 2005) is None
    assert kb.leader("F.W. de Klerk", None).country_iso3 == "ZAF"
    assert kb.leader("Joe Bloggs", 2005) is None


def test_a_leader_named_without_title_or_country_acts_for_the_state(nlp) -> None:
    (event, *_) = events_of(nlp, "Putin offered on Monday to mediate between the two rival factions.", dt.date(2015, 3, 2))
    assert event.actor1.name == "Government of Russia"
    assert event.actor1.person == "Putin"


def test_a_titled_leader_without_a_country_takes_the_leaders_state(nlp) -> None:
    (event, *_) = events_of(nlp, "President Obama threatened new sanctions against Iran on Tuesday.", dt.date(2012, 5, 2))
    assert event.actor1.country_iso3 == "USA"


def test_a_leaders_administration_is_the_government_of_the_state(nlp) -> None:
    (event, *_) = events_of(
        nlp, "The Clinton administration demanded on Friday that Belgrade withdraw its troops.", dt.date(1998, 6, 5)
    )
    assert event.actor1.name == "Government of the United States"


def test_a_namesake_of_a_leader_is_not_the_state(nlp) -> None:
    events = events_of(nlp, "Laura Bush criticised the plan to close the library on Monday.", dt.date(2005, 6, 5))
    assert all(e.actor1.name != "Government of the United States" for e in events)
