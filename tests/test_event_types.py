"""One realistic news sentence per ACLED sub-event type (written for the project), including the
types that have no or few rows in the training data: their rules come from the codebook."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.ingest import read_articles  # noqa: F401
from eventwire.pipeline import run
from eventwire.schema import ACLED_SUB_EVENT_TYPES, Article

CASES = [
    ("Armed clash", "Government troops clashed with rebel fighters near the town of Kidal on Tuesday, leaving 14 dead."),
    ("Government regains territory", "The army recaptured the town of Gao from jihadist fighters on Monday after two days of fighting."),
    ("Non-state actor overtakes territory", "Rebels seized control of the town of Bunagana on Monday after government troops fled across the border."),
    ("Chemical weapon", "Dozens of people suffocated in Douma on Saturday after a chemical attack by government forces, medics said."),
    ("Air/drone strike", "Russian warplanes carried out air strikes on a market in Idlib on Sunday, killing nine civilians."),
    ("Suicide bomb", "A suicide bomber blew himself up at a checkpoint in Mogadishu on Friday, killing five soldiers."),
    ("Shelling/artillery/missile attack", "Separatist forces shelled residential areas of Avdiivka overnight, wounding three people."),
    ("Remote explosive/landmine/IED", "A roadside bomb exploded under a police vehicle in Kandahar on Wednesday, killing two officers."),
    ("Grenade", "Unknown assailants threw a grenade into a crowded bar in Bujumbura on Saturday night, injuring eight people."),
    ("Sexual violence", "Armed men raped several women in a village near Bria on Thursday, a local official said."),
    ("Attack", "Gunmen killed seven villagers in an attack on Kamba village in Zamfara state on Sunday."),
    ("Abduction/forced disappearance", "Gunmen abducted 20 passengers from a bus on the Abuja-Kaduna highway on Tuesday."),
    ("Peaceful protest", "Hundreds of nurses marched peacefully through Nairobi on Monday to demand unpaid salaries."),
    ("Protest with intervention", "Police fired tear gas to disperse students who were protesting in Kampala on Thursday against tuition increases."),
    ("Excessive force against protesters", "Security forces opened fire on protesters in Khartoum on Sunday, killing four demonstrators, medics said."),
    ("Violent demonstration", "Demonstrators torched a police station and pelted officers with stones in Dakar on Friday."),
    ("Mob violence", "A mob lynched a man accused of theft in the market of Bunia on Saturday, police said."),
    ("Agreement", "The government and the rebel alliance signed a ceasefire agreement in Addis Ababa on Wednesday."),
    ("Arrests", "Police arrested 30 opposition activists in Harare on Tuesday ahead of a planned rally."),
    ("Change to group/activity", "Two armed factions announced on Monday that they had merged into a single group in Tripoli."),
    ("Disrupted weapons use", "Soldiers defused a car bomb outside the central bank in Mogadishu on Thursday, police said."),
    ("Headquarters or base established", "The rebels established a new base in the hills outside Goma on Friday, residents said."),
    ("Looting/property destruction", "Gunmen looted shops and torched houses in Bama on Saturday night, residents said."),
    ("Non-violent transfer of territory", "Government troops withdrew from the town of Mopti on Sunday and handed control to a local militia without fighting."),
    ("Other", "Residents discovered a mass grave containing 17 bodies near Beni on Monday, a local official said."),
]


def test_every_sub_event_type_has_a_case():
    covered = {sub for sub, _ in CASES}
    every = {sub for subs in ACLED_SUB_EVENT_TYPES.values() for sub in subs}
    assert covered == every


@pytest.fixture(scope="module")
def predictions(nlp):
    articles = [Article(id=str(i), text=text, date=dt.date(2024, 3, 8)) for i, (_, text) in enumerate(CASES)]
    return {r.article.id: r.events for r in run(articles, nlp=nlp)}


@pytest.mark.parametrize("index", range(len(CASES)), ids=[sub for sub, _ in CASES])
def test_sub_event_type(index, predictions):
    expected, text = CASES[index]
    coded = [e.acled.sub_event_type for e in predictions[str(index)] if e.acled]
    assert coded and coded[0] == expected, f"{text!r} -> {coded}"
