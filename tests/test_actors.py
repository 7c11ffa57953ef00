"""The actor knowledge base: metonyms, countries, demonyms, backers, titles, groups, placeholders."""

from __future__ import annotations

import collections
import csv
import re
import time
from importlib import resources

import pycountry
import pytest
import yaml

from eventwire.resolve.actors import (
    ActorKB,
    KBActor,
    TitleInfo,
    _cased_key,
    _is_capitals,
    load_actor_kb,
    normalise_mention,
)
from eventwire.errors import ConfigError
from eventwire.schema import Actor

DATA = resources.files("eventwire").joinpath("data")


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return load_actor_kb()


def _rows() -> list[dict[str, str]]:
    lines = [ln for ln in DATA.joinpath("countries.csv").read_text("utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines))


# --- normalisation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("The Hashed", "hashed"),
        ("Hashed al-Shaabi", "hashed al shaabi"),
        ("Kata\u2019ib Hizballah", "kataib hizballah"),
        ("Iraq's", "iraq"),
        ("the Houthis\u2019", "houthis"),
        ("U.S.-backed", "us backed"),
        ("  C\u00f4te  d'Ivoire ", "cote divoire"),
        ("Hashd al\u2013Shaabi", "hashd al shaabi"),
    ],
)
def test_normalise_mention(raw: str, key: str) -> None:
    assert normalise_mention(raw) == key


# --- metonyms and state actors -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "name", "type_", "iso3"),
    [
        ("Baghdad", "Government of Iraq", "government", "IRQ"),
        ("Damascus", "Government of Syria", "government", "SYR"),
        ("Washington", "Government of the United States", "government", "USA"),
        ("the Kremlin", "Government of Russia", "government", "RUS"),
        ("Moscow", "Government of Russia", "government", "RUS"),
        ("the White House", "Government of the United States", "government", "USA"),
        ("the State Department", "Government of the United States", "government", "USA"),
        ("Downing Street", "Government of the United Kingdom", "government", "GBR"),
        ("Tehran", "Government of Iran", "government", "IRN"),
        ("Jerusalem", "Government of Israel", "government", "ISR"),
        ("Nairobi", "Government of Kenya", "government", "KEN"),
        ("the Pentagon", "Military Forces of the United States", "state_forces", "USA"),
        ("CENTCOM", "Military Forces of the United States", "state_forces", "USA"),
        ("US Central Command", "Military Forces of the United States", "state_forces", "USA"),
        ("the IDF", "Military Forces of Israel", "state_forces", "ISR"),
        ("IRGC", "Military Forces of Iran", "state_forces", "IRN"),
    ],
)
def test_metonyms(kb: ActorKB, mention: str, name: str, type_: str, iso3: str) -> None:
    assert kb.match(mention) == KBActor(name, type_, iso3)


def test_sovereignty_names_are_not_metonyms_for_the_wrong_body(kb: ActorKB) -> None:
    assert kb.match("Brussels").name == "European Union"
    assert kb.match("Kinshasa") == kb.government("COD")
    assert kb.match("Sanaa") is None  # held by the Houthis, not the recognised government


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("US forces", "Military Forces of the United States"),
        ("Kenyan police", "Police Forces of Kenya"),
        ("Iraqi security forces", "Military Forces of Iraq"),
        ("Israeli warplanes", "Military Forces of Israel"),
        ("the Iraqi government", "Government of Iraq"),
        ("Iraq's Prime Minister", "Government of Iraq"),
        ("US Secretary of State", "Government of the United States"),
        ("Kenyan protesters", "Protesters (Kenya)"),
        ("Nigerian villagers", "Civilians (Nigeria)"),
    ],
)
def test_composed_mentions(kb: ActorKB, mention: str, expected: str) -> None:
    assert kb.match_phrase(mention).name == expected
    assert kb.match(mention) is None  # match() is exact: descriptions are match_phrase's job


def test_coalitions(kb: ActorKB) -> None:
    assert kb.match("US-led coalition") == kb.security_force("coalition", "USA")
    assert kb.match("US-led coalition").name == "Global Coalition Against Daesh"
    assert kb.match("Saudi-led coalition").name == "Operation Restoring Hope"
    assert kb.match_phrase("Saudi-led coalition warplanes").name == "Operation Restoring Hope"


