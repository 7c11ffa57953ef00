"""Sanity checks for the hand-written national leaders knowledge base (data/leaders.csv)."""

from __future__ import annotations

import csv
import importlib.resources
from collections import defaultdict

import pycountry

OFFICES = {
    "president",
    "prime minister",
    "chancellor",
    "monarch",
    "supreme leader",
    "military ruler",
    "foreign minister",
    "other",
}

# Surnames that are ordinary English words or very common names: a surname-alone lookup on
# these would fire on non-leaders, so the data must leave them null.
COMMON_WORDS = {
    # named in the data brief
    "major", "brown", "may", "king", "rice", "hope", "young", "lee", "khan", "singh", "ali", "kim",
    # other English words / very common given names or surnames that leaders happen to carry
    "park", "moon", "ford", "wilson", "johnson", "truss", "martin", "clark", "howard", "heath",
    "baker", "powell", "bird", "fox", "store", "straw", "skate", "thorn", "turk", "panic", "doe",
    "barrow", "downer", "talon", "caldera", "lasso", "nano", "meta", "wade", "hague", "muscat",
    "lagos", "toledo", "begin", "borne", "roman", "hussein", "abdullah", "mohammed", "ahmed",
    "hassan", "li", "wang", "chen", "yang", "ma", "tang", "kan", "uno", "yen", "shah", "boko",
}

CURRENT_YEAR = 2025


PATH = importlib.resources.files("eventwire") / "data" / "leaders.csv"


def _year(text: str) -> int | str | None:
    return None if text == "" else int(text) if text.isdigit() else text


def _load() -> list[dict]:
    lines = [line for line in PATH.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    assert rows and list(rows[0]) == ["name", "country_iso3", "office", "first_year", "last_year", "surname", "aliases"]
    return [
        {
            "name": row["name"], "country_iso3": row["country_iso3"], "office": row["office"],
            "years": [_year(row["first_year"]), _year(row["last_year"])],
            "surname": row["surname"] or None,
            "aliases": [a for a in row["aliases"].split("|") if a],
        }
        for row in rows
    ]


LEADERS = _load()


def _valid_iso3(code: str) -> bool:
    return code == "XKX" or pycountry.countries.get(alpha_3=code) is not None


def test_file_has_source_header():
    first = PATH.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# source:")


def test_reasonable_size():
    assert len(LEADERS) >= 500
    assert len({e["country_iso3"] for e in LEADERS}) >= 150


def _shape_problems(entry: dict) -> list[str]:
    problems = []
    if not set(entry) <= {"name", "country_iso3", "office", "years", "surname", "aliases"}:
        problems.append(f"unknown fields {set(entry)}")
    if not (isinstance(entry.get("name"), str) and entry["name"].strip() == entry["name"] != ""):
        problems.append("bad name")
    if not (isinstance(entry.get("country_iso3"), str) and _valid_iso3(entry["country_iso3"])):
        problems.append("bad country")
    if entry.get("office") not in OFFICES:
        problems.append("bad office")
    years = entry.get("years")
    if not (isinstance(years, list) and len(years) == 2):
        return [*problems, "bad years"]
    start, end = years
    if not (isinstance(start, int) and not isinstance(start, bool) and 1900 <= start <= CURRENT_YEAR):
        problems.append("bad first year")
    elif end is not None and not (isinstance(end, int) and not isinstance(end, bool) and start <= end <= CURRENT_YEAR):
        problems.append("bad last year")
    surname = entry.get("surname")
    if not (surname is None or (isinstance(surname, str) and surname.strip() == surname != "")):
        problems.append("bad surname")
    aliases = entry.get("aliases", [])
    if not (isinstance(aliases, list) and all(isinstance(a, str) and a for a in aliases)):
        problems.append("bad aliases")
    return problems


def test_every_entry_is_well_formed():
    problems = {f'{e.get("country_iso3")}:{e.get("name")}': p for e in LEADERS if (p := _shape_problems(e))}
    assert not problems


def test_a_malformed_entry_is_caught():
    assert _shape_problems({"name": "X", "country_iso3": "XXX", "office": "king", "years": [2020, 2010]})


def test_no_common_word_surnames():
    bad = [
        (e["name"], e["surname"])
        for e in LEADERS
        if e.get("surname") and e["surname"].lower() in COMMON_WORDS
    ]
    assert bad == []


def _span(entry) -> tuple[int, int]:
    start, end = entry["years"]
    return start, CURRENT_YEAR if end is None else end


def test_surnames_unambiguous_across_countries():
    by_surname: dict[str, list[dict]] = defaultdict(list)
    for e in LEADERS:
        if e.get("surname"):
            by_surname[e["surname"].lower()].append(e)
    clashes = []
    for surname, entries in by_surname.items():
        for i, a in enumerate(entries):
            for b in entries[i + 1:]:
                if a["country_iso3"] == b["country_iso3"]:
                    continue
                (s1, e1), (s2, e2) = _span(a), _span(b)
                if s1 <= e2 and s2 <= e1:
                    clashes.append((surname, a["name"], a["country_iso3"], b["name"], b["country_iso3"]))
    assert clashes == []


def test_grouped_by_country():
    # Entries of one country are contiguous (the file is grouped per country).
    seen: list[str] = []
    for e in LEADERS:
        if not seen or seen[-1] != e["country_iso3"]:
            assert e["country_iso3"] not in seen, f'{e["country_iso3"]} appears in two groups'
            seen.append(e["country_iso3"])


def test_well_known_leaders_present():
    index = {(e["name"], e["country_iso3"]) for e in LEADERS}
    for name, iso in [
        ("Vladimir Putin", "RUS"),
        ("George W. Bush", "USA"),
        ("George H. W. Bush", "USA"),
        ("Abdelaziz Bouteflika", "DZA"),
        ("Bashar al-Assad", "SYR"),
        ("Recep Tayyip Erdogan", "TUR"),
        ("Narendra Modi", "IND"),
        ("Xi Jinping", "CHN"),
        ("Mikhail Gorbachev", "RUS"),
        ("Mobutu Sese Seko", "COD"),
    ]:
        assert (name, iso) in index
