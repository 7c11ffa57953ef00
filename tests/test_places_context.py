"""Where an event happened when the text gives its place in the ways conflict notes do: a place
noun before the comma, a French admin name, a lower-case Arabic article, a coalition that works
in one country, a state acting as the subject. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from eventwire.extract.places import _in_parenthesis, find_places, find_toponyms
from eventwire.pipeline import extract
from eventwire.resolve.gazetteer import admin_display_name


def _countries(parse, gaz, text: str) -> dict[str, str | None]:
    return {p.text: p.entry.country_iso3 for p in find_places(parse(text), gaz)}


def _event_country(text: str) -> str | None:
    events = [e for e in extract(text, date="2021-05-04") if e.location is not None]
    assert events, text
    return events[0].location.country_iso3


def test_french_admin_names_are_indexed_without_their_generic_words(gaz) -> None:
    assert admin_display_name("Province de l'Oudalan") == "Oudalan"
    assert admin_display_name("Province du Yagha") == "Yagha"
    assert admin_display_name("Province de la Tapoa") == "Tapoa"
    assert any(m.entry.country_iso3 == "BFA" for m in gaz.matches("Tapoa", limit=5))


def test_short_and_french_names_of_regions_are_known(gaz) -> None:
    assert gaz.matches("J&K", limit=1)[0].entry.country_iso3 == "IND"
    assert gaz.matches("Extreme-Nord", limit=1)[0].entry.country_iso3 == "CMR"


def test_an_area_in_brackets_is_not_moved_to_the_country_of_the_armed_group() -> None:
    text = "On 3 May 2021, JNIM militants abducted a teacher in Xqzvillage (Xqzvillage, Yagha)."
    assert _event_country(text) == "BFA"


def test_a_bracket_after_a_spelling_variant_still_holds_the_admin_chain(parse, gaz) -> None:
    doc = parse("On Monday, aircraft struck positions in the hills of Xqzhill [Xqz-hill] (Xqztown, Gao).")
    gao = next(doc[t.i : t.i + 1] for t in doc if t.text == "Gao")
    assert _in_parenthesis(gao)


def test_a_state_that_acts_is_an_actor_not_the_place(parse, gaz) -> None:
    doc = parse("On Monday, Turkey and Russia conducted a joint patrol near Kobani.")
    roles = {m.text: m.role for m in find_toponyms(doc, gaz)}
    assert roles.get("Turkey") == "metonym" and roles.get("Russia") == "metonym"
    assert roles.get("Kobani") == "place"


def test_a_country_that_only_suffers_stays_a_place(parse, gaz) -> None:
    doc = parse("Haiti suffered heavy flooding on Monday.")
    roles = {m.text: m.role for m in find_toponyms(doc, gaz)}
    assert roles.get("Haiti") == "place"


def test_a_coalition_that_fights_in_one_country_places_its_strikes_there() -> None:
    text = "On 3 May 2021, Saudi-led coalition aircraft struck a market in Al Bayda, killing two people."
    assert _event_country(text) == "YEM"


def test_an_entity_ended_one_word_early_grows_over_the_rest_of_the_name(parse, gaz) -> None:
    countries = _countries(parse, gaz, "On Sunday, a shepherd was found dead in Al Bab city, a monitor said.")
    assert countries.get("Al Bab") == "SYR"
    assert "USA" not in countries.values()  # "Al" alone is no Alabama


def test_a_sea_that_qualifies_a_port_is_the_sea_and_the_port_is_the_site(parse, gaz) -> None:
    text = "On Monday, artillery hit the east of the Red Sea port city (Ad Durayhimi, Al Hudaydah), a source said."
    assert _event_country(text) == "YEM"


def test_an_area_far_down_the_candidate_list_still_contains_its_town(parse, gaz) -> None:
    countries = _countries(parse, gaz, "On Monday, in Santa Cruz de la Sierra, Santa Cruz, nurses marched.")
    assert countries.get("Santa Cruz de la Sierra") == "BOL"
    assert countries.get("Santa Cruz") == "BOL"


def test_a_village_the_gazetteer_lacks_takes_the_nearest_area_of_its_chain(parse, gaz) -> None:
    # "Lusk" is only a small town abroad here: the town written after it stands in, not the province
    doc = parse("On Friday, soldiers clashed with gunmen in Lusk locality (Rutshuru, Nord-Kivu).")
    places = {m.text: m.entry for m in find_toponyms(doc, gaz)}
    lusk = next(entry for text, entry in places.items() if text.startswith("Lusk"))
    assert (lusk.name, lusk.feature) == ("Rutshuru", "city")


# (sentence, the mention as found — first of the spellings listed —, its country)
@pytest.mark.parametrize(("text", "mentions", "country"), [
    pytest.param("On Monday, police raided a compound in Gotha district, Kandahar.", ("Gotha",), "AFG",
                 id="a place noun before the comma still links a place to its area"),
    pytest.param("On Monday, in Hamilton, Lambayeque, teachers marched over unpaid wages.", ("Hamilton",), "PER",
                 id="an area whose every reading lies in one country outweighs a big namesake"),
    pytest.param("On Monday, in Puno city, traders staged a sit-in over market fees.", ("Puno city", "Puno"), "PER",
                 id="a town by its own name beats a bigger town by an alternate name"),
    pytest.param("On Friday, a trader was shot in Benin City (Oredo, Edo) on his way home.", ("Benin City",), "NGA",
                 id="a name with city in it is not cut to a country"),
    pytest.param("On Friday, teachers protested outside the governorate office in Amara city.", ("Amara city",), "IRQ",
                 id="a town cue picks the town over a namesake province"),
    pytest.param("On Friday, police beat a farmer in Ouest department over a land dispute.", ("Ouest department",), "HTI",
                 id="an area by its own name beats translations of it"),
    pytest.param("On Friday, militants shelled an army post in Tabay village in Xqzabad district of Kirkuk province.",
                 ("Tabay village",), "IRQ", id="a village abroad of town size gives way to the article's area"),
    pytest.param("On Friday, workers gathered at Gotha area of Ahmedabad city, demanding their wages.",
                 ("Gotha area", "Gotha"), "IND", id="an area of a city lies in that city"),
    pytest.param("On Friday, lawyers rallied outside the court in Toba Tek Singh city over a colleague's arrest.",
                 ("Toba Tek Singh",), "PAK", id="a name the tagger split into two entities is read whole"),
    pytest.param("On Friday, a vendor was shot in Barangay Calumpang, General Santos, a police report said.",
                 ("General Santos",), "PHL", id="a title-like first word left out of the entity is read with it"),
    pytest.param("On Friday, in Barra de Santo Antonio, Alagoas, a fisherman was shot at the harbour.",
                 ("Barra de Santo Antonio",), "BRA", id="small words inside a name are read with it"),
    pytest.param("On Friday, troops exchanged fire across the LoC in Xqzpur sector area (Poonch district, J&K).",
                 ("Poonch district", "Poonch"), "IND",
                 id="an alternate spelling in an admin chain is a place whatever the tagger says"),
    pytest.param("On Friday, police raided homes in the Beit Hanina neighbourhood of Jerusalem.", ("Beit Hanina",), "PSE",
                 id="a quarter across a line from its city keeps its own reading"),
    pytest.param("On Saturday, rival activists scuffled in Odessa after a wreath-laying.", ("Odessa",), "UKR",
                 id="a doubled letter is no other name"),
])
def test_a_place_as_notes_write_it_is_read_in_its_country(parse, gaz, text: str, mentions: tuple[str, ...], country: str) -> None:
    countries = _countries(parse, gaz, text)
    found = next((countries[m] for m in mentions if m in countries), None)
    assert found == country, countries


# (sentence, a country one of its places lies in; with every=True, the only country of its places)
@pytest.mark.parametrize(("text", "country", "every"), [
    pytest.param("Trucks were stopped on the way to al-Raqqa city on Sunday.", "SYR", False,
                 id="a lower-case arabic article begins a place name"),
    pytest.param("On Friday, rebels shelled army posts in northern Lattakia countryside.", "SYR", False,
                 id="an alternate spelling before a settlement noun is a place"),
    pytest.param("On Friday, a roadside bomb exploded in Karak al Gharbi area (Marib), a local source said.", "YEM", True,
                 id="a longer unknown name still lies in the area after it"),
    pytest.param("On Friday, troops exchanged fire at Kearny sector area (Poonch district, J&K).", "IND", True,
                 id="two place nouns before the bracket still link the chain"),
])
def test_the_places_of_a_note_lie_in_its_country(parse, gaz, text: str, country: str, every: bool) -> None:
    countries = _countries(parse, gaz, text)
    assert (set(countries.values()) == {country}) if every else (country in countries.values()), countries
