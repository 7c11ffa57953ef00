"""How many: death and injury tolls as claims, each with its number, qualifier, source and sentence.

A toll is read around a *harm word* from the parse, then counted in the victims' noun phrase:

* verbs: "killed", "slain", "murdered", "lynched", "wounded", "injured" (the victims are the
  passive subject or the active object: "seven fighters were killed", "killed four of its
  fighters"), "died"/"perished" (the subject), and any verb made deadly by "dead" or "to death"
  ("shot dead", "beaten to death", "found dead", "gunned down"). A headline without an
  auxiliary ("Four people killed", "one police officer killed in the violence") reads as passive.
* adjectives and nouns: "dead", "injured", "wounded" ("five dead", "three are injured", "the
  injured man"), "fatalities", "deaths", "injuries" ("6 military fatalities", "the deaths of two
  men"), and tolls stated with a verb ("the death toll rose to 12", "fatalities were put at 10").
* the count of a noun phrase: its number in digits or words ("four", "twenty-one", "1,200"),
  with its qualifier ("at least", "more than", "up to", "about", "nearly"...); a range ("1-2",
  "between 10 and 15": the count is its low end, ``high`` its high end); a single person ("a
  man", "the driver", "his son", "he", a named person) is 1, "both" 2; coordinated parts add up
  ("a man and his son" 2, "25 ADF fighters and 6 military fatalities" 31: one claim in parts,
  ``statement`` shared). Parts of a total ("including two children", "three of the dead") are not
  claims of their own.
* vague amounts (qualifier ``at_least``), after ACLED's documented convention of coding the
  smallest number a plural word can mean ("tens" 10, "dozens" 12, "hundreds" 100): a few 3,
  several 3, tens 10, dozens 12, scores 20, hundreds 100, thousands 1000; "a dozen" is 12 exact.
  "many", "some", "an unknown number" and bare plurals ("civilians were killed") give no claim.

Not tolls: negated ("no one was killed"), hypothetical or attempted ("threatened to kill",
"nearly lynched", "not clear whether he died"), accusations ("arrested for killing", "a man
suspected to have killed"), the background of a relative clause ("a man who had killed his
father") or of an "after" clause ("lynched a man after he killed his girlfriend": an earlier
incident), what an act is about ("protested over the killing of"), animals ("32 sheep were
killed"), and "killed and wounded N", which does not say how many died. A stated toll ("the
death toll rose to 12", "fatalities coded as 0") is its source's final figure (``final``).

The source is the speaker of the sentence ("the Hashed said", "according to the Observatory",
"police reported"); a pronoun or a generic speaker ("it said", "the group said") is the source
named last before it. A claim without a speaker is the article's own (``source`` None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.extract.quotes import Quote, quote_for_sentence

FATALITIES, INJURIES = "fatalities", "injuries"

DEATH_VERBS = frozenset(
    {"kill", "slay", "murder", "massacre", "behead", "decapitate", "assassinate", "lynch", "slaughter", "execute"}
)
# "executed an operation": these verbs kill only people, so only a person-like object is a toll.
PERSON_OBJECT_VERBS = frozenset({"execute"})
DEADLY_ADVERBS = frozenset({"fatally"})
DYING_VERBS = frozenset({"die", "perish"})
INJURY_VERBS = frozenset({"wound", "injure", "hurt", "maim"})
DEATH_NOUNS = frozenset({"fatality", "death", "dead"})
# Acts of killing named with their victims: "the killing of two men" (not "a killing spree").
KILLING_NOUNS = frozenset({"killing", "murder", "assassination", "execution", "lynching", "massacre", "slaying"})
INJURY_NOUNS = frozenset({"injury"})
DEATH_ADJECTIVES = frozenset({"dead"})
INJURY_ADJECTIVES = frozenset({"wounded", "injured", "hurt"})
TOLL_NOUNS = frozenset({"toll"})
BODY_NOUNS = frozenset({"body", "corpse"})
BODY_VERBS = frozenset({"find", "discover", "recover", "retrieve", "dump", "exhume", "dig", "wash"})
# "the death toll rose to 12", "fatalities were put at 10", "the toll stands at 30"
TOLL_VERBS = frozenset(
    {"rise", "reach", "climb", "stand", "hit", "increase", "jump", "put", "estimate", "code", "record", "report",
     "give", "set", "be", "place", "grow", "surge", "soar"}
)

UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# The smallest number each vague word can mean (see the module docstring).
VAGUE = {"few": 3, "several": 3, "tens": 10, "dozen": 12, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000}
QUALIFIERS = (
    (("no", "fewer", "than"), "at_least"),
    (("no", "less", "than"), "at_least"),
    (("not", "less", "than"), "at_least"),
    (("as", "many", "as"), "at_most"),
    (("fewer", "than"), "at_most"),
    (("less", "than"), "at_most"),
    (("at", "least"), "at_least"),
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
    (("estimated",), "about"),
    (("least",), "at_least"),  # "at least" split oddly by the tokenizer
)
SINGLE_DETERMINERS = frozenset({"a", "an", "one", "another", "the", "this", "that"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Nouns that name a group, not one person: "the family was attacked" says nothing of a count.
COLLECTIVE_NOUNS = frozenset(
    {"family", "group", "crowd", "community", "population", "police", "personnel", "staff", "team", "unit", "convoy",
     "force", "army", "militia", "gang", "household", "village", "tribe", "clan", "people", "public", "crew", "squad",
     "battalion", "patrol", "mob", "military", "security", "number", "lot", "majority", "couple", "pair", "dozen",
     "cattle", "livestock", "herd", "flock", "camel", "cow", "goat", "sheep", "dog", "donkey", "animal", "elephant"}
)
QUANTITY_NOUNS = frozenset({"total", "number", "handful", "host", "series", "toll", "tally", "score", "body"})
# Group nouns that, with "a" or "one", name one member ("a police personnel").
ONE_MEMBER_COLLECTIVES = frozenset({"personnel", "police", "staff", "security"})
# Person nouns trusted without a determiner ("police chief and 2 policemen were killed").
PERSON_NOUNS = frozenset(
    {"man", "woman", "boy", "girl", "child", "soldier", "civilian", "policeman", "policewoman", "officer", "fighter",
     "militant", "person", "farmer", "student", "journalist", "teacher", "resident", "villager", "protester", "chief",
     "commander", "leader", "driver", "trader", "herder", "pastor", "priest", "imam", "official", "elder", "suspect",
     "victim", "member", "guard", "worker", "teenager", "youth", "son", "daughter", "wife", "husband", "father",
     "mother", "brother", "sister", "deputy", "councillor", "councilor", "mayor", "activist", "lawyer", "doctor"}
)
PART_HEADS = frozenset({"including", "include", "among", "excluding", "besides"})
PARTITIVE_WHOLES = frozenset(
    {"dead", "victims", "deceased", "killed", "injured", "wounded", "casualties", "fatalities", "bodies"}
)
ADDITIVE_WORDS = frozenset({"other", "others", "another", "more", "additional", "further", "also"})
# "arrested for killing", "accused of murdering", "protested over the killing of": about harm, not a toll.
TOPIC_PREPOSITIONS = frozenset({"over", "against", "about", "after", "following", "for", "of", "since"})
TOPIC_HEADS = frozenset({"accuse", "suspect", "charge", "arrest", "convict", "jail", "sentence", "try", "detain",
                         "protest", "demonstrate", "retaliation", "revenge", "response", "wake", "connection",
                         "investigation", "probe", "trial", "suspect", "case", "motive", "threat", "attempt"})
SUSPICION_WORDS = frozenset({"suspected", "accused", "believed", "thought"})
# Acts about a death, not deaths themselves: "protested the killing", "mourned the death of".
TOPIC_VERBS = frozenset(
    {"protest", "demonstrate", "march", "rally", "mourn", "condemn", "denounce", "decry", "investigate", "probe",
     "avenge", "demand", "blame", "deny", "petition", "strike", "riot", "agitate", "picket", "commemorate"}
)
ANIMALS = frozenset(
    {"sheep", "goat", "cow", "cattle", "camel", "donkey", "dog", "livestock", "animal", "elephant", "lion", "bull",
     "chicken", "pig", "horse", "ox", "oxen", "head"}
)
GENERIC_SPEAKERS = frozenset(
    {"group", "organisation", "organization", "monitor", "observatory", "ministry", "agency", "statement", "report",
     "source", "sources", "spokesman", "spokeswoman", "spokesperson", "official", "officials", "movement", "body",
     "network", "office", "outlet", "militia", "alliance", "coalition"}
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
NOT_VICTIM_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "MONEY", "PERCENT", "QUANTITY", "PRODUCT", "EVENT", "LAW"})
DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
RANGE_TOKEN = re.compile(r"^(\d+)[-–](\d+)$")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d\d\b")
AGE = re.compile(r"(?i)^(?:year|yr|month|week|day)s?$")


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
    statement: int = -1  # claims with the same statement are parts of one total (they add up)
    high: int | None = None  # the high end of a range ("between 10 and 15")
    victims: str | None = None  # the victims' head noun, lemmatised ("soldier", "people")
    additive: bool = False  # "five others", "six more", "also": adds to what the source said before
    sentence_start: int = 0  # token index of the sentence
    final: bool = False  # a stated toll ("the toll rose to 12"): the source's figure from here on
    single: bool = False  # one person named without a number ("a man", "the driver", "he")


@dataclass(frozen=True, slots=True)
class _Number:
    value: int
    start: int  # token span of the number as written
    end: int
    qualifier: str
    high: int | None = None


# -- numbers --------------------------------------------------------------------------------------
def word_to_number(words: list[str]) -> int | None:
    """'four' -> 4, 'twenty-one' -> 21, '1,200' -> 1200, 'two hundred' -> 200."""
    if len(words) == 1 and DIGITS.match(words[0]):
        return int(words[0].replace(",", ""))
    total, current, seen = 0, 0, False
    for word in words:
        for part in word.lower().split("-"):
            if not part:
                continue
            if part in UNITS:
                current += UNITS[part]
            elif part in TENS:
                current += TENS[part]
            elif part in SCALES:
                current = max(current, 1) * SCALES[part]
                if SCALES[part] >= 1000:
                    total, current = total + current, 0
            elif DIGITS.match(part):
                current += int(part.replace(",", ""))
            else:
                return None
            seen = True
    return total + current if seen else None


def _is_number_word(token: Token) -> bool:
    lower = token.lower_
    if lower in ("a", "an", "no"):
        return False
    return bool(DIGITS.match(token.text)) or lower in UNITS or lower in TENS or lower in SCALES or (
        "-" in lower and word_to_number([lower]) is not None
    )


def _qualifier(doc: Doc, start: int) -> str:
    for words, name in QUALIFIERS:
        begin = start - len(words)
        if begin >= 0 and tuple(t.lower_ for t in doc[begin:start]) == words:
            return name
    return "exact"


def _in_date(doc: Doc, index: int) -> bool:
    dates = doc._.dates if doc.has_extension("dates") else None
    return any(date.start <= index < date.end for date in dates or ())


def number_at(doc: Doc, index: int) -> _Number | None:
    """The number written at token ``index``: digits, words, a range or a vague amount."""
    token = doc[index]
    # Dates are eventwire's own (spaCy's DATE label also falls on "between 10 and 15 people").
    if token.ent_type_ in ("TIME", "ORDINAL", "MONEY", "PERCENT") or token.like_url or _in_date(doc, index):
        return None
    if _NUMERIC_DATE.search(doc.text[max(0, token.idx - 6) : token.idx + len(token.text) + 8]):
        return None  # "31-12-2007"
    lower = token.lower_
    if lower in VAGUE:
        if lower == "dozen" and index > 0 and doc[index - 1].lower_ in ("a", "one"):
            return _Number(12, index - 1, index + 1, "exact")
        if lower == "few" and index > 0 and doc[index - 1].lower_ != "a":
            return None  # "few were hurt" says almost none
        start = index - 1 if lower == "few" else index
        return _Number(VAGUE[lower], start, index + 1, "at_least")
    found = RANGE_TOKEN.match(token.text)
    if found:
        low, high = sorted((int(found.group(1)), int(found.group(2))))
        return _Number(low, index, index + 1, _qualifier(doc, index), high)
    if not _is_number_word(token):
        return None
    if index > 0 and doc[index - 1].lower_ in ("no", "none"):
        return None  # "no one was killed"
    start, end = index, index + 1
    if not DIGITS.match(token.text):  # words: "twenty - one", "two hundred"
        while start > 0 and _joins_words(doc, start - 1, backwards=True):
            start -= 1
        while end < len(doc) and _joins_words(doc, end, backwards=False):
            end += 1
        while start < index and doc[start].text in ("-", "–"):
            start += 1
        while end > index + 1 and doc[end - 1].text in ("-", "–"):
            end -= 1
    value = word_to_number([t.text for t in doc[start:end] if t.text not in ("-", "–")])
    if value is None:
        return None
    if start >= 2 and doc[start - 1].lower_ in ("-", "–", "to", "and") and DIGITS.match(doc[start - 2].text):
        low = int(doc[start - 2].text.replace(",", ""))
        if low < value and (doc[start - 1].lower_ != "and" or (start >= 3 and doc[start - 3].lower_ == "between")):
            return number_at(doc, start - 2)  # the parse picked the high end of "2 to 4"
    if end < len(doc) and AGE.match(doc[end].text) or (
        end + 1 < len(doc) and doc[end].text in ("-", "–") and AGE.match(doc[end + 1].text)
    ):
        return None  # "a 12-year-old"
    high = _range_high(doc, start, end)
    qualifier = _qualifier(doc, start if start == 0 or doc[start - 1].lower_ != "between" else start - 1)
    return _Number(value, start, end + 2 if high is not None else end, qualifier, high)


def _joins_words(doc: Doc, i: int, *, backwards: bool) -> bool:
    token = doc[i]
    if token.text in ("-", "–"):
        neighbour = i - 1 if backwards else i + 1
        return 0 <= neighbour < len(doc) and not DIGITS.match(doc[neighbour].text) and _is_number_word(doc[neighbour])
    return not DIGITS.match(token.text) and _is_number_word(token)


def _range_high(doc: Doc, start: int, end: int) -> int | None:
    """'1 - 2', '10 to 15', 'between 10 and 15': the high end."""
    if end + 1 >= len(doc):
        return None
    link = doc[end].lower_
    between = start > 0 and doc[start - 1].lower_ == "between"
    if link in ("-", "–", "to") or (link == "and" and between):
        other = doc[end + 1]
        if DIGITS.match(other.text) or other.lower_ in UNITS or other.lower_ in TENS:
            value = word_to_number([other.text])
            low = word_to_number([t.text for t in doc[start:end]])
            if value is not None and low is not None and value > low:
                return value
    return None


# -- harm words -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Harm:
    kind: str
    token: Token  # the harm word as written
    anchor: Token  # where the victims are read: the verb, adjective or noun
    mode: str  # "verb", "dying", "adjective", "noun", "toll", "body"


def _death_complement(token: Token) -> bool:
    """'dead' or 'to death' attached to a verb: 'shot dead', 'beaten to death', 'found dead'."""
    for child in token.children:
        if child.lemma_.lower() == "dead" and child.dep_ in ("acomp", "oprd", "advmod", "xcomp", "ccomp", "dobj", "conj", "amod"):
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.lemma_.lower() == "death" for g in child.children):
            return True
        if child.dep_ == "advmod" and child.lower_ in DEADLY_ADVERBS:
            return True  # "fatally shot"
    return False


def _harm_at(token: Token) -> _Harm | None:
    lemma, lower, pos = token.lemma_.lower(), token.lower_, token.pos_
    if pos in ("VERB", "AUX") or token.tag_.startswith("VB"):
        if lemma in DEATH_VERBS or lower in ("slain",):
            return _Harm(FATALITIES, token, token, "verb")
        if lemma in DYING_VERBS:
            return _Harm(FATALITIES, token, token, "dying")
        if lemma in INJURY_VERBS or lower in ("wounded", "injured"):
            return _Harm(INJURIES, token, token, "verb")
        if lemma == "gun" and any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
            return _Harm(FATALITIES, token, token, "verb")
        if lemma not in ("be", "have") and _death_complement(token):
            return _Harm(FATALITIES, token, token, "verb")
        return None
    if lower == "dead" or lemma == "dead":
        if token.head.i != token.i and token.head.pos_ in ("VERB", "AUX") and token.head.lemma_ != "be" and (
            token.dep_ in ("acomp", "oprd", "advmod", "xcomp", "ccomp", "dobj", "conj", "amod")
        ):
            return None  # read at its verb
        return _Harm(FATALITIES, token, token, "adjective")
    if lower in INJURY_ADJECTIVES or (pos == "ADJ" and lemma in INJURY_ADJECTIVES):
        return _Harm(INJURIES, token, token, "adjective")
    if pos in ("NOUN", "PROPN"):
        if lemma == "death" and token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.pos_ == "VERB" and (
            not any(c.dep_ in ("prep", "det", "poss", "amod", "nummod") for c in token.children)
        ):
            return None  # "beaten to death": read at the verb (but "leading to the death of one")
        if lemma in DEATH_NOUNS or lower in ("fatalities", "deaths"):
            return _Harm(FATALITIES, token, token, "noun")
        if lemma in KILLING_NOUNS and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return _Harm(FATALITIES, token, token, "noun")  # "led to the killing of a member"
        if lemma in INJURY_NOUNS:
            return _Harm(INJURIES, token, token, "noun")
        if lemma in TOLL_NOUNS:
            kind = INJURIES if any(c.lemma_.lower() in ("injury", "casualty") for c in token.children) else FATALITIES
            if any(c.lemma_.lower() == "casualty" for c in token.children):
                return None
            return _Harm(kind, token, token, "toll")
        if lemma in BODY_NOUNS:
            return _Harm(FATALITIES, token, token, "body")
    return None


def is_harm_word(token: Token) -> bool:
    """Whether the token states a death or an injury ("killed", "died", "shot dead", "wounded")."""
    return _harm_at(token) is not None


def _in_suspicion_clause(token: Token) -> bool:
    """Inside a relative clause of suspicion: 'who was suspected to have killed', 'believed murdered'."""
    node = token
    for _ in range(3):
        if node.dep_ == "relcl" or (node.dep_ in ("xcomp", "ccomp") and node.head.dep_ == "relcl"):
            clause = node if node.dep_ == "relcl" else node.head
            return any(t.lower_ in SUSPICION_WORDS for t in clause.subtree if t.i <= token.i)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _not_a_toll(harm: _Harm) -> bool:
    """Negated, hypothetical, attempted, an accusation, background, or what an act is about."""
    anchor = harm.anchor
    children = list(anchor.children)
    if any(c.dep_ == "neg" for c in children):
        return True
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and not any(
        c.lemma_ == "have" and c.dep_ == "aux" for c in children
    ) and anchor.head.lemma_.lower() not in ("claim", "report", "say"):
        return True  # "threatened to kill" (but "reported to have killed", "claim to kill" are claims)
    if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may", "will", "shall") for c in children):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in ("nearly", "almost") for c in children):
        return True  # "nearly lynched"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in children):
        return True  # "it is not clear if the victim died"
    if anchor.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "had" for c in children) and any(
        c.tag_ in ("WP", "WDT") for c in children
    ):
        return True  # "a man who had killed his father"
    if anchor.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "because", "since") for c in children):
        return True  # "lynched a man after he killed his girlfriend": the earlier incident's toll
    if _in_suspicion_clause(anchor):
        return True  # "a man who was suspected to have stabbed his wife to death"
    if anchor.dep_ == "pcomp" and anchor.head.lower_ in ("of", "for"):
        return True  # "accused of killing", "arrested for murdering"
    if anchor.dep_ in ("pobj", "pcomp"):
        preposition, governor = anchor.head, anchor.head.head
        if governor.lemma_.lower() in TOPIC_HEADS or preposition.lower_ in ("over", "against", "following", "after", "since"):
            return True  # "in response to the deaths of", "protested over the killing of"
    if anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in TOPIC_VERBS:
        return True  # "to protest the death of a colleague"
    if anchor.dep_ == "advcl" and anchor.head.lemma_.lower() in TOPIC_VERBS and any(
        c.dep_ == "mark" and c.lower_ in ("after", "because", "since", "as") for c in children
    ):
        return True  # "students protested after their colleague was killed": the cause of a protest
    if anchor.dep_ in ("compound", "amod") and anchor.head.lemma_.lower() in TOPIC_HEADS | {"threat", "squad", "row", "sentence", "penalty", "spree", "field", "trap"}:
        return True  # "death threats", "murder suspect"
    if harm.mode == "noun" and anchor.dep_ == "compound":
        return True
    return False


# -- victims --------------------------------------------------------------------------------------
def _child(token: Token, *deps: str) -> Token | None:
    """The child with one of these relations; of several before the token, the nearest (a bad
    parse gives "in X state, 47 prisoners were killed" two subjects)."""
    found = [c for c in token.children if c.dep_ in deps]
    before = [c for c in found if c.i < token.i]
    return before[-1] if len(before) > 1 else (found[0] if found else None)


def _inherited(verb: Token, *deps: str) -> Token | None:
    """An argument shared through coordination: 'was attacked and beaten to death'."""
    node = verb
    for _ in range(3):
        found = _child(node, *deps)
        if found is not None:
            return found
        if node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
            continue
        return None
    return None


def _has_number(token: Token) -> bool:
    return token.pos_ == "NUM" or token.like_num or any(c.dep_ == "nummod" for c in token.children)


def _victim_head(harm: _Harm) -> Token | None:
    anchor = harm.anchor
    if harm.mode == "dying":
        return _inherited(anchor, "nsubj", "nsubjpass")
    if harm.mode == "verb":
        if anchor.dep_ == "acl" and anchor.tag_ == "VBN" and _child(anchor, "nsubj", "dobj", "nsubjpass") is None:
            return anchor.head  # "4 people killed in the attack", "left one killed"
        passive = _child(anchor, "nsubjpass") or (
            _inherited(anchor, "nsubjpass") if any(c.dep_ == "auxpass" for c in anchor.children) else None
        )
        if passive is not None:
            return passive
        obj = _child(anchor, "dobj")
        if obj is not None:
            return obj
        particles = [c for c in anchor.children if c.dep_ == "prt" and c.lower_ == "up"]
        for prep in [*anchor.children, *(g for p in particles for g in p.children)]:
            # "killed up to 1,300 people", "killed over 100": a qualifier parsed as a preposition
            if prep.dep_ == "prep" and prep.lower_ in ("to", "over", "about", "around", "nearly") and prep.i == anchor.i + 1 + (
                anchor.i + 1 < len(anchor.doc) and anchor.doc[anchor.i + 1].lower_ == "up"
            ):
                quantity = next((g for g in prep.children if g.dep_ == "pobj" and _has_number(g)), None)
                if quantity is not None:
                    return quantity
        subject = _child(anchor, "nsubj")
        if subject is not None and anchor.tag_ in ("VBN", "VBD") and _has_number(subject):
            return subject  # headline passive: "Four people killed", "three people wounded"
        head = anchor.head
        if subject is None and anchor.dep_ in ("conj", "xcomp", "oprd", "ccomp", "advcl", "acomp") and head.pos_ in (
            "VERB", "AUX"
        ):
            # "was shot and killed", "were reported killed", "is discovered murdered", "was on
            # Friday killed": the subject of the verb it completes
            inherited = _child(head, "nsubjpass")
            if inherited is None and head.lemma_ == "be" and anchor.tag_ == "VBN":
                inherited = _child(head, "nsubj")
            if inherited is not None and inherited.i < anchor.i:
                return inherited
            shared = _child(head, "dobj")  # "shot and killed a civilian"
            if anchor.dep_ == "conj" and shared is not None and shared.i > anchor.i:
                return shared
        for conj in anchor.children:  # "killed and mutilated the body of a member"
            if conj.dep_ == "conj" and conj.pos_ == "VERB":
                shared = _child(conj, "dobj")
                if shared is not None:
                    return shared
        if any(c.dep_ == "auxpass" for c in anchor.children):
            return _inherited(anchor, "nsubj")
        return None
    if harm.mode == "adjective":
        token = harm.token
        if token.dep_ == "amod" and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
            return token.head  # "the injured man", "three wounded soldiers"
        if token.head.i != token.i and token.head.lemma_ == "be":
            return _child(token.head, "nsubj")  # "three people are dead"
        if token.dep_ == "ROOT" and _child(token, "nsubj") is not None:
            return _child(token, "nsubj")
        return token  # "five dead", "ten dead and 20 wounded"
    return harm.token


def _count_unit(unit: Token) -> tuple[_Number | None, bool]:
    """The count of one noun phrase head, and whether it is a single person."""
    doc = unit.doc
    if unit.lower_ in ("others", "more") and any(c.dep_ == "nummod" for c in unit.children):
        unit = next(c for c in unit.children if c.dep_ == "nummod")
    if unit.lemma_.lower() in ANIMALS:
        return None, False  # "32 sheep were killed"
    if unit.pos_ == "NUM" or unit.like_num or unit.lower_ in VAGUE:
        number = number_at(doc, unit.i)
        if number is not None:
            return number, False
    if unit.lemma_.lower() in ("total", "toll", "tally"):  # "a total of 20 people"
        of = next((c for c in unit.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        return _count_unit(whole) if whole is not None else (None, False)
    single_article = next((c for c in unit.children if c.dep_ == "det" and c.lower_ in ("a", "an")), None)
    if single_article is not None and (
        (unit.tag_ == "NN" and unit.lemma_.lower() not in COLLECTIVE_NOUNS | QUANTITY_NOUNS) or _is_aged(unit)
    ):
        # "a form four student", "a 21-year-old": the article says one, whatever number follows it
        return _Number(1, single_article.i, unit.i + 1, "exact"), True
    for child in unit.children:
        if child.dep_ in ("nummod", "quantmod") or (child.dep_ == "amod" and child.lower_ in VAGUE) or (
            child.dep_ == "compound" and child.i == unit.left_edge.i and child.i < unit.i
        ):  # "Twenty Al-Shabab militiamen": a number the parse took for a compound
            number = number_at(doc, child.i)
            if number is not None:
                return number, False
    lemma = unit.lemma_.lower()
    if unit.ent_type_ in NOT_VICTIM_ENTITIES or _in_date(doc, unit.i) or lemma in ANIMALS:
        return None, False
    if unit.lower_ == "other" and any(c.lower_ == "the" for c in unit.children):
        return _Number(1, unit.i - 1, unit.i + 1, "exact"), True  # "one was injured and the other died"
    if unit.lower_ in PERSONAL_PRONOUNS:
        return _Number(1, unit.i, unit.i + 1, "exact"), True
    if lemma in ONE_MEMBER_COLLECTIVES and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in unit.children):
        det = next(c for c in unit.children if c.dep_ == "det")
        return _Number(1, det.i, unit.i + 1, "exact"), True  # "a security forces personnel"
    if lemma in COLLECTIVE_NOUNS or unit.tag_ not in ("NN", "NNP"):
        if unit.lower_ in ("both",):
            return _Number(2, unit.i, unit.i + 1, "exact"), False
        both = next((c for c in unit.children if c.lower_ == "both" and c.dep_ in ("det", "predet", "preconj")), None)
        if both is not None and unit.tag_ in ("NNS", "NNPS"):
            return _Number(2, both.i, both.i + 1, "exact"), False
        return None, False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in unit.children):
        return None, False
    determiner = next((c for c in unit.children if c.dep_ in ("det", "poss") and c.i < unit.i), None)
    if determiner is not None and (determiner.lower_ in SINGLE_DETERMINERS or determiner.dep_ == "poss"):
        return _Number(1, determiner.i, unit.i + 1, "exact"), True
    if unit.ent_type_ == "PERSON":
        start = unit.i
        while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].ent_iob_ != "O":
            start -= 1
        return _Number(1, start, unit.i + 1, "exact"), True
    if lemma in PERSON_NOUNS and determiner is None:
        start = unit.left_edge.i if unit.left_edge.i >= unit.i - 4 else unit.i
        return _Number(1, start, unit.i + 1, "exact"), True
    return None, False


def _counted_noun(noun: Token) -> _Number | None:
    """The number counting a harm noun ("6 fatalities", "dozens of deaths"); its article is no
    count ("the massacre of 30 villagers" counts the villagers)."""
    for child in noun.children:
        if child.dep_ in ("nummod", "quantmod") or (child.dep_ == "amod" and child.lower_ in VAGUE):
            number = number_at(noun.doc, child.i)
            if number is not None:
                return number
    if noun.lemma_.lower() in ("death", "fatality", "killing") and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another") for c in noun.children
    ) and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        det = next(c for c in noun.children if c.dep_ == "det")
        return _Number(1, det.i, noun.i + 1, "exact")  # "one death", "another death"
    return None


def _a_single_death(noun: Token) -> bool:
    """'his death', 'the death of the local', 'a killing': one death, its victim uncounted."""
    return noun.tag_ == "NN" and noun.lemma_.lower() in ("death", "killing", "murder", "assassination", "lynching") and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in SINGLE_DETERMINERS) for c in noun.children
    )


def _is_aged(unit: Token) -> bool:
    """'a 21-year-old': an age used as a noun."""
    return unit.lower_ == "old" and any(t.lower_ in ("year", "years") for t in unit.subtree)


def _is_part(unit: Token) -> bool:
    """'including two children', 'among them a child', 'three of the dead'."""
    node = unit
    for _ in range(4):
        if node.dep_ in ("pobj", "dobj") and node.head.lower_ in PART_HEADS:
            return True
        if node.lower_ in PART_HEADS:
            return True
        if node.head.i == node.i or node.dep_ not in ("conj", "pobj", "appos", "prep"):
            break
        node = node.head
    of = next((c for c in unit.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and (unit.pos_ == "NUM" or unit.like_num):
        whole = next((g for g in of.children if g.dep_ == "pobj"), None)
        if whole is not None and (whole.lower_ in PARTITIVE_WHOLES) and not any(
            c.dep_ == "poss" for c in whole.children
        ):
            return True
    return False


def _person_like(unit: Token) -> bool:
    """A noun phrase that names people: a person noun, a named person, or a counted plural."""
    if unit.ent_type_ in ("PERSON", "NORP") or unit.lemma_.lower() in PERSON_NOUNS or unit.lower_ in PERSONAL_PRONOUNS:
        return True
    return unit.tag_ in ("NNS", "NNPS") and any(c.dep_ == "nummod" for c in unit.children) or unit.pos_ == "NUM"


def _units(head: Token, harm: Token | None = None) -> list[Token]:
    """The head and the heads coordinated with it ("a man and his son"); a coordinated phrase
    with a harm word of its own ("6 injured and 1 killed", "5 dead and 2 injured") is counted by
    that word."""
    units = [head]
    doc = head.doc
    for conj in head.conjuncts:
        if conj.i not in {u.i for u in units} and conj.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            if any(c.dep_ in ("acl", "relcl", "amod") and _harm_at(c) is not None for c in conj.children):
                continue
            after = conj.right_edge.i + 1
            if after < len(doc) and (harm is None or after != harm.i) and _harm_at(doc[after]) is not None:
                continue
            units.append(conj)
    return sorted(units, key=lambda t: t.i)


def _victims_lemma(unit: Token) -> str:
    if unit.pos_ == "NUM" or unit.like_num:
        of = next((c for c in unit.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        return whole.lemma_.lower() if whole is not None else "people"
    return unit.lemma_.lower()


def _additive(unit: Token, harm: _Harm) -> bool:
    """'five others', 'six more', 'another civilian', 'were also killed', 'in addition to 2 ...'."""
    words = {c.lower_ for c in unit.children if c.dep_ in ("amod", "det", "advmod", "nummod")} | {unit.lower_}
    words |= {c.lower_ for c in harm.anchor.children if c.dep_ == "advmod"}
    if words & ADDITIVE_WORDS:
        return True
    doc = unit.doc
    before = " ".join(t.lower_ for t in doc[max(unit.sent.start, unit.left_edge.i - 4) : unit.left_edge.i])
    return before.endswith(("in addition to", "plus", "as well as", "besides"))


# -- numbers read off the surface, where the parse gives none ------------------------------------------
def _toll_number(harm: _Harm, sentence: Span) -> _Number | None:
    """'the death toll rose to 12', 'fatalities were coded as 10', 'a toll of 30'."""
    doc = harm.token.doc
    phrase = harm.token
    if phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and phrase.head.head.lemma_.lower() in ("number", "toll"):
        phrase = phrase.head.head
    verb = phrase.head if phrase.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None:  # "fatalities coded as 10" read as a reduced relative
        verb = next((c for c in phrase.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    if verb is not None and _is_toll_verb(verb):
        for child in verb.children:
            if child.dep_ in ("attr", "dobj", "npadvmod") and child.i > verb.i:
                found = _number_in(child)
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ in ("to", "at", "as"):
                for grandchild in child.children:
                    found = _number_in(grandchild) if grandchild.dep_ == "pobj" else None
                    if found:
                        return found
    if harm.mode == "toll":
        for index in range(harm.token.i + 1, min(harm.token.i + 6, sentence.end)):
            if doc[index].pos_ == "VERB" and not _is_toll_verb(doc[index]):
                break
            found = number_at(doc, index)
            if found is not None:
                return found
    return None


def _is_toll_verb(verb: Token) -> bool:
    lower = verb.lower_
    return verb.lemma_.lower() in TOLL_VERBS or lower[:-1] in TOLL_VERBS or lower[:-2] in TOLL_VERBS


def _number_in(token: Token) -> _Number | None:
    if token.pos_ == "NUM" or token.like_num:
        return number_at(token.doc, token.i)
    return _count_unit(token)[0]


def _nearby_number(harm: _Harm, sentence: Span) -> _Number | None:
    """Fallback: the nearest number just before the harm word, in the same clause ('5 dead')."""
    doc = harm.token.doc
    for index in range(harm.token.i - 1, max(sentence.start, harm.token.i - 4) - 1, -1):
        token = doc[index]
        if token.is_punct or token.pos_ in ("VERB", "ADP", "SCONJ", "CCONJ") or _harm_at(token) is not None:
            return None
        found = number_at(doc, index)
        if found is not None:
            following = doc[found.end] if found.end < len(doc) else None
            if following is not None and following.lower_ in ("of",):
                return None
            return found
    return None


# -- the component ----------------------------------------------------------------------------------
def _is_speaker_named(quote: Quote) -> bool:
    if quote.speaker is not None and quote.speaker.named:
        return True
    text = quote.speaker_text.strip().lower()
    if not text or text in PRONOUNS:
        return False
    words = text.split()
    return not (words[0] in ("the", "a", "an", "its", "their") and words[-1] in GENERIC_SPEAKERS)


def _parenthetical(token: Token) -> int | None:
    """The index of the opening bracket around the token within its sentence, if any."""
    for index in range(token.i - 1, token.sent.start - 1, -1):
        text = token.doc[index].text
        if text in (")", "]"):
            return None
        if text in ("(", "["):
            return index
    return None


class _Sources:
    """The speaker of each sentence; pronouns and generic speakers are the source named last.
    A toll outside what the speaker is reported to have said ("Fatalities coded as 0 (VoJ
    reported 1)") is the article's own."""

    def __init__(self, quotes: list[Quote]):
        self.quotes = quotes
        self.last_named: str | None = None
        self.current: Quote | None = None
        self.name: str | None = None

    def enter(self, sentence: Span) -> None:
        quote = quote_for_sentence(self.quotes, sentence.start)
        self.current, self.name = quote, None
        if quote is None:
            return
        name = quote.speaker.source_name if quote.speaker is not None else quote.speaker_text.strip()
        if _is_speaker_named(quote):
            self.last_named = name
            self.name = name
        elif self.last_named is not None:
            self.name = self.last_named
        else:
            self.name = None if not name or name.lower() in PRONOUNS else name

    def of(self, token: Token) -> str | None:
        quote = self.current
        if quote is None:
            return None
        if quote.verb_i >= 0 and _parenthetical(token.doc[quote.verb_i]) != _parenthetical(token):
            return None  # "Fatalities coded as 0 (VoJ reported 1)": the aside speaks for itself
        if quote.verb_i >= 0 and not quote.start_char <= token.idx < quote.end_char:
            verb = token.doc[quote.verb_i]
            if token.i == verb.i or not any(a.i == verb.i for a in token.ancestors):
                return None
        return self.name


