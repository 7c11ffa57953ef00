"""Tests for the offline gazetteer (eventwire.resolve.gazetteer).

The index is built once per test session into a temporary cache folder (about 10 s), so the
tests never touch the user's cache.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.resolve import gazetteer as gaz_module
from eventwire.resolve.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    acled_precision,
    cache_path,
    core_toponym,
    haversine_km,
    normalise_toponym,
    to_place,
)
from eventwire.schema import Place

AL_QAIM = (34.39, 40.99)


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("gazetteer-cache")


@pytest.fixture(scope="session")
def gaz(cache_dir: Path) -> Gazetteer:
    return Gazetteer.load(cache_dir=cache_dir)


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Al Qā’im", "al qaim"),
        ("al-Qaim", "al qaim"),
        ("Qa'im", "qaim"),
        ("U.S.", "us"),
        ("U. S. A.", "usa"),
        ("W.Va.", "wva"),
        ("St. Louis", "st louis"),
        ("The Hague", "hague"),
        ("  São   Paulo ", "sao paulo"),
        ("Łódź", "lodz"),
        ("Sana`a", "sanaa"),
        ("Dar‘ā", "dara"),
        ("the", "the"),
    ],
)
def test_normalise_examples(text: str, expected: str) -> None:
    assert normalise_toponym(text) == expected


@pytest.mark.parametrize("text", ["Al Qā’im", "al-Qaim", "Qa'im", "Qaim", "el-Qaim", "the Qaim"])
def test_article_variants_meet_at_one_core_key(text: str) -> None:
    assert (core_toponym(text) or normalise_toponym(text)) == "qaim"


def test_sun_letter_articles() -> None:
    assert core_toponym("Ar Ramadi") == "ramadi"
    assert core_toponym("As-Sulaymaniyah") == "sulaymaniya"
    assert core_toponym("Salah ad-Din") == "sala din"  # "-ah" folds too
    # an English word is not an article unless assimilated or hyphenated
    assert core_toponym("As Good As Gold") is None


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise_toponym(text)
    assert normalise_toponym(once) == once


@given(st.text())
def test_normalise_output_shape(text: str) -> None:
    key = normalise_toponym(text)
    assert key == key.strip()
    assert "  " not in key
    assert not any(ch in key for ch in "'’.`-")
    assert not (key.startswith("the ") and key != "the")


@given(st.text())
def test_core_toponym_never_raises(text: str) -> None:
    core = core_toponym(text)
    assert core is None or core == core.strip()


# --------------------------------------------------------------------------- lookups


@pytest.mark.parametrize("name", ["Al Qaim", "al-Qaim", "Qa'im", "Qaim", "Al Qā’im"])
def test_al_qaim_spellings(gaz: Gazetteer, name: str) -> None:
    entry = gaz.best(name)
    assert entry is not None
    assert entry.country_iso3 == "IRQ"
    assert entry.feature == "city"
    assert entry.admin1
    assert haversine_km(AL_QAIM, (entry.latitude, entry.longitude)) < 10


@pytest.mark.parametrize("phrase", ["Qaim region", "the Qaim region", "Qaim district"])
def test_core_name_from_a_region_phrase(gaz: Gazetteer, phrase: str) -> None:
    entry = gaz.best(phrase)
    assert entry is not None and entry.country_iso3 == "IRQ"
    assert haversine_km(AL_QAIM, (entry.latitude, entry.longitude)) < 10


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("Iraq", "IRQ"), ("Syria", "SYR"), ("France", "FRA"), ("USA", "USA"), ("U.S.", "USA"),
     ("Jordan", "JOR"), ("Georgia", "GEO"), ("Mexico", "MEX")],
)
def test_country_names_resolve_to_countries(gaz: Gazetteer, name: str, iso3: str) -> None:
    first = gaz.candidates(name)[0]
    assert (first.feature, first.country_iso3) == ("country", iso3)
    best = gaz.best(name)
    assert best is not None and (best.feature, best.country_iso3) == ("country", iso3)


def test_country_point_lies_in_the_country(gaz: Gazetteer) -> None:
    iraq = gaz.country("IRQ")
    assert iraq is not None and 29 < iraq.latitude < 38 and 38 < iraq.longitude < 49
    usa = gaz.country("usa")
    assert usa is not None and usa.feature == "country" and usa.geonames_id == 6252001


def test_rome_without_context_is_italian(gaz: Gazetteer) -> None:
    rome = gaz.best("Rome")
    assert rome is not None and rome.country_iso3 == "ITA" and rome.feature == "city"


def test_context_countries_pick_a_us_paris(gaz: Gazetteer) -> None:
    assert gaz.best("Paris").country_iso3 == "FRA"  # type: ignore[union-attr]
    paris = gaz.best("Paris", countries=["USA"])
    assert paris is not None and paris.country_iso3 == "USA" and paris.feature == "city"


def test_near_picks_the_closer_namesake(gaz: Gazetteer) -> None:
    paris = gaz.best("Paris", near=(33.0, -95.0))  # north-east Texas
    assert paris is not None and paris.country_iso3 == "USA"
    assert haversine_km((33.0, -95.0), (paris.latitude, paris.longitude)) < 500


def test_country_name_beats_context_towns_but_not_context_states(gaz: Gazetteer) -> None:
    assert gaz.best("Jordan", countries=["USA"]).feature == "country"  # type: ignore[union-attr]
    georgia = gaz.best("Georgia", countries=["USA"])
    assert georgia is not None and (georgia.feature, georgia.country_iso3) == ("admin1", "USA")


def test_admin1_and_its_namesake_city(gaz: Gazetteer) -> None:
    baghdad = gaz.best("Baghdad")
    assert baghdad is not None and (baghdad.feature, baghdad.country_iso3) == ("city", "IRQ")
    for name in ("Anbar", "Al Anbar", "Anbar province"):
        anbar = gaz.best(name)
        assert anbar is not None and (anbar.feature, anbar.country_iso3) == ("admin1", "IRQ")


def test_admin2_entries(gaz: Gazetteer) -> None:
    county = gaz.best("Laurel County", countries=["USA"])
    assert county is not None and county.feature == "admin2" and county.admin1 == "Kentucky"
    assert acled_precision(county) == 2


def test_short_forms_and_abbreviations(gaz: Gazetteer) -> None:
    assert gaz.best("Calif.").name == "California"  # type: ignore[union-attr]
    assert gaz.best("W. Va.").name == "West Virginia"  # type: ignore[union-attr]
    assert gaz.best("Pa.").feature == "admin1"  # type: ignore[union-attr]
    assert gaz.best("Middle East").feature == "region"  # type: ignore[union-attr]
    assert gaz.best("Europe").feature == "continent"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("Iraq", "IRQ"), ("U.S.", "USA"), ("US", "USA"), ("USA", "USA"), ("United States", "USA"),
     ("America", "USA"), ("Britain", "GBR"), ("UK", "GBR"), ("U.K.", "GBR"), ("DPRK", "PRK"),
     ("North Korea", "PRK"), ("South Korea", "KOR"), ("Ivory Coast", "CIV"), ("Burma", "MMR"),
     ("Holland", "NLD"), ("UAE", "ARE"), ("DRC", "COD"), ("DR Congo", "COD"), ("IRQ", "IRQ")],
)
def test_country_iso3(gaz: Gazetteer, name: str, iso3: str) -> None:
    assert gaz.country_iso3(name) == iso3


def test_country_iso3_rejects_towns_and_unknowns(gaz: Gazetteer) -> None:
    assert gaz.country_iso3("Baghdad") is None
    assert gaz.country_iso3("Qwertyuiopstan") is None


def test_demonyms_are_separate(gaz: Gazetteer) -> None:
    assert gaz.demonym_country("Iraqis").country_iso3 == "IRQ"  # type: ignore[union-attr]
    assert gaz.demonym_country("American").country_iso3 == "USA"  # type: ignore[union-attr]
    assert gaz.demonym_country("Baghdad") is None


def test_unknown_name(gaz: Gazetteer) -> None:
    assert gaz.candidates("Qwertyuiopstan") == []
    assert gaz.best("Qwertyuiopstan") is None
    assert "Qwertyuiopstan" not in gaz
    assert "Mosul" in gaz
    assert gaz.candidates("") == [] and gaz.best("   ") is None


def test_candidates_are_entries_ordered_by_population(gaz: Gazetteer) -> None:
    cities = [c for c in gaz.candidates("Springfield") if c.feature == "city"]
    assert len(cities) > 5
    assert all(isinstance(c, GazetteerEntry) for c in cities)
    assert [c.population for c in cities] == sorted((c.population for c in cities), reverse=True)


# --------------------------------------------------------------------------- places and CSV


def test_to_place_and_precision(gaz: Gazetteer) -> None:
    mosul = gaz.best("Mosul")
    assert mosul is not None
    place = to_place(mosul, mention="in Mosul")
    assert isinstance(place, Place)
    assert (place.country_iso3, place.precision, place.mention) == ("IRQ", 1, "in Mosul")
    assert place.geonames_id == mosul.geonames_id
    assert to_place(gaz.country("SYR"), precision=2).precision == 2  # type: ignore[arg-type]
    assert acled_precision(gaz.country("SYR")) == 3  # type: ignore[arg-type]


def test_extra_places_csv(tmp_path: Path, cache_dir: Path, gaz: Gazetteer) -> None:
    csv_path = tmp_path / "places.csv"
    csv_path.write_text(
        "# test places\n"
        "name,latitude,longitude,country_iso3,admin1,feature,population,alias_of\n"
        "Camp Zorblax,34.5,41.2,IRQ,Anbar,city,0,\n"
        "Zorblax Basin,35.0,42.0,irq,,region,,\n"
        "Mesopotamiaville,,,,,,,IRQ\n",
        encoding="utf-8",
    )
    extended = Gazetteer.load(extra_places=csv_path, cache_dir=cache_dir)
    camp = extended.best("camp zorblax")
    assert camp is not None
    assert (camp.feature, camp.country_iso3, camp.admin1) == ("city", "IRQ", "Anbar")
    assert extended.best("Zorblax Basin").country_iso3 == "IRQ"  # type: ignore[union-attr]
    assert extended.country_iso3("Mesopotamiaville") == "IRQ"
    assert "Camp Zorblax" not in gaz  # the shared index is untouched


# --------------------------------------------------------------------------- cache


def test_second_load_is_fast(gaz: Gazetteer, cache_dir: Path) -> None:
    assert cache_path(cache_dir).exists()
    start = time.perf_counter()
    again = Gazetteer.load(cache_dir=cache_dir)
    assert time.perf_counter() - start < 2.0
    assert len(again) == len(gaz)


def test_cache_name_tracks_package_versions(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = cache_path(cache_dir)
    monkeypatch.setattr(gaz_module, "_package_version", lambda package: "999")
    assert cache_path(cache_dir) != before


def test_cache_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path))
    assert cache_path().parent == tmp_path
    monkeypatch.delenv("EVENTWIRE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_path().parent == tmp_path / "xdg" / "eventwire"


# --------------------------------------------------------------------------- coverage (issue 11)


@pytest.mark.parametrize(
    ("name", "feature", "iso3"),
    [("EU", "continent", None), ("European Union", "continent", None), ("Korean Peninsula", "region", None),
     ("Darfur", "region", "SDN"), ("Atlantic", "region", None), ("Sahara", "region", None),
     ("Ghouta", "region", "SYR"), ("NSW", "admin1", "AUS"), ("B.C.", "admin1", "CAN"),
     ("S.C.", "admin1", "USA"), ("Britain", "country", "GBR"), ("DPRK", "country", "PRK"),
     ("Holy See", "country", "VAT"), ("Xinjiang", "admin1", "CHN"), ("Tibet", "admin1", "CHN"),
     ("Northern Territory", "admin1", "AUS"), ("Miami-Dade", "admin2", "USA"),
     ("Loudon Co.", "admin2", "USA")],
)
def test_short_forms_regions_and_areas(gaz: Gazetteer, name: str, feature: str, iso3) -> None:
    first = gaz.candidates(name)[0]
    assert (first.feature, first.country_iso3) == (feature, iso3)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("northern Iraq", ("country", "IRQ")), ("South Los Angeles", ("city", "USA")),
     ("Eastern Europe", ("region", None)), ("Anbar province", ("admin1", "IRQ"))],
)
def test_compass_and_generic_words_fall_back(gaz: Gazetteer, name: str, expected) -> None:
    first = gaz.candidates(name)[0]
    assert (first.feature, first.country_iso3) == expected


def test_a_bare_compass_remainder_is_no_place(gaz: Gazetteer) -> None:
    assert all(c.name != "Coast" for c in gaz.candidates("West Coast"))
    assert gaz.candidates("the Far North") == [] or gaz.candidates("the Far North")[0].name != "North"


def test_demonym_places(gaz: Gazetteer) -> None:
    assert gaz.demonym_place("European").feature == "continent"  # type: ignore[union-attr]
    assert gaz.demonym_country("European") is None
    assert gaz.demonym_place("Palestinians").country_iso3 == "PSE"  # type: ignore[union-attr]
    texans = gaz.demonym_place("Texans")
    assert texans is not None and (texans.feature, texans.name) == ("admin1", "Texas")
    assert gaz.demonym_country("Texans").country_iso3 == "USA"  # type: ignore[union-attr]
    assert gaz.demonym_country("Czechs").country_iso3 == "CZE"  # type: ignore[union-attr]
    assert gaz.demonym_place("Kurdish").country_iso3 == "IRQ"  # type: ignore[union-attr]


def test_country_and_state_points_are_central(gaz: Gazetteer) -> None:
    # Countries sit near their geographic centre (GeoNames' convention), not at the capital.
    lebanon_kansas = (39.81, -98.56)  # the contiguous United States' centre
    usa = gaz.country("USA")
    assert usa is not None and haversine_km(lebanon_kansas, (usa.latitude, usa.longitude)) < 100
    russia = gaz.country("RUS")
    assert russia is not None and 80 < russia.longitude < 120  # Siberia, not Moscow
    canada = gaz.country("CAN")
    assert canada is not None and canada.latitude > 55  # not Ottawa
    ontario = gaz.best("Ontario")
    assert ontario is not None and ontario.feature == "admin1" and ontario.latitude > 48


def test_capitals_and_continents(gaz: Gazetteer) -> None:
    assert gaz.capital("IRQ").name == "Baghdad"  # type: ignore[union-attr]
    washington = gaz.capital("USA")
    assert washington is not None and washington.admin1 and "Washington" in washington.name
    assert gaz.is_capital(washington) and not gaz.is_capital(gaz.best("Mosul"))  # type: ignore[arg-type]
    assert gaz.continent("IRQ").name == "Asia"  # type: ignore[union-attr]
    assert gaz.continent("FRA").name == "Europe"  # type: ignore[union-attr]
    assert gaz.capital("ZZZ") is None and gaz.continent("") is None


def test_matches_tell_exact_from_loose(gaz: Gazetteer) -> None:
    (first, *_) = gaz.matches("France")
    assert first.exact and first.tier == 0 and first.entry.country_iso3 == "FRA"
    assert gaz.matches("Illinois Department", fallback=False) == []
    assert gaz.matches("Illinois Department")[0].entry.name == "Illinois"
    assert len(gaz.matches("Springfield", limit=3)) == 3
    qaim = gaz.matches("Qaim")[0]
    assert qaim.entry.country_iso3 == "IRQ"


def test_admin_display_names() -> None:
    assert gaz_module.admin_display_name("Miami-Dade County") == "Miami-Dade"
    assert gaz_module.admin_display_name("Northern Territory") == "Northern Territory"
    assert gaz_module.admin_display_name("Xinjiang Uygur Zizhiqu") == "Xinjiang"
    assert gaz_module.admin_display_name("Mayorality of Baghdad") == "Baghdad"


def test_extra_csv_demonyms_centres_and_place_aliases(tmp_path: Path, cache_dir: Path) -> None:
    csv_path = tmp_path / "places.csv"
    csv_path.write_text(
        "name,alias_of,latitude,longitude,country_iso3,admin1,feature,population\n"
        "Zorblax Basin,,35.0,42.0,IRQ,,region,0\n"
        "the Basin,place:Zorblax Basin,,,,,,\n"
        "Zorblaxi,place:Zorblax Basin,,,,,demonym,\n"
        "Anbar,IRQ/Anbar,33.4,42.0,,,centre,\n",
        encoding="utf-8",
    )
    extended = Gazetteer.load(extra_places=csv_path, cache_dir=cache_dir)
    assert extended.best("the Basin").name == "Zorblax Basin"  # type: ignore[union-attr]
    assert extended.demonym_place("Zorblaxis").name == "Zorblax Basin"  # type: ignore[union-attr]
    anbar = extended.best("Anbar")
    assert anbar is not None and (anbar.latitude, anbar.longitude) == (33.4, 42.0)
    with pytest.warns(UserWarning, match="no place"):
        bad = tmp_path / "bad.csv"
        bad.write_text("name,alias_of\nNowhere,place:Qwertyuiop\n", encoding="utf-8")
        extended.add_places(bad)
