"""Toponym recognition and resolution: which words of the article name places, and where they are.

Recognition (:func:`find_toponyms`): spaCy's GPE/LOC/FAC entities, complemented by a gazetteer
matcher, because the small model misses many toponyms or calls them people and organisations
("the Qaim region", "Alexandria detectives"). A name counts where places stand ("in X",
"near the border with X", "south of X", "the X region", "X's Y district", a dateline,
"X residents"), when it is a well-known place anywhere (a country, admin1, region or big
town), when it is listed with places ("Tacloban and Babatngon"), and inside organisations'
names ("Torrington Fire Department"). Every toponym gets a role: a place where things happen,
or a government ("Baghdad condemned"), a modifier ("US forces"), a demonym ("Iraqi"), part of
an organisation's name, or a dateline. :func:`find_places` keeps the places.

Resolution (:func:`resolve_article_toponyms`, :func:`resolve_toponym`): all of an article's
toponyms together, each candidate scored by its prior (a country name is the country; then
admin areas; towns by population, capitals first) and by the article's evidence (the same
country, continent and admin1 as the other toponyms, nearby towns, "X, Y" containment).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import pycountry
from spacy.tokens import Doc, Span, Token

from eventwire.resolve.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    admin_display_name,
    core_toponym,
    expand_abbreviations,
    haversine_km,
    load_gazetteer,
    normalise_toponym,
    strip_generic_words,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BLOCKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "WORK_OF_ART"})
ROAD_NOUNS = frozenset({"road", "highway", "motorway", "expressway", "roundabout", "intersection", "junction"})
PLACE_CUES = frozenset(
    {"region", "province", "district", "town", "city", "village", "area", "governorate", "county",
     "state", "camp", "neighbourhood", "neighborhood", "suburb", "municipality", "valley",
     "border", "outskirts", "countryside", "locality", "sub-county", "division", "ward", "zone",
     "island", "river", "mountains", "desert", "crossing", "subdivision", "commune", "lga", "tehsil",
     "taluka", "taluk", "department", "prefecture", "sector", "township", "barangay", "oblast", "raion",
     "rayon", "mandal", "block", "subdistrict", "sub-district", "sub-division", "frontline", "front",
     "parish", *ROAD_NOUNS}
)
# The noun after a name tells which reading it is: "Amara city" a town, "Manchester parish" an area.
TOWN_CUES = frozenset({"town", "city", "village"})
AREA_CUES = frozenset({
    "province", "governorate", "state", "department", "county", "parish", "prefecture", "oblast", "municipality",
})
CUE_BONUS = 2.0
PLACE_PREPOSITIONS = frozenset(
    {"in", "near", "at", "outside", "around", "into", "across", "inside", "from", "to", "towards",
     "toward", "of", "north", "south", "east", "west", "between"}
)


Role = Literal["place", "metonym", "modifier", "demonym", "embedded", "dateline"]


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int  # token indices of the mention in the doc
    end: int
    text: str
    entry: GazetteerEntry
    # "place": where something is or happens; "metonym": a capital or country standing for its
    # government ("Baghdad condemned"); "modifier": a name qualifying another noun ("US forces");
    # "demonym": an adjective or people ("Iraqi", "Europeans"); "embedded": inside an
    # organisation's name ("Bank of England"); "dateline": where the story was filed
    # ("BAGHDAD, June 28 (Reuters) -"), not where its events happened.
    role: Role = "place"
    # the mention stands for a place inside it: the gazetteer lacks the place named and the
    # area it was written in stands in ("Badah (Larkana, Sindh)" -> Larkana), or it is itself
    # an admin area in brackets after a place; an event put there has coarser precision
    stand_in: bool = False

    @property
    def country_iso3(self) -> str | None:
        return self.entry.country_iso3

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


# What a government does, said of its capital or country: "Baghdad condemned", "Washington
# blames", "Iran launched". The subject of other verbs is a place ("Mosul has", "Iraq saw").
GOVERNMENT_VERBS = frozenset({
    "say", "tell", "condemn", "deny", "accuse", "warn", "announce", "urge", "reject", "demand",
    "call", "vow", "threaten", "insist", "claim", "blame", "welcome", "praise", "criticize",
    "criticise", "sign", "agree", "respond", "retaliate", "decide", "refuse", "want", "hope",
    "impose", "sanction", "recall", "expel", "summon", "support", "back", "oppose", "ask",
    "request", "propose", "offer", "pledge", "promise", "negotiate", "dismiss", "protest",
    "complain", "deplore", "denounce", "slam", "confirm", "state", "declare", "order", "approve",
    "veto", "ratify", "launch", "deploy", "send", "withdraw", "fund", "arm", "supply", "ban",
    "invade", "recognize", "recognise", "seek", "plan", "intend", "try", "push", "press",
    "lobby", "vote", "announce", "acknowledge", "admit", "argue", "believe", "consider", "fear",
    "insist", "maintain", "note", "stress", "suggest", "appeal", "cooperate", "join", "host",
    "invite", "thank", "congratulate", "mediate", "broker", "retaliate", "sanction", "strike",
    "bomb", "attack", "target", "hit", "shell", "fire", "shoot", "arrest", "detain", "execute",
    "release", "free", "extradite", "deport", "accept", "blame", "pay", "spend", "buy", "sell",
    "export", "import", "boycott", "suspend", "resume", "cut", "halt", "block", "freeze",
})
# What a government has, said of its capital or country: "Tehran's deal", "Iraq's Prime
# Minister". Other possessions are places ("Iraq's north", "Anbar's Qaim district").
GOVERNMENT_NOUNS = frozenset({
    "deal", "government", "policy", "stance", "decision", "position", "response", "strategy",
    "plan", "program", "programme", "demand", "demands", "official", "officials", "leader",
    "leaders", "leadership", "ambassador", "envoy", "minister", "ministry", "president",
    "premier", "chancellor", "king", "emir", "prince", "military", "army", "navy", "forces",
    "ally", "allies", "interest", "interests", "sovereignty", "delegation", "proposal", "offer",
    "agreement", "sanctions", "regime", "authorities", "administration", "embassy", "parliament",
    "cabinet", "spokesman", "spokeswoman", "spokesperson", "representative", "diplomat",
    "diplomats", "diplomacy", "intelligence", "decision", "request", "call", "warning",
    "threat", "threats", "claim", "claims", "accusation", "accusations", "role", "support",
    "backing", "approval", "refusal", "rejection", "condemnation", "retaliation", "involvement",
    "intervention", "campaign", "efforts", "effort", "move", "veto", "vote", "bid",
})


def _first_conjunct(span: Span) -> Token:
    """The head of a list the name stands in ("France and the USA agreed": France)."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root


def _is_metonym(span: Span) -> bool:
    """A place name standing for the people who govern it ("Baghdad condemned", "Tehran's deal",
    "Washington blames"); not "Mosul has", "Iraq's north", "Sri Lanka has a Muslim population"."""
    root = _first_conjunct(span)
    head = root.head
    if root.dep_ in ("nsubj", "agent"):
        return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in GOVERNMENT_VERBS
    if root.dep_ == "poss":
        return head.lemma_.lower() in GOVERNMENT_NOUNS or head.lower_ in GOVERNMENT_NOUNS
    return False


# What a country can do or undergo as a place: "Iraq has oil", "Syria saw clashes".
PLACE_VERBS = frozenset({
    "be", "have", "see", "suffer", "experience", "face", "record", "witness", "remain", "lie", "border",
    "host", "become", "hold", "go",
})


def _acts(span: Span) -> bool:
    """A country that does something ("Turkey and Russia conducted a patrol in X") is a state
    acting, not where the act happened."""
    root = _first_conjunct(span)
    head = root.head
    return root.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() not in PLACE_VERBS


def _names_an_institution(span: Span) -> bool:
    """"the military forces of Armenia", "the Government of Mali": the country owns an actor
    there, it does not say where anything happened."""
    root = _first_conjunct(span)  # "forces of India and Pakistan"
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    owner = root.head.head
    return owner.lower_ in GOVERNMENT_NOUNS or owner.lemma_.lower() in GOVERNMENT_NOUNS


def _after_place_word(span: Span) -> bool:
    """Right after "in", "near", "at", "outside" and followed by no noun but a place noun."""
    doc = span.doc
    if not _in_strong_place_position(span):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN") or after.lower_ in PLACE_CUES


def _joined_to_its_quarter(span: Span) -> bool:
    """"Athens-Central Athens", "Mogadishu-Hodan district": a city joined by a hyphen to its
    quarter, the whole not qualifying a common noun ("US-Iran escalation")."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != "-" or doc[span.end].whitespace_:
        return False
    j = span.end + 1
    while j < len(doc) and doc[j].pos_ == "PROPN":
        j += 1
    if j == span.end + 1:
        return False
    return j >= len(doc) or doc[j].pos_ != "NOUN" or doc[j].lower_ in PLACE_CUES


def _chain_tail(span: Span) -> bool:
    """"Besiktas, Istanbul in remembrance": a name after another name and a comma is the area
    that name lies in, however the parse attaches it."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].pos_ == "PROPN"


def _is_modifier_only(span: Span) -> bool:
    """'US forces', 'US-Iran escalation': the name qualifies another noun that is not a place."""
    root = span.root
    if root.dep_ not in ("compound", "amod", "nmod", "npadvmod"):
        return False
    if _joined_to_its_quarter(span) or _chain_tail(span):
        return False
    head = root.head
    if span.start <= head.i < span.end:
        return False
    while head.dep_ == "compound" and head.head.i != head.i and head.lower_ not in PLACE_CUES:
        head = head.head  # "Mogadishu-Hodan district": the chain ends in a place noun
    return head.lower_ not in PLACE_CUES


def _core_name(span: Span) -> str:
    """The name to look up: 'the Qaim region' -> 'Qaim'."""
    tokens = [t for t in span if not (t.i == span.start and t.lower_ == "the")]
    while tokens and tokens[-1].lower_ in PLACE_CUES:
        tokens.pop()
    while tokens and (tokens[-1].is_punct and tokens[-1].text != "." or tokens[-1].lower_ in ("'s", "’s")):
        tokens.pop()
    if not tokens:
        return span.text
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow", "day",
    "days", "week", "weeks", "month", "months", "year", "years", "night", "morning", "evening", "afternoon",
    "weekend", "ramadan", "eid", "christmas", "easter", "spring", "summer", "autumn", "fall", "winter", "decade",
})