def _claims_of(harm: _Harm, sentence: Span) -> list[tuple[_Number, Token | None, bool]]:
    """(number, unit, is a stated toll) for each part of the toll a harm word states; a stated
    toll ("the death toll rose to 12", "fatalities were coded as 10") is a source's final figure."""
    if harm.mode in ("toll",) or (harm.mode == "noun" and harm.token.lemma_.lower() in ("fatality", "death")):
        found = _toll_number(harm, sentence)
        if found is not None:
            return [(found, None, True)]
        if harm.mode == "toll":
            return []
    if harm.mode == "body":
        verb = harm.token.head if harm.token.dep_ in ("nsubjpass", "dobj", "nsubj") else None
        if verb is None or verb.lemma_.lower() not in BODY_VERBS:
            return []
    head = _victim_head(harm)
    if head is None:
        found = _nearby_number(harm, sentence) if harm.mode in ("verb", "adjective", "dying") else None
        return [(found, None, False)] if found else []
    if harm.mode in ("noun", "body") and head.i == harm.token.i:
        # "6 military fatalities", "the deaths of two men", "25 fighters and 6 fatalities"
        parts = []
        own = _counted_noun(head) if harm.mode == "noun" else _count_unit(head)[0]
        if own is None:
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            victims = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
            counted = [(u, _count_unit(u)[0]) for u in _units(victims) if not _is_part(u)] if victims is not None else []
            found = [(number, unit, False) for unit, number in counted if number is not None]
            if not found and _a_single_death(head):
                det = next(c for c in head.children if c.dep_ in ("det", "poss"))
                found = [(_Number(1, det.i, head.i + 1, "exact"), head, False)]  # "resulting in his death"
            return found
        parts.append((own, head, False))
        if head.dep_ == "conj":
            for unit in _units(head.head):
                if unit.i != head.i and not _is_part(unit):
                    number = _count_unit(unit)[0]
                    if number is not None:
                        parts.append((number, unit, False))
        return parts
    results = []
    for unit in _units(head, harm.token):
        if _is_part(unit):
            continue
        if harm.anchor.lemma_.lower() in PERSON_OBJECT_VERBS and not _person_like(unit):
            continue
        number = _count_unit(unit)[0]
        if number is None:
            continue
        results.append((number, unit, False))
    if not results and harm.mode in ("verb", "adjective", "dying") and head.i > harm.anchor.i - 6 and (
        head.lemma_.lower() not in ANIMALS
    ):
        found = _nearby_number(harm, sentence)
        if found is not None:
            return [(found, None, False)]
    return results


