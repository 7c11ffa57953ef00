"""More codebook and PLOVER rules: each case is a realistic news sentence written for the
project, and the type its first event must get."""

from __future__ import annotations

import datetime as dt

import pytest

from support import events_of, events_of_each, main_event_of

DATE = dt.date(2024, 3, 8)

ACLED_CASES = [
    # withdrawing forces or leaving a place is a transfer of territory; a bill or a race is not
    ("Non-violent transfer of territory", "Government troops withdrew from the town of Kidal on Monday under a deal brokered by the UN."),
    ("Non-violent transfer of territory", "Rebel fighters pulled out of their positions around the airport on Sunday, residents said."),
    ("Non-violent transfer of territory", "The army handed over the base at Ber to the UN peacekeeping mission on Wednesday."),
    # a named protest form, and what protesters demand, tell a protest
    ("Peaceful protest", "Truck drivers held a protest procession through the centre of Mombasa on Tuesday over new port charges."),
    ("Peaceful protest", "Hundreds of protesters in Basra demanded the dismissal of the provincial governor on Friday."),
    ("Peaceful protest", "Nurses downed tools at the county hospital in Kisumu on Monday over unpaid salaries."),
    # stopping a demonstration is an intervention in it
    ("Protest with intervention", "Police prevented a demonstration by students outside the education ministry in Nairobi on Monday."),
    ("Protest with intervention", "Traders marched through the market in Kakamega on Tuesday against new levies. Twelve were arrested."),
    ("Protest with intervention", "Workers staged a sit-in outside the factory in Izmir on Monday. Police intervened and removed the protesters."),
    # explosions heard or observed from afar are shelling; with shots named, an exchange of fire
    ("Shelling/artillery/missile attack", "Residents heard several loud explosions near the frontline village of Marinka overnight on Sunday."),
    ("Shelling/artillery/missile attack", "Loud explosions were heard on the southern outskirts of Tripoli on Sunday night, residents said."),
    ("Armed clash", "On 5 May, ceasefire monitors observed a total of 17 explosions and shots involving small arms near Avdiivka."),
    ("Remote explosive/landmine/IED", "A roadside bomb exploded near a police patrol in Kandahar on Monday, killing two officers."),
    # an attack repelled or thwarted is a fight
    ("Armed clash", "Houthi fighters thwarted an attack by government forces on the Marib front on Tuesday."),
    # a toll that follows clashes is the toll of the clashes
    ("Armed clash", "At least four people were killed following clashes between two communities over grazing land in Isiolo on Monday."),
    # stones, vigilantes, lynch mobs and election violence: a crowd's violence
    ("Mob violence", "Youths attacked the campaign team of a rival candidate with stones in Kisii on Saturday, injuring three."),
    ("Mob violence", "A vigilante group beat two suspected thieves to death in Kibera on Sunday."),
    ("Mob violence", "A suspected cattle thief was stoned to death by angry villagers in Narok on Tuesday."),
    # "hacked to death" is a killing, not a cyber attack
    ("Attack", "A village elder was hacked to death by unknown assailants at his home near Malindi on Sunday."),
    ("Violent demonstration", "Students went on a rampage at the college in Eldoret on Wednesday over a rise in fees."),
    ("Violent demonstration", "Residents blocked the road to Thika with burning tires on Monday to protest the death of a boy."),
    # the harm done to the victims names an attack on civilians: rape, or abduction with nobody killed
    ("Sexual violence", "Local militiamen attacked a Fulani settlement near Asaba on Friday and raped several women."),
    ("Abduction/forced disappearance", "Unidentified gunmen attacked a village in Rafi on Monday and abducted six people."),
    ("Attack", "Unidentified gunmen attacked a village in Rafi on Monday, killed two men and abducted six people."),
    # detention by a non-state armed group is an abduction, not an arrest
    ("Abduction/forced disappearance", "Fighters of the armed group arrested four men accused of spying in the market town on Tuesday."),
    # agreements brokered, prisoners exchanged
    ("Agreement", "Mediators brokered a truce agreement between the two militias in Zawiya on Saturday."),
    ("Agreement", "The two sides exchanged prisoners near the frontline on Wednesday under the deal."),
    # territory: "re-captured", "recovered territory", sites taken
    ("Government regains territory", "The army re-captured the town of Mocimboa after it was taken over by insurgents."),
    ("Government regains territory", "Government troops recovered territory from the insurgents near Beni on Friday."),
    ("Non-state actor overtakes territory", "Rebels took control of six army sites in the district on Sunday."),
    # movements of forces and returns of refugees
    ("Change to group/activity", "A Turkish military convoy entered Idlib province through the Kafr Lusin crossing on Thursday."),
    ("Other", "About 200 refugees returned to their home villages from camps across the border on Monday."),
    ("Headquarters or base established", "The militia turned two schools into military barracks on Monday, residents said."),
]


