"""Toponym recognition and resolution (eventwire.extract.places): the known failure modes of
issue 11, each on a sentence written for the test."""

from __future__ import annotations

import pytest

from eventwire.extract.places import (
    PLACE_CUES,
    PlaceMention,
    find_places,
    find_toponyms,
    main_country,
    place_of_token,
    resolve_article_toponyms,
    resolve_toponym,
    toponym_candidates,
)
from eventwire.resolve.gazetteer import haversine_km

AL_QAIM = (34.39, 40.99)


def _by_text(mentions: list[PlaceMention]) -> dict[str, PlaceMention]:
    return {m.text: m for m in mentions}


# --------------------------------------------------------------------------- failure modes


def test_a_country_name_is_the_country_never_a_town(parse, gaz) -> None:
    doc = parse(
        "Sheriff's deputies in Paris, Texas, and in Lebanon, Tenn., arrested a man who had "
        "flown in from France; he had lived in the USA for years and in Jordan before that."
    )
    mentions = _by_text(find_toponyms(doc, gaz))
    for name, iso3 in (("France", "FRA"), ("USA", "USA"), ("Jordan", "JOR")):
        assert (mentions[name].entry.feature, mentions[name].entry.country_iso3) == ("country", iso3)
    assert mentions["Paris"].entry.country_iso3 == "USA"  # the Texas town, by its context


@pytest.mark.parametrize("name", ["France", "USA", "U.S.", "Jordan", "Lebanon", "Mexico"])
def test_country_names_against_a_us_context(gaz, name: str) -> None:
    context = ["Springfield", "Ohio", "Columbus", "Dayton"]
    (entry, *_) = resolve_article_toponyms([name, *context], gaz)
    assert entry is not None and entry.feature == "country"


def test_a_country_name_yields_only_to_a_same_named_state_on_evidence(gaz) -> None:
    georgia = resolve_toponym("Georgia", gaz, context_countries=["USA"], context_admin1s=[("USA", "Georgia")])
    assert georgia is not None and (georgia.feature, georgia.country_iso3) == ("admin1", "USA")
    assert resolve_toponym("Georgia", gaz).country_iso3 == "GEO"  # type: ignore[union-attr]


def test_demonyms_and_adjectives_are_no_places(parse, gaz) -> None:
    doc = parse("European diplomats said Iraqi forces had retaken the town of Baiji on Tuesday.")
    places = _by_text(find_places(doc, gaz))
    assert "European" not in places and "Iraqi" not in places
    assert places["Baiji"].entry.country_iso3 == "IRQ"
    roles = {m.text: m.role for m in find_toponyms(doc, gaz)}
    assert roles.get("Iraqi") == "demonym"


@pytest.mark.parametrize(
    ("demonym", "feature", "iso3"),
    [("Iraqi", "country", "IRQ"), ("Palestinians", "country", "PSE"), ("Russians", "country", "RUS"),
     ("European", "continent", None), ("Kurdish", "region", "IRQ"), ("Texans", "admin1", "USA")],
)
def test_demonyms_resolve_to_their_place_for_scoring(gaz, demonym, feature, iso3) -> None:
    entry = resolve_toponym(demonym, gaz)
    assert entry is not None and (entry.feature, entry.country_iso3) == (feature, iso3)


def test_a_capital_speaking_for_its_government_is_an_actor(parse, gaz) -> None:
    doc = parse(
        "Washington said the raid was lawful, while Baghdad condemned it and Tehran's envoy "
        "walked out. Residents of Baghdad said the streets of Mosul were quiet."
    )
    toponyms = find_toponyms(doc, gaz)
    roles = [(m.text, m.role) for m in toponyms]
    assert ("Washington", "metonym") in roles and ("Tehran", "metonym") in roles
    assert roles[1] == ("Baghdad", "metonym")
    places = find_places(doc, gaz)
    assert [m.text for m in places] == ["Baghdad", "Mosul"]  # "Residents of Baghdad", "of Mosul"


def test_a_country_with_a_plain_verb_stays_a_place(parse, gaz) -> None:
    doc = parse("Sri Lanka has a large Muslim minority, and Iraq's north is mountainous.")
    assert [m.text for m in find_places(doc, gaz)] == ["Sri Lanka", "Iraq"]