def test_state_actor_names_follow_acled(kb: ActorKB) -> None:
    assert kb.government("IRQ") == KBActor("Government of Iraq", "government", "IRQ")
    assert kb.military("KEN") == KBActor("Military Forces of Kenya", "state_forces", "KEN")
    assert kb.police("KEN") == KBActor("Police Forces of Kenya", "state_forces", "KEN")
    assert kb.military("USA").name == "Military Forces of the United States"
    assert kb.military("COD").name == "Military Forces of the Democratic Republic of Congo"
    assert kb.military("PHL").name == "Military Forces of the Philippines"
    with pytest.raises(KeyError, match="ISO3"):
        kb.government("XYZ")


@pytest.mark.parametrize(
    ("noun", "iso3", "expected"),
    [
        ("troops", "KEN", "Military Forces of Kenya"),
        ("army", "IRQ", "Military Forces of Iraq"),
        ("air force", "USA", "Military Forces of the United States"),
        ("navy", "IRN", "Military Forces of Iran"),
        ("marines", "USA", "Military Forces of the United States"),
        ("soldiers", "MLI", "Military Forces of Mali"),
        ("police", "KEN", "Police Forces of Kenya"),
        ("policemen", "NGA", "Police Forces of Nigeria"),
        ("officers", "KEN", "Police Forces of Kenya"),
        ("coalition", "USA", "Global Coalition Against Daesh"),
    ],
)
def test_security_force(kb: ActorKB, noun: str, iso3: str, expected: str) -> None:
    assert kb.security_force(noun, iso3).name == expected


def test_security_force_needs_a_known_noun_and_country(kb: ActorKB) -> None:
    assert kb.security_force("troops", None) is None
    assert kb.security_force("diplomats", "KEN") is None
    assert kb.security_force("coalition", "KEN") is None


# --- countries and demonyms ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Iraq", "IRQ"), ("US", "USA"), ("U.S.", "USA"), ("USA", "USA"), ("America", "USA"),
        ("United States", "USA"), ("the United States", "USA"), ("Britain", "GBR"), ("UK", "GBR"),
        ("Great Britain", "GBR"), ("Russia", "RUS"), ("Russian Federation", "RUS"),
        ("Democratic Republic of Congo", "COD"), ("DRC", "COD"), ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"), ("Turkiye", "TUR"), ("Syrian Arab Republic", "SYR"),
        ("Burma", "MMR"), ("Kosovo", "XKX"), ("Iraq's", "IRQ"), ("Palestinian territories", "PSE"),
    ],
)
def test_country(kb: ActorKB, text: str, iso3: str) -> None:
    assert kb.country(text) == iso3


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Iraqi", "IRQ"), ("Iraqis", "IRQ"), ("Iranian", "IRN"), ("Syrian", "SYR"),
        ("American", "USA"), ("Americans", "USA"), ("British", "GBR"), ("Britons", "GBR"),
        ("Kenyan", "KEN"), ("Kenyans", "KEN"), ("Palestinian", "PSE"), ("Palestinians", "PSE"),
        ("Israelis", "ISR"), ("Chinese", "CHN"), ("Somalis", "SOM"), ("Nigerien", "NER"),
        ("Nigerian", "NGA"), ("South Sudanese", "SSD"), ("Sudanese", "SDN"), ("Turkish", "TUR"),
        ("Emirati", "ARE"), ("Saudi", "SAU"), ("Afghans", "AFG"), ("Congolese", "COD"),
    ],
)
def test_demonym(kb: ActorKB, text: str, iso3: str) -> None:
    assert kb.demonym(text) == iso3


def test_country_name(kb: ActorKB) -> None:
    assert kb.country_name("USA") == "United States"
    assert kb.country_name("COD") == "Democratic Republic of Congo"
    assert kb.country_name("XYZ") is None


def test_capitalised_short_forms_do_not_match_common_words(kb: ActorKB) -> None:
    assert kb.country("us") is None
    assert kb.demonym("us") is None
    assert kb.match("us") is None
    assert kb.match("is") is None
    assert kb.match("Who") is None
    assert kb.match("WHO").name == "World Health Organization"
    assert kb.country("car") is None
    assert kb.country("CAR") == "CAF"