_GLUE = frozenset({",", "and", "or", "/", "and/or", "were", "was", "are", "is", "been", "be", "being"})


def _coordinated_other_kind(anchor: Token, kind: str) -> list[Token]:
    """Harm words of the other kind joined to this one by nothing but 'and', 'or', commas and
    auxiliaries ("killed and wounded", "killed, injured or captured", "were killed and wounded");
    "killed and more injured", "killed 3 and wounded 2" have counts of their own."""
    other = INJURY_VERBS if kind == FATALITIES else DEATH_VERBS
    forms = ("wounded", "injured", "wounding", "injuring") if kind == FATALITIES else ("killed", "killing")
    doc = anchor.doc
    found = []
    for step in (1, -1):
        index = anchor.i + step
        while 0 <= index < len(doc) and doc[index].lower_ in _GLUE:
            index += step
        if index == anchor.i + step or not 0 <= index < len(doc):
            continue
        token = doc[index]
        if token.pos_ in ("VERB", "ADJ") and (token.lemma_.lower() in other or token.lower_ in forms):
            found.append(token)
    return found


def _shared_with_other_kind(harm: _Harm) -> bool:
    """'killed and wounded 12', '7 militants were killed and wounded': how many died is not said."""
    return harm.anchor.pos_ == "VERB" and bool(_coordinated_other_kind(harm.anchor, harm.kind))


