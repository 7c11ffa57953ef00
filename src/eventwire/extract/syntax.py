"""Small helpers over spaCy's dependency parse, shared by the extraction stages."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

# Dependents that open a clause of their own: what is said there is not about the head's event.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "csubj", "xcomp"})
SPEECH_LEMMAS = frozenset(
    {"say", "tell", "add", "state", "report", "announce", "claim", "insist", "note", "write",
     "confirm", "explain", "declare", "quote"}
)


def clause_tokens(head: Token, *, skip: frozenset[str] = CLAUSE_DEPS) -> Iterator[Token]:
    """The head and its subtree, not descending into embedded clauses."""
    stack = [head]
    while stack:
        token = stack.pop()
        yield token
        stack.extend(child for child in token.children if child.dep_ not in skip)


def governing_verb(token: Token) -> Token | None:
    """The verb a noun is an argument of (subject, object, or object of a preposition)."""
    node = token
    for _ in range(4):
        if node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            return node.head if node.head.pos_ in ("VERB", "AUX") else None
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            node = node.head.head
            if node.pos_ in ("VERB", "AUX"):
                return node
            continue
        if node.dep_ == "conj":
            node = node.head
            continue
        return None
    return None


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited from the verb it is conjoined with or modifies."""
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if node.dep_ in ("conj", "advcl", "xcomp") and node.head.i != node.i:
            node = node.head
            continue
        return None
    return None


def passive_agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


def reads_passive(verb: Token) -> bool:
    """A passive, also without its auxiliary as headlines and terse reports write it: "Two
    police killed while on duty", "civilians killed by gunmen", "three people shot dead"."""
    if is_passive(verb):
        return True
    if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ACTIVE_MARKS for c in verb.children):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return True  # "shot dead by another group"
    if verb.tag_ == "VBN":
        return verb.dep_ == "acl" or any(c.dep_ == "nsubj" for c in verb.children)
    return any(c.dep_ == "oprd" and c.lower_ == "dead" for c in verb.children) and any(
        c.dep_ == "nsubj" for c in verb.children
    )  # "three people shot dead in Nairobi"


# What only an active verb has: an object, an auxiliary ("have killed"), a clause it governs.
ACTIVE_MARKS = frozenset({"dobj", "aux", "ccomp", "xcomp", "dative"})


def patient_of(verb: Token) -> Token | None:
    """Who undergoes a passive act: its passive subject, the subject of a headline passive, or
    the noun a participle describes ("2 officers killed in clashes")."""
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "nsubj"):
            return child
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    return None


def direct_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    return _counted_object(verb)


def _counted_object(verb: Token) -> Token | None:
    """"kidnapped up to 16 advisers": the parse takes "up" for a particle and the counted
    people for the object of its "to"."""
    for particle in verb.children:
        if particle.dep_ == "prt" and particle.lower_ == "up":
            for prep in particle.children:
                if prep.dep_ == "prep" and prep.lower_ == "to":
                    counted = next((g for g in prep.children if g.dep_ == "pobj"), None)
                    if counted is not None and any(c.dep_ == "nummod" for c in counted.children):
                        return counted
    return None


def prep_objects(token: Token, preps: frozenset[str]) -> Iterator[Token]:
    """Objects of the given prepositions attached to a token ("strikes on X", "attack against X")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    yield grandchild






def speech_head(token: Token) -> Token | None:
    """The reporting verb ("said", "told") whose complement contains the token, if any."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis", "advcl") and node.head.lemma_ in SPEECH_LEMMAS:
            return node.head
        node = node.head
    if node.lemma_ in SPEECH_LEMMAS and node.i != token.i:
        return node
    return None