# --- backers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Iran-backed", "IRN"), ("pro-Iran", "IRN"), ("pro-Iranian", "IRN"),
        ("Iranian-backed", "IRN"), ("backed by Iran", "IRN"), ("Tehran-backed", "IRN"),
        ("Turkish-backed", "TUR"), ("Russian-backed", "RUS"), ("Kremlin-backed", "RUS"),
        ("US-backed", "USA"), ("U.S.-backed", "USA"), ("backed by the United States", "USA"),
        ("Iran\u2013aligned", "IRN"), ("Rwanda-backed", "RWA"),
    ],
)
def test_backer(kb: ActorKB, text: str, iso3: str) -> None:
    assert kb.backer(text) == iso3


@pytest.mark.parametrize("text", ["pro-government", "Iran", "backed", "well-armed", "pro-democracy"])
def test_not_a_backer(kb: ActorKB, text: str) -> None:
    assert kb.backer(text) is None


def test_backed_unnamed_groups(kb: ActorKB) -> None:
    expected = KBActor("Unidentified Armed Group", "political_militia", None, "IRN")
    assert kb.match_phrase("pro-Iran fighters") == expected
    assert kb.match_phrase("several Iran-backed militia groups") == expected
    assert kb.match_phrase("pro-Iran groups") == expected
    assert kb.match_phrase("pro-Iran targets") is None
    assert kb.localise(expected, "IRQ") == KBActor(
        "Unidentified Armed Group (Iraq)", "political_militia", "IRQ", "IRN"
    )


# --- titles ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Secretary of State", "government"), ("Foreign Minister", "government"),
        ("Prime Minister", "government"), ("President", "government"),
        ("Interior Minister", "government"), ("Defence Minister", "government"),
        ("Defense Secretary", "government"), ("Minister of Defence", "government"),
        ("Minister for Foreign Affairs", "government"), ("ambassador", "government"),
        ("governor", "government"), ("deputy foreign minister", "government"),
        ("acting president", "government"), ("army chief", "military"),
        ("commander", "military"), ("military spokesman", "military"),
        ("Pentagon spokesman", "military"), ("police chief", "police"),
        ("police spokesman", "police"), ("spokesman", "affiliated"),
        ("spokeswoman", "affiliated"), ("Hashed spokesman", "affiliated"),
        ("secretary-general", "affiliated"),
    ],
)
def test_title(kb: ActorKB, text: str, role: str) -> None:
    found = kb.title(text)
    assert isinstance(found, TitleInfo)
    assert found.role == role


def test_title_not_held(kb: ActorKB) -> None:
    assert kb.title("former president") is None
    assert kb.title("ex-prime minister") is None
    assert kb.title("fighters") is None


def test_us_secretary_of_state_is_title_plus_country(kb: ActorKB) -> None:
    assert kb.title("Secretary of State").role == "government"
    assert kb.country("US") == "USA"
    title, iso3 = kb.title_with_country("US Secretary of State")
    assert (title.title, title.role, iso3) == ("secretary of state", "government", "USA")
    for text in ["Iraq's Prime Minister", "Iraqi Prime Minister", "Prime Minister of Iraq"]:
        title, iso3 = kb.title_with_country(text)
        assert (title.title, iso3) == ("prime minister", "IRQ"), text
    assert kb.title_with_country("Secretary of State")[1] is None
    assert kb.title_with_country("former US President") is None


# --- named groups -----------------------------------------------------------------------------------


PMF = KBActor("Popular Mobilization Forces", "political_militia", "IRQ", "IRN")


@pytest.mark.parametrize(
    "mention",
    ["Hashed al-Shaabi", "Hashd al-Shaabi", "the Hashed", "Hashd", "the Hashd", "PMF", "PMU",
     "Popular Mobilization Forces", "Popular Mobilisation Units", "al-Hashd al-Shaabi",
     "Hashed al Shaabi", "HASHED AL-SHAABI"],
)
def test_pmf_aliases(kb: ActorKB, mention: str) -> None:
    assert kb.match(mention) == PMF


