"""Where an event happened when the words for administrative units tell the country: a unit only
one country has ("Rafi LGA", "barangay"), a province written last in a bracketed chain, the word a
country uses for its provinces ("Bolivar state", "Punjab province"), a place someone came from.
Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from eventwire.extract.places import find_toponyms
from eventwire.pipeline import extract
from eventwire.resolve.gazetteer import admin_terms


def _event_country(text: str) -> str | None:
    events = [e for e in extract(text, date="2021-05-04") if e.location is not None]
    assert events, text
    return events[0].location.country_iso3


def test_unit_words_only_one_country_uses_are_listed() -> None:
    terms = admin_terms()
    assert terms["LGA"] == "NGA" and terms["barangay"] == "PHL" and terms["woreda"] == "ETH"
    assert "lga" not in terms  # an upper-case term is matched as written


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a Local Government Area is Nigeria's: "Niger" after it is Niger State, not the country
        ("On 3 May 2021, gunmen attacked Xqzara (Xqzafi LGA, Niger), killing one resident.", "NGA"),
        # the last name of a bracketed chain is a province, even when it is a common word
        ("On 3 May 2021, gunmen killed a resident of Xqzango (Xqz North LGA, Plateau)", "NGA"),
        # no "Bari" province in Italy: the Bari of the chain is Somalia's
        ("On 3 May 2021, militants attacked a police post in Xqzaso town (Xqzaso, Bari).", "SOM"),
        # Venezuela's first-level units are states, Colombia's are departments
        ("On 3 May 2021, in Xqzedo municipality, Bolivar state, soldiers seized three boats.", "VEN"),
        ("On 3 May 2021, in Xqzville, Bolivar department, residents protested over water cuts.", "COL"),
        # India's Punjab is a state, Pakistan's a province
        ("On 3 May 2021, farmers protested in Xqzpur, Punjab state.", "IND"),
        ("On 3 May 2021, farmers protested in Xqzabad, Punjab province.", "PAK"),
        # an area named after its people, with its area noun, is that area, not their country
        ("On 3 May 2021, clan violence erupted in Xqzdere zone (Somali region), leaving five dead.", "ETH"),
        # a governorate known by its English name
        ("On 3 May 2021, militants attacked civilians south of Xqzah (Xqzah, North Sinai), killing two.", "EGY"),
        # a chain through a district the gazetteer lacks still ends in the province holding it
        ("On 3 May 2021, Taliban militants killed 2 civilians in the Toronto area of Xqzshing district, Laghman.", "AFG"),
        ("On 3 May 2021, Taliban militants killed 2 civilians in Xqzab village of Xqzkh district, Kunar.", "AFG"),
        # a province the gazetteer has as a second-level area, by its French name ("Province du Soum")
        ("On 3 May 2021, soldiers killed a herder near Xqzkinde (Xqz-Mengao, Soum).", "BFA"),
        ("On 3 May 2021, in Xqzencia, Metropolitana, nurses protested against the lack of masks.", "CHL"),
        # a place noun with its adjective still links the name to its area
        ("On 3 May 2021, an IED hit a truck heading to Toronto military camp (Marib, Marib), killing 2 soldiers.", "YEM"),
        # a town abroad matched only by a looser spelling gives way to the article's area
        ("On 3 May 2021, Houthi forces fired machine guns at farms in Mogadishuu area (Xqz Tuhayt, Al Hudaydah).", "YEM"),
        # a backer is no place: "Turkey backed factions" fought in Syria
        ("On 3 May 2021, regime forces shelled Turkey backed factions in Xqz area in Al-Hasakeh countryside.", "SYR"),
    ],
)
def test_unit_words_tell_the_country(text: str, country: str) -> None:
    assert _event_country(text) == country


def test_a_country_name_ending_a_chain_of_its_own_places_stays_the_country() -> None:
    assert _event_country("On 3 May 2021, gunmen attacked a village in Tillaberi region, Niger, killing three.") == "NER"


def test_where_people_arrived_from_is_not_where_they_were_arrested() -> None:
    assert _event_country("On 3 May 2021, police arrested 40 migrants who had arrived from Uganda in Nakuru town.") == "KEN"


def test_a_political_act_happened_where_its_clause_says_but_a_speech_nowhere() -> None:
    delivered = "As reported on 29 April 2021, in Xqzvallarta, Jalisco, members of the Xqz Cartel delivered food packages to families."
    assert _event_country(delivered) == "MEX"
    said = [e for e in extract("The foreign minister said in Rome on Monday that Italy condemned the strikes.", date="2021-05-04")]
    assert said and all(e.location is None for e in said)


def test_a_peoples_name_after_a_comma_holds_no_place() -> None:
    assert _event_country("On 3 May 2021, during an arrest raid in Jericho, Israeli forces shot a man in the foot.") == "PSE"


def test_a_place_name_the_tagger_took_for_a_date_is_a_place(parse, gaz) -> None:
    doc = parse("Soldiers raided a village in the Xqz region of Dahuk, Northern Iraq, on Monday.")
    found = {p.text: p.entry.country_iso3 for p in find_toponyms(doc, gaz)}
    assert found.get("Dahuk") == "IRQ"
    assert "Monday" not in found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a district known only by its seat holds a town of its province, however far the seat
        ("On 6 May 2021, residents protested over water shortages in Mithi town (Hyderabad, Sindh).", "Mithi"),
        # a road named after a town runs elsewhere: the event is in the town the sentence names
        ("On 6 May 2021, traders protested outside a bank on Jhelum road in Rawalpindi city.", "Rawalpindi"),
        # a bearing is taken from a place: the event is in the district before it
        ("On 6 May 2021, two coalition air raids were reported on Harib district west of Marib city (Marib).", "Harib"),
    ],
)
def test_the_event_is_at_the_place_meant(text: str, place: str) -> None:
    events = [e for e in extract(text, date="2021-05-08") if e.location is not None]
    assert events and events[0].location.name == place