def find_claims(doc: Doc, quotes: list[Quote]) -> list[ClaimMention]:
    claims: list[ClaimMention] = []
    seen: set[tuple[str, int]] = set()
    sources = _Sources(quotes)
    for sentence in doc.sents:
        sources.enter(sentence)
        for token in sentence:
            harm = _harm_at(token)
            if harm is None or _not_a_toll(harm) or _shared_with_other_kind(harm):
                continue
            for number, unit, final in _claims_of(harm, sentence):
                if number.value <= 0 and not final:
                    continue
                span = doc[number.start : number.end]
                key = (harm.kind, span.start_char)
                if key in seen:
                    continue
                seen.add(key)
                claims.append(
                    ClaimMention(
                        kind=harm.kind,
                        count=number.value,
                        qualifier=number.qualifier,
                        start_char=span.start_char,
                        end_char=span.end_char,
                        harm_token=harm.token.i,
                        source=sources.of(harm.token),
                        sentence=sentence.text.strip(),
                        statement=harm.token.i,
                        high=number.high,
                        victims=_victims_lemma(unit) if unit is not None else None,
                        additive=_additive(unit, harm) if unit is not None else False,
                        sentence_start=sentence.start,
                        final=final,
                        single=unit is not None and _count_unit(unit)[1],
                    )
                )
    return claims