@pytest.mark.parametrize("phrase", ["Hashed fighters", "the Iran-backed Hashed al-Shaabi", "the Hashed group"])
def test_pmf_phrases(kb: ActorKB, phrase: str) -> None:
    assert kb.match_phrase(phrase) == PMF


@pytest.mark.parametrize(
    ("aliases", "name", "country", "backer"),
    [
        (["Houthis", "Ansar Allah", "Ansarallah", "the Huthis", "Houthi rebels"], "Military Forces of Yemen (2016-) Supreme Political Council", "YEM", "IRN"),
        (["ISIS", "Daesh", "Islamic State", "IS", "ISIL", "Islamic State group", "the Islamic State"],
         "Islamic State", None, None),
        (["Kataeb Hezbollah", "Kata'ib Hizballah", "Kataib Hezbollah"], "Kataib Hezbollah", "IRQ", "IRN"),
        (["Kataeb Sayyid al-Shuhada", "Kata'ib Sayyid al-Shuhada"], "Kataib Sayyid al-Shuhada", "IRQ", "IRN"),
        (["Asaib Ahl al-Haq", "Asa'ib Ahl al-Haq"], "Asaib Ahl al-Haq", "IRQ", "IRN"),
        (["Hezbollah", "Hizbollah", "Hizballah"], "Hezbollah", "LBN", "IRN"),
        (["al-Shabaab", "al-Shabab", "Shabaab"], "Al Shabaab", "SOM", None),
        (["Taliban", "the Taliban"], "Taliban", "AFG", None),
        (["HTS", "Hayat Tahrir al-Sham"], "HTS: Hayat Tahrir al-Sham", "SYR", None),
        (["RSF", "Rapid Support Forces"], "RSF: Rapid Support Forces", "SDN", "ARE"),
        (["M23", "March 23 Movement"], "M23: March 23 Movement", "COD", "RWA"),
        (["JNIM"], "JNIM: Group for Support of Islam and Muslims", "MLI", None),
        (["ISWAP"], "Islamic State (West Africa)", "NGA", None),
        (["Wagner Group", "Wagner"], "Wagner Group", "RUS", None),
        (["Boko Haram", "JAS"], "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad", "NGA", None),
    ],
)
def test_group_aliases(kb: ActorKB, aliases: list[str], name: str, country: str | None, backer: str | None) -> None:
    found = {kb.match(a) for a in aliases}
    assert len(found) == 1, found
    actor = found.pop()
    assert (actor.name, actor.country_iso3, actor.backer_iso3) == (name, country, backer)


@pytest.mark.parametrize(
    ("mention", "name", "type_"),
    [
        ("UN", "United Nations", "international_organization"),
        ("the United Nations", "United Nations", "international_organization"),
        ("UNICEF", "UNICEF", "international_organization"),
        ("NATO", "NATO", "international_organization"),
        ("African Union", "African Union", "international_organization"),
        ("EU", "European Union", "international_organization"),
        ("ICRC", "International Committee of the Red Cross", "ngo"),
        ("Red Cross", "International Committee of the Red Cross", "ngo"),
        ("MSF", "Medecins Sans Frontieres", "ngo"),
        ("Doctors Without Borders", "Medecins Sans Frontieres", "ngo"),
        ("Amnesty International", "Amnesty International", "ngo"),
        ("Human Rights Watch", "Human Rights Watch", "ngo"),
        ("Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", "ngo"),
        ("the Observatory", "Syrian Observatory for Human Rights", "ngo"),
        ("AFP", "AFP", "media"),
        ("Reuters", "Reuters", "media"),
    ],
)
def test_organisations(kb: ActorKB, mention: str, name: str, type_: str) -> None:
    actor = kb.match(mention)
    assert (actor.name, actor.type) == (name, type_)


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("the Britain-based Syrian Observatory for Human Rights war monitor", "Syrian Observatory for Human Rights"),
        ("suspected Boko Haram militants", "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"),
        ("Iran-backed Houthis", "Military Forces of Yemen (2016-) Supreme Political Council"),
        ("the Hezbollah movement", "Hezbollah"),
        ("dozens of protesters", "Protesters"),
        ("Iraqi Shiite armed factions", "Unidentified Armed Group (Iraq)"),
    ],
)
def test_match_phrase(kb: ActorKB, phrase: str, name: str) -> None:
    assert kb.match_phrase(phrase).name == name


