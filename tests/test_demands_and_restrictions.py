"""Acts asked for, ordered, threatened or imposed, and whom they are aimed at: demands told in a
clause ("demanding that X release ..."), passives whose subject is the target ("was indicted
by ..."), sites named after the armed men who hold them, restrictions imposed on a place's
people. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from support import events_of, main_event_of


def _country(actor) -> str | None:
    return actor.country_iso3 if actor is not None else None


def _kinds(events) -> set[str]:
    return {e.acled.sub_event_type if e.acled else e.plover.event_type for e in events}


# -- demands: the act asked for has not happened -----------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "actor1_country", "actor2_country"),
    [
        # a participle of a statement noun states the demand; the release asked for is no release
        ("The rebel Xqz Front issued a declaration demanding that the Kenyan government release its leader.", "KEN", "KEN"),
        # "pushing for X to support": X is asked, X did not support anything yet
        ("Britain is pushing hard for Japan to support its trade plan.", "GBR", "JPN"),
        # a reminder that someone must act, given to them ("to Sudan" parsed as the dative)
        ("The Egyptian president issued a stern reminder to Sudan that it must cooperate fully with the inspectors.", "EGY", "SDN"),
        ("The Egyptian president issued a stern reminder on Saturday to Sudan that it must cooperate with UN inspectors.", "EGY", "SDN"),
        # "its demand": the demand of whoever reiterates it; the easing asked for did not happen
        ("The Xqz Labour Office reiterated its demand today that Egypt ease restrictions on Sudanese workers.", None, "EGY"),
    ],
)
def test_a_demanded_act_is_a_request_aimed_at_whoever_must_act(nlp, sentence, actor1_country, actor2_country) -> None:
    events = events_of(nlp, sentence)
    assert _kinds(events) == {"REQUEST"}
    event = main_event_of(nlp, sentence)
    assert _country(event.actor1) == actor1_country
    assert _country(event.actor2) == actor2_country


def test_announcing_that_someone_must_act_is_a_demand_not_their_agreement(nlp) -> None:
    events = events_of(nlp, "Opposition leaders announced on Monday that President Xqzwe must accept the election results.")
    assert _kinds(events) == {"REQUEST"}


def test_an_order_given_to_someone_is_a_demand_on_them(nlp) -> None:
    event = main_event_of(nlp, "A Peruvian judge has ordered the former interior minister to appear for questioning.")
    assert event.plover.event_type == "REQUEST"
    assert _country(event.actor2) == "PER"


def test_pressing_people_to_act_is_a_request_and_their_act_did_not_happen(nlp) -> None:
    events = events_of(nlp, "Kenyan authorities have been pressuring bus workers in Nairobi to cancel their strike.")
    assert _kinds(events) == {"REQUEST"}


def test_an_act_promised_unless_a_condition_is_met_is_a_threat(nlp) -> None:
    event = main_event_of(nlp, "Kenya announced that it will withdraw its peacekeeping force from Somalia unless the government holds elections.")
    assert event.plover.event_type == "THREATEN"
    assert _country(event.actor2) == "SOM"


# -- accusations: lawsuits, indictments, summoned envoys -----------------------------------------------
def test_a_lawsuit_accuses_whom_it_is_brought_against(nlp) -> None:
    event = main_event_of(nlp, "A Kenyan businessman is suing Uganda for damages to his factory.")
    assert event.plover.event_type == "ACCUSE"
    assert _country(event.actor2) == "UGA"


def test_summoning_an_ambassador_accuses_the_ambassadors_state(nlp) -> None:
    event = main_event_of(nlp, "Ghana's foreign minister summoned Togo's ambassador to complain about the border incident.")
    assert event.plover.event_type == "ACCUSE"
    assert _country(event.actor1) == "GHA"
    assert _country(event.actor2) == "TGO"


def test_the_subject_of_a_passive_indictment_is_its_target_and_the_agent_its_doer(nlp) -> None:
    events = events_of(nlp, "Algeria's prime minister has been indicted by the international court for his role in the massacres.")
    # the massacres he had a role in are what he is accused of, not an incident of the report
    assert _kinds(events) == {"ACCUSE"}
    assert _country(events[0].actor2) == "DZA"
    assert _country(events[0].actor1) != "DZA"


def test_a_state_act_told_in_the_passive_is_the_act_of_the_state_where_it_happened(nlp) -> None:
    event = main_event_of(nlp, "A British national has been put under investigation in Spain for his part in rioting.")
    assert event.plover.event_type == "INVESTIGATE"
    assert _country(event.actor1) == "ESP"
    assert _country(event.actor2) == "GBR"


def test_a_stance_told_in_the_passive_keeps_its_subject_as_the_speaker(nlp) -> None:
    event = main_event_of(nlp, "Israel is opposed to French mediation in the talks, an aide to the prime minister said.")
    assert _country(event.actor1) == "ISR"


# -- where someone comes from is not where it happened ----------------------------------------------
def test_a_persons_home_town_gives_their_country_not_the_events_place(nlp) -> None:
    events = events_of(nlp, "A teacher from Toronto was arrested in Egypt for spying, a news agency said.")
    assert len(events) == 1
    assert events[0].location.country_iso3 == "EGY"
    assert _country(events[0].actor2) == "CAN"


def test_young_people_of_a_nation_are_its_civilians_not_its_government(nlp) -> None:
    event = main_event_of(nlp, "Young Kenyans blocked roads leading to the city centre of Nakuru on Sunday.")
    assert event.actor1.type != "government"


# -- sites held by armed men ------------------------------------------------------------------------------
def test_fire_aimed_at_guerrilla_camps_targets_the_guerrillas(nlp) -> None:
    event = main_event_of(nlp, "Thai troops launched mortar and rocket fire against Cambodian guerrilla camps near the border.")
    assert event.actor2 is not None and event.actor2.type != "civilians"
    assert _country(event.actor2) == "KHM"


def test_part_of_a_rebel_stronghold_taken_is_ground_taken_from_rebels(nlp) -> None:
    event = main_event_of(nlp, "Burmese troops captured part of a rebel stronghold near the Thai border after two days of fighting.")
    assert event.acled.sub_event_type == "Government regains territory"
    assert event.actor2 is not None and event.actor2.type == "political_militia"


def test_ground_retaken_is_taken_from_whoever_the_winners_fought(nlp) -> None:
    events = events_of(nlp, "Ethiopian forces have retaken a strategic village in western Somalia after fierce fighting with rebels who overran it.")
    regained = next(e for e in events if e.acled and e.acled.sub_event_type == "Government regains territory")
    assert regained.actor2 is not None and regained.actor2.type == "political_militia"


# -- restrictions: imposed on the people of the place they cover ------------------------------------
@pytest.mark.parametrize(
    ("sentence", "kind", "people"),
    [
        ("The Kenyan government declared a 30-day state of emergency in Nakuru on Saturday.", "Change to group/activity", "KEN"),
        # with no country named, "the government" is the article's country's
        ("The government declared a state of emergency in Kenya on Saturday.", "Change to group/activity", "KEN"),
        ("The military junta declared a state of siege in Haiti on Saturday.", "Change to group/activity", "HTI"),
        # announced for the future: a threat to those it would cover
        ("President Xqzwe announced that he will extend the curfew in Mombasa.", "THREATEN", "KEN"),
        ("Iraq's government announced that it is prepared to impose martial law in Basra.", "THREATEN", "IRQ"),
        # a blockade a state imposes is a security measure, not a protest
        ("Israeli troops reimposed blockades in the West Bank on Friday.", "Change to group/activity", "PSE"),
    ],
)
def test_a_restriction_is_aimed_at_the_people_it_covers(nlp, sentence, kind, people) -> None:
    event = main_event_of(nlp, sentence)
    assert (event.acled.sub_event_type if event.acled else event.plover.event_type) == kind
    assert event.actor1.type in ("government", "state_forces", "external_forces")
    assert event.actor2 is not None and event.actor2.type == "civilians"
    assert _country(event.actor2) == people


def test_a_compensation_paid_gives_way_to_those_it_is_paid_to(nlp) -> None:
    event = main_event_of(nlp, "Kenya said on Sunday it had paid compensation to 40 elderly Indian nationals for land they lost.")
    assert event.plover.event_type == "CONCEDE"
    assert _country(event.actor2) == "IND"


def test_the_west_bank_is_a_place_though_written_in_area_words(nlp) -> None:
    event = main_event_of(nlp, "Clashes erupted between soldiers and gunmen in the West Bank on Friday.")
    assert event.location is not None and event.location.country_iso3 == "PSE"