def test_one_unknown_name_leaves_the_others_intact(parse, gaz) -> None:
    names = ["Qwertyuiopstan", "Mosul", "Nineveh", "Zxcvbnmabad"]
    unknown, mosul, nineveh, other = resolve_article_toponyms(names, gaz)
    assert unknown is None and other is None
    assert mosul is not None and (mosul.country_iso3, mosul.feature) == ("IRQ", "city")
    assert nineveh is not None and nineveh.country_iso3 == "IRQ"
    doc = parse("Fighting spread from Qwertyuiopstan village to Mosul, in Nineveh province.")
    found = _by_text(find_places(doc, gaz))
    assert found["Mosul"].entry.country_iso3 == "IRQ" and "Qwertyuiopstan" not in found


# --------------------------------------------------------------------------- phrases


def test_place_phrases(parse, gaz) -> None:
    doc = parse(
        "Four fighters were killed in the Qaim region, near the border with Syria, and two "
        "more south of Tripoli; a checkpoint in Anbar province was also hit, as was a post in "
        "Anbar's Qaim district."
    )
    places = find_places(doc, gaz)
    by_text = _by_text(places)
    qaim = by_text["the Qaim region"].entry
    assert qaim.country_iso3 == "IRQ" and haversine_km(AL_QAIM, (qaim.latitude, qaim.longitude)) < 30
    assert by_text["Syria"].entry.feature == "country"
    assert by_text["Tripoli"].entry.country_iso3 == "LBY"
    anbar = [m for m in places if m.text.startswith("Anbar")]
    assert anbar and all(m.entry.country_iso3 == "IRQ" for m in anbar)
    assert by_text["Qaim district"].entry.feature == "city"


def test_dateline_is_not_where_it_happened(parse, gaz) -> None:
    doc = parse("BEIRUT, March 3 (Wire) - Shelling hit the town of Douma in Syria on Sunday.")
    roles = {m.text: m.role for m in find_toponyms(doc, gaz)}
    assert roles["BEIRUT"] == "dateline"
    assert [m.text for m in find_places(doc, gaz)] == ["Douma", "Syria"]


def test_places_inside_organisation_names_are_embedded(parse, gaz) -> None:
    doc = parse("The Torrington Fire Department and the Bank of England both issued statements.")
    roles = {m.text: m.role for m in find_toponyms(doc, gaz)}
    assert roles.get("Torrington") == "embedded" and roles.get("England") == "embedded"
    assert find_places(doc, gaz) == []


# --------------------------------------------------------------------------- disambiguation


def test_the_article_context_picks_the_namesake(gaz) -> None:
    la, parish, state = resolve_article_toponyms(["Alexandria", "Rapides Parish", "La."], gaz)
    assert la is not None and (la.country_iso3, la.admin1) == ("USA", "Louisiana")
    assert parish is not None and parish.feature == "admin2"
    assert state is not None and state.name == "Louisiana"
    (egypt,) = resolve_article_toponyms(["Alexandria"], gaz)
    assert egypt is not None and egypt.country_iso3 == "EGY"


def test_context_countries_and_points(gaz) -> None:
    paris = resolve_toponym("Paris", gaz, context_countries=["USA"], context_admin1s=[("USA", "Texas")])
    assert paris is not None and (paris.country_iso3, paris.admin1) == ("USA", "Texas")
    near = resolve_toponym("Paris", gaz, near=(36.3, -88.3))  # north-west Tennessee
    assert near is not None and near.admin1 == "Tennessee"
    assert resolve_toponym("Qwertyuiopstan", gaz) is None


def test_capital_beats_small_namesakes(gaz) -> None:
    washington, *_ = resolve_article_toponyms(["Washington", "Moscow", "Russia", "Kremlin"], gaz)
    assert washington is not None and washington.country_iso3 == "USA"
    (rome,) = resolve_article_toponyms(["Rome"], gaz)
    assert rome is not None and rome.country_iso3 == "ITA"


def test_candidates_include_the_demonym_place(gaz) -> None:
    first = toponym_candidates("Iraqis", gaz)[0]
    assert (first.feature, first.country_iso3) == ("country", "IRQ")
    assert toponym_candidates("Qwertyuiopstan", gaz) == []


# --------------------------------------------------------------------------- the stage's API


def test_stage_api_still_works(parse, gaz) -> None:
    doc = parse("Air strikes hit Mosul and Tal Afar in Iraq, and Deir ez-Zor in Syria.")
    places = find_places(doc, gaz)
    assert all(isinstance(p, PlaceMention) and p.role == "place" for p in places)
    mosul = next(p for p in places if p.text == "Mosul")
    assert place_of_token(doc[mosul.start], places) is mosul
    assert place_of_token(doc[0], places) is None
    assert main_country(places) == "IRQ"
    assert mosul.span(doc).text == "Mosul" and mosul.country_iso3 == "IRQ"
    assert "region" in PLACE_CUES