def test_unknown_mentions(kb: ActorKB) -> None:
    for mention in ["Blinken", "reporters", "world powers", "the group", "", "   ", "Qaim region", "fighters"]:
        assert kb.match(mention) is None, mention
    for phrase in ["Blinken", "reporters", "world powers", "the group", "", "US interests", "Rome talks"]:
        assert kb.match_phrase(phrase) is None, phrase


# --- unnamed actors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "iso3", "name", "type_"),
    [
        ("armed_group", "KEN", "Unidentified Armed Group (Kenya)", "political_militia"),
        ("protesters", "KEN", "Protesters (Kenya)", "protesters"),
        ("rioters", "KEN", "Rioters (Kenya)", "rioters"),
        ("civilians", "KEN", "Civilians (Kenya)", "civilians"),
        ("protesters", "USA", "Protesters (United States)", "protesters"),
        ("protesters", None, "Protesters", "protesters"),
        ("armed_group", None, "Unidentified Armed Group", "political_militia"),
    ],
)
def test_generic(kb: ActorKB, kind: str, iso3: str | None, name: str, type_: str) -> None:
    assert kb.generic(kind, iso3) == KBActor(name, type_, iso3)


def test_generic_rejects_unknown_kind(kb: ActorKB) -> None:
    with pytest.raises(ValueError, match="armed_group"):
        kb.generic("soldiers", "KEN")


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("unidentified gunmen", "armed_group"), ("gunmen", "armed_group"), ("assailants", "armed_group"),
        ("militants", "armed_group"), ("armed men", "armed_group"), ("protesters", "protesters"),
        ("demonstrators", "protesters"), ("rioters", "rioters"), ("civilians", "civilians"),
        ("villagers", "civilians"), ("residents", "civilians"),
    ],
)
def test_generic_mentions(kb: ActorKB, mention: str, kind: str) -> None:
    assert kb.generic_kind(mention) == kind
    assert kb.match(mention) is None
    assert kb.match_phrase(mention) == kb.generic(kind, None)
    assert kb.localise(kb.match_phrase(mention), "KEN") == kb.generic(kind, "KEN")


def test_localise_transnational_label(kb: ActorKB) -> None:
    assert kb.localise(kb.match("ISIS"), "IRQ") == KBActor("Islamic State (Iraq)", "rebel_group", "IRQ")
    assert kb.localise(PMF, "SYR") == PMF  # already has a country
    assert kb.localise(kb.match("UN"), "SYR") == kb.match("UN")  # not a per-country label


# --- user extras ------------------------------------------------------------------------------------


def test_extra_yaml(tmp_path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "actors:\n"
        "  - name: Kenya Defence Forces Veterans\n"
        "    type: political_militia\n"
        "    country_iso3: KEN\n"
        "    aliases: [KDF veterans, the Veterans]\n"
        "  - name: Hashed Renamed\n"
        "    type: political_militia\n"
        "    country_iso3: IRQ\n"
        "    backer_iso3: IRN\n"
        "    aliases: [Hashed]\n"
        "generic:\n"
        "  armed_group: [raiders]\n",
        encoding="utf-8",
    )
    kb = ActorKB.load(extra=extra)
    assert kb.match("the Veterans") == KBActor("Kenya Defence Forces Veterans", "political_militia", "KEN")
    assert kb.match("the Hashed").name == "Hashed Renamed"  # extra entries win
    assert kb.match("Hashd al-Shaabi").name == "Popular Mobilization Forces"
    assert kb.generic_kind("raiders") == "armed_group"


def test_extra_csv(tmp_path) -> None:
    extra = tmp_path / "mine.csv"
    extra.write_text(
        "# source: my newsroom\n"
        "name,type,country_iso3,backer_iso3,aliases\n"
        "Mombasa Republican Council,political_militia,KEN,,MRC|Mombasa Republican Council group\n",
        encoding="utf-8",
    )
    kb = ActorKB.load(extra=extra)
    assert kb.match("MRC") == KBActor("Mombasa Republican Council", "political_militia", "KEN")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("actors:\n  - name: X\n    type: gang\n", "not one of"),
        ("actors:\n  - name: X\n    type: rebel_group\n    country_iso3: Kenya\n", "ISO 3166"),
        ("actors:\n  - name: X\n    type: rebel_group\n    colour: red\n", "unknown field"),
        ("actors:\n  - type: rebel_group\n", "needs a 'name'"),
        ("actors:\n  - Hamas\n", "must be a mapping"),
        ("actors:\n  - role: army\n    country_iso3: KEN\n", "'role' must be one of"),
        ("- a list\n", "expected a mapping"),
    ],
)
def test_extra_errors_say_what_is_wrong(tmp_path, content: str, message: str) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        ActorKB.load(extra=extra)


