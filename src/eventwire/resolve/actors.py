"""Actor knowledge base: mentions -> ACLED-style actors, countries, backers and titles.

Everything is an exact dictionary lookup on a normalised key, so it is cheap enough to call on
every noun phrase of every article. The knowledge lives in ``eventwire/data``:

- ``countries.csv``: names, short forms, demonyms, capitals and seats of power per country
- ``actors.yaml``: named groups, state bodies used as metonyms, organisations, media, the words
  for unnamed actors ("gunmen", "protesters") and for state forces ("troops", "police")
- ``titles.yaml``: official titles and the actor they imply
- ``leaders.csv``: national leaders since 1975 and the state they spoke for ("Putin", "President
  Bush"), so that a person named without a country still has one

Forms written entirely in capitals that are not also listed in mixed case ("US", "WHO", "IS",
"CAR") only match when the mention is written in capitals, so the pronouns "us" and "who" or the
verb "is" never resolve to an actor.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, get_args

import yaml

from eventwire.errors import ConfigError
from eventwire.schema import Actor, ActorType

T = TypeVar("T")

TitleRole = Literal["government", "military", "police", "affiliated"]

ACTOR_TYPES: frozenset[str] = frozenset(get_args(ActorType))
_ISO3 = re.compile(r"^[A-Z]{3}$")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# ACLED placeholder names for unnamed actors; unidentified armed groups are political militias
# (inter code 3) in ACLED's scheme.
GENERIC_ACTORS: dict[str, tuple[str, ActorType]] = {
    "armed_group": ("Unidentified Armed Group", "political_militia"),
    "protesters": ("Protesters", "protesters"),
    "rioters": ("Rioters", "rioters"),
    "civilians": ("Civilians", "civilians"),
    # criminal gangs (Latin America, the Caribbean, South Africa ...): political militias too
    "gang": ("Unidentified Gang", "political_militia"),
    # identity militias (inter code 4): armed members of a community, clan or tribe
    "communal_militia": ("Unidentified Communal Militia", "identity_militia"),
    "clan_militia": ("Unidentified Clan Militia", "identity_militia"),
    "tribal_militia": ("Unidentified Tribal Militia", "identity_militia"),
}
# "<community> <noun>": the community's identity militia ("Fulani herdsmen", "Pokot raiders")
_IDENTITY_SUFFIX = {"ethnic": "Ethnic Militia", "clan": "Clan Militia", "tribe": "Tribal Militia"}
_STATE_ACTOR_PREFIX: dict[str, tuple[str, ActorType]] = {
    "government": ("Government of", "government"),
    "military": ("Military Forces of", "state_forces"),
    "police": ("Police Forces of", "state_forces"),
}
_ENTRY_FIELDS = frozenset(
    {"name", "type", "country_iso3", "backer_iso3", "aliases", "role", "per_country", "coalition_of", "theatre"}
)
_MAX_PREFIX_TOKENS = 4
# Words around a name that do not change which actor it is: "several Iran-backed militia
# groups", "suspected Boko Haram militants", "the Britain-based ... war monitor".
_LEADING_WORDS = frozenset(
    "a an some several many few two three four five six seven eight nine ten dozens hundreds "
    "thousands scores of other both all these those its their his her our suspected alleged "
    "purported so called rival local".split()
)
_TRAILING_PHRASES = (
    "war monitor", "monitoring group", "rights group", "monitor", "group", "movement",
    "organisation", "organization", "alliance", "network", "faction", "armed wing", "wing",
)


@dataclass(frozen=True, slots=True)
class KBActor:
    name: str
    type: ActorType
    country_iso3: str | None
    backer_iso3: str | None = None

    def to_actor(self, *, mention: str | None = None, person: str | None = None) -> Actor:
        return Actor(
            name=self.name,
            type=self.type,
            country_iso3=self.country_iso3,
            backer_iso3=self.backer_iso3,
            mention=mention,
            person=person,
        )


@dataclass(frozen=True, slots=True)
class TitleInfo:
    title: str  # the title as normalised: "secretary of state"
    role: TitleRole  # which actor the holder speaks for
    kind: str  # finer detail: head, minister, diplomat, spokesperson, commander, rank, ...


@dataclass(frozen=True, slots=True)
class Leader:
    name: str
    country_iso3: str
    office: str
    first_year: int
    last_year: int | None  # None: still in office

    def in_office(self, year: int, *, slack: int = 1) -> bool:
        """Whether the person held the office in ``year``, give or take ``slack`` years (news
        names a leader-elect before and an outgoing one after the dates of office)."""
        return self.first_year - slack <= year <= (self.last_year or year) + slack


# --- normalisation -------------------------------------------------------------------------

_QUOTES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc\u02bb\u02bf\u02be`\u00b4\u2032"})
_POSSESSIVE = re.compile(r"'s\b|(?<=s)'(?=\s|$)")
_SEPARATORS = re.compile(r"[-\u2010-\u2015\u2212/_]+|[^\w\s]")
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _cased_key(text: str) -> str:
    """Normalise everything but letter case: "The U.S.-backed" -> "US backed"."""
    text = text.translate(_QUOTES)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text)  # "Iraq's" -> "Iraq", "the Houthis'" -> "the Houthis"
    text = text.replace("'", "").replace(".", "").replace("&", " and ")
    text = _SPACES.sub(" ", _SEPARATORS.sub(" ", text)).strip()
    return _LEADING_THE.sub("", text)


def normalise_mention(text: str) -> str:
    """The lookup key of a mention: case-folded, no leading "the", straight quotes, no accents,
    hyphens and slashes as spaces, no final "'s", no other punctuation."""
    return _cased_key(text).casefold()


def _is_capitals(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


class _Lexicon(Generic[T]):
    """Normalised form -> value. All-capitals forms are kept case-sensitive."""

    __slots__ = ("_folded", "_cased")

    def __init__(self) -> None:
        self._folded: dict[str, T] = {}
        self._cased: dict[str, T] = {}

    def add(self, form: str, value: T, *, override: bool = False) -> None:
        key = _cased_key(form)
        if not key:
            return
        table, key = (self._cased, key) if _is_capitals(form) else (self._folded, key.casefold())
        if override or key not in table:
            table[key] = value

    def get(self, text: str) -> T | None:
        return self.lookup(_cased_key(text))

    def lookup(self, cased_key: str) -> T | None:
        """Lookup by a key that has already been through ``_cased_key``."""
        hit = self._folded.get(cased_key.casefold())
        if hit is None:
            hit = self._cased.get(cased_key)
        return hit


# --- data files ----------------------------------------------------------------------------


def _data_text(name: str) -> str:
    return resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8")


def _rows_without_comments(text: str) -> Iterator[dict[str, str]]:
    lines = (line for line in io.StringIO(text) if not line.startswith("#"))
    yield from csv.DictReader(lines)


def _split(field: str | None) -> list[str]:
    return [v for v in (field or "").split("|") if v.strip()]


def _check_iso3(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _ISO3.match(value):
        raise ConfigError(f"{where}: {value!r} is not an ISO 3166 alpha-3 code such as 'IRQ'")
    return value


_BACKER_PHRASE = re.compile(
    r"^(?:pro (?P<pro>.+)"
    r"|(?P<pre>.+?) (?:backed|aligned|allied|supported|sponsored|funded|armed|trained|linked"
    r"|affiliated|leaning|controlled|loyal|friendly)"
    r"|(?:backed|supported|sponsored|funded|armed|trained|controlled) by (?P<by>.+))$",
    re.IGNORECASE,
)


class ActorKB:
    """Lookups from mentions to actors. Build with :meth:`load`; the constructor does no I/O."""

    def __init__(self) -> None:
        self._country_names: dict[str, tuple[str, str]] = {}  # iso3 -> (name, of_name)
        self._countries: _Lexicon[str] = _Lexicon()
        self._demonyms: _Lexicon[str] = _Lexicon()
        self._seats: _Lexicon[str] = _Lexicon()
        self._actors: _Lexicon[KBActor] = _Lexicon()
        self._generic: _Lexicon[str] = _Lexicon()
        self._security: _Lexicon[str] = _Lexicon()
        self._government_nouns: _Lexicon[bool] = _Lexicon()
        self._backed_group_nouns: _Lexicon[bool] = _Lexicon()
        self._titles: _Lexicon[TitleInfo] = _Lexicon()
        self._title_modifiers: tuple[tuple[str, ...], ...] = ()
        self._former: frozenset[str] = frozenset()
        self._spokesperson_words: tuple[str, ...] = ()
        self._per_country: set[str] = set()
        self._coalitions: dict[str, KBActor] = {}
        self._theatres: dict[str, str] = {}  # actor name -> the one country it operates in
        self._communities: _Lexicon[tuple[str, str]] = _Lexicon()  # form -> (name, ethnic|clan|tribe)
        self._community_members: _Lexicon[bool] = _Lexicon()
        self._leaders_by_name: dict[str, list[Leader]] = {}
        self._leaders_by_surname: dict[str, list[Leader]] = {}

    # --- loading -------------------------------------------------------------------------

    @classmethod
    def load(cls, *, extra: Path | None = None) -> ActorKB:
        """The shipped knowledge, plus ``extra``: a YAML file shaped like ``actors.yaml``
        (an ``actors:`` list) or a CSV with columns name, type, country_iso3, backer_iso3 and
        aliases ('|'-separated). Extra entries win over shipped ones."""
        kb = cls()
        kb._add_countries(_rows_without_comments(_data_text("countries.csv")))
        kb._add_actor_data(yaml.load(_data_text("actors.yaml"), Loader=_YAML_LOADER), "actors.yaml")
        kb._add_titles(yaml.load(_data_text("titles.yaml"), Loader=_YAML_LOADER))
        kb._add_leaders(_rows_without_comments(_data_text("leaders.csv")))
        if extra is not None:
            kb._add_extra(Path(extra))
        return kb

    def _add_countries(self, rows: Iterable[dict[str, str]]) -> None:
        rows = list(rows)
        for row in rows:  # names first so that no alias can shadow another country's name
            iso3 = row["iso3"]
            self._country_names[iso3] = (row["name"], row["of_name"])
            self._countries.add(row["name"], iso3)
        for row in rows:
            iso3 = row["iso3"]
            for alias in _split(row["aliases"]):
                self._countries.add(alias, iso3)
            for demonym in _split(row["demonyms"]):
                self._demonyms.add(demonym, iso3)
            for seat in _split(row["seats"]):
                self._seats.add(seat, iso3)
                self._actors.add(seat, self.government(iso3))
            for role in _STATE_ACTOR_PREFIX:
                actor = self._state_actor(role, iso3)
                self._actors.add(actor.name, actor)

    def _add_actor_data(self, data: dict, where: str, *, override: bool = False) -> None:
        for i, entry in enumerate(data.get("actors") or []):
            self._add_entry(entry, f"{where}: actors[{i}]")
        for kind, words in (data.get("generic") or {}).items():
            if kind not in GENERIC_ACTORS:
                raise ConfigError(f"{where}: generic kind {kind!r} is not one of {sorted(GENERIC_ACTORS)}")
            for word in words:
                self._generic.add(word, kind, override=override)
        for branch, nouns in (data.get("security_nouns") or {}).items():
            if branch not in {"military", "police", "coalition"}:
                raise ConfigError(f"{where}: security_nouns key {branch!r} is not military, police or coalition")
            for noun in nouns:
                self._security.add(noun, branch)
        for noun in data.get("government_nouns") or []:
            self._government_nouns.add(noun, True)
        for noun in data.get("backed_group_nouns") or []:
            self._backed_group_nouns.add(noun, True)
        communities = data.get("communities") or {}
        for kind in communities:
            if kind not in _IDENTITY_SUFFIX and kind != "armed_members":
                raise ConfigError(f"{where}: communities key {kind!r} is not one of {sorted(_IDENTITY_SUFFIX)} or armed_members")
        for kind in _IDENTITY_SUFFIX:
            for entry in communities.get(kind) or []:
                forms = [entry] if isinstance(entry, str) else list(entry)
                for form in forms:
                    self._communities.add(str(form), (str(forms[0]), kind))
        for noun in communities.get("armed_members") or []:
            self._community_members.add(noun, True)

    def _add_entry(self, entry: dict, where: str) -> None:
        actor = self._actor_from_entry(entry, where)
        for form in [actor.name, *(entry.get("aliases") or [])]:
            self._actors.add(str(form), actor, override=True)
        if entry.get("per_country"):
            self._per_country.add(actor.name)
        if entry.get("coalition_of"):
            self._coalitions[_check_iso3(entry["coalition_of"], where)] = actor
        if entry.get("theatre"):
            self._theatres[actor.name] = _check_iso3(entry["theatre"], f"{where} theatre")

    def _actor_from_entry(self, entry: dict, where: str) -> KBActor:
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: each actor must be a mapping with name, type, ... (got {entry!r})")
        unknown = set(entry) - _ENTRY_FIELDS
        if unknown:
            raise ConfigError(f"{where}: unknown field(s) {sorted(unknown)}; use {sorted(_ENTRY_FIELDS)}")
        country = _check_iso3(entry.get("country_iso3"), f"{where} country_iso3")
        backer = _check_iso3(entry.get("backer_iso3"), f"{where} backer_iso3")
        if entry.get("role"):
            return self._role_actor(entry["role"], country, where)
        name, type_ = entry.get("name"), entry.get("type")
        if not name:
            raise ConfigError(f"{where}: an actor needs a 'name' (or a 'role' and a 'country_iso3')")
        if type_ not in ACTOR_TYPES:
            raise ConfigError(f"{where} ({name}): type {type_!r} is not one of {sorted(ACTOR_TYPES)}")
        return KBActor(str(name), type_, country, backer)

    def _role_actor(self, role: str, iso3: str | None, where: str) -> KBActor:
        if role not in _STATE_ACTOR_PREFIX or iso3 not in self._country_names:
            raise ConfigError(
                f"{where}: 'role' must be one of {sorted(_STATE_ACTOR_PREFIX)} with a known "
                f"'country_iso3' (got {role!r}, {iso3!r})"
            )
        return self._state_actor(role, iso3)

    def _add_titles(self, data: dict) -> None:
        for role in ("government", "military", "police", "affiliated"):
            for kind, titles in (data.get(role) or {}).items():
                for title in titles:
                    self._titles.add(title, TitleInfo(normalise_mention(title), role, kind))
        modifiers = [tuple(normalise_mention(m).split(" ")) for m in data.get("modifiers") or []]
        self._title_modifiers = tuple(sorted(modifiers, key=len, reverse=True))
        self._former = frozenset(normalise_mention(f) for f in data.get("former") or [])
        self._spokesperson_words = tuple(normalise_mention(w) for w in data.get("spokesperson_words") or [])

    def _add_leaders(self, rows: Iterable[dict[str, str]]) -> None:
        for row in rows:
            last = int(row["last_year"]) if row["last_year"] else None
            leader = Leader(row["name"], row["country_iso3"], row["office"], int(row["first_year"]), last)
            for form in [row["name"], *_split(row["aliases"])]:
                self._leaders_by_name.setdefault(normalise_mention(form), []).append(leader)
            if row["surname"]:
                self._leaders_by_surname.setdefault(normalise_mention(row["surname"]), []).append(leader)

    def _add_extra(self, path: Path) -> None:
        if not path.is_file():
            raise ConfigError(f"{path}: no such file; give a .yaml or .csv file of actors")
        suffix = path.suffix.lower()
        if suffix in {".yaml", ".yml"}:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
            if not isinstance(data, dict):
                raise ConfigError(f"{path}: expected a mapping with an 'actors:' list")
            self._add_actor_data(data, str(path), override=True)
        elif suffix == ".csv":
            for line, row in enumerate(_rows_without_comments(path.read_text(encoding="utf-8")), 2):
                entry = {k: v for k, v in row.items() if k and v not in (None, "")}
                entry["aliases"] = _split(entry.get("aliases"))
                self._add_entry(entry, f"{path}:{line}")
        else:
            raise ConfigError(f"{path}: extra actors must be a .yaml, .yml or .csv file")

    # --- state actors ----------------------------------------------------------------------

    def _state_actor(self, role: str, iso3: str) -> KBActor:
        try:
            of_name = self._country_names[iso3][1]
        except KeyError:
            raise KeyError(f"unknown country code {iso3!r}; expected an ISO3 code in countries.csv") from None
        prefix, type_ = _STATE_ACTOR_PREFIX[role]
        return KBActor(f"{prefix} {of_name}", type_, iso3)

    def government(self, iso3: str) -> KBActor:
        return self._state_actor("government", iso3)

    def military(self, iso3: str) -> KBActor:
        return self._state_actor("military", iso3)

    def police(self, iso3: str) -> KBActor:
        return self._state_actor("police", iso3)

    def country_name(self, iso3: str) -> str | None:
        names = self._country_names.get(iso3)
        return names[0] if names else None

    def generic(self, kind: str, iso3: str | None) -> KBActor:
        """ACLED placeholder for an unnamed actor: "Unidentified Armed Group (Kenya)"."""
        try:
            base, type_ = GENERIC_ACTORS[kind]
        except KeyError:
            raise ValueError(f"generic kind {kind!r} is not one of {sorted(GENERIC_ACTORS)}") from None
        if iso3 is None:
            return KBActor(base, type_, None)
        name = self.country_name(iso3)
        if name is None:
            raise KeyError(f"unknown country code {iso3!r}; expected an ISO3 code in countries.csv")
        return KBActor(f"{base} ({name})", type_, iso3)

    def security_force(self, noun: str, iso3: str | None) -> KBActor | None:
        """"troops"/"army"/"air force" -> military(iso3); "police"/"officers" -> police(iso3);
        "coalition" -> the coalition that iso3 leads (US-led, Saudi-led), if known."""
        branch = self._security.get(noun)
        if branch is None or iso3 is None:
            return None
        if branch == "coalition":
            return self._coalitions.get(iso3)
        return self._state_actor(branch, iso3)

    # --- lookups -----------------------------------------------------------------------------

    def country(self, text: str) -> str | None:
        return self._countries.get(text)

    def demonym(self, text: str) -> str | None:
        return self._demonyms.get(text)

    def generic_kind(self, mention: str) -> str | None:
        """"gunmen" -> "armed_group", "demonstrators" -> "protesters", ..."""
        return self._generic.get(mention)

    def backer(self, text: str) -> str | None:
        """Affiliation phrase -> ISO3 of the backer: "Iran-backed", "pro-Iranian",
        "Tehran-backed", "backed by Iran" -> "IRN"."""
        found = _BACKER_PHRASE.match(_cased_key(text))
        if not found:
            return None
        return self._state_of(next(g for g in found.groups() if g))

    def match(self, mention: str) -> KBActor | None:
        """The actor a mention names exactly (after normalisation): a named group or one of its
        aliases, a seat of power or capital standing for its government ("Baghdad", "the
        Kremlin"), a state body ("the Pentagon"), an organisation, or an actor's own name
        ("Government of Iraq"). Unnamed actors and descriptions give None: see match_phrase."""
        key = _cased_key(mention)
        return self._actors.lookup(key) if key else None

    def match_phrase(self, phrase: str) -> KBActor | None:
        """Like match, but also reads descriptive phrases: "<country> <forces | government |
        title | unnamed actor>" ("US forces", "Iraq's Prime Minister", "Kenyan protesters"),
        "<affiliation> <unnamed armed group>" ("pro-Iran fighters"), "<group> <fighters>"
        ("Houthi fighters"), quantifiers and descriptors around a name ("several ...",
        "the Britain-based ... war monitor"), and bare unnamed actors ("gunmen" -> the
        country-less placeholder, see localise)."""
        key = _cased_key(phrase)
        return self._match_key(key) if key else None

    def localise(self, actor: KBActor, iso3: str | None) -> KBActor:
        """Give a country-less placeholder or a transnational label the event's country:
        "Protesters" -> "Protesters (Kenya)", "Islamic State" -> "Islamic State (Iraq)"."""
        if iso3 is None or actor.country_iso3 is not None:
            return actor
        for kind, (base, _) in GENERIC_ACTORS.items():
            if actor.name == base:
                return replace(self.generic(kind, iso3), backer_iso3=actor.backer_iso3)
        if actor.name in self._per_country:
            return replace(actor, name=f"{actor.name} ({self.country_name(iso3)})", country_iso3=iso3)
        return actor

    def theatre(self, actor: KBActor) -> str | None:
        """The one country a foreign coalition or mission operates in ("the Saudi-led
        coalition" -> Yemen), if the actor file says so."""
        return self._theatres.get(actor.name)

    def is_government_noun(self, word: str) -> bool:
        """"government", "administration", "regime": a word for a state's government."""
        return bool(self._government_nouns.get(word))

    def leader(self, name: str, year: int | None = None) -> Leader | None:
        """The national leader a person's name refers to in ``year`` (the article's): by full
        name or alias, or by the surname wire copy uses alone ("Putin", "President Bush"); a
        longer name must then begin like the leader's ("George Bush", not "Laura Bush"). None
        when the name is unknown or the leaders it could be served different states."""
        key = normalise_mention(name)
        found = self._leaders_by_name.get(key)
        if not found:
            found = list(self._leaders_by_surname.get(key, []))  # "Putin", "de Klerk"
        words = key.split()
        for length in range(min(3, len(words) - 1), 0, -1):
            if found:
                break
            found = [  # "George Bush", "F.W. de Klerk" (initials), not "Laura Bush"
                leader for leader in self._leaders_by_surname.get(" ".join(words[-length:]), [])
                if len(words[0]) <= 2 or normalise_mention(leader.name).split()[0] == words[0]
            ]
        if year is not None:
            found = [leader for leader in found if leader.in_office(year)] or found
        countries = {leader.country_iso3 for leader in found}
        if len(countries) != 1:
            return None
        return max(found, key=lambda leader: leader.first_year)

    def title(self, text: str) -> TitleInfo | None:
        """"Secretary of State" -> TitleInfo(role="government"); "army chief" -> "military";
        "police spokesman" -> "police"; "deputy foreign minister" -> "government";
        "former president" -> None (no longer speaks for the state)."""
        key = _cased_key(text)
        if not key or self._is_former(key):
            return None
        return self._known_title(key) or self._title_by_rule(self._strip_title_modifiers(key).casefold())

    def title_with_country(self, text: str) -> tuple[TitleInfo, str | None] | None:
        """"US Secretary of State" -> (secretary of state, "USA"); also "Iraq's Prime Minister",
        "Iraqi Prime Minister", "Prime Minister of Iraq". The country is None when not stated."""
        key = _cased_key(text)
        if not key or self._is_former(key):
            return None
        found = self._known_title(key)
        if found is not None:
            return found, None
        tokens = key.split(" ")
        for i in range(1, min(len(tokens), _MAX_PREFIX_TOKENS)):
            iso3 = self._state_of(" ".join(tokens[:i]))
            found = self.title(" ".join(tokens[i:])) if iso3 else None
            if found is not None:
                return found, iso3
        head, sep, tail = key.rpartition(" of ")
        if sep and (iso3 := self._state_of(tail)) and (found := self.title(head)):
            return found, iso3
        found = self.title(key)
        return (found, None) if found is not None else None

    # --- helpers -------------------------------------------------------------------------------

    def _state_of(self, text: str) -> str | None:
        """A country named by its name, short form, demonym or seat of power."""
        key = _cased_key(text)
        return self._countries.lookup(key) or self._demonyms.lookup(key) or self._seats.lookup(key)

    def _match_key(self, key: str) -> KBActor | None:
        found = self._actors.lookup(key) or self._generic_actor(key)
        if found is None:
            tokens = key.split(" ")
            found = self._compose(tokens) or self._without_extras(tokens)
        return found

    def _without_extras(self, tokens: list[str]) -> KBActor | None:
        """Retry without a leading quantifier or hedge, or a trailing descriptor."""
        if len(tokens) < 2:
            return None
        if tokens[0].casefold() in _LEADING_WORDS or tokens[0].isdigit():
            return self._match_key(" ".join(tokens[1:]))
        folded = " ".join(tokens).casefold()
        for phrase in _TRAILING_PHRASES:
            if folded.endswith(" " + phrase):
                return self._match_key(" ".join(tokens[: -len(phrase.split(" "))]))
        return None

    def _generic_actor(self, key: str) -> KBActor | None:
        kind = self._generic.lookup(key)
        return self.generic(kind, None) if kind else None

    def _compose(self, tokens: list[str]) -> KBActor | None:
        # A country first: "Nigerian | Armed Forces" is the state's, not forces "Nigerian-armed".
        for i in range(min(len(tokens) - 1, _MAX_PREFIX_TOKENS), 0, -1):
            iso3 = self._state_of(" ".join(tokens[:i]))
            found = self.security_force(" ".join(tokens[i:]), iso3) if iso3 is not None else None
            if found is not None:
                return found
        # Longest head first: "Iran-backed | militia groups" before "Iran | backed militia groups".
        for i in range(min(len(tokens) - 1, _MAX_PREFIX_TOKENS), 0, -1):
            found = self._qualified(" ".join(tokens[:i]), " ".join(tokens[i:]))
            if found is not None:
                return found
        return None

    def _qualified(self, head: str, tail: str) -> KBActor | None:
        if head.casefold().endswith(" based"):  # "Britain-based", "London-based"
            return self._match_key(tail)
        iso3 = self._state_of(head)
        if iso3 is not None:
            return self._state_part(tail, iso3)
        backer = self.backer(head)
        if backer is not None:
            return self._backed(tail, backer)
        group = self._actors.lookup(head)
        if group is not None and self._is_armed_noun(tail):
            return group
        return self._community_militia(head, tail)

    def _community_militia(self, head: str, tail: str) -> KBActor | None:
        """ "Fulani herdsmen", "Pokot raiders", "Marehan clan militia": the community's identity
        militia in ACLED's naming, "Fulani Ethnic Militia" (the event's country is added by
        localise: "Fulani Ethnic Militia (Nigeria)")."""
        community = self._communities.lookup(head)
        if community is None:
            return None
        folded = tail.casefold()
        for word in ("clan", "tribal", "ethnic", "sub clan"):
            if folded.startswith(word + " ") and self._community_members.lookup(folded[len(word) + 1 :]):
                folded = folded[len(word) + 1 :]
                break
        if not self._community_members.lookup(folded):
            return None
        name, kind = community
        actor = KBActor(f"{name} {_IDENTITY_SUFFIX[kind]}", "identity_militia", None)
        self._per_country.add(actor.name)
        return actor

    def community_militia(self, phrase: str, *, bare: bool = False) -> KBActor | None:
        """See _community_militia; for a whole phrase ("Tiv militiamen"). With ``bare``, the
        community's name alone ("the Pokot", said of who attacked) is its militia too."""
        if bare and self._communities.get(phrase) is not None:
            return self._community_militia(_cased_key(phrase), "militia")
        tokens = _cased_key(phrase).split(" ")
        for i in range(1, min(len(tokens), _MAX_PREFIX_TOKENS)):
            found = self._community_militia(" ".join(tokens[:i]), " ".join(tokens[i:]))
            if found is not None:
                return found
        return None

    def _state_part(self, tail: str, iso3: str) -> KBActor | None:
        """What "<country> <tail>" names: its forces, government, office holder or an unnamed actor."""
        force = self.security_force(tail, iso3)
        if force is not None:
            return force
        if self._government_nouns.lookup(tail):
            return self.government(iso3)
        kind = self._generic_kind_of(tail)
        if kind is not None:
            return self.generic(kind, iso3)
        title = self.title(tail)
        if title is not None and title.role != "affiliated":
            return self._state_actor(title.role, iso3)
        return None

    def _backed(self, tail: str, backer: str) -> KBActor | None:
        """ "pro-Iran fighters" -> unidentified armed group backed by IRN; "Iran-backed Houthis"
        -> the Houthis (keeping the KB's backer when it has one)."""
        if self._generic_kind_of(tail) == "armed_group" or self._backed_group_nouns.lookup(tail):
            return replace(self.generic("armed_group", None), backer_iso3=backer)
        named = self._actors.lookup(tail)
        if named is not None and named.backer_iso3 is None:
            return replace(named, backer_iso3=backer)
        return named

    def _generic_kind_of(self, phrase: str) -> str | None:
        """The unnamed-actor kind of a phrase or of its end: "Shiite armed factions" -> armed_group."""
        tokens = phrase.split(" ")
        for i in range(len(tokens)):
            kind = self._generic.lookup(" ".join(tokens[i:]))
            if kind is not None:
                return kind
        return None

    def _is_former(self, key: str) -> bool:
        return key.casefold().split(" ", 1)[0] in self._former

    def _known_title(self, key: str) -> TitleInfo | None:
        found = self._titles.lookup(key)
        if found is None:
            stripped = self._strip_title_modifiers(key)
            found = self._titles.lookup(stripped) if stripped != key else None
        return found

    def _is_armed_noun(self, tail: str) -> bool:
        return self._generic.lookup(tail) == "armed_group" or self._security.lookup(tail) == "military"

    def _strip_title_modifiers(self, key: str) -> str:
        tokens = key.split(" ")
        stripped = True
        while stripped:
            stripped = False
            folded = tuple(t.casefold() for t in tokens)
            for modifier in self._title_modifiers:
                if len(modifier) < len(tokens) and folded[: len(modifier)] == modifier:
                    tokens, stripped = tokens[len(modifier) :], True
                    break
        return " ".join(tokens)

    def _title_by_rule(self, folded: str) -> TitleInfo | None:
        """Titles not listed one by one: "<body> spokesman", "<x> minister", "minister of <x>",
        "<x> secretary", "secretary of <x>"."""
        for word in self._spokesperson_words:
            if folded.endswith(" " + word):
                return TitleInfo(folded, self._body_role(folded[: -len(word) - 1]), "spokesperson")
        if folded.endswith((" minister", " secretary")) or folded.startswith(
            ("minister of ", "minister for ", "secretary of ", "secretary for ")
        ):
            return TitleInfo(folded, "government", "minister")
        return None

    def _body_role(self, body: str) -> TitleRole:
        branch = self._security.lookup(body)
        if branch in {"military", "police"}:
            return branch  # type: ignore[return-value]
        if self._government_nouns.lookup(body) or self._seats.lookup(body):
            return "government"
        actor = self._actors.lookup(body)
        if actor is not None and actor.type == "government":
            return "government"
        if actor is not None and actor.type == "state_forces" and actor.name.startswith("Police"):
            return "police"
        if actor is not None and actor.type == "state_forces":
            return "military"
        return "affiliated"


@functools.lru_cache(maxsize=8)
def load_actor_kb(extra: Path | None = None) -> ActorKB:
    """The shipped knowledge base (plus an optional user file), loaded once per process."""
    return ActorKB.load(extra=extra)
