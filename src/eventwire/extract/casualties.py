"""How many: death and injury tolls as claims, each with its number, qualifier, source and sentence.

A toll is read around a harm word ("killed", "dead", "wounded"): the object of an active verb
("killed four of its fighters"), else the nearest number before it in the same clause ("seven
fighters were killed", "at least six more were wounded"). The source is the speaker of the
sentence ("the Hashed said", "according to the Observatory"). Parts of a total ("including two
children") are not claims of their own.

Vague amounts map to conservative lower bounds (qualifier ``at_least``): a few 3, several 3,
a dozen 12 (exact), dozens 24, scores 40, hundreds 200, thousands 2000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.extract.quotes import Quote, quote_for_sentence

DEATH_LEMMAS = frozenset({"kill", "dead", "die", "slay", "slain", "perish", "fatality", "behead", "execute", "massacre", "murder", "shoot dead"})
INJURY_LEMMAS = frozenset({"wound", "injure", "hurt", "injury", "wounded", "injured"})
TOLL_NOUNS = frozenset({"toll"})
ACTIVE_HARM_VERBS = frozenset({"kill", "wound", "injure", "slay", "murder", "massacre", "behead", "execute"})
UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000}
VAGUE = {"few": 3, "several": 3, "dozen": 12, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000}
QUALIFIERS = (
    (("at", "least"), "at_least"),
    (("no", "fewer", "than"), "at_least"),
    (("at", "most"), "at_most"),
    (("up", "to"), "at_most"),
    (("more", "than"), "more_than"),
    (("over",), "more_than"),
    (("nearly",), "about"),
    (("almost",), "about"),
    (("about",), "about"),
    (("around",), "about"),
    (("roughly",), "about"),
    (("approximately",), "about"),
    (("some",), "about"),
    (("an", "estimated"), "about"),
)
SINGULAR_VICTIMS = frozenset(
    {"man", "woman", "child", "boy", "girl", "soldier", "civilian", "policeman", "officer", "fighter",
     "militant", "person", "farmer", "student", "journalist", "teacher", "resident", "villager", "protester"}
)
NON_VICTIM_NOUNS = frozenset(
    {"location", "locations", "site", "sites", "day", "days", "week", "weeks", "hour", "hours", "year", "years",
     "month", "months", "time", "times", "vehicle", "vehicles", "house", "houses", "building", "buildings",
     "village", "villages", "town", "towns", "km", "kilometres", "kilometers", "miles", "percent", "%"}
)
DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")


@dataclass(frozen=True, slots=True)
class ClaimMention:
    kind: str  # "fatalities" or "injuries"
    count: int
    qualifier: str
    start_char: int  # the number's span in the text
    end_char: int
    harm_token: int  # index of the harm word, for linking the claim to its event
    source: str | None
    sentence: str


def word_to_number(words: list[str]) -> int | None:
    """'four' -> 4, 'twenty-one' -> 21, '1,200' -> 1200, 'two hundred' -> 200."""
    if len(words) == 1 and DIGITS.match(words[0]):
        return int(words[0].replace(",", ""))
    total, current, seen = 0, 0, False
    for word in words:
        for part in word.lower().split("-"):
            if part in UNITS:
                current += UNITS[part]
            elif part in TENS:
                current += TENS[part]
            elif part in SCALES:
                current = max(current, 1) * SCALES[part]
                if part == "thousand":
                    total, current = total + current, 0
            elif part.isdigit():
                current += int(part)
            else:
                return None
            seen = True
    return total + current if seen else None


def _number_at(doc: Doc, index: int) -> tuple[int, int, int, str] | None:
    """(value, start token, end token, qualifier) for a number written at token ``index``."""
    token = doc[index]
    if token.ent_type_ in ("DATE", "TIME", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
        return None
    lower = token.lower_
    start, end = index, index + 1
    if lower in VAGUE:
        value = VAGUE[lower]
        if lower == "dozen" and index > 0 and doc[index - 1].lower_ == "a":
            return value, index - 1, end, "exact"
        return value, start, end, "at_least"
    if not (token.like_num or lower in UNITS) or lower in ("a", "an", "no"):
        return None
    while start > 0 and (doc[start - 1].like_num or doc[start - 1].text == "-") and doc[start - 1].lower_ not in ("a", "an"):
        start -= 1
    while end < len(doc) and (doc[end].like_num or (doc[end].text == "-" and end + 1 < len(doc) and doc[end + 1].like_num)):
        end += 1
    words = [t.text for t in doc[start:end] if t.text != "-"]
    value = word_to_number(words)
    if value is None:
        return None
    return value, start, end, _qualifier(doc, start)


def _qualifier(doc: Doc, start: int) -> str:
    for words, name in QUALIFIERS:
        begin = start - len(words)
        if begin >= 0 and tuple(t.lower_ for t in doc[begin:start]) == words:
            return name
    return "exact"


def _is_victim_count(doc: Doc, number_end: int) -> bool:
    following = doc[number_end] if number_end < len(doc) else None
    return following is None or following.lower_ not in NON_VICTIM_NOUNS


def _harm_kind(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if lemma in DEATH_LEMMAS or token.lower_ in DEATH_LEMMAS:
        return "fatalities"
    if lemma in INJURY_LEMMAS or token.lower_ in INJURY_LEMMAS:
        return "injuries"
    return None


def _is_active(token: Token) -> bool:
    return (
        token.pos_ == "VERB"
        and token.lemma_.lower() in ACTIVE_HARM_VERBS
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
        and (token.tag_ in ("VBD", "VBZ", "VBP", "VBG", "VB") or any(c.lemma_ == "have" for c in token.children))
    )


def _count_for(token: Token, sentence: Span) -> tuple[int, int, int, str] | None:
    doc = token.doc
    if _is_active(token):
        for index in range(token.i + 1, min(token.i + 4, sentence.end)):
            found = _number_at(doc, index)
            if found and _is_victim_count(doc, found[2]):
                return found
            if doc[index].pos_ in ("VERB", "PUNCT") and doc[index].text != "-":
                break
        return _singular_victim(doc, range(token.i + 1, min(token.i + 4, sentence.end)))
    if token.lemma_.lower() in TOLL_NOUNS:
        for index in range(token.i + 1, min(token.i + 6, sentence.end)):
            found = _number_at(doc, index)
            if found:
                return found
        return None
    for index in range(token.i - 1, max(sentence.start, token.i - 7) - 1, -1):
        previous = doc[index]
        if previous.text in (";", ":") or _harm_kind(previous) or previous.lower_ in ("including", "among"):
            return None
        found = _number_at(doc, index)
        if found and _is_victim_count(doc, found[2]):
            if found[1] > sentence.start and doc[found[1] - 1].lower_ in ("including", "among"):
                return None
            return found
    return _singular_victim(doc, range(max(sentence.start, token.i - 4), token.i))


def _singular_victim(doc: Doc, indices: range) -> tuple[int, int, int, str] | None:
    """'a soldier was killed', 'killing a policeman': one victim."""
    for index in indices:
        token = doc[index]
        if token.lower_ in ("a", "an", "one") and index + 1 < len(doc):
            noun = doc[index + 1]
            if noun.lemma_.lower() in SINGULAR_VICTIMS and noun.tag_ == "NN":
                return 1, index, index + 2, "exact"
    return None


def _source(quotes: list[Quote], sentence: Span) -> str | None:
    quote = quote_for_sentence(quotes, sentence.start)
    if quote is None:
        return None
    if quote.speaker is not None:
        return quote.speaker.source_name
    unresolved = quote.speaker_text.strip()
    return None if unresolved.lower() in ("he", "she", "they", "it", "we", "i") else unresolved


def find_claims(doc: Doc, quotes: list[Quote]) -> list[ClaimMention]:
    claims: list[ClaimMention] = []
    for sentence in doc.sents:
        source = None
        source_known = False
        for token in sentence:
            kind = _harm_kind(token)
            if kind is None:
                continue
            found = _count_for(token, sentence)
            if found is None:
                continue
            value, start, end, qualifier = found
            if not source_known:
                source, source_known = _source(quotes, sentence), True
            span = doc[start:end]
            claims.append(
                ClaimMention(kind, value, qualifier, span.start_char, span.end_char, token.i, source, sentence.text.strip())
            )
    return claims