def test_extra_must_exist(tmp_path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        ActorKB.load(extra=tmp_path / "missing.yaml")


def test_extra_must_be_yaml_or_csv(tmp_path) -> None:
    extra = tmp_path / "mine.txt"
    extra.write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError, match=".csv"):
        ActorKB.load(extra=extra)


# --- the data files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["countries.csv", "actors.yaml", "titles.yaml"])
def test_data_files_start_with_a_source_line(name: str) -> None:
    first = DATA.joinpath(name).read_text("utf-8").splitlines()[0]
    assert first.startswith("# source: ") and len(first) > 40


def test_every_iso_country_has_a_row() -> None:
    rows = {r["iso3"]: r for r in _rows()}
    for country in pycountry.countries:
        assert country.alpha_3 in rows, country.name
    for iso3, row in rows.items():
        assert re.fullmatch(r"[A-Z]{3}", iso3)
        assert row["name"] and row["of_name"].endswith(row["name"])


def test_every_country_resolves_by_name(kb: ActorKB) -> None:
    for row in _rows():
        assert kb.country(row["name"]) == row["iso3"], row["name"]
        assert kb.government(row["iso3"]).country_iso3 == row["iso3"]


def _entry_id(entry: dict) -> str:
    return entry.get("name") or f"{entry['role']}:{entry['country_iso3']}"


def _key(form: str) -> str:
    return _cased_key(form) if _is_capitals(form) else normalise_mention(form)


def test_actor_yaml_is_valid_and_unambiguous(kb: ActorKB) -> None:
    data = yaml.safe_load(DATA.joinpath("actors.yaml").read_text("utf-8"))
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for entry in data["actors"]:
        for iso_field in ("country_iso3", "backer_iso3", "coalition_of"):
            assert entry.get(iso_field) is None or kb.country_name(entry[iso_field]), entry
        for form in [entry.get("name"), *(entry.get("aliases") or [])]:
            if form:
                owners[_key(str(form))].add(_entry_id(entry))
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_title_yaml_is_unambiguous() -> None:
    data = yaml.safe_load(DATA.joinpath("titles.yaml").read_text("utf-8"))
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for role in ("government", "military", "police", "affiliated"):
        for kind, titles in data[role].items():
            for title in titles:
                owners[_key(title)].add(f"{role}/{kind}")
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


# --- API contract -------------------------------------------------------------------------------------


def test_kb_actor_converts_to_schema_actor(kb: ActorKB) -> None:
    actor = kb.match("the Hashed").to_actor(mention="the Hashed")
    assert actor == Actor(
        name="Popular Mobilization Forces", type="political_militia", country_iso3="IRQ",
        backer_iso3="IRN", mention="the Hashed",
    )
    assert kb.match("Washington").to_actor(person="Antony Blinken").person == "Antony Blinken"


def test_security_force_accepts_lemmas(kb: ActorKB) -> None:
    for lemma in ["troop", "force", "soldier", "warplane", "marine"]:
        assert kb.security_force(lemma, "USA") == kb.military("USA"), lemma
    for lemma in ["policeman", "officer", "gendarme"]:
        assert kb.security_force(lemma, "KEN") == kb.police("KEN"), lemma


def test_load_is_cached_and_fast(tmp_path) -> None:
    assert load_actor_kb() is load_actor_kb()
    extra = tmp_path / "x.yaml"
    extra.write_text("actors: []\n", encoding="utf-8")
    assert load_actor_kb(extra) is load_actor_kb(extra) is not load_actor_kb()
    start = time.perf_counter()
    ActorKB.load()
    assert time.perf_counter() - start < 0.2
