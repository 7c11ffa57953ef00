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


def test_a_place_noun_before_the_comma_still_links_a_place_to_its_area(parse, gaz) -> None:
    countries = _countries(parse, gaz, "On Monday, police raided a compound in Gotha district, Kandahar.")
    assert countries.get("Gotha") == "AFG"


def test_an_area_whose_every_reading_lies_in_one_country_outweighs_a_big_namesake(parse, gaz) -> None:
    countries = _countries(parse, gaz, "On Monday, in Hamilton, Lambayeque, teachers marched over unpaid wages.")
    assert countries.get("Hamilton") == "PER"


def test_a_lower_case_arabic_article_begins_a_place_name(parse, gaz) -> None:
    countries = _countries(parse, gaz, "Trucks were stopped on the way to al-Raqqa city on Sunday.")
    assert "SYR" in countries.values()


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
    gao = next(ent for ent in doc.ents if ent.text == "Gao") if any(e.text == "Gao" for e in doc.ents) else doc[-3:-2]
    assert gao.text == "Gao" and _in_parenthesis(gao)


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


def test_a_town_by_its_own_name_beats_a_bigger_town_by_an_alternate_name(parse, gaz) -> None:
    countries = _countries(parse, gaz, "On Monday, in Puno city, traders staged a sit-in over market fees.")
    assert countries.get("Puno city", countries.get("Puno")) == "PER"


def test_an_alternate_spelling_before_a_settlement_noun_is_a_place(parse, gaz) -> None:
    countries = _countries(parse, gaz, "On Friday, rebels shelled army posts in northern Lattakia countryside.")
    assert "SYR" in countries.values()


def test_a_name_with_city_in_it_is_not_cut_to_a_country(parse, gaz) -> None:
    countries = _countries(parse, gaz, "On Friday, a trader was shot in Benin City (Oredo, Edo) on his way home.")
    assert countries.get("Benin City") == "NGA"


def test_a_town_cue_picks_the_town_over_a_namesake_province(parse, gaz) -> None:
    countries = _countries(parse, gaz, "On Friday, teachers protested outside the governorate office in Amara city.")
    assert countries.get("Amara city") == "IRQ"


def test_an_area_by_its_own_name_beats_translations_of_it(parse, gaz) -> None:
    countries = _countries(parse, gaz, "On Friday, police beat a farmer in Ouest department over a land dispute.")
    assert countries.get("Ouest department") == "HTI"


def test_a_village_abroad_of_town_size_gives_way_to_the_articles_area(parse, gaz) -> None:
    text = "On Friday, militants shelled an army post in Tabay village in Xqzabad district of Kirkuk province."
    countries = _countries(parse, gaz, text)
    assert countries.get("Tabay village") == "IRQ"


def test_an_area_of_a_city_lies_in_that_city(parse, gaz) -> None:
    countries = _countries(parse, gaz, "On Friday, workers gathered at Gotha area of Ahmedabad city, demanding their wages.")
    assert countries.get("Gotha area", countries.get("Gotha")) == "IND"


@pytest.mark.parametrize(("text", "name", "country"), [
    # the tagger split the name into two entities
    ("On Friday, lawyers rallied outside the court in Toba Tek Singh city over a colleague's arrest.",
     "Toba Tek Singh", "PAK"),
    # a title-like first word left out of the entity
    ("On Friday, a vendor was shot in Barangay Calumpang, General Santos, a police report said.",
     "General Santos", "PHL"),
    # small words inside the name
    ("On Friday, in Barra de Santo Antonio, Alagoas, a fisherman was shot at the harbour.",
     "Barra de Santo Antonio", "BRA"),
])
def test_a_name_the_tagger_cut_short_is_read_whole(parse, gaz, text: str, name: str, country: str) -> None:
    countries = _countries(parse, gaz, text)
    assert countries.get(name) == country, countries


def test_a_village_the_gazetteer_lacks_takes_the_nearest_area_of_its_chain(parse, gaz) -> None:
    # "Lusk" is only a small town abroad here: the town written after it stands in, not the province
    doc = parse("On Friday, soldiers clashed with gunmen in Lusk locality (Rutshuru, Nord-Kivu).")
    places = {m.text: m.entry for m in find_toponyms(doc, gaz)}
    lusk = next(entry for text, entry in places.items() if text.startswith("Lusk"))
    assert (lusk.name, lusk.feature) == ("Rutshuru", "city")


def test_an_alternate_spelling_in_an_admin_chain_is_a_place_whatever_the_tagger_says(parse, gaz) -> None:
    countries = _countries(parse, gaz, "On Friday, troops exchanged fire across the LoC in Xqzpur sector area (Poonch district, J&K).")
    assert countries.get("Poonch district", countries.get("Poonch")) == "IND", countries


def test_a_quarter_across_a_line_from_its_city_keeps_its_own_reading(parse, gaz) -> None:
    countries = _countries(parse, gaz, "On Friday, police raided homes in the Beit Hanina neighbourhood of Jerusalem.")
    assert countries.get("Beit Hanina") == "PSE"


def test_a_doubled_letter_is_no_other_name(parse, gaz) -> None:
    countries = _countries(parse, gaz, "On Saturday, rival activists scuffled in Odessa after a wreath-laying.")
    assert countries.get("Odessa") == "UKR"


@pytest.mark.parametrize("text", [
    # the rest of a name the gazetteer lacks between a toponym and its area
    "On Friday, a roadside bomb exploded in Karak al Gharbi area (Marib), a local source said.",
])
def test_a_longer_unknown_name_still_lies_in_the_area_after_it(parse, gaz, text: str) -> None:
    countries = _countries(parse, gaz, text)
    assert set(countries.values()) == {"YEM"}, countries


def test_two_place_nouns_before_the_bracket_still_link_the_chain(parse, gaz) -> None:
    countries = _countries(parse, gaz, "On Friday, troops exchanged fire at Kearny sector area (Poonch district, J&K).")
    assert set(countries.values()) == {"IND"}, countries
