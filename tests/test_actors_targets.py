"""Whom an act is aimed at and whose country an actor is (PLOVER's source and target countries):
protest targets, minorities named by a nationality, victims of a passive act, places attacked,
office-holders whose country the sentence names. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from eventwire.resolve.actors import ActorKB
from support import events_of, main_event_of


def _country(actor) -> str | None:
    return actor.country_iso3 if actor is not None else None


# -- protests: whom they are aimed at -------------------------------------------------------------
def test_a_protest_is_aimed_at_whom_it_is_against(nlp) -> None:
    event = main_event_of(nlp, "Thousands of students demonstrated in Accra on Friday against the Nigerian government's new visa rules.")
    assert event.plover.event_type == "PROTEST"
    assert _country(event.actor2) == "NGA"
    # the target takes no part in the protest: ACLED's interaction stays protesters alone
    assert event.acled is None or event.acled.interaction == "60"


def test_where_protesters_march_is_not_whom_they_protest(nlp) -> None:
    event = main_event_of(
        nlp, "Tamil refugees protested in India's capital New Delhi on Monday, demanding justice from the Sri Lankan government."
    )
    assert _country(event.actor2) == "LKA"


def test_an_event_nouns_own_nationality_is_its_actor_not_its_target(nlp) -> None:
    event = main_event_of(nlp, "Kenyan protests against Ugandan border closures continued on Monday.")
    assert _country(event.actor2) == "UGA"


# -- peoples named by a nationality ---------------------------------------------------------------
def test_ethnic_kin_are_not_the_citizens_of_their_kin_state(nlp) -> None:
    event = main_event_of(nlp, "Police shot dead two ethnic Somalis during a raid in Garissa, northern Kenya, on Sunday.")
    assert _country(event.actor2) != "SOM"


def test_a_people_living_in_another_state_are_its_civilians(nlp) -> None:
    event = main_event_of(nlp, "The Hungarians of southern Slovakia demanded broad cultural autonomy on Monday.")
    assert event.actor1.type == "civilians"
    assert _country(event.actor1) == "SVK"


def test_a_people_qualified_by_the_state_they_live_in_are_its_civilians(nlp) -> None:
    event = main_event_of(nlp, "Bosnian Serbs demanded a ceasefire on Monday.")
    assert _country(event.actor1) == "BIH"


# -- the target of violence ------------------------------------------------------------------------
def test_victims_of_a_passive_act_are_the_target_of_its_weapon(nlp) -> None:
    event = main_event_of(nlp, "Four Nigerian soldiers were killed by an improvised explosive device near Maiduguri on Sunday.")
    assert _country(event.actor2) == "NGA"


def test_a_town_shelled_is_the_target_of_the_shelling(nlp) -> None:
    event = main_event_of(nlp, "Rebels shelled Goma overnight, residents said.")
    assert _country(event.actor2) == "COD"


def test_a_side_clause_with_its_own_subject_names_no_target(nlp) -> None:
    event = main_event_of(nlp, "Egypt mobilised army reservists for a possible war against Sudan while UN officials said they needed more time.")
    assert _country(event.actor2) == "SDN"


# -- office-holders whose country the sentence names ----------------------------------------------
def test_a_leader_acting_on_his_own_nation_is_its_government(nlp) -> None:
    event = main_event_of(nlp, "President Hakainde Hichilema has threatened to ban Zambian opposition rallies ahead of the vote.")
    assert _country(event.actor1) == "ZMB"


def test_a_leader_is_not_of_the_country_his_act_is_aimed_at(nlp) -> None:
    event = main_event_of(nlp, "President Joe Biden has threatened further action against Russia.")
    assert _country(event.actor1) != "RUS"


def test_an_office_of_the_courts_and_abbreviated_ranks_are_titles(kb: ActorKB) -> None:
    assert kb.title("Judge").role == "government"
    assert kb.title("chief prosecutor").role == "government"
    assert kb.title("Lt. Gen.").role == "military"
    assert kb.title("Maj. Gen.").role == "military"


def test_an_office_of_a_place_is_its_states(nlp) -> None:
    event = main_event_of(nlp, "Gunmen shot dead the deputy governor of Kano State on Sunday.")
    assert event.actor2 is not None and event.actor2.name == "Government of Nigeria"


# -- statements ----------------------------------------------------------------------------------------
def test_a_complaint_taken_to_an_international_body_accuses_whom_it_is_over(nlp) -> None:
    event = main_event_of(nlp, "Kenya complained to the African Union on Monday over Somali air strikes near the border.")
    assert event.plover.event_type == "ACCUSE"
    assert _country(event.actor2) == "SOM"


def test_a_party_with_no_country_stated_is_of_the_country_its_sentence_is_about(nlp) -> None:
    event = main_event_of(nlp, "The opposition Freedom Alliance party said it would boycott Malawi's general election.")
    assert _country(event.actor1) == "MWI"


def test_a_titled_office_holder_speaks_for_the_state_the_sentence_names(nlp) -> None:
    event = main_event_of(nlp, "Vice-President Joseph Mensah has refused to resign despite pressure from Ghanaian anti-graft campaigners.")
    assert event.actor1.name == "Government of Ghana"


def test_a_countrys_side_in_talks_is_its_government(nlp) -> None:
    event = main_event_of(nlp, "The Ethiopian and Eritrean sides agreed on Friday to exchange prisoners.")
    assert event.actor1.name == "Government of Ethiopia"


def test_the_streets_of_a_city_are_where_not_whom(nlp) -> None:
    event = main_event_of(nlp, "Thousands of nurses marched through the streets of Nairobi on Monday to demand better pay.")
    assert event.actor2 is None


def test_in_defiance_of_names_whom_a_protest_defies(nlp) -> None:
    event = main_event_of(nlp, "Thousands of people blocked streets in Lagos in defiance of Nigerian authorities to demand lower fuel prices.")
    assert _country(event.actor2) == "NGA"


def test_people_of_a_nation_who_are_killed_are_its_civilians(nlp) -> None:
    events = events_of(nlp, "Warplanes killed 12 Yemenis in a raid on a market in Saada, officials said.")
    attacks = [e for e in events if e.acled is not None and e.actor2 is not None]
    assert any(e.actor2.name == "Civilians (Yemen)" for e in attacks)


def test_a_demonym_on_victims_gives_their_country(nlp) -> None:
    events = events_of(nlp, "Border guards beat and abused Afghan migrants near the frontier, a rights group said.")
    assert any(e.actor2 is not None and e.actor2.country_iso3 == "AFG" for e in events)


def test_armed_nationals_are_not_civilians(nlp) -> None:
    events = events_of(nlp, "Gunmen killed three Iraqi soldiers near Mosul on Monday.")
    assert any(e.actor2 is not None and e.actor2.type == "state_forces" for e in events)


def test_the_recipient_of_aid_is_the_target(nlp) -> None:
    events = events_of(nlp, "Japan is providing intelligence and training to Ukraine, the ministry said.")
    aid = [e for e in events if e.plover.event_type == "AID"]
    assert aid and aid[0].actor2 is not None and aid[0].actor2.country_iso3 == "UKR"


def test_a_visit_told_as_arriving_somewhere_has_the_host_state_as_target(nlp) -> None:
    events = events_of(nlp, "The Turkish foreign minister arrived in Baghdad on an official visit on Sunday.")
    visits = [e for e in events if e.plover.event_type == "CONSULT"]
    assert visits and visits[0].actor1.country_iso3 == "TUR"
    assert visits[0].actor2 is not None and visits[0].actor2.country_iso3 == "IRQ"


def test_a_decision_to_allow_is_a_concession(nlp) -> None:
    events = events_of(nlp, "The electoral board decided to allow the opposition candidate to contest the election.")
    assert any(e.plover.event_type == "CONCEDE" for e in events)


def test_people_forced_out_of_their_homes_are_coerced(nlp) -> None:
    events = events_of(nlp, "Soldiers forced out hundreds of Rohingya villagers from their homes near the border.")
    assert any(e.plover.event_type == "COERCE" for e in events)


def test_jailing_opponents_is_an_arrest(nlp) -> None:
    events = events_of(nlp, "Authorities jailed 30 opposition activists on charges of sedition on Friday.")
    assert any(e.acled is not None and e.acled.sub_event_type == "Arrests" for e in events)


def test_a_country_of_several_words_is_read_whole(nlp) -> None:
    events = events_of(nlp, "The British government banned a loyalist paramilitary group in Northern Ireland on Monday.")
    assert all(e.actor2 is None or e.actor2.country_iso3 != "IRL" for e in events)
    events = events_of(nlp, "Gunmen killed three South Sudanese traders in South Sudan on Friday.")
    assert all(e.actor2 is None or e.actor2.country_iso3 != "SDN" for e in events)


def test_what_someone_is_against_is_not_their_nationality(nlp) -> None:
    event = main_event_of(nlp, "An anti-Iran activist was shot dead in a suburb of Erbil on Monday.")
    assert event.actor2 is None or event.actor2.country_iso3 != "IRN"


@pytest.mark.parametrize(("text", "country"), [
    pytest.param("Rebels have kidnapped up to 16 Chinese engineers from a town market.", "CHN",
                 id="people counted with up to are still the object"),
    pytest.param("A shelter for Sudanese refugees was attacked by armed men near Gambela on Monday.", "SDN",
                 id="an attack on a camp for refugees targets the refugees"),
    pytest.param("Foreign aircraft using guided missiles killed 3 Yemenis in an attack on a depot in Saada.", "YEM",
                 id="what the doer used is how the act was done, not an act"),
    pytest.param("Gunmen killed two Kampuchean fishermen on the river near Chau Doc on Monday.", "KHM",
                 id="an old name of a country gives its people"),
])
def test_the_target_of_the_main_event_is_of_its_country(nlp, text: str, country: str) -> None:
    event = main_event_of(nlp, text)
    assert event.actor2 is not None and event.actor2.country_iso3 == country