@pytest.fixture(scope="module")
def acled_predictions(nlp):
    return events_of_each(nlp, [text for _, text in ACLED_CASES], DATE)


@pytest.mark.parametrize("index", range(len(ACLED_CASES)), ids=[f"{sub}-{i}" for i, (sub, _) in enumerate(ACLED_CASES)])
def test_acled_rule(index, acled_predictions):
    expected, text = ACLED_CASES[index]
    coded = [e.acled.sub_event_type for e in acled_predictions[index] if e.acled]
    assert coded and coded[0] == expected, f"{text!r} -> {coded}"


STILL_PEACEFUL = [
    # an arrest the protest is about, and riots the report looks back on, do not change the protest
    "Journalists protested outside the press club in Lahore on Monday against the arrest of a newspaper editor. He was arrested in March.",
    "Residents held a pot-banging protest in La Plata on Thursday, days after the protests and riots in the city's prisons.",
]


@pytest.mark.parametrize("text", STILL_PEACEFUL)
def test_protest_stays_peaceful(text, nlp):
    events = events_of(nlp, text, DATE)
    coded = [e.acled.sub_event_type for e in events if e.acled]
    assert coded and coded[0] == "Peaceful protest", coded


NO_TERRITORY = [
    "The government withdraws an environmental bill after weeks of criticism from farmers.",
    "The opposition candidate withdrew from the presidential race on Thursday.",
]


@pytest.mark.parametrize("text", NO_TERRITORY)
def test_withdrawing_a_bill_is_no_transfer_of_territory(text, nlp):
    events = events_of(nlp, text, DATE)
    coded = [e.acled.sub_event_type for e in events if e.acled]
    assert "Non-violent transfer of territory" not in coded, coded


PLOVER_CASES = [
    # withdrawing a bill, lifting a curfew, calling off a strike: giving way
    ("CONCEDE", "The government withdraws an environmental bill after weeks of criticism from farmers."),
    ("CONCEDE", "The government lifted the night curfew in the capital on Friday."),
    ("CONCEDE", "The teachers union called off the strike after talks with the ministry on Thursday."),
    # a refusal: a promise negated
    ("REJECT", "Sudan will not accept any more refugees from the neighbouring country, the minister said."),
    ("REJECT", "The finance minister declined to resign despite mounting pressure from parliament."),
    # stepping down
    ("RETREAT", "The prime minister resigned on Sunday after his coalition collapsed."),
    # aid cut and visits called off reduce relations
    ("SANCTION", "The prime minister cancelled a planned visit to the neighbouring country on Sunday."),
    ("SANCTION", "The donor countries suspended aid to the government on Tuesday over the disputed election."),
    ("SANCTION", "The regional bloc ended its mediation efforts between the two rival factions on Monday."),
    # deportations, bans of organisations and hacking are coercion
    ("COERCE", "The authorities deported 40 migrants to their home country on Thursday."),
    ("COERCE", "The government outlawed the main opposition party on Monday, state television said."),
    ("COERCE", "Hackers defaced dozens of government websites on Friday in a cyber attack."),
    # seeking asylum asks for it; extradition is cooperation; mediation and visits are consultation
    ("REQUEST", "Thousands of refugees sought asylum in Germany last month, officials said."),
    ("COOPERATE", "Zambia extradited a British terrorism suspect to London on Sunday, officials said."),
    ("CONSULT", "The Qatari emir launched a mediation effort between the two neighbours on Saturday."),
    ("CONSULT", "The French president held talks with the Romanian prime minister in Bucharest on Tuesday."),
    ("INVESTIGATE", "The high court opened a hearing on Wednesday into the legality of the interrogation methods."),
    ("INVESTIGATE", "The agency dispatched inspectors to the nuclear plant on Tuesday."),
    # handing back weapons; diplomatic ties restored
    ("CONCEDE", "The rebels returned the weapons seized from the peacekeepers on Monday."),
    ("SUPPORT", "Kenya and Somalia restored diplomatic ties on Thursday after a two-year break."),
    # a withdrawal from a town
    ("RETREAT", "Government forces completed their withdrawal from the besieged town on Friday."),
]


@pytest.mark.parametrize("index", range(len(PLOVER_CASES)), ids=[f"{t}-{i}" for i, (t, _) in enumerate(PLOVER_CASES)])
def test_plover_rule(index, nlp):
    expected, text = PLOVER_CASES[index]
    first = main_event_of(nlp, text, DATE)
    assert first.plover is not None and first.plover.event_type == expected, f"{text!r} -> {first.plover}"


def test_police_reporting_an_attack_are_not_its_authors(nlp) -> None:
    events = events_of(nlp, "Rebel fighters ambushed an army convoy near the border on Thursday, police said.")
    assert events and all(not e.actor1.name.startswith("Police Forces") for e in events if e.acled is not None)