def _no_calendar_words(ent: Span) -> bool:
    """An entity the tagger called a date that has neither a number nor a word of the calendar."""
    return not any(t.like_num or t.lower_ in CALENDAR_WORDS for t in ent)


def _proper_noun_runs(doc: Doc) -> list[Span]:
    """Runs of proper nouns (with inner hyphens/apostrophes) outside person/organisation entities."""
    runs: list[Span] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.pos_ == "PROPN" and token.ent_type_ not in BLOCKING_LABELS and token.ent_type_ not in PLACE_LABELS:
            j = i + 1
            while j < len(doc) and (
                (doc[j].pos_ == "PROPN" and doc[j].ent_type_ not in BLOCKING_LABELS
                 and doc[j].ent_type_ not in PLACE_LABELS)
                or (doc[j].text in ("-", "'", "’") and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN")
            ):
                j += 1
            runs.append(doc[i:j])
            i = j
        else:
            i += 1
    return runs


def _in_place_position(span: Span) -> bool:
    """After a place preposition or before a place cue noun ("in X", "the X region")."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ == "the" and span.start > 1:
        before = span.doc[span.start - 2]
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lower_ in PLACE_CUES:
        return True
    return before is not None and before.lower_ in PLACE_PREPOSITIONS


# "to Smith", "of Jones", "from Martin": these prepositions take people as often as places.
WEAK_PREPOSITIONS = frozenset({"to", "from", "of"})


def _after_weak_preposition(span: Span) -> bool:
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in PLACE_CUES:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ == "the" and span.start > 1:
        before = doc[span.start - 2]
    return before is not None and before.lower_ in WEAK_PREPOSITIONS


def _is_listed_place(span: Span, gazetteer: Gazetteer) -> bool:
    """A name after a weak preposition counts when it is well known, or is followed by its
    state or country ("of Roswell, N.M.")."""
    if _is_strong_name(span.text, gazetteer):
        return True
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        following = doc[span.end + 1]
        return following.text[:1].isupper() and _is_strong_name(following.text, gazetteer)
    return False


def _extend_with_cue(span: Span) -> Span:
    """Include a leading 'the' and a following cue noun in the mention: 'the Qaim region'."""
    doc = span.doc
    start, end = span.start, span.end
    if end < len(doc) and doc[end].lower_ in PLACE_CUES and doc[end].lower_ not in ("border",):
        end += 1
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
    return doc[start:end]


STRONG_PREPOSITIONS = frozenset({"in", "near", "outside", "at", "inside"})
SETTLEMENT_NOUNS = frozenset({
    "town", "city", "village", "district", "region", "province", "county", "governorate", "countryside",
    "outskirts", "suburbs", "vicinity", "municipality", "neighbourhood", "neighborhood", "capital",
})
# A name found outside any place position must be one the gazetteer knows well: a country,
# continent, admin1 or region, or a town at least this big.
STRONG_TOWN_POPULATION = 100_000
MIN_NAME_LENGTH = 3


def _in_strong_place_position(span: Span) -> bool:
    """'near X', 'the town of X': where the small model's PERSON or ORG label is likely wrong."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None:
        return False
    if before.lower_ == "of" and span.start > 1:
        return doc[span.start - 2].lower_ in SETTLEMENT_NOUNS
    return before.lower_ in STRONG_PREPOSITIONS


# Admin areas whose name is an ordinary word ("Central", "Federal", "Western"): strong only
# where a place is expected.
_WORD_LIKE_AREAS = frozenset({
    "central", "federal", "eastern", "western", "northern", "southern", "capital", "coast",
    "north", "south", "east", "west", "upper", "lower", "orange", "centre", "center", "national",
    "middle", "interior", "island", "islands", "lakes", "mountain", "valley", "plateau", "border",
    "frontier", "metropolitan", "commonwealth", "littoral", "north east", "north west",
    "south east", "south west", "far north", "highlands", "lagoons", "savanes", "plateaux",
})
# Nouns that, after a name, show the name is a place: "Alexandria detectives", "a Cork mother".
LOCAL_NOUNS = frozenset({
    "man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "youth", "resident",
    "residents", "native", "natives", "detectives", "police", "officers", "officials",
    "authorities", "area", "schools", "school", "students", "family", "families", "couple",
    "mayor", "voters", "businesses", "neighborhood", "neighbourhood", "community", "home",
    "homes", "streets", "hospital", "airport", "mother", "father", "villagers", "farmers",
    "merchants", "leaders", "lawmakers", "council", "councillors", "councilors", "selectmen",
    "firefighters", "deputies", "sheriff", "troopers", "underpass", "bridge", "harbor", "harbour",
    "port", "downtown", "suburbs", "outskirts", "metro", "region", "residents'",
})
# Heads of institutions named after their place: "Torrington Fire Department", "Bank of England".
INSTITUTION_WORDS = frozenset({
    "police", "fire", "sheriff", "department", "court", "council", "board", "school", "schools",
    "university", "college", "hospital", "church", "library", "commission", "society",
    "chamber", "airport", "station", "museum", "zoo", "times", "news", "post", "herald",
    "tribune", "journal", "gazette", "chronicle", "observer", "courier", "star", "register",
    "district", "authority", "committee", "assembly", "government", "ministry", "office",
    "embassy", "consulate", "parliament", "senate", "legislature", "congress", "county",
    "city", "town", "township", "village", "municipal", "public", "health", "water", "housing",
    "transit", "port", "harbor", "harbour", "stock", "exchange", "bank", "club", "fc",
    "united", "city's", "police's", "academy", "institute", "center", "centre", "cathedral",
    "mosque", "temple", "prison", "jail", "base", "market", "racecourse", "stadium",
})
DATELINE_DASHES = frozenset({"—", "–", "-", "--", "―"})


def _is_strong_name(name: str, gazetteer: Gazetteer) -> bool:
    """A well-known place name: a country, continent, admin1 or region, or a big town, by its
    own name (not one of the alternate names a small place also answers to)."""
    key = _key(name)
    if not key or key in _WORD_LIKE_AREAS:
        return False
    canon = _canonical(name)
    for match in gazetteer.matches(name, limit=5, fallback=False):
        entry = match.entry
        if not match.exact:
            continue
        if match.tier <= 1 and entry.feature != "admin2":
            return True
        if (
            entry.feature == "city" and entry.population >= STRONG_TOWN_POPULATION
            and _canonical(entry.name) == canon
        ):
            return True
    return False


def _is_known_name(name: str, gazetteer: Gazetteer) -> bool:
    """Any place of the gazetteer by its own name ("Torrington"), not a word-like area."""
    key = _key(name)
    if not key or key in _WORD_LIKE_AREAS:
        return False
    canon = _canonical(name)
    return any(
        (m.exact and m.tier <= 1) or _canonical(m.entry.name) == canon
        for m in gazetteer.matches(name, limit=10, fallback=False)
    )


def _is_listed_name(name: str, gazetteer: Gazetteer) -> bool:
    """Any name of the gazetteer, alternate names too ("Kuito" for Cuíto): enough where only a
    place can stand, in an admin chain in brackets."""
    key = _key(name)
    if not key or key in _WORD_LIKE_AREAS or name.isupper():  # "(FIS)", "(RUF)": an acronym, not a place
        return False
    canon = _canonical(name)
    return any(  # "Albay" for the Province of Albay; not "Charles" for Charles County
        m.exact or (m.entry.feature in ("admin1", "admin2") and _canonical(m.entry.name).endswith(" " + canon))
        for m in gazetteer.matches(name, limit=3, fallback=False)
    )


def _closes_an_admin_chain(span: Span, gazetteer: Gazetteer) -> bool:
    """"(Jos North LGA, Plateau)", "(Mamprugo Moaduri, North East)": the last name of a chain in
    brackets is a province, also when its name is a common word; it must be one by that name."""
    return _ends_a_bracketed_chain(span) and _is_province_name(_without_article(span), gazetteer)


def _is_province_name(name: str, gazetteer: Gazetteer, *, own_name: bool = True) -> bool:
    """Whether a first-level area of the gazetteer is called so: by its own name, or (not
    ``own_name``) by any of its names."""
    key = _key(name)
    return any(m.exact and m.entry.feature == "admin1" and (not own_name or _key(m.entry.name) == key)
               for m in gazetteer.matches(name, limit=5, fallback=False))


# Arabic names keep their article in lower case: "al-Hasakeh", "el-Arish", "al Bab".
_LOWER_ARTICLE = re.compile(r"^(?:(?:al|el|ad|adh|an|ar|as|ash|at|ath|az)-|(?:al|el) )[A-Z]")


def _is_name_like(span: Span) -> bool:
    text = span.text
    capitalised = text[:1].isupper() or _LOWER_ARTICLE.match(text) is not None
    return capitalised and any(ch.isalpha() for t in span for ch in t.text)  # "Dar'a"


def _in_dateline(span: Span) -> bool:
    """"HARTFORD — Connecticut legislators…", "SOUTH WAZIRISTAN, April 5 (APP):"."""
    doc = span.doc
    following = [t.text for t in doc[span.end : span.end + 6]]
    if span.start >= 2 and doc[span.start - 1].text == "," and following[:1] and (
        following[0] in DATELINE_DASHES or following[0] == "("
    ):  # "ALEPPO, Syria (Reuters) -": the place after the city is in the dateline too
        first = doc[span.start - 2]
        line_start = first.sent.start if first.i >= first.sent.start else 0
        return doc[line_start : span.start - 1].text.isupper()
    if span.start > 0 and not (span.start == span.sent.start or "\n" in doc[span.start - 1].text_with_ws):
        return False
    if following[:1] and following[0] in DATELINE_DASHES:
        return True
    if following[:1] == ["("] and span.text.isupper():
        return True
    if following[:1] == [","] and any(t in DATELINE_DASHES or t in ("(", ":") for t in following[1:]):
        return span.text.isupper()
    return False


def _without_article(span: Span) -> str:
    tokens = [t for t in span if not (t.i == span.start and t.lower_ == "the")]
    return span.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else span.text


BRACKET_LIST_TOKENS = 10  # an admin chain in brackets is short: "(Chikun LGA, Kaduna)"


def _in_parenthesis(span: Span) -> bool:
    """"Takalout (Kidal)", "Abr Badr area (Tuban, Lahij)": a place's admin areas in brackets
    after it, as wire and ACLED notes write them. The brackets hold names, commas and small
    words only (no verb), and follow a name or a place noun."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - i <= BRACKET_LIST_TOKENS and doc[i].text not in ("(", ")"):
        if doc[i].pos_ in ("VERB", "AUX") or doc[i].is_sent_start:
            return False
        i -= 1
    if i <= 0 or doc[i].text != "(":
        return False
    j = span.end
    while j < len(doc) and j - span.start <= BRACKET_LIST_TOKENS and doc[j].text not in ("(", ")"):
        if doc[j].pos_ in ("VERB", "AUX"):
            return False
        j += 1
    if j >= len(doc) or doc[j].text != ")":
        return False
    before = doc[i - 1]  # "Ruhororo commune (Ngozi)": the tagger may call the place noun a verb
    if before.text == "]":
        return True  # "Tinadjamba [In-Adjamba] (N'tillit, Gao)": after a spelling variant in brackets
    return before.pos_ in ("PROPN", "NOUN") or before.lower_ in PLACE_CUES or (before.is_alpha and before.is_lower)


def _before_settlement_noun(span: Span) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].lower_ in SETTLEMENT_NOUNS


def _is_common_noun(span: Span) -> bool:
    """"Police officers", "Council members": a capitalised common noun, not a name."""
    return len(span) == 1 and span[0].lower_ in (INSTITUTION_WORDS | LOCAL_NOUNS | PLACE_CUES)


def _where_places_stand(span: Span, spans: list[tuple[Span, str]]) -> bool:
    """Before a place noun or a local noun, after a place preposition, in an admin chain in
    brackets, or after a place and a comma."""
    return (
        _before_local_noun(span) or _in_place_position(span) or _in_parenthesis(span)
        or _after_place_and_comma(span, spans)
    )


def _after_place_and_comma(span: Span, spans: list[tuple[Span, str]]) -> bool:
    """"in Salvador, Bahia,": a name right after a place and a comma is the area it lies in."""
    if span.start < 2 or span.doc[span.start - 1].text != ",":
        return False
    return any(found.end == span.start - 1 and source in ("ner", "position") for found, source in spans)


def _before_local_noun(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in LOCAL_NOUNS


def _embedded_names(ent: Span, gazetteer: Gazetteer) -> list[Span]:
    """Place names inside an organisation's or event's name: "Torrington Fire Department",
    "Bank of England", "Philippine Department of Agriculture", "CSA Singapore"."""
    doc = ent.doc
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    if not tokens:
        return []
    first, end = tokens[0].i, ent.end
    institutional = any(t.lower_ in INSTITUTION_WORDS for t in ent)
    found: list[Span] = []
    starts = [first] + [t.i + 1 for t in ent if t.lower_ == "of" and t.i + 1 < end]
    for start in starts:
        for stop in range(min(end, start + 4), start, -1):
            if start == first and stop == end:
                continue  # the whole name is not embedded in itself
            piece = doc[start:stop]
            if not _is_name_like(piece) or len(piece.text) < MIN_NAME_LENGTH:
                continue
            local = institutional and start == first and any(  # "Youngstown State University"
                t.lower_ in INSTITUTION_WORDS for t in doc[stop : min(end, stop + 2)]
            )
            if ent.label_ == "PERSON" and not local:
                continue  # "George Washington", "Bab Ghaliq": a person's name has no place in it
            known = _is_known_name if local else _is_strong_name
            if known(piece.text, gazetteer) or gazetteer.demonym_place(piece.text):
                found.append(piece)
                break
    last = doc[end - 1]
    if not found and ent.label_ != "PERSON" and end - first > 1 and _is_name_like(doc[end - 1 : end]) and _is_strong_name(last.text, gazetteer):
        found.append(doc[end - 1 : end])
    return found


_LIST_PUNCT = frozenset({"(", ")", ",", ";"})


AFFILIATION_WORDS = frozenset({"led", "backed", "supported", "sponsored", "allied", "aligned", "funded", "affiliated"})


PEOPLES_AREA_CUES = frozenset({"region", "state", "zone", "province"})


def _names_a_peoples_area(ent: Span, gazetteer: Gazetteer) -> bool:
    """"the Somali region", "Kachin State": an area named after its people, written with its
    area noun, is that area (a province of the name), not the people's country."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].lower_ not in PEOPLES_AREA_CUES:
        return False
    return _is_province_name(_without_article(ent), gazetteer, own_name=False)


def _is_affiliation(span: Span) -> bool:
    """"Saudi-led coalition", "Turkish-backed rebels", "pro-Iranian militia"."""
    doc = span.doc
    after = [t.lower_ for t in doc[span.end : span.end + 2]]
    if after[:1] == ["-"] and after[1:2] and after[1] in AFFILIATION_WORDS:
        return True
    if after[:1] and after[0] in AFFILIATION_WORDS and (
        not doc[span.end - 1].whitespace_ or doc[span.end].tag_ == "VBN"
    ):  # "Turkish-backed", also written "Turkey backed factions"
        return True
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    return bool(before) and (before[-1] in ("pro", "anti") or before[-2:] in (["pro", "-"], ["anti", "-"]))


def _splits_entity(token: Token, ent: Span) -> bool:
    """A bracket, a comma, or "in" between two names ("Saraqab in Idleb"): no place name runs
    over it."""
    if token.text in _LIST_PUNCT:
        return True
    return token.lower_ == "in" and ent.start < token.i < ent.end - 1 and token.nbor(-1).pos_ == "PROPN"


def _entity_pieces(doc: Doc) -> list[Span]:
    """The entities, split where the small model ran one over a bracket or a comma: "Bamako
    (Bamako" -> "Bamako", "Bamako"; "Khairpur, Sindh" -> "Khairpur", "Sindh" (an admin chain
    in brackets is a list of places, never one name)."""
    pieces: list[Span] = []
    for ent in doc.ents:
        if not any(_splits_entity(t, ent) for t in ent):
            pieces.append(ent)
            continue
        start = ent.start
        for token in [*ent, None]:
            if token is None or _splits_entity(token, ent):
                end = token.i if token is not None else ent.end
                if end > start:
                    pieces.append(Span(doc, start, end, label=ent.label_))
                start = end + 1
    return pieces


MAX_NAME_GROWTH = 3  # words an entity may be grown by on either side


def _with_name_tail(ent: Span, gazetteer: Gazetteer) -> Span:
    """"Al Bab", "Kafr Qaddum", "Santa Cruz de la Sierra", "Toba Tek Singh", "General Santos":
    an entity the small model cut short, grown over the proper nouns beside it when the whole
    is a known place name; the longest such whole wins."""
    doc = ent.doc
    first, last = ent.start, ent.end
    while first > 0 and ent.start - first < MAX_NAME_GROWTH and _name_word(doc[first - 1]) and not doc[first - 1].is_sent_start:
        first -= 1
    while last < len(doc) and last - ent.end < MAX_NAME_GROWTH and _name_word(doc[last]):
        last += 1
    grown = [
        Span(doc, start, end, label="GPE")  # the gazetteer vouches for the whole
        for start in range(first, ent.start + 1) for end in range(ent.end, last + 1)
        if (start, end) != (ent.start, ent.end) and doc[start].text[:1].isupper() and doc[end - 1].text[:1].isupper()
    ]
    for span in sorted(grown, key=len, reverse=True):
        name = _core_name(span)
        if not (_is_known_name(name, gazetteer) or _is_listed_name(name, gazetteer)):
            continue
        if ent.label_ in PLACE_LABELS or _in_strong_place_position(span) or _is_strong_name(name, gazetteer):
            return span  # a person's or group's name runs on only where a place stands: "in Kafr Qaddum"
    return ent


def _name_word(token: Token) -> bool:
    """A word a place name can run on with: a proper noun, or a small word inside one ("de")."""
    if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
        return False
    return (token.pos_ == "PROPN" and token.text[:1].isupper()) or token.lower_ in NAME_CONNECTORS - {"-", "on", "a", "e", "y"}


def _grown_entities(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """The entities, each grown to its whole name; what a grown name swallows is dropped."""
    grown: list[Span] = []
    covered: set[int] = set()
    for ent in sorted(_entity_pieces(doc), key=lambda e: e.start):
        if any(i in covered for i in range(ent.start, ent.end)):
            continue
        whole = _with_name_tail(ent, gazetteer)
        if whole is not ent:
            grown = [g for g in grown if g.end <= whole.start]  # "Toba" inside "Toba Tek Singh"
            covered.update(range(whole.start, whole.end))
        grown.append(whole)
    return grown


def _candidate_spans(doc: Doc, gazetteer: Gazetteer) -> list[tuple[Span, str]]:
    """(span, source) pairs, NER first; gazetteer runs only where NER found nothing.

    Sources: "ner" (GPE/LOC/FAC entities), "position" (a name where places stand: "in X",
    "the X region", a dateline, "X residents", also when NER called it a person or an
    organisation), "name" (a well-known place name anywhere), "demonym" (NORP entities and
    adjectives), "embedded" (inside an organisation's name).
    """
    entities = _grown_entities(doc, gazetteer)
    spans: list[tuple[Span, str]] = [(ent, "ner") for ent in entities if ent.label_ in PLACE_LABELS]
    for ent in entities:
        if ent.label_ in PLACE_LABELS:
            continue
        core = _core_name(ent)
        own = _without_article(ent)  # an organisation's own words: "Hamza Division" stays whole
        if ent.label_ in ("NORP", "LANGUAGE"):
            if _is_affiliation(ent):
                continue  # "Saudi-led", "pro-Turkish": a backer's country, not where things happen
            if _names_a_peoples_area(ent, gazetteer):
                spans.append((_extend_with_cue(ent), "position"))  # "Somali region", "Kachin State"
            elif gazetteer.demonym_place(core) is not None and (
                ent.label_ == "NORP" or ent.root.dep_ in ("amod", "compound")
            ):
                spans.append((ent, "demonym"))
            elif ent.label_ == "NORP" and ((
                _in_strong_place_position(ent) or (gazetteer.demonym_place(core) is None and _where_places_stand(ent, spans))
            ) and _is_known_name(own, gazetteer) or (
                gazetteer.demonym_place(core) is None and _in_parenthesis(ent) and _is_listed_name(core, gazetteer)
            )):
                spans.append((_extend_with_cue(ent), "position"))  # "in Asuncion", "(Shopian district" as NORP
            elif ent.label_ == "NORP" and gazetteer.demonym_place(core) is None and _is_strong_name(core, gazetteer):
                spans.append((ent, "name"))  # "the countryside of Aleppo" labelled NORP
            continue
        if ent.label_ == "DATE" and _no_calendar_words(ent) and _is_name_like(ent) and (
            _in_place_position(ent) or _in_parenthesis(ent) or _after_place_and_comma(ent, spans)
        ) and _is_listed_name(own, gazetteer):
            spans.append((ent, "position"))  # "Gara region of Dahuk, Northern Iraq" with "Dahuk" a DATE
            continue
        if ent.label_ not in ("PERSON", "ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"):
            continue
        strong = _in_strong_place_position(ent) or _in_dateline(ent)
        if _is_name_like(ent) and (
            (ent.label_ in ("PERSON", "ORG") and strong)  # the small model's usual mislabels
            or ((strong or _where_places_stand(ent, spans)) and _is_known_name(own, gazetteer))
            or (_before_settlement_noun(ent) and _is_listed_name(own, gazetteer))  # "Lattakia countryside"
            or (
                (_in_parenthesis(ent) or _after_place_and_comma(ent, spans))
                and (_is_listed_name(own, gazetteer) or _is_listed_name(core, gazetteer))
            )
            or _closes_an_admin_chain(ent, gazetteer)
        ):
            spans.append((_extend_with_cue(ent), "position"))
        elif ent.label_ in ("PERSON", "ORG") and _is_name_like(ent) and _is_strong_name(core, gazetteer):
            spans.append((ent, "name"))
        else:
            spans.extend((piece, "embedded") for piece in _embedded_names(ent, gazetteer))
    taken = {i for ent, _ in spans for i in range(ent.start, ent.end)}
    for ent in entities:  # entities the rules above did not take keep their tokens out of runs
        if ent.label_ in BLOCKING_LABELS:
            taken.update(range(ent.start, ent.end))
    for run in _proper_noun_runs(doc):
        if any(i in taken for i in range(run.start, run.end)) or not _is_name_like(run) or _is_common_noun(run):
            continue
        if _in_dateline(run) or (
            _in_place_position(run)
            and (not _after_weak_preposition(run) or _is_listed_place(run, gazetteer))
        ) or (
            (_in_parenthesis(run) or _after_place_and_comma(run, spans))
            and (_is_known_name(run.text, gazetteer) or _is_listed_name(run.text, gazetteer))
        ) or _closes_an_admin_chain(run, gazetteer):
            spans.append((_extend_with_cue(run), "position"))
        elif _before_local_noun(run) and _is_known_name(run.text, gazetteer):
            spans.append((run, "position"))
        elif _is_strong_name(run.text, gazetteer):
            spans.append((run, "name"))
    spans.extend(_conjuncts(doc, spans, taken, gazetteer))
    spans = _with_connectors(spans, gazetteer)
    spans = _with_datelines(doc, spans, gazetteer)
    placed = {i for span, _ in spans for i in range(span.start, span.end)}
    for token in doc:  # "Grovetown police", "Augusta native" when the tagger missed the name
        if (
            token.i not in placed and token.is_title and token.is_alpha and not token.is_stop
            and token.lower_ not in INSTITUTION_WORDS and token.lower_ not in LOCAL_NOUNS
            and token.pos_ in ("ADJ", "NOUN", "VERB") and token.ent_type_ not in ("DATE", "TIME")
            and _before_local_noun(doc[token.i : token.i + 1])
            and _is_known_name(token.text, gazetteer)
        ):
            spans.append((doc[token.i : token.i + 1], "position"))
    return sorted(spans, key=lambda pair: pair[0].start)


# Small words inside Romance and Arabic place names: "Mato Grosso do Sul", "Foz do Iguacu",
# "Tenango del Valle", "Ras al Ain".
NAME_CONNECTORS = frozenset({
    "de", "do", "dos", "da", "das", "del", "della", "di", "du", "des", "la", "las", "los", "el", "al",
    "as", "ash", "ad", "ar", "an", "at", "az", "wa", "ul", "y", "e", "a", "sur", "upon", "on", "-",
})
MAX_CONNECTED = 2


def _with_connectors(spans: list[tuple[Span, str]], gazetteer: Gazetteer) -> list[tuple[Span, str]]:
    """Spans grown over "connector + Name" when the longer name is a known place; the pieces
    it swallows are dropped."""
    grown: list[tuple[Span, str]] = []
    for span, source in spans:
        doc, end = span.doc, span.end
        for _ in range(MAX_CONNECTED):
            if end + 1 >= len(doc) or doc[end].lower_ not in NAME_CONNECTORS:
                break
            name_at = end + 1
            if doc[name_at].lower_ in NAME_CONNECTORS and name_at + 1 < len(doc):
                name_at += 1  # "Martinez de la Torre", "Ciudad de los Reyes"
            if not doc[name_at].text[:1].isupper():
                break
            stop = name_at + 1
            while stop < len(doc) and doc[stop].pos_ == "PROPN" and doc[stop].text[:1].isupper():
                stop += 1
            if not _is_known_name(_core_name(doc[span.start : stop]), gazetteer):
                break
            end = stop
        grown.append((doc[span.start : end], source) if end != span.end else (span, source))
    kept: list[tuple[Span, str]] = []
    for span, source in grown:
        if any(o is not span and o.start <= span.start and span.end <= o.end and len(o) > len(span) for o, _ in grown):
            continue
        kept.append((span, source))
    return kept


def _with_datelines(doc: Doc, spans: list[tuple[Span, str]], gazetteer: Gazetteer) -> list[tuple[Span, str]]:
    """Capitalised datelines ("BYESVILLE --", "DANIELSVILLE - Madison County"), whatever the
    tagger or NER made of them; they replace whatever span covered those words."""
    found: list[Span] = []
    for sent in doc.sents:
        i = sent.start
        j = i
        while j < sent.end and doc[j].is_upper and (doc[j].is_alpha or doc[j].text in (".", "'")):
            j += 1
        if j > i and j - i <= 4:
            span = doc[i:j]
            if _in_dateline(span) and _is_known_name(span.text, gazetteer):
                found.append(span)
    if not found:
        return spans
    covered = {t for span in found for t in range(span.start, span.end)}
    kept = [(s_, src) for s_, src in spans if not any(t in covered for t in range(s_.start, s_.end))]
    return kept + [(span, "position") for span in found]


def _conjuncts(
    doc: Doc, spans: list[tuple[Span, str]], taken: set[int], gazetteer: Gazetteer
) -> list[tuple[Span, str]]:
    """Names listed with places: "Tacloban and Babatngon", "Zaire, Bundibugyo and Sudan"."""
    placed = {i for span, source in spans if source in ("ner", "position") for i in range(span.start, span.end)}
    taken = taken | {i for span, _ in spans for i in range(span.start, span.end)}
    found: list[tuple[Span, str]] = []
    for ent in [*doc.ents, *_proper_noun_runs(doc)]:
        if any(i in taken for i in range(ent.start, ent.end)) or not _is_name_like(ent):
            continue
        if getattr(ent, "label_", "") in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"):
            continue
        root = ent.root
        linked = [root.head] if root.dep_ == "conj" else []
        linked += [child for child in root.children if child.dep_ == "conj"]
        if any(t.i in placed for t in linked) and _is_known_name(_core_name(ent), gazetteer):
            found.append((ent, "position"))
            taken.update(range(ent.start, ent.end))
    return found


def find_toponyms(
    doc: Doc, gazetteer: Gazetteer, context_countries: Sequence[str] = (), home_countries: Sequence[str] = ()
) -> list[PlaceMention]:
    """Every toponym of the article, resolved, each with its role (see :class:`PlaceMention`).

    All of them are resolved together (:func:`resolve_article_toponyms`), so that a demonym
    or a government's capital still tells which country the article is about.
    """
    candidates: list[tuple[Span, str, Role]] = []
    for span, source in _candidate_spans(doc, gazetteer):
        span = _city_of_a_quarter(_from_the_roads_start(span), gazetteer)
        name = _name_to_look_up(span, gazetteer)
        if source != "ner" and len(name) < MIN_NAME_LENGTH:
            continue
        candidates.append((span, name, _role(span, source)))
    entries = resolve_article_toponyms(
        [name for _, name, _ in candidates], gazetteer, text=doc.text, context_countries=context_countries,
        home_countries=home_countries,
        spans=[(span.start_char, span.end_char) for span, _, _ in candidates],
        incidental=[role in ("modifier", "metonym") for _, _, role in candidates],
        in_brackets=[_in_parenthesis(span) for span, _, _ in candidates],
        chain_ends=[_ends_a_bracketed_chain(span) for span, _, _ in candidates],
        cues=[_cue_of(span) for span, _, _ in candidates],
    )
    mentions = []
    for (span, name, role), entry in zip(candidates, entries):
        if entry is None or (names_a_road(span) and entry.feature not in ("city", "admin1", "admin2")):
            continue  # "the Pacific road", "Black Sea junction": a road's name, not where it runs
        stand_in = _in_parenthesis(span) or entry not in toponym_candidates(name, gazetteer)
        if role == "place" and entry.feature == "country" and _acts(span):
            role = "metonym"
        mentions.append(PlaceMention(span.start, span.end, span.text, entry, role, stand_in))
    return mentions


def _name_to_look_up(span: Span, gazetteer: Gazetteer) -> str:
    """'the Qaim region' -> 'Qaim'; but 'Benin City', 'Kuwait City', 'the West Bank' are names
    of their own."""
    core = _core_name(span)
    if core != _without_article(span):
        whole = _without_article(span)
        if _is_strong_name(whole, gazetteer):
            return whole
    return core


def _cue_of(span: Span) -> str | None:
    """The place noun written with the name ('Amara city', 'Manchester parish'), if any."""
    doc = span.doc
    last = span[-1].lower_
    if last in PLACE_CUES:
        return last
    return doc[span.end].lower_ if span.end < len(doc) and doc[span.end].lower_ in PLACE_CUES else None


def names_a_road(span: Span) -> bool:
    """"the Pacific road", "Murree road": a road's name, not where it runs."""
    doc = span.doc
    return span[-1].lower_ in ROAD_NOUNS or (span.end < len(doc) and doc[span.end].lower_ in ROAD_NOUNS)


def _from_the_roads_start(span: Span) -> Span:
    """"the Halba-Qoubaiyat road": a road named by the towns it joins is told by its first town,
    which the tagger often leaves out of the name."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "-" or doc[span.start - 1].whitespace_:
        return span
    first = doc[span.start - 2]
    if not (first.text[:1].isupper() and first.is_alpha and not first.whitespace_):
        return span
    return doc[span.start - 2 : span.end] if names_a_road(span) else span


def _city_of_a_quarter(span: Span, gazetteer: Gazetteer) -> Span:
    """"Belgrade-Stari Grad", "Lima-La Victoria", "Mogadishu-Hodan": a city and its quarter
    joined by a hyphen; when the whole is unknown, the city before the hyphen."""
    hyphens = [t.i for t in span if t.text == "-" and span.start < t.i < span.end - 1]
    if not hyphens or gazetteer.matches(_core_name(span), limit=1, fallback=False):
        return span
    start = span.start + 1 if span[0].lower_ == "the" else span.start
    city = span.doc[start : hyphens[0]]
    name = _core_name(city)
    if len(name) <= MIN_NAME_LENGTH or name.lower() in NAME_CONNECTORS:
        return span  # "Al-Msabha": an article, not a city
    return city if _is_name_like(city) and _is_listed_name(name, gazetteer) else span


def _role(span: Span, source: str) -> Role:
    if source == "demonym":
        return "demonym"
    if source == "embedded":
        return "embedded"
    if _in_dateline(span):
        return "dateline"
    if _in_parenthesis(span):
        return "place"
    if _is_metonym(span) or _names_an_institution(span):
        return "metonym"
    if _after_place_word(span):
        return "place"  # "near Caracuaro de Morelos,", "in Samana subdivision": whatever the parse says
    if _before_a_bearing(span):
        return "place"  # "Sirwah district west of Marib": the parse made the district a modifier of "west"
    if _is_modifier_only(span) or _is_affiliation(span):  # "Turkey backed factions": a backer
        return "modifier"
    return "place"


BEARING_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                           "north-east", "north-west", "south-east", "south-west"})


def _before_a_bearing(span: Span) -> bool:
    """"Sirwah district west of ...": a place named with its place noun, right before a bearing."""
    doc = span.doc
    i = span.end
    if span[-1].lower_ not in PLACE_CUES:
        if i >= len(doc) or doc[i].lower_ not in PLACE_CUES:
            return False
        i += 1
    return i + 1 < len(doc) and doc[i].lower_ in BEARING_WORDS and doc[i + 1].lower_ == "of"


def find_places(
    doc: Doc, gazetteer: Gazetteer, context_countries: Sequence[str] = (), home_countries: Sequence[str] = ()
) -> list[PlaceMention]:
    """Every toponym of the article that names a place: not a government, a modifier, a
    demonym, a part of an organisation's name or a dateline."""
    return [m for m in find_toponyms(doc, gazetteer, context_countries, home_countries) if m.role == "place"]


# --------------------------------------------------------------------------- resolution
#
# Every toponym of an article is resolved together with the others: each name's candidates start
# from a prior (exact country and continent names first, then admin areas and regions, then
# towns by log population, national capitals up), and are then re-scored, a few rounds, by how
# much the article's other toponyms support them: the same country, continent and admin1,
# nearby towns, and "X, Y" containment. One name that resolves to nothing, or wrongly, only
# weakens that support; it never removes the others. The weights are in log10-population units
# (1.0 = a town ten times bigger).

MAX_CANDIDATES = 40  # candidates per name, best first by the gazetteer's order
ALTERNATE_NAME_PENALTY = 1.5  # a town found by one of its alternate names, not its own
AREA_ALIAS_PENALTY = 0.3  # an admin area found by another name than its own (a translation, a variant)
CAPITAL_BONUS = 2.0  # a national capital
COUNTRY_WEIGHT = 2.0  # x ln(1 + other toponyms in the candidate's country)
CONTINENT_WEIGHT = 0.7  # x ln(1 + other toponyms in its continent)
ADMIN1_WEIGHT = 1.5  # x ln(1 + other toponyms in its admin1)
NEARBY_WEIGHT = 2.0  # x ln(1 + sum over other toponyms of exp(-km / NEARBY_KM))
NEARBY_KM = 150.0
CONTAINER_WEIGHT = 4.0  # "Paris, Texas": a candidate inside the place named after the comma
CONTEXT_KEY = "\0context:"  # keys of the countries the article is known to be about, beside its toponyms
FALLBACK_POPULATION = 20_000  # a smaller town abroad, in a story about elsewhere: see _fallback
VILLAGE_POPULATION = 100_000  # the same for a place the text calls a village
NEAR_POINT_WEIGHT = 6.0  # x exp(-km / NEARBY_KM) for each point the caller gives
_ROUNDS = 3
_TEMPERATURE = 1.0


@dataclass(slots=True)
class _Candidate:
    entry: GazetteerEntry
    prior: float
    continent: str | None = None
    score: float = 0.0
    p: float = 0.0
    demonym: bool = False  # the place of a demonym ("Iraqi" -> Iraq)
    exact: bool = True  # matched by one of its names as written, not by a looser spelling


def toponym_candidates(name: str, gazetteer: Gazetteer) -> list[GazetteerEntry]:
    """Every place ``name`` may refer to, best first: for a demonym ("Iraqis", "European") the
    place of its people, then all the gazetteer's candidates. The resolver picks among the
    first :data:`MAX_CANDIDATES` of these."""
    demonym = gazetteer.demonym_place(name)
    found = [demonym] if demonym is not None else []
    return found + [c for c in gazetteer.candidates(name) if c != demonym]


def _candidates(name: str, gazetteer: Gazetteer) -> list[_Candidate]:
    demonym = gazetteer.demonym_place(name)
    every = gazetteer.matches(name)
    # Beyond the best towns, an area of the name is kept: "Santa Cruz" after a town is a province.
    matches = every[:MAX_CANDIDATES] + [m for m in every[MAX_CANDIDATES:] if m.entry.feature in ("admin1", "admin2")]
    found: list[_Candidate] = []
    if demonym is not None:
        found.append(_Candidate(
            demonym, _prior_of(demonym, exact=True, tier=_tier_of(demonym)), demonym=True
        ))
    canon = _canonical(name)
    for match in matches:
        if demonym is not None and match.entry == demonym:
            continue
        prior = _prior_of(match.entry, match.exact, match.tier)
        if match.entry.feature in ("admin1", "admin2") and _area_key(match.entry.name) != _area_key(name):
            prior -= AREA_ALIAS_PENALTY  # "Ouest" is Haiti's Ouest before any "Western" province
        if match.entry.feature == "city":
            if _canonical(match.entry.name) != canon:
                prior -= ALTERNATE_NAME_PENALTY  # "Youngstown" is also a former name of a village
            if gazetteer.is_capital(match.entry):
                prior += CAPITAL_BONUS
        found.append(_Candidate(match.entry, prior, exact=match.exact))
    if found and (demonym is not None or matches[0].tier == 0):
        # A country, continent or demonym resolves to that place; only an admin1 of the same
        # name ("Georgia" in a US story) may take its place, on the article's evidence.
        key = _key(name)
        found = found[:1] + [
            c for c in found[1:] if c.entry.feature == "admin1" and _key(c.entry.name) == key
        ]
    for c in found:
        c.continent = _continent(c.entry, gazetteer)
    return found


def _favour_the_kind(cands: list[_Candidate], cue: str | None) -> list[_Candidate]:
    """A town cue favours towns, an area cue admin areas, when the name has readings of both;
    after a people's name an area noun means their province ("Somali region"), not their country."""
    if cue in PEOPLES_AREA_CUES and any(c.entry.feature == "admin1" and not c.demonym for c in cands):
        cands = [c for c in cands if not c.demonym]
    if cue in TOWN_CUES:
        wanted = ("city",)
    elif cue in AREA_CUES:
        wanted = ("admin1", "admin2")
    else:
        return cands
    best_wanted = max((c.prior for c in cands if c.entry.feature in wanted), default=None)
    best_other = max((c.prior for c in cands if c.entry.feature not in wanted), default=None)
    if best_wanted is not None and best_other is not None:
        bonus = max(CUE_BONUS, best_other - best_wanted + CUE_BONUS / 4)  # the cue decides between kinds
        for c in cands:
            if c.entry.feature in wanted:
                c.prior += bonus
    if cue in AREA_CUES:
        _favour_the_countries_calling_it(cands, cue)
    return cands


def _favour_the_countries_calling_it(cands: list[_Candidate], cue: str) -> None:
    """"Bolivar state" is Venezuela's state, not Colombia's department of Bolivar: among the
    areas of a name, those of countries whose subdivisions bear the cue's name (ISO 3166-2
    subdivision types, as pycountry ships them)."""
    calling = _countries_calling_areas(cue)
    areas = [c for c in cands if c.entry.feature in ("admin1", "admin2")]
    called = [c for c in areas if c.entry.country_iso3 in calling]
    others = [c.prior for c in areas if c.entry.country_iso3 not in calling]
    if called and others:
        bonus = max(CUE_BONUS, max(others) - max(c.prior for c in called) + CUE_BONUS / 4)
        for c in called:
            c.prior += bonus


@functools.lru_cache(maxsize=None)
def _countries_calling_areas(cue: str) -> frozenset[str]:
    codes = {s.country_code for s in pycountry.subdivisions if cue in s.type.lower().replace("/", " ").split()}
    return frozenset(country.alpha_3 for code in codes if (country := pycountry.countries.get(alpha_2=code)))


def _continent(entry: GazetteerEntry, gazetteer: Gazetteer) -> str | None:
    if entry.feature == "continent":
        return entry.name
    continent = gazetteer.continent(entry.country_iso3) if entry.country_iso3 else None
    return continent.name if continent is not None else None


def _area_key(name: str) -> str:
    key = _canonical(name)
    return strip_generic_words(key) or key


_DOUBLED = re.compile(r"(\w)\1")
MIN_SPELLED_OUT = 4  # shorter names are often acronyms, whose letters are not spellings


def _canonical(name: str) -> str:
    """A spelling-insensitive key: "St. Petersburg" and "Saint Petersburg", "al-Qaim" and
    "Qaim", "Odessa" and "Odesa" meet."""
    key = _key(name)
    key = expand_abbreviations(key) or key
    core = core_toponym(key, key) or key
    return _DOUBLED.sub(r"\1", core) if len(core) > MIN_SPELLED_OUT else core  # not "FIS" for "Fiss"


def _tier_of(entry: GazetteerEntry) -> int:
    return 0 if entry.feature in ("country", "continent") else 1 if entry.feature != "city" else 2


def _prior_of(entry: GazetteerEntry, exact: bool, tier: int) -> float:
    """Log-scale prior of a candidate before the article's evidence."""
    population = math.log10(entry.population + 10)  # 1 .. ~9
    if tier == 0:
        return 12.0
    if tier == 1:
        if entry.feature == "admin2":
            return population + 0.5
        return 7.5 + 0.1 * population
    if entry.feature == "city":
        return population - (0.0 if exact else 1.5)
    return 2.0 + 0.1 * population  # shadowed or loosely matched areas


Point = tuple[float, float]


def _points(near: Point | Sequence[Point] | None) -> list[Point]:
    if not near:
        return []
    if len(near) == 2 and all(isinstance(v, (int, float)) for v in near):
        return [near]  # type: ignore[list-item]
    return list(near)  # type: ignore[arg-type]


def resolve_article_toponyms(
    names: Sequence[str],
    gazetteer: Gazetteer | None = None,
    *,
    text: str | None = None,
    spans: Sequence[tuple[int, int]] | None = None,
    near: Point | Sequence[Point] | None = None,
    context_countries: Sequence[str] = (),
    home_countries: Sequence[str] = (),
    incidental: Sequence[bool] = (),
    in_brackets: Sequence[bool] = (),
    cues: Sequence[str | None] = (),
    chain_ends: Sequence[bool] = (),
) -> list[GazetteerEntry | None]:
    """Resolve every toponym of one article, each in the light of the others.

    ``names`` are the toponyms as written, in article order (repeats allowed: one name keeps
    one reading per article). With the article's ``text`` and each name's character ``spans``,
    a name followed by a comma and another name ("Paris, Texas", "Alexandria, La.") is read
    as lying in it. ``near``: a point, or points, the article is known to be about;
    ``context_countries``: countries it is known to be about (ISO3; e.g. those of the armed
    groups it names), which support their places as a named country would; ``home_countries``:
    countries every place of the article lies in where it can (a one-country mission's report);
    ``incidental``: for each name, whether it is only a modifier or a government's seat ("US
    dollar", "Washington said"), which does not tell where the article's places lie;
    ``in_brackets``: for each name, whether it stands in an admin chain in brackets; ``cues``:
    for each name, the place noun written with it ("city", "province"), which favours the
    readings of that kind; ``chain_ends``: for each name, whether it ends a chain in brackets
    ("(Bossaso, Bari)"), where a province by that name is meant. Without a
    ``gazetteer``, the process-wide one (:func:`~eventwire.resolve.gazetteer.load_gazetteer`).
    """
    gazetteer = gazetteer or load_gazetteer()
    keys = [_key(name) for name in names]
    distinct: dict[str, list[_Candidate]] = {}
    cues = [*cues, *[None] * (len(names) - len(cues))]
    for name, key, cue in zip(names, keys, cues):
        if key not in distinct:
            distinct[key] = _favour_the_kind(_candidates(name, gazetteer), cue)
    fixed: set[str] = set()
    for iso3 in dict.fromkeys(context_countries):
        entry = gazetteer.country(iso3)
        if entry is not None:
            distinct[CONTEXT_KEY + iso3] = [_Candidate(entry, 0.0, _continent(entry, gazetteer), p=1.0)]
            fixed.add(CONTEXT_KEY + iso3)
    ordered_links: list[tuple[str, str]] = []
    if text is not None and spans is not None:
        for i, j in _comma_pairs(text, spans):
            ordered_links.append((keys[i], keys[j]))  # "Colon (Colon)": the town in its namesake province
    # "in Jericho, Israeli forces shot ...": a people's name after the comma holds no place
    ordered_links = [(inner, outer) for inner, outer in ordered_links if not any(c.demonym for c in distinct[outer])]
    ordered_links.extend(_links_past_unknown_places(ordered_links, distinct))
    links = set(ordered_links)
    _score(distinct, _points(near), fixed=fixed, links=links)
    best = {key: (max(cands, key=lambda c: c.score) if cands else None)
            for key, cands in distinct.items()}
    incidental_keys = _only_incidental(keys, incidental)
    containers = {outer for inner, outer in links if inner != outer}
    containers.update(key for key, flag in zip(keys, in_brackets) if flag)
    villages = {key for key, cue in zip(keys, cues) if cue == "village"}
    chosen = {
        key: top.entry if _written_as_area(key, top, containers)
        else _fallback(key, top, best, gazetteer, distinct[key], incidental_keys, key in villages)
        for key, top in best.items()
    }
    for inner, outer in links:  # "Tuban, Lahij": no Tuban in Yemen, so a place of Lahij's
        container = best.get(outer)
        if (
            container is not None and container.p >= 0.5
            and container.entry.feature in ("admin1", "country")
            and chosen.get(inner) is not None
            and chosen[inner].feature in ("city", "admin2")  # type: ignore[union-attr]
            and not any(c.entry.country_iso3 == container.entry.country_iso3 for c in distinct[inner])
            and not any(lies_in(i.entry, o.entry) for i in distinct[inner] for o in distinct[outer])
        ):
            chosen[inner] = container.entry
    for key in {inner for inner, outer in links if inner == outer}:
        chosen[key] = _town_in_namesake_area(distinct[key]) or chosen[key]
    for inner, outer in reversed(ordered_links):  # "Badah (Larkana, Sindh)": outermost first
        if inner != outer:
            pair = _reading_inside(distinct[inner], distinct[outer], chosen[inner], chosen[outer])
            if pair is not None:
                chosen[inner], chosen[outer] = pair
            chosen[inner] = _inside_container(chosen[inner], chosen[outer], distinct[inner], distinct[outer])
    _nearest_areas_stand_in(chosen, distinct, ordered_links)
    _containers_at_home(chosen, distinct, containers, set(context_countries))
    for key, ends in zip(keys, chain_ends):
        entry = chosen.get(key)
        if ends and entry is not None and entry.feature not in ("admin1", "admin2", "country", "region"):
            chosen[key] = _province_of_the_name(key, entry, distinct[key]) or entry
    if home_countries:  # a one-country mission's report: its places lie in that country
        for key, entry in chosen.items():
            at_home = [c for c in distinct.get(key, []) if c.entry.country_iso3 in home_countries]
            if entry is not None and entry.country_iso3 not in home_countries and at_home:
                chosen[key] = max(at_home, key=lambda c: c.score).entry
    for key, entry in chosen.items():
        if entry is not None and _is_word_like(key) and not _supported_country(key, entry, best) and not _one_area_of_the_name(
            key, distinct[key]
        ):
            chosen[key] = None  # "the North Zone of Rio": no Northern Region of another country
        elif entry is not None and _names_water(key) and not _supported_country(key, entry, best):
            chosen[key] = _water_body(distinct[key]) or entry  # "a Red Sea port": the sea, not Sudan's state
    return [chosen[key] for key in keys]


def _province_of_the_name(key: str, town: GazetteerEntry, candidates: list[_Candidate]) -> GazetteerEntry | None:
    """The first-level area a name ending a chain means, when the town read for it has no
    province of the name in its country ("(Bossaso, Bari)" is Somalia's Bari, not Italy's
    city); where it has one ("(Nefza, Beja)"), the town, often the province's seat, stays."""
    areas = [c for c in candidates if c.entry.feature in ("admin1", "admin2")]
    if any(c.entry.country_iso3 == town.country_iso3 and c.entry.feature == "admin1" for c in areas):
        return None
    named = [c for c in areas if _area_key(admin_display_name(c.entry.name)) == _area_key(key)]  # "Province du Soum"
    first_level = [c for c in named if c.entry.feature == "admin1"] or named  # a province before a district
    return max(first_level, key=lambda c: c.score).entry if first_level else None


def _ends_a_bracketed_chain(span: Span) -> bool:
    """"(Radman al Awadh, Al Bayda)": the last name after a comma inside brackets."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ")" or span.start == 0 or doc[span.start - 1].text != ",":
        return False
    return _in_parenthesis(span)


def _containers_at_home(
    chosen: dict[str, GazetteerEntry | None], distinct: dict[str, list[_Candidate]], containers: set[str],
    context: set[str],
) -> None:
    """"(Rafi LGA, Niger)" in a report about Nigeria, "Pinabacdao, Samar" in one about the
    Philippines: a name written as where a place lies is the area of that name in the country
    the article is known to be about, before a country or a town abroad (in place)."""
    for key in containers:
        entry = chosen.get(key)
        if entry is None or entry.country_iso3 in context:
            continue
        at_home = [c for c in distinct.get(key, []) if c.entry.country_iso3 in context and c.entry.feature in ("admin1", "admin2")]
        if at_home:
            chosen[key] = max(at_home, key=lambda c: c.score).entry


def _nearest_areas_stand_in(
    chosen: dict[str, GazetteerEntry | None], distinct: dict[str, list[_Candidate]], links: list[tuple[str, str]]
) -> None:
    """"Xqz locality (Rutshuru, Nord-Kivu)": a place the gazetteer lacks, given a wider stand-in,
    takes the narrowest area its chain names inside that stand-in (in place)."""
    for inner, outer in links:
        stand_in, container = chosen.get(inner), chosen.get(outer)
        if (
            inner != outer and stand_in is not None and container is not None and stand_in != container
            and container.feature in ("city", "admin2") and lies_in(container, stand_in)
            and all(c.entry != stand_in for c in distinct[inner])
        ):
            chosen[inner] = container


CONTAINER_CONFIDENCE = 0.3
NEIGHBOUR_KM = 100.0  # "X, Y" with Y a town: an X this close is a neighbour, farther a namesake
ACROSS_A_LINE_KM = 15.0  # the same for an X the gazetteer puts in another country ("Shufat of Jerusalem")


AREA_CONTAINERS = frozenset({"country", "admin1", "admin2", "region"})


def _reading_inside(
    inner: list[_Candidate], outer: list[_Candidate],
    inner_entry: GazetteerEntry | None, outer_entry: GazetteerEntry | None,
) -> tuple[GazetteerEntry, GazetteerEntry] | None:
    """"Tehuacan, Puebla": when the chosen readings do not nest, the likeliest pair that does,
    the outer read as an area (the state of Puebla, not its capital city)."""
    if inner_entry is None or outer_entry is None or inner_entry == outer_entry or lies_in(inner_entry, outer_entry):
        return None
    pairs = [
        (i, o) for o in outer if o.entry.feature in AREA_CONTAINERS
        for i in inner if lies_in(i.entry, o.entry)
    ]
    if not pairs:
        return None
    i, o = max(pairs, key=lambda pair: pair[0].p + pair[1].p)
    return i.entry, o.entry


def _inside_container(
    entry: GazetteerEntry | None, container: GazetteerEntry | None, cands: list[_Candidate],
    container_readings: Sequence[_Candidate],
) -> GazetteerEntry | None:
    """A place written in its admin area ("X (Y)", "X, Y") lies in it: the reading of X inside
    Y, else (X unknown there) Y itself stands in for X, at Y's coarser precision."""
    if entry is None or container is None or container.feature == "continent":
        return entry
    best_reading = max(container_readings, key=lambda c: c.score, default=None)
    if entry == container or lies_in(entry, container) or best_reading is None:
        return entry
    if best_reading.p < CONTAINER_CONFIDENCE:
        return entry
    inside = [c for c in cands if lies_in(c.entry, container)]
    if inside:
        return max(inside, key=lambda c: c.score).entry
    if (
        entry.feature == "city" and entry.population >= STRONG_TOWN_POPULATION
        and not _outweighs(container, entry, container_readings)
    ):
        return entry  # "Tijuana, Baja California": a known town outweighs a doubtful reading of its area
    if entry.feature in ("continent", "country") or (entry.feature == "admin1" and container.feature != "country"):
        return entry  # "Iraq, Syria", "Texas, Florida": a list, not a place in an area
    if container.feature in ("city", "admin2"):
        km = haversine_km((entry.latitude, entry.longitude), (container.latitude, container.longitude))
        if km <= (NEIGHBOUR_KM if container.country_iso3 == entry.country_iso3 else ACROSS_A_LINE_KM):
            return entry  # a neighbouring place, as far as the gazetteer knows; a quarter across a line too
        if container.feature == "city" and entry.feature == "city" and entry.admin1 and entry.admin1 == container.admin1:
            return entry  # "Hingorja town (Khairpur, Sindh)": a district known only by its seat holds the town
    return container


def _outweighs(container: GazetteerEntry, town: GazetteerEntry, container_readings: Sequence[_Candidate] = ()) -> bool:
    """"La Victoria, Lambayeque", "Badah (Larkana, Sindh)": an area, or a bigger town, of another
    country written as where a town lies says the town is not the big namesake abroad; so does
    a container every reading of which lies in that other country."""
    if container.country_iso3 == town.country_iso3:
        return False
    if container_readings and all(c.entry.country_iso3 == container.country_iso3 for c in container_readings):
        return True
    return container.feature in AREA_CONTAINERS or container.population > town.population


def _town_in_namesake_area(cands: list[_Candidate]) -> GazetteerEntry | None:
    """"Colon (Colon)", "Bamako (Bamako)": a town written with its province of the same name is
    the town that lies in such a province (the biggest, if several do)."""
    areas = [c.entry for c in cands if c.entry.feature in ("admin1", "admin2")]
    towns = [c.entry for c in cands if c.entry.feature == "city" and any(lies_in(c.entry, a) for a in areas)]
    return max(towns, key=lambda e: e.population) if towns else None


_AREA_NOUNS = frozenset({
    "zone", "region", "province", "district", "area", "sector", "state", "governorate", "division",
    "department", "county", "part", "side", "bank", "coast", "belt", "corridor", "front", "line",
})


def _is_word_like(key: str) -> bool:
    """A name made of compass and area words only ("north zone", "central", "north east",
    "western region"): it names a part of whatever country the article is about."""
    words = key.split()
    return bool(words) and all(w in _WORD_LIKE_AREAS or w in _AREA_NOUNS for w in words)


WATER_WORDS = frozenset({"sea", "ocean", "gulf", "bay", "strait", "straits", "lake"})


def _names_water(key: str) -> bool:
    return bool(WATER_WORDS.intersection(key.split()))


def _water_body(cands: list[_Candidate]) -> GazetteerEntry | None:
    """The reading of a sea's name that is the sea itself (a region of no country)."""
    return next((c.entry for c in cands if c.entry.feature == "region" and c.entry.country_iso3 is None), None)


def _one_area_of_the_name(key: str, candidates: list[_Candidate]) -> bool:
    """"the West Bank": area words that are the own name of areas of one country only."""
    areas = [c.entry for c in candidates if c.entry.feature in ("admin1", "region") and _key(c.entry.name) == key]
    return bool(areas) and len({c.entry.country_iso3 for c in candidates}) == 1


def _supported_country(key: str, entry: GazetteerEntry, best: dict[str, _Candidate | None]) -> bool:
    """Whether another toponym of the article, not itself word-like, lies in the entry's country."""
    return any(
        k != key and c is not None and not _is_word_like(k) and c.entry.country_iso3 == entry.country_iso3
        for k, c in best.items()
    )


def _written_as_area(key: str, top: _Candidate | None, containers: set[str]) -> bool:
    """"Xqz (Xqz, Yagha)": an admin area written as where a place lies is that area,
    even when the article's other evidence points to another country."""
    return top is not None and key in containers and top.entry.feature in ("admin1", "admin2")


def _only_incidental(keys: Sequence[str], incidental: Sequence[bool]) -> set[str]:
    """The keys every mention of which is incidental."""
    if not incidental:
        return set()
    seen_as_place = {key for key, flag in zip(keys, incidental) if not flag}
    return {key for key, flag in zip(keys, incidental) if flag and key not in seen_as_place}


def _fallback(
    key: str, top: _Candidate | None, best: dict[str, _Candidate | None], gazetteer: Gazetteer,
    candidates: list[_Candidate], incidental: set[str], village: bool = False,
) -> GazetteerEntry | None:
    """A small town abroad, when every other toponym of the article lies in other countries,
    is likely a village the gazetteer lacks ("Nadas in rural Ras al Ain in al-Hasakeh"): the
    article's own admin1, else its country, stands in for it, at that coarser precision."""
    if top is None:
        return None
    entry = top.entry
    small = VILLAGE_POPULATION if village else FALLBACK_POPULATION  # "Tabaj village": no town of 30,000
    if entry.feature not in ("city", "admin2") or (entry.population >= small and top.exact):
        return entry  # a town matched only by a looser spelling ("Korogo" for Korhogo) is no evidence of its size
    if entry.feature == "admin2" and entry.population == 0:
        return entry  # an area whose towns are unknown is not known to be small
    confident = [  # demonyms name actors as often as places: "Saudi-led strikes in Marib"
        c.entry for k, c in best.items()
        if k != key and c is not None and c.p >= 0.5 and c.entry.country_iso3 and not c.demonym
        and not (k in incidental and c.entry.feature == "country")  # "the US dollar", "Washington said"
        and (c.entry.feature not in ("city", "admin2") or c.entry.population >= FALLBACK_POPULATION)
    ]
    countries = Counter(e.country_iso3 for e in confident)
    if not countries or entry.country_iso3 in countries:
        return entry
    if any(c.entry.country_iso3 in countries for c in candidates):
        return entry  # the article's evidence weighed a namesake at home and preferred this one
    iso3 = countries.most_common(1)[0][0]
    areas = Counter(
        e.admin1 for e in confident
        if e.country_iso3 == iso3 and e.admin1 and e.feature in ("admin1", "admin2", "city")
    )
    if areas:
        admin1 = areas.most_common(1)[0][0]
        for e in confident:
            if e.country_iso3 == iso3 and e.feature == "admin1" and e.admin1 == admin1:
                return e
    return gazetteer.country(iso3)


_IN_AREA = re.compile(
    r"(?i)^\s*(?:city|town|village|area|district)?\s*,?\s*in\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?"
    r"(?:countryside\s+of\s+|outskirts\s+of\s+|suburbs\s+of\s+)?$"
)


# "Badah town (", "Kirni sector area (", "Mafraq ar Ruwayk area (", "Zhari district, ": the rest
# of a name the gazetteer lacks and place nouns, then a comma, a bracket or "of".
_CUE_THEN_MARK = re.compile(
    r"^(?P<rest>(?:\s+(?:[A-Z][\w'’-]*|al|ar|as|ad|an|ash|el|de|del|la))*?)"
    r"(?P<cues>(?:\s+[a-z-]+){1,2})\s*(?P<mark>[,(]|of(?:\s+the)?\s)\s*$"
)
MAX_NAME_REST = 3  # words of a longer unknown name between a toponym and its area


_CHAIN_WORD = re.compile(r"[\w'’-]+|[,()]")


def _through_an_unknown_area(between: str) -> bool:
    """" area of Nirkh district, ": a chain that runs from a place through an area the
    gazetteer lacks to the area that holds both, written with place nouns and "of" only."""
    words = _CHAIN_WORD.findall(between)
    if len(words) < 4 or words[-1] not in (",", "(") or words[0] in (",", "("):
        return False
    names = [w for w in words if w[:1].isupper()]
    cues = [w for w in words if w.lower() in PLACE_CUES]
    others = [w for w in words if w not in names and w not in cues and w not in (",", "(", ")", "of", "the")]
    return bool(cues) and "of" in words and 0 < len(names) <= MAX_NAME_REST and not others


def _links_past_unknown_places(links: list[tuple[str, str]], distinct: dict[str, list[_Candidate]]) -> list[tuple[str, str]]:
    """"X area of Nirkh district, Wardak" with no Nirkh known: X lies in Wardak."""
    return [
        (inner, outer) for inner, middle in links if middle != inner and not distinct.get(middle)
        for middle_again, outer in links if middle_again == middle and outer not in (inner, middle)
    ]


def _comma_pairs(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """(i, j): toponym i is followed by a comma, an opening bracket or "of" and toponym j
    ("Paris, Texas", "Takalout (Kidal)", "the West Zone of Rio de Janeiro")."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    pairs = []
    for i, j in zip(order, order[1:]):
        between = text[spans[i][1] : spans[j][0]]
        cue_then_mark = _CUE_THEN_MARK.match(between)
        if (
            cue_then_mark and cue_then_mark["cues"].split()[-1].lower() in PLACE_CUES  # "Al Alam military camp (Marib"
            and len(cue_then_mark["rest"].split()) <= MAX_NAME_REST
        ):
            between = " " + cue_then_mark["mark"] + " "  # "Badah town (Larkana", "Zhari district, Kandahar"
        if between.strip() in (",", "(") and len(between) <= 3:  # "Paris, Texas", "Tieba (Mopti"
            pairs.append((i, j))
        elif _through_an_unknown_area(between):  # "Andar area of Nirkh district, Wardak"
            pairs.append((i, j))
        elif between.strip().lower() in ("of", "of the") or _IN_AREA.match(between):
            pairs.append((i, j))  # "the North Zone of Rio de Janeiro", "Maan in Hama countryside"
    return pairs


def resolve_toponym(
    name: str,
    gazetteer: Gazetteer | None = None,
    *,
    context_countries: Sequence[str] = (),
    context_admin1s: Sequence[tuple[str, str]] = (),
    near: Point | Sequence[Point] | None = None,
) -> GazetteerEntry | None:
    """Resolve one toponym given what the article says around it: the countries it names
    (ISO3), its admin1s as ``(iso3, admin1 name)`` and a point or points it is about.

    The same scoring as :func:`resolve_article_toponyms`, with the context as certain."""
    gazetteer = gazetteer or load_gazetteer()
    candidates = _candidates(name, gazetteer)
    if not candidates:
        return None
    context: list[_Candidate] = []
    for iso3 in context_countries:
        entry = gazetteer.country(iso3)
        if entry is not None:
            context.append(_Candidate(entry, 0.0, _continent(entry, gazetteer), p=1.0))
    for iso3, admin1 in context_admin1s:
        area = GazetteerEntry(None, admin1, 0.0, 0.0, iso3, admin1, "admin1", 0)
        context.append(_Candidate(area, 0.0, _continent(area, gazetteer), p=1.0))
    groups = {"\0target": candidates}
    for i, c in enumerate(context):
        groups[f"\0context{i}"] = [c]
    _score(groups, _points(near), fixed=set(groups) - {"\0target"})
    return max(candidates, key=lambda c: c.score).entry


def _key(name: str) -> str:
    return normalise_toponym(name)


def _score(
    groups: dict[str, list[_Candidate]],
    near: Sequence[tuple[float, float]] = (),
    fixed: set[str] = frozenset(),  # type: ignore[assignment]
    links: set[tuple[str, str]] = frozenset(),  # type: ignore[assignment]
) -> None:
    """Score every candidate: its prior plus the support of the other groups, a few rounds.

    ``links``: (inner, outer) group keys, the inner written as lying in the outer."""
    for key, cands in groups.items():
        for c in cands:
            c.score = c.prior
        if key not in fixed:
            _normalise(cands)
    keys = list(groups)
    for _ in range(_ROUNDS):
        for key in keys:
            if key in fixed:
                continue
            others = [groups[k] for k in keys if k != key]
            outers = [groups[o] for i, o in links if i == key and o in groups]
            inners = [groups[i] for i, o in links if o == key and i in groups]
            for c in groups[key]:
                c.score = c.prior + _support(c, others, near) + _containment(c, outers, inners)
        for key in keys:
            if key not in fixed:
                _normalise(groups[key])


def lies_in(inner: GazetteerEntry, outer: GazetteerEntry) -> bool:
    """Whether ``inner`` lies in ``outer`` as the gazetteer records it."""
    if outer.feature == "continent" or not outer.country_iso3:
        return False
    if inner.country_iso3 != outer.country_iso3 or inner == outer:
        return False
    if outer.feature == "country":
        return True
    if outer.feature == "admin1":
        return inner.feature != "admin1" and inner.admin1 == outer.admin1
    radius = {"region": 300.0, "admin2": 60.0, "city": 30.0}.get(outer.feature)
    if radius is None:
        return False
    return haversine_km((inner.latitude, inner.longitude), (outer.latitude, outer.longitude)) <= radius


def _containment(c: _Candidate, outers: list[list[_Candidate]], inners: list[list[_Candidate]]) -> float:
    """Support from "X, Y": X's candidates inside Y's, and Y's candidates that hold X's."""
    support = 0.0
    for group in outers:
        support += sum(o.p for o in group if lies_in(c.entry, o.entry))
    for group in inners:
        support += sum(i.p for i in group if lies_in(i.entry, c.entry))
    return CONTAINER_WEIGHT * support


def _normalise(cands: list[_Candidate]) -> None:
    if not cands:
        return
    top = max(c.score for c in cands)
    weights = [math.exp((c.score - top) / _TEMPERATURE) for c in cands]
    total = sum(weights)
    for c, w in zip(cands, weights):
        c.p = w / total


def _support(c: _Candidate, others: list[list[_Candidate]], near: Sequence[tuple[float, float]]) -> float:
    """What the article's other toponyms say for a candidate: the same country, continent and
    admin1, and towns nearby; plus points the caller knows the article is about."""
    entry = c.entry
    if entry.feature == "continent":
        return 0.0
    country = admin1 = nearby = continent = 0.0
    point = (entry.latitude, entry.longitude)
    local = entry.feature in ("city", "admin2")
    for group in others:
        g_country = g_admin1 = g_near = g_continent = 0.0
        for o in group:
            if o.p < 0.01 or o.entry == entry:  # another name of the same place is no evidence
                continue
            if c.continent and o.continent == c.continent:
                g_continent += o.p
            other = o.entry
            if other.country_iso3 and other.country_iso3 == entry.country_iso3:
                g_country += o.p
                if (
                    entry.feature != "country" and other.admin1 and other.admin1 == entry.admin1
                    and other.feature != "country"
                ):
                    g_admin1 += o.p * (1.0 if other.feature == "admin1" else 0.5)
            if local and other.feature in ("city", "admin2"):
                km = haversine_km(point, (other.latitude, other.longitude))
                if km < 3 * NEARBY_KM:
                    g_near = max(g_near, o.p * math.exp(-km / NEARBY_KM))
        country += min(g_country, 1.0)
        admin1 += min(g_admin1, 1.0)
        continent += min(g_continent, 1.0)
        nearby += g_near
    given = 0.0
    if entry.feature not in ("country", "continent"):
        for p in near:  # points the caller knows the article is about
            given += NEAR_POINT_WEIGHT * math.exp(-haversine_km(point, p) / NEARBY_KM)
    return given + (
        COUNTRY_WEIGHT * math.log1p(country)
        + CONTINENT_WEIGHT * math.log1p(continent)
        + ADMIN1_WEIGHT * math.log1p(admin1)
        + NEARBY_WEIGHT * math.log1p(nearby)
    )


CHAIN_TOKENS = 12  # "Al Mahfad district (Abyan)": how far back a place of the chain may stand
_BREADTH = {"city": 0, "admin2": 1, "admin1": 2, "region": 2, "country": 3, "continent": 4}


def _breadth(place: PlaceMention) -> int:
    return _BREADTH.get(place.entry.feature, 0)


def narrowest_in_chain(place: PlaceMention | None, doc: Doc) -> PlaceMention | None:
    """The narrowest place of the chain a place belongs to: an area written after a place
    inside it ("Harad (Hajjah)", "Bathinda city (Punjab)", "Mahliyah, Marib"), or before the
    areas in brackets after it ("in northwestern Yemen (Abs, Hajjah)"), gives way to that
    place. ``doc._.places`` are the article's places."""
    seen: set[int] = set()
    while place is not None and place.start not in seen:  # a place and its namesake area hold each other
        seen.add(place.start)
        sentence = doc[place.start].sent
        inner = [
            p for p in doc._.places or []
            if sentence.start <= p.start < place.start and place.start - p.end <= CHAIN_TOKENS
            and lies_in(p.entry, place.entry)
        ]
        bracketed = [  # "northwestern Yemen (Abs, Hajjah)": the first name in the brackets
            p for p in doc._.places or []
            if place.end < p.start <= place.end + 2 and doc[place.end].text in ("(", "[")
            and lies_in(p.entry, place.entry) and _breadth(p) < _breadth(place)
        ]
        if inner:
            place = inner[-1]
        elif bracketed:
            place = bracketed[0]
        else:
            return place
    return place


def place_of_token(token: Token, places: list[PlaceMention]) -> PlaceMention | None:
    for place in places:
        if place.start <= token.i < place.end:
            return place
    return None


def main_country(places: list[PlaceMention]) -> str | None:
    """The country the article's places lie in most often."""
    counts = Counter(place.country_iso3 for place in places if place.country_iso3)
    return counts.most_common(1)[0][0] if counts else None
