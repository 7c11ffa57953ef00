"""Actor rules beyond lookups: ACLED's naming of today's conflict parties, identity militias and
gangs, actors by their role in the event (demonstrators, rioters), who acts when the parse gives
no subject, and whom an act is aimed at. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from eventwire.resolve.actors import ActorKB, KBActor
from eventwire.schema import Event
from support import events_of


def _first(nlp, text: str) -> Event:
    events = events_of(nlp, text)
    assert events, text
    return events[0]


# -- knowledge: ACLED's names for the parties of today's conflicts ------------------------------
@pytest.mark.parametrize(
    ("mention", "name", "type_", "iso3"),
    [
        # the Houthis' Sanaa authority is coded as Yemen's state forces since 2016
        ("Houthi fighters", "Military Forces of Yemen (2016-) Supreme Political Council", "state_forces", "YEM"),
        ("pro-Hadi forces", "Military Forces of Yemen", "state_forces", "YEM"),
        ("National Resistance Forces", "National Resistance Forces", "political_militia", "YEM"),
        # Libya's two armies, by faction
        ("LNA forces", "Military Forces of Libya (2014-) Haftar Faction", "state_forces", "LBY"),
        ("GNA forces", "Military Forces of Libya (2016-) Government of National Accord", "state_forces", "LBY"),
        # Donbas separatists
        ("pro-Russian separatists", "NAF: United Armed Forces of Novorossiya", "rebel_group", "UKR"),
        ("DPR", "NAF: United Armed Forces of Novorossiya", "rebel_group", "UKR"),
        ("Operation Peace Spring", "Operation Peace Spring", "rebel_group", "SYR"),
        ("ANDSF", "Military Forces of Afghanistan", "state_forces", "AFG"),
        ("SSPDF", "Military Forces of South Sudan", "state_forces", "SSD"),
        ("CRPF", "Police Forces of India", "state_forces", "IND"),
        ("PKK militants", "PKK: Kurdistan Workers Party", "rebel_group", "TUR"),
    ],
)
def test_conflict_parties(kb: ActorKB, mention: str, name: str, type_: str, iso3: str) -> None:
    found = kb.match(mention) or kb.match_phrase(mention)
    assert (found.name, found.type, found.country_iso3) == (name, type_, iso3)


def test_a_country_before_forces_is_the_state_not_a_backer(kb: ActorKB) -> None:
    # "Nigerian Armed Forces" is not "forces armed by Nigeria"
    assert kb.match_phrase("Nigerian Armed Forces").name == "Military Forces of Nigeria"
    assert kb.match_phrase("several Iran-backed militia groups").backer_iso3 == "IRN"


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Fulani herdsmen", "Fulani Ethnic Militia"),
        ("suspected Tiv militiamen", "Tiv Ethnic Militia"),
        ("Pokot raiders", "Pokot Ethnic Militia"),
        ("Dinka youths", "Dinka Ethnic Militia"),
        ("Marehan clan militia", "Marehan Clan Militia"),
        ("Murad tribesmen", "Murad Tribal Militia"),
    ],
)
def test_community_militias(kb: ActorKB, mention: str, name: str) -> None:
    found = kb.match_phrase(mention)
    assert found == KBActor(name, "identity_militia", None)
    assert kb.localise(found, "NGA").name == f"{name} (Nigeria)"


def test_a_community_alone_is_no_militia(kb: ActorKB) -> None:
    # only its armed members, or the community said of who attacked (see the pipeline tests)
    assert kb.match_phrase("Fulani") is None
    assert kb.match_phrase("Fulani traders") is None


@pytest.mark.parametrize(
    ("mention", "name", "type_"),
    [
        ("gang members", "Unidentified Gang", "political_militia"),
        ("cattle rustlers", "Unidentified Communal Militia", "identity_militia"),
        ("clan militia", "Unidentified Clan Militia", "identity_militia"),
        ("armed tribesmen", "Unidentified Tribal Militia", "identity_militia"),
        ("gunmen", "Unidentified Armed Group", "political_militia"),
    ],
)
def test_unnamed_placeholders(kb: ActorKB, mention: str, name: str, type_: str) -> None:
    found = kb.match_phrase(mention)
    assert (found.name, found.type) == (name, type_)
    assert kb.localise(found, "HND").name == f"{name} (Honduras)"


# -- the pipeline: actors by role, by context, and counterparts -----------------------------------
def test_whoever_demonstrates_is_protesters(nlp) -> None:
    event = _first(nlp, "Hundreds of nurses protested outside the health ministry in Nairobi, Kenya on Monday to demand unpaid salaries.")
    assert event.acled.event_type == "Protests"
    assert (event.actor1.name, event.actor1.type) == ("Protesters (Kenya)", "protesters")


def test_a_group_of_people_is_who_it_is_made_of(nlp) -> None:
    event = _first(nlp, "On 4 June 2024, a group of taxi drivers protested in Tunis, Tunisia against new fuel prices.")
    assert event.actor1.name == "Protesters (Tunisia)"


def test_unarmed_people_who_riot_are_rioters(nlp) -> None:
    (event,) = [e for e in events_of(nlp, "Residents rioted in Kisumu, Kenya on Sunday, torching a police post after a motorcycle taxi rider was shot dead.") if e.acled and e.acled.event_type == "Riots"]
    assert (event.actor1.name, event.actor1.type) == ("Rioters (Kenya)", "rioters")


def test_named_and_unnamed_gangs(nlp) -> None:
    named = _first(nlp, "Two men were shot dead by the Barrio 18 gang in San Salvador, El Salvador on Friday.")
    assert (named.actor1.name, named.actor1.type) == ("Barrio 18 Gang", "political_militia")
    unnamed = _first(nlp, "Gang members shot dead a bus driver in San Pedro Sula, Honduras on Monday.")
    assert unnamed.actor1.name == "Unidentified Gang (Honduras)"


def test_ethnic_militias_in_events(nlp) -> None:
    herders = _first(nlp, "Suspected Fulani herdsmen attacked Tiv farmers in Guma, Benue State, Nigeria on Sunday, killing five people.")
    assert (herders.actor1.name, herders.actor1.type) == ("Fulani Ethnic Militia (Nigeria)", "identity_militia")
    bare = _first(nlp, "On Sunday the Pokot attacked a village in Baringo, Kenya, killing two herders.")
    assert bare.actor1.name == "Pokot Ethnic Militia (Kenya)"


def test_unnamed_attackers_of_a_communal_conflict_are_an_identity_militia(nlp) -> None:
    event = _first(nlp, "Five people were killed in ethnic clashes near Moyale, Kenya on Saturday.")
    assert (event.actor1.name, event.actor1.type) == ("Unidentified Communal Militia (Kenya)", "identity_militia")


def test_the_owner_of_an_act_acts(nlp) -> None:
    # a passive sentence whose agent is an act ("by ... airstrikes"): its owner is actor1
    event = _first(nlp, "On Tuesday, two Taliban fighters were killed by Afghan military airstrikes in Helmand province, Afghanistan.")
    assert event.actor1.name == "Military Forces of Afghanistan"
    assert event.actor2.name == "Taliban"


def test_a_subject_the_parser_misplaced(nlp) -> None:
    event = _first(nlp, "On 2 May 2024, near Kyauktaw town, Rakhine State, Myanmar military and AA clashed.")
    assert event.actor1.name == "Military Forces of Myanmar"


def test_a_claimed_attack_is_the_claimants(nlp) -> None:
    event = _first(nlp, "A roadside bomb killed three soldiers near Mopti, Mali on Monday. JNIM claimed responsibility for the attack.")
    assert event.actor1.name == "JNIM: Group for Support of Islam and Muslims"


def test_a_dateline_does_not_act(nlp) -> None:
    event = _first(nlp, "BAGHDAD, June 28 (Reuters) - US air strikes killed four fighters in the Qaim area, the group said.")
    assert event.actor1.name == "Military Forces of the United States"


def test_capital_us_is_the_country_not_a_pronoun(nlp) -> None:
    event = _first(nlp, "US warplanes struck a militia depot near Albu Kamal, Syria on Sunday.")
    assert event.actor1.country_iso3 == "USA"


def test_a_spokesman_speaks_for_the_body_in_his_title(nlp) -> None:
    events = events_of(nlp, "Pentagon press secretary Lloyd Harrow condemned the attack on Monday.")
    (event,) = [e for e in events if e.plover.event_type == "ACCUSE"]
    assert event.actor1.name == "Military Forces of the United States"
    assert event.actor1.person == "Lloyd Harrow"


def test_the_target_of_a_political_act(nlp) -> None:
    # the act's own forces are not its target: the country the war is against is
    event = _first(nlp, "Britain mobilised army reservists on Tuesday for a possible war against Iraq.")
    assert event.actor1.country_iso3 == "GBR"
    assert event.actor2 is not None and event.actor2.country_iso3 == "IRQ"


def test_a_demonstration_gets_no_target_from_its_place(nlp) -> None:
    event = _first(nlp, "Thousands of teachers marched through Accra, Ghana on Tuesday to demand better pay.")
    assert event.actor2 is None


def test_ordinary_people_who_attack_are_rioters(nlp) -> None:
    mob = _first(nlp, "On Monday, villagers beat a suspected thief to death in Kasese, Uganda.")
    assert (mob.actor1.name, mob.actor1.type) == ("Rioters (Uganda)", "rioters")
    workers = _first(nlp, "On 3 June 2024, four factory workers attacked a supervisor in Ludhiana, Punjab, India over unpaid wages.")
    assert workers.actor1.name == "Rioters (India)"


def test_a_people_rioting_are_rioters_not_their_government(nlp) -> None:
    event = _first(nlp, "On 8 May 2024, Palestinians hurled stones at an Israeli police vehicle near Hebron in a violent demonstration.")
    assert event.actor1.name == "Rioters (Palestine)"


def test_the_head_country_is_the_actor_not_its_modifier(nlp) -> None:
    event = _first(nlp, "NATO-member Norway is willing to send equipment to help defend Poland, its foreign minister said.")
    assert event.actor1.name == "Government of Norway"


def test_a_group_named_in_apposition(nlp) -> None:
    events = events_of(nlp, "The cabinet met on Sunday and barred candidates from the militant group Hamas from the ballot.")
    assert any(e.actor2 is not None and e.actor2.name == "Hamas Movement" for e in events)


def test_a_place_an_act_is_aimed_at_even_at_home(nlp) -> None:
    event = _first(nlp, "President Abdelmadjid Tebboune threatened to impose a curfew in Algiers after the unrest.")
    assert event.actor2 is not None and event.actor2.country_iso3 == "DZA"


def test_common_short_country_names(kb: ActorKB) -> None:
    assert kb.country("Bosnia") == "BIH" and kb.country("Macedonia") == "MKD"


def test_forces_dispersing_a_riot_are_its_second_side(nlp) -> None:
    events = events_of(nlp, "Police clashed with stone-throwing youths in Kisumu, Kenya on Monday during a violent demonstration over the election results.")
    riots = [e for e in events if e.acled and e.acled.event_type == "Riots"]
    assert riots and all(e.actor1.name == "Rioters (Kenya)" for e in riots)
    assert riots[0].actor2 is not None and riots[0].actor2.name == "Police Forces of Kenya"


def test_unnamed_attackers_between_named_communities(nlp) -> None:
    event = _first(nlp, "Four herders were killed near Kapedo, Kenya on Friday in fighting between the Turkana and the Pokot over grazing land.")
    assert (event.actor1.name, event.actor1.type) == ("Turkana Ethnic Militia (Kenya)", "identity_militia")
