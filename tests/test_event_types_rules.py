"""Codebook rules beyond one sentence per sub-event type: each case is a realistic news sentence
written for the project, and the ACLED sub-event type its first event must get."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.classify import may_overrule
from support import events_of, events_of_each, main_event_of

DATE = dt.date(2024, 3, 8)

CASES = [
    # aircraft or drones as the doer make an air/drone strike, whatever the verb
    ("Air/drone strike", "The Syrian air force targeted rebel positions near Maarat al-Numan on Friday, a monitor said."),
    ("Air/drone strike", "Government warplanes bombed a fuel depot outside Misrata on Sunday night."),
    # movements of forces and security measures are changes to group/activity
    ("Change to group/activity", "Russian and Turkish troops conducted a joint patrol along the highway near Kobani on Tuesday."),
    ("Change to group/activity", "A joint patrol of Turkish and Russian forces took place near the town of Darbasiyah on Thursday."),
    ("Change to group/activity", "Authorities imposed a 48-hour curfew in Jos on Tuesday after a week of tension."),
    ("Change to group/activity", "Police sealed off the roads leading to the parliament in Nairobi on Monday morning."),
    ("Change to group/activity", "Soldiers closed the border crossing at Malaba on Wednesday, stranding hundreds of trucks."),
    # weapons seized, found or defused before use
    ("Disrupted weapons use", "Police seized 300 rounds of ammunition and two rifles from a house in Kano on Monday."),
    ("Disrupted weapons use", "An explosive device was defused by army engineers on the road to Gao on Saturday."),
    ("Disrupted weapons use", "Troops discovered a weapons cache containing rockets and grenades near Kunduz on Friday."),
    # theft, seizure and burning of property
    ("Looting/property destruction", "Armed herders stole 40 cows from a farm near Isiolo on Sunday night, residents said."),
    ("Looting/property destruction", "Unidentified men set fire to a lorry belonging to a construction company in Lamu on Monday."),
    ("Looting/property destruction", "Militants seized two fuel tankers on the road to Kidal on Thursday, a local official said."),
    ("Looting/property destruction", "On 6 May, several wheat fields near Kirkuk were set on fire by suspected militants."),
    ("Looting/property destruction", "Settlers cut down 30 olive trees belonging to Palestinian farmers near Nablus on Sunday."),
    ("Looting/property destruction", "Federal police seized two tons of marijuana hidden in a lorry near Campinas on Monday."),
    # territory: who takes control decides the sub-event type
    ("Non-state actor overtakes territory", "Rebels took control of the village of Kibirizi on Monday, residents said."),
    ("Government regains territory", "Government troops took control of the town of Rutshuru on Monday after heavy fighting."),
    # people fleeing, and prisoners released, are other strategic developments
    ("Other", "About 300 families fled their homes in the hills outside Beni on Monday, a local official said."),
    ("Other", "The government released 67 prisoners from the central prison in Kabul on Saturday."),
    # lynching is mob violence; a crowd's violence too
    ("Mob violence", "A suspected thief was lynched by residents in Kisumu on Sunday night, police said."),
    ("Mob violence", "Angry villagers beat a man accused of witchcraft to death in Kilifi on Tuesday."),
    ("Mob violence", "A group of people beat up a suspected thief at a market in Puebla on Sunday, police said."),
    ("Mob violence", "Rioters set a bank on fire in the centre of Jericho on Saturday night."),
    # violence against combatants or military sites is a battle; firearms and two-sided fire too
    ("Armed clash", "Security forces killed four militants during an operation near Sirte on Wednesday."),
    ("Armed clash", "Rebel fighters fired small arms and mortars at army positions near Kramatorsk on Tuesday."),
    ("Armed clash", "Militants shelled an army outpost near Tillaberi on Sunday and the soldiers returned fire."),
    ("Armed clash", "The bodies of three soldiers were found near Tal Afar on Monday, police said."),
    ("Shelling/artillery/missile attack", "Separatist forces fired grenade launchers and heavy machine guns at government positions near Pisky on Monday."),
    ("Armed clash", "Police engaged in a shoot-out with armed robbers in Eastleigh on Monday, killing two of them."),
    # headline wording the parser misreads ("exchange" taken for a noun)
    ("Armed clash", "Police exchange fire with cattle raiders in Baringo"),
    ("Mob violence", "A mob torched the car of a suspected kidnapper in Kisii on Saturday."),
    # lethal or injurious force by the police against demonstrators
    ("Excessive force against protesters", "Police shot and wounded two protesters during a demonstration against rising prices in Kisumu on Monday."),
    # named strikes are protests; defilement is sexual violence
    ("Peaceful protest", "Teachers began a hunger strike outside parliament in Nairobi on Monday to demand pay rises."),
    ("Sexual violence", "A herdsman defiled a 12-year-old girl in a village near Kakamega on Sunday, police said."),
    # what protesters do decides a protest's sub-event type
    ("Violent demonstration", "Students protesting the death of a classmate engaged police in running battles in Nakuru on Monday."),
    ("Violent demonstration", "Traders protesting new market fees barricaded the main road in Eldoret on Friday."),
]


@pytest.fixture(scope="module")
def predictions(nlp):
    return events_of_each(nlp, [text for _, text in CASES], DATE)


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{sub}-{i}" for i, (sub, _) in enumerate(CASES)])
def test_rule(index, predictions):
    expected, text = CASES[index]
    coded = [e.acled.sub_event_type for e in predictions[index] if e.acled]
    assert coded and coded[0] == expected, f"{text!r} -> {coded}"


def test_flight_from_an_attack_is_part_of_the_attack(nlp):
    text = "Gunmen attacked the village of Kamba on Sunday, killing seven people, and hundreds of residents fled."
    events = events_of(nlp, text, DATE)
    coded = [e.acled.sub_event_type for e in events if e.acled]
    assert coded and coded[0] == "Attack" and "Other" not in coded


def test_an_imposed_curfew_is_one_event(nlp):
    text = "Authorities imposed a curfew in the town of Kasese on Tuesday."
    events = events_of(nlp, text, DATE)
    assert [e.acled.sub_event_type for e in events if e.acled] == ["Change to group/activity"]


def test_a_weapon_named_by_the_rules_is_not_overruled():
    assert not may_overrule("Explosions/Remote violence")
    assert may_overrule("Violence against civilians")


def test_codebook_wording_verdicts_stand():
    assert not may_overrule("Battles", "Government regains territory")
    assert not may_overrule("Strategic developments", "Disrupted weapons use")
    assert may_overrule("Battles", "Armed clash")


PLOVER_CASES = [
    # saying that someone must act is a demand
    ("REQUEST", "The foreign minister said on Monday that the neighbouring government must release the detained sailors."),
    # granting asylum and handing over supplies are aid (CAMEO 07)
    ("AID", "Kenya has granted political asylum to twelve opposition activists, an interior ministry official said."),
    ("AID", "Norwegian doctors handed over 500 kg of medicine to the Red Cross in Goma on Friday."),
    # an attempted assassination happened
    ("ASSAULT", "Gunmen attempted to assassinate a provincial governor in Herat on Monday, police said."),
    # an act announced for the future: a promise when it helps, a threat when it harms
    ("AGREE", "Portugal will support Cape Verde's application to join the trade bloc, the Portuguese president said on Tuesday."),
    ("THREATEN", "Opposition leaders said on Sunday they would boycott all talks with the electoral commission."),
    # a government's formal protest is an accusation
    ("ACCUSE", "Serbia lodged an official protest with Montenegro over the border incident on Tuesday."),
    # an invasion is fighting
    ("ASSAULT", "Government troops mounted an invasion of the rebel-held district on Thursday, officials said."),
]


@pytest.mark.parametrize("index", range(len(PLOVER_CASES)), ids=[f"{t}-{i}" for i, (t, _) in enumerate(PLOVER_CASES)])
def test_plover_rule(index, nlp):
    expected, text = PLOVER_CASES[index]
    first = main_event_of(nlp, text, DATE)
    assert first.plover is not None and first.plover.event_type == expected, f"{text!r} -> {first.plover}"
