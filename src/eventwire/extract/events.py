"""What happened: event triggers found in the parse, grouped into one event per kind, place and day.

A *mention* is one place in the text that speaks of an event ("air strikes on pro-Iran fighters
in Iraq and Syria", "the strikes killed four of its fighters in the Qaim region"). Mentions
that point back ("the strikes", "the overnight aerial assault") join the mention they refer to.
Mentions are then grouped into events: ACLED codes one event per place and day, so a mention
naming two countries feeds two events, and the most precise place named for a country wins.
Background ("repeated attacks"), negated, hypothetical and generic mentions ("any attacks",
"to deter future action") are not events of the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.extract.actors import ActorRef, ActorResolver
from eventwire.extract.dates import DateSpan
from eventwire.extract.places import BEARING_WORDS, PlaceMention, names_a_road
from eventwire.extract.quotes import Quote, quote_for_sentence
from eventwire.extract.syntax import (
    SPEECH_LEMMAS,
    clause_tokens,
    direct_object,
    governing_verb,
    is_passive,
    passive_agent,
    patient_of,
    prep_objects,
    reads_passive,
    subject_of,
)
from eventwire.resolve.event_types import EventKind, EventTable

DEFINITE = frozenset({"the", "these", "those", "this", "that", "such", "its", "their"})
GENERIC_DETERMINERS = frozenset({"any", "no", "every", "future"})
BACKGROUND_MODIFIERS = frozenset(
    {"repeated", "previous", "past", "earlier", "prior", "future", "possible", "potential", "further",
     "frequent", "recurring", "alleged", "planned", "last", "former", "similar"}
)
HABITUAL_HEADS = frozenset({"engage", "involve", "blame", "accuse", "specialize", "specialise", "know", "prevent", "deter", "plan", "threaten"})
CARRY_OUT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "claim", "order", "execute", "perpetrate", "undertake", "unleash",
                             "impose", "reimpose", "enforce", "declare", "erect", "extend", "tighten", "institute", "introduce"})
TARGET_PREPOSITIONS = frozenset({"on", "against", "targeting", "at"})
EVENT_OBJECT_VERBS = frozenset({"target", "hit", "strike", "kill", "wound", "injure", "destroy"})
HARM_VERBS = frozenset({"kill", "wound", "injure", "hurt"})
NOT_ACTOR_LABELS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})
ARMED_TYPES = frozenset({"state_forces", "external_forces", "rebel_group", "political_militia", "identity_militia"})


@dataclass(eq=False)
class Mention:
    kind: EventKind
    trigger: Token
    scope: set[int]
    sentence: Span
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateSpan] = field(default_factory=list)  # in the trigger's own clause
    sentence_dates: list[DateSpan] = field(default_factory=list)
    agent: ActorRef | None = None
    target: ActorRef | None = None
    target_event_token: Token | None = None  # statements about an event: "condemned the strikes"
    quote: Quote | None = None
    antecedent: Mention | None = None
    target_armed: bool = False  # the victims or the target are combatants or a military site

    @property
    def root(self) -> Mention:
        node = self
        while node.antecedent is not None:
            node = node.antecedent
        return node


@dataclass(eq=False)
class EventCandidate:
    kind: EventKind
    mentions: list[Mention]
    place: PlaceMention | None
    country: str | None
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    actor1_from_parse: bool = False
    date: DateSpan | None = None
    date_from_clause: bool = False
    statement: Quote | None = None
    fatality_claims: list = field(default_factory=list)
    injury_claims: list = field(default_factory=list)

    @property
    def first_token(self) -> int:
        return min(m.trigger.i for m in self.mentions)


# -- trigger detection -----------------------------------------------------------------------
def _noun_modifiers(token: Token) -> list[str]:
    words: list[str] = []
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "npadvmod") and child.ent_type_ not in ("DATE", "TIME"):
            words.extend(part for part in child.lemma_.lower().replace("-", " ").split() if part)
    return words


def _verb_particle(token: Token) -> str | None:
    """'set off', 'call for', 'set on fire', 'set alight'."""
    holders = [token, *(c for c in token.children if c.dep_ == "dobj")]  # "set barricades on fire": on the object
    if any(child.dep_ == "prep" and child.lower_ == "on" and any(g.lower_ == "fire" for g in child.subtree if g is not child)
           for holder in holders for child in holder.children):
        return "on fire"  # also after a date ("On 6 May ... were set on fire"), "set on fire barricades"
    for child in token.children:
        if child.dep_ in ("prt", "acomp", "oprd", "advmod") and child.lower_ in ("alight", "ablaze", "off", "up", "out", "down", "over"):
            return child.lower_
        if child.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in child.children):
            continue  # "on Monday" is no particle
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.lower_ in ("for", "on", "out", "over", "down")):
            return child.lower_
        if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in child.children):
            return "for"  # "pushing for Japan to support ..."
    return None


def _object_words(token: Token) -> list[str]:
    """What the verb acts on: objects and their modifiers, predicates ("found dead"), and the
    objects of "to"/"into"/"on" ("took to the streets")."""
    words = []
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "acomp", "ccomp", "xcomp") and child.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "VERB"):
            words.append(child.lemma_.lower())
            words.extend(c.lemma_.lower() for c in child.children if c.dep_ in ("compound", "amod", "acomp", "oprd"))
            if child.dep_ in ("dobj", "nsubjpass"):
                # "seized 300 rounds of ammunition and two rifles", "took control of the town"
                words.extend(g.lemma_.lower() for g in prep_objects(child, frozenset({"of"})))
                for conj in child.conjuncts:
                    words.append(conj.lemma_.lower())
                    words.extend(c.lemma_.lower() for c in conj.children if c.dep_ in ("compound", "amod"))
        if child.dep_ == "prep" and child.lower_ in ("to", "into", "onto"):
            words.extend(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
        if child.dep_ == "prep" and child.lower_ == "on":  # "set on fire barricades": the tagger's "fire barricades"
            words.extend(g.lemma_.lower() for g in child.children
                         if g.dep_ == "pobj" and any(c.lower_ == "fire" and c.dep_ == "compound" for c in g.children))
        if child.dep_ == "prep" and child.lower_ == "from" and token.lemma_.lower() in LEAVING_VERBS:
            # "withdrew from the town": the place left is what the withdrawal acts on
            words.extend(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
    lost = _lost_passive_subject(token)
    if lost is not None:
        words.append(lost.lemma_.lower())
        words.extend(c.lemma_.lower() for c in lost.children if c.dep_ in ("compound", "amod"))
    return words


def _lost_passive_subject(verb: Token) -> Token | None:
    """"..., Hidalgo, a dead body with signs of violence was found": a passive whose subject
    the parse hung elsewhere; the nearest noun before it that is no prepositional object."""
    deps = {child.dep_ for child in verb.children}
    if "auxpass" not in deps or "nsubjpass" in deps:
        return None
    for token in reversed(verb.doc[verb.sent.start : verb.i]):
        if token.pos_ == "NOUN" and token.dep_ not in ("pobj", "compound", "poss"):
            return token
    return None


STONES = frozenset({"stone", "rock", "brick", "stick", "club"})
LEAVING_VERBS = frozenset({"withdraw", "pull", "vacate", "retreat"})


MUST_SAYING = frozenset({"say", "state", "declare", "reiterate", "insist", "stress", "add", "tell", "conclude", "maintain", "repeat",
                         "announce"})
# Verbs whose clause tells an act asked for, not one done: "demanded that the army withdraw",
# "pushing for Japan to support ...", "urged Israel to ease ...".
DEMANDING_VERBS = frozenset({"demand", "urge", "insist", "push", "press", "call", "ask", "request", "plead", "appeal", "lobby",
                             "pressure", "pressurise", "pressurize", "order", "instruct"})
DEMAND_NOUNS = frozenset({"demand", "call", "appeal", "request", "ultimatum", "plea"})
# Nouns of written or spoken statements: "issued a declaration demanding ..." states a demand.
SPEECH_NOUNS = frozenset({"declaration", "statement", "communique", "communiqué", "letter", "resolution", "message",
                          "petition", "motion", "ultimatum", "appeal", "note", "reminder"})


def _demanded_act(verb: Token) -> bool:
    """The act a demand asks for has not happened: the clause of a demanding verb, or one
    said to be a must ("X must accept ..."; not "they must have fled")."""
    if verb.pos_ != "VERB" or verb.dep_ not in ("ccomp", "advcl", "xcomp", "acl"):
        return False
    if verb.dep_ in ("ccomp", "acl") and _said_as_a_must(verb):
        return True
    if verb.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.lemma_.lower() in DEMAND_NOUNS for c in verb.head.children):
        return True  # "reiterated its demand that Israel ease ..."
    return verb.dep_ != "acl" and verb.head.lemma_.lower() in DEMANDING_VERBS


def _said_as_a_must(verb: Token) -> bool:
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ == "aux"}
    return bool(auxiliaries & {"must", "should"}) and "have" not in auxiliaries


def _orders_someone(verb: Token) -> bool:
    """"ordered the former president to appear": an order given to someone is a demand."""
    return verb.lemma_.lower() in ("order", "instruct", "summon") and any(
        child.dep_ == "dobj" and child.pos_ in ("PROPN", "NOUN")
        and not any(g.dep_ == "poss" and g.lower_ in ("his", "her", "their", "its") for g in child.children)  # own men
        for child in verb.children
    ) and any(child.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children) for child in verb.children)


def _conditional_threat(verb: Token) -> bool:
    """"will withdraw its force unless the government holds elections": an ultimatum."""
    return any(
        child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless" for g in child.children)
        for child in verb.children
    )


def _threatens_restriction(token: Token, table: EventTable) -> bool:
    """"is prepared to impose martial law": the restriction threatened."""
    act = next((child for child in token.children if child.dep_ == "xcomp"), None) if token.pos_ == "ADJ" else None
    kind = _kind_of(act, table) if act is not None and act.pos_ == "VERB" else None
    return kind is not None and kind.plover_type == "COERCE" and kind.plover_mode == "restrict"


def _says_must(verb: Token) -> bool:
    """'Russia said Sudan must return the helicopter': saying that someone must act is a demand."""
    if verb.lemma_.lower() not in MUST_SAYING:
        return False
    return any(
        child.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "must" for a in child.children)
        and any(a.dep_ in ("nsubj", "nsubjpass") for a in child.children)
        for child in verb.children
    )


# An act announced for the future is a promise when it helps and a threat when it harms (CAMEO
# 03 "express intent to ..." is PLOVER AGREE; CAMEO 13 "threaten to ..." is THREATEN):
# "Portugal will support ...", "they would boycott ...".
INTENT_AUXILIARIES = frozenset({"will", "would", "'ll", "shall", "may"})
# Acts of goodwill that, negated, are a refusal ("will not accept any more refugees").
REFUSABLE_TYPES = frozenset({"AGREE", "SUPPORT", "COOPERATE", "CONSULT", "CONCEDE"})
PROMISED_TYPES = frozenset({"SUPPORT", "CONSULT", "AID", "CONCEDE", "COOPERATE"})
THREATENED_TYPES = frozenset({"SANCTION", "ASSAULT", "COERCE", "PROTEST"})


def _stated_intent(token: Token, kind: EventKind, table: EventTable) -> EventKind | None:
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj" and kind.noun_verbs:
        token = token.head  # "will extend the curfew": the verb the act is named through
    if token.pos_ != "VERB" or kind.id in ("agree", "threaten") or _is_negated(token):
        return None
    if not any(child.dep_ == "aux" and child.lower_ in INTENT_AUXILIARIES for child in token.children):
        return None
    if _conditional_threat(token):
        return table.by_id.get("threaten")
    if kind.plover_type in PROMISED_TYPES:
        return table.by_id.get("agree")
    if kind.plover_type in THREATENED_TYPES:
        return table.by_id.get("threaten")
    return None


QUANTITY_WORDS = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "score", "scores", "group",
                            "crowd", "number", "some", "many", "several", "one", "million", "millions"})


def _subject_words(verb: Token) -> list[str]:
    """Who does the act, as words: the subject (the agent of a passive) and its modifiers,
    single and joined ("the air force" -> air, force, "air force")."""
    subject = passive_agent(verb) if reads_passive(verb) else subject_of(verb)
    if subject is None:
        return []
    if subject.pos_ == "NUM" or subject.lemma_.lower() in QUANTITY_WORDS:
        # "hundreds of protesters demanded ...": the people counted are the doers
        subject = next(prep_objects(subject, frozenset({"of"})), subject)
    modifiers = [c.lemma_.lower() for c in subject.children if c.dep_ in ("compound", "amod", "nmod")]
    lemma = subject.lemma_.lower()
    return [lemma, *modifiers, *(f"{m} {lemma}" for m in modifiers)]


# Weapons the tagger swallows into the name of whoever used them ("an Al-Shabaab IED").
WEAPON_NAMES = frozenset({"ied", "ieds", "bomb", "bombs", "landmine", "landmines", "mine", "grenade", "grenades",
                          "rocket", "rockets", "missile", "missiles", "drone", "drones", "mortar", "mortars"})


def _instrument(token: Token) -> bool:
    """"aircraft using guided missiles killed four": what a participle says the doer used is
    how the act was done, not an act of its own."""
    head = token.head
    return (
        token.pos_ == "NOUN" and token.dep_ == "dobj" and head.lemma_.lower() in ("use", "wield", "carry")
        and head.tag_ == "VBG" and head.dep_ == "acl" and head.head.dep_ == "nsubj"
    )


def _before_mistagged_participle(token: Token) -> bool:
    """"staged a demonstration denouncing ...": the tagger took the participle after the noun
    for a noun the noun qualifies; the noun is the thing done."""
    head = token.head
    return head.i == token.i + 1 and head.pos_ == "NOUN" and head.tag_ == "NN" and head.lower_.endswith("ing") and (
        head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr")
    ) and any(child.dep_ in ("relcl", "ccomp", "mark", "dobj", "prep") for child in head.children)


def _kind_of(token: Token, table: EventTable) -> EventKind | None:
    if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "DATE", "TIME") and token.lower_ not in WEAPON_NAMES:
        return None
    lemma = token.lemma_.lower()
    hyphenated = _hyphenated_word(token)
    if hyphenated is not None:  # "shoot-out", "gun-battle": one word split by the tokenizer
        kind = table.match_noun(hyphenated, []) or table.match_noun(hyphenated.removesuffix("s"), [])
        if kind is not None:
            return kind
    if token.pos_ in ("NOUN", "PROPN") and lemma in SPEECH_NOUNS and any(
        child.dep_ in ("acl", "ccomp") and _said_as_a_must(child) for child in token.children
    ):  # "issued a reminder to Iraq that it must cooperate"
        return table.by_id.get("demand")
    if token.pos_ in ("NOUN", "PROPN"):
        of_objects = [g.lemma_.lower() for g in prep_objects(token, frozenset({"of"}))]
        for inner in of_objects:  # "exchange of fire"
            kind = table.match_noun(f"{lemma} of {inner}", [])
            if kind is not None:
                return kind
        for inner in prep_objects(token, frozenset({"from"})):  # "withdrawal from the town"
            kind = table.match_noun(f"{lemma} from {inner.lemma_.lower()}", [])
            if kind is not None:
                return kind
        head_verb = token.head.lemma_.lower() if token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.head.pos_ == "VERB" else None
        kind = table.match_noun(lemma, _noun_modifiers(token), head_verb)
        if kind is not None and lemma in HEARD_BLASTS and kind.acled_sub_type == "Remote explosive/landmine/IED":
            return _heard_from_afar(token, table) or kind
        return kind
    if token.pos_ == "VERB" and (_says_must(token) or _orders_someone(token)):
        demand = table.by_id.get("demand")
        if demand is not None:
            return demand
    if token.pos_ == "VERB":
        purposes = [c.lemma_.lower() for c in token.children if c.dep_ in ("xcomp", "advcl", "conj")]
        # "gathered in rejection of ...", "gathered in solidarity with ..."
        purposes.extend(g.lemma_.lower() for g in prep_objects(token, frozenset({"in"})))
        particle, objects = _verb_particle(token), _object_words(token)
        subjects = _subject_words(token)
        for form in _verb_forms(token):
            kind = table.match_verb(form, particle, objects, purposes, subjects)
            if kind is not None:
                return kind
    if token.pos_ == "ADJ":
        return _kind_of_adjective(token, table)
    return None


# Explosions heard or observed, with no bomb or mine named, are fire from afar (the codebook's
# shelling); with shots or small arms named beside them, an exchange of fire (an armed clash).
HEARD_BLASTS = frozenset({"explosion", "blast", "detonation", "boom"})
OBSERVING_VERBS = frozenset({"hear", "observe", "record", "register", "count", "monitor", "note"})
GUNFIRE_WORDS = frozenset({"shot", "gunshot", "burst", "gunfire", "small", "machinegun", "machine-gun"})


def _heard_from_afar(token: Token, table: EventTable) -> EventKind | None:
    node = token
    for _ in range(5):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    if node.lemma_.lower() not in OBSERVING_VERBS:
        return None
    named = {t.lemma_.lower() for t in node.subtree}
    if named & {"bomb", "ied", "mine", "landmine", "grenade", "device", "suicide"}:
        return None
    return table.by_id.get("armed_clash" if named & GUNFIRE_WORDS else "shelling")


def _hyphenated_word(token: Token) -> str | None:
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_:
        return f"{token.lower_}-{doc[token.i + 2].lower_}"
    return None


def _verb_forms(token: Token) -> list[str]:
    """The lemma, and stems of the inflected form for the lemmatiser's misses ('raped' -> 'rap')."""
    lemma, lower = token.lemma_.lower(), token.lower_
    forms = [lemma]
    if _re_prefixed(token):  # "re-captured" -> "recapture"
        forms.insert(0, f"re{lemma}")
    for suffix, replacement in (("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", "")):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            forms.append(lower[: -len(suffix)] + replacement)
    return forms


def _kind_of_adjective(token: Token, table: EventTable) -> EventKind | None:
    """"is ready to withdraw" offers; "is prepared to impose martial law" threatens."""
    act = next((child for child in token.children if child.dep_ == "xcomp"), None)
    if act is None:
        return None
    offer = table.match_adjective(token.lemma_.lower())
    if offer is not None and act.pos_ == "VERB":
        offered = _kind_of(act, table)
        if offered is not None and offered.plover_type in THREATENED_TYPES:
            return table.by_id.get("threaten", offer)
    return offer
    return None


def _is_negated(token: Token) -> bool:
    if any(child.dep_ == "neg" for child in token.children):
        return True
    head = token.head
    return token.pos_ != "VERB" and any(child.dep_ == "neg" for child in head.children) and head.pos_ == "VERB"


REPORTED_INFINITIVE_HEADS = frozenset(
    {"claim", "say", "report", "appear", "seem", "confirm", "allege", "believe", "think", "know",
     # an attempted act is an event of its own (ACLED codes attempted attacks; PLOVER too)
     "attempt", "try",
     # "forcing police to open fire", "continued to shell": the act did happen
     "force", "compel", "continue", "begin", "start", "proceed", "manage", "resume",
     # "decided to allow", "voted to lift": a decision taken is the act
     "decide", "vote"}
)


def _is_hypothetical(token: Token) -> bool:
    """Infinitives and clauses of intent: 'to keep attacking', 'to deter future action'; not
    reported deeds ('claimed to have shelled')."""
    node = token
    for _ in range(4):
        if any(child.dep_ == "aux" and child.lower_ == "to" for child in node.children):
            perfect = any(child.dep_ == "aux" and child.lower_ == "have" for child in node.children)
            return not (perfect or node.head.lemma_ in REPORTED_INFINITIVE_HEADS)
        if any(child.dep_ == "aux" and child.lower_ in ("would", "could", "might", "may", "will") for child in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _is_background(token: Token) -> bool:
    modifiers = {child.lower_ for child in token.children if child.dep_ in ("amod", "det", "nummod", "compound")}
    if modifiers & (BACKGROUND_MODIFIERS | GENERIC_DETERMINERS):
        return True
    node = token
    for _ in range(4):
        habitual = node.lemma_ in HABITUAL_HEADS and not _engages_someone(node)
        if node.dep_ in ("relcl", "acl") and habitual:
            return True
        if habitual and node.i != token.i:
            return True
        if node.head.i == node.i or (node.dep_ == "conj" and node.pos_ == "VERB"):
            break  # "prevented and detained 5 people": a verb joined to another is an act of its own
        node = node.head
    return False


def _engages_someone(verb: Token) -> bool:
    """'engaged police in running battles', 'police engaged in a shoot-out with ...' tell a fight;
    'a gang known to engage in kidnappings', 'who engage in extortion' a habit."""
    if verb.lemma_ != "engage":
        return False
    if any(child.dep_ == "dobj" for child in verb.children):
        return True
    if any(fight.dep_ == "pobj" and any(p.dep_ == "prep" and p.lower_ == "with" for p in fight.children)
           for fight in (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children)):
        return True  # "engaged in a fire fight with separatists": a fight, whatever the parse made of the verb
    return verb.dep_ in ("ROOT", "conj", "ccomp", "parataxis") and not any(
        child.dep_ == "aux" and child.lower_ == "to" for child in verb.children
    )


def _in_hyphenated_word(token: Token) -> bool:
    """'Iran-backed', 'US-led': half of a compound adjective, not a verb of its own ('re-captured'
    is a verb)."""
    return token.i > 0 and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 1].whitespace_ and not _re_prefixed(token)


def _re_prefixed(token: Token) -> bool:
    return token.i > 1 and token.doc[token.i - 2].lower_ == "re" and token.doc[token.i - 1].text == "-"


PART_NOUNS = frozenset({"role", "part", "involvement", "complicity", "participation", "hand"})


def is_topic(token: Token) -> bool:
    """'protested against the arrest of ...', 'in retaliation for an air raid': what an act is
    about or answers is not an event of the report."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "pobj":
        return False
    preposition = token.head
    # "indicted for his role in the massacres": a part someone had in an incident told before
    return preposition.lower_ in ("against", "over", "about", "for") or (
        preposition.lower_ == "in" and preposition.head.lemma_.lower() in PART_NOUNS
    )


def _is_definite(token: Token) -> bool:
    return any(
        child.lower_ in DEFINITE or child.dep_ == "poss" for child in token.children if child.dep_ in ("det", "poss", "amod")
    )


# -- scope, places, dates ---------------------------------------------------------------------
def _scope(token: Token, stance_verbs: frozenset[str]) -> set[int]:
    """Tokens that speak of the same event: the trigger's clause, and its verb's when it is an argument."""
    scope = {t.i for t in clause_tokens(token)}
    verb = governing_verb(token) if token.pos_ in ("NOUN", "PROPN") else None
    if verb is not None and verb.lemma_ not in SPEECH_LEMMAS and verb.lemma_ not in stance_verbs:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        for t in clause_tokens(verb):
            scope.add(t.i)
        # the subject of "X said/decried" is a speaker, but the subject of "gunmen attacked" is in
        if subject is not None and subject.i != token.i and verb.lemma_ in SPEECH_LEMMAS:
            scope.difference_update(t.i for t in subject.subtree)
    return scope


def _is_relative_locator(place: PlaceMention, doc: Doc) -> bool:
    """'near the border with Syria', 'on the road to X': the place only locates something else."""
    root = place.span(doc).root
    if root.dep_ == "pobj" and root.head.lower_ in ("with", "to", "from") and root.head.head.lower_ in (
        "border", "frontier", "road", "highway", "route", "way", "trip", "visit", "flight"
    ):
        return True
    return False


# Verbs of coming from somewhere: "returned from Peru" tells where they left, not where they are.
ARRIVING_VERBS = frozenset({"return", "arrive", "come", "repatriate", "deport", "fly", "travel", "flee", "escape", "evacuate"})


def is_origin(place: PlaceMention, doc: Doc) -> bool:
    """'a teacher from Toronto was arrested in Egypt', 'migrants returned from Peru to Caracas':
    where someone comes from."""
    root = place.span(doc).root
    if root.dep_ != "pobj" or root.head.lower_ != "from":
        return False
    owner = root.head.head
    if owner.pos_ == "VERB":
        return owner.lemma_.lower() in ARRIVING_VERBS
    return owner.pos_ in ("NOUN", "PROPN") and owner.dep_ in ("nsubj", "nsubjpass", "dobj", "appos")


def _places_in(scope: set[int], places: list[PlaceMention], doc: Doc) -> list[PlaceMention]:
    found = [p for p in places if p.start in scope and not _is_relative_locator(p, doc)]
    # not where people came from, nor a road named after a town ("on Murree road in Rawalpindi")
    where = [p for p in found if not is_origin(p, doc) and not names_a_road(p.span(doc)) and not _bearing_from(p, doc)]
    return where or found


def _bearing_from(place: PlaceMention, doc: Doc) -> bool:
    """"Sirwah district west of Marib city": the place a bearing is taken from, not the place itself."""
    root = place.span(doc).root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in BEARING_WORDS


def _dates_in(indices: set[int] | range, dates: list[DateSpan], doc: Doc) -> list[DateSpan]:
    return [d for d in dates if d.start in indices and not _dates_speech(d, doc)]


def _dates_speech(date: DateSpan, doc: Doc) -> bool:
    """'said Monday ...': a date right after a reporting verb dates the saying, not the event."""
    before = doc[date.start - 1] if date.start > 0 else None
    if before is not None and before.lower_ == "on" and date.start > 1:
        before = doc[date.start - 2]
    return before is not None and before.lemma_ in SPEECH_LEMMAS


# -- actors of a mention ------------------------------------------------------------------------
# Combatants and military sites: violence against them is a battle (ACLED codebook, Battles),
# even when the report names no armed group ("killed two soldiers", "fired at the positions").
ARMED_PEOPLE = frozenset(
    {"militant", "fighter", "rebel", "insurgent", "jihadist", "soldier", "troop", "policeman", "policemen",
     "gendarme", "militiaman", "militiamen", "combatant", "guerrilla", "gunman", "gunmen", "bandit", "robber",
     "gangster", "raider", "assailant", "attacker", "serviceman", "servicemen", "paramilitary", "terrorist", "bomber", "sniper",
     "colonel", "general", "lieutenant", "sergeant", "captain", "major", "corporal", "private", "reservist",
     "carjacker", "hijacker", "kidnapper", "rustler", "warrior", "thug"}
)
ARMED_SITES = frozenset(
    {"position", "checkpoint", "outpost", "barracks", "convoy", "patrol", "garrison", "trench", "fortification",
     "frontline", "stronghold", "hideout"}
)
ARMED_MODIFIERS = frozenset(
    {"armed", "police", "army", "military", "security", "militia", "rebel", "militant", "jihadist", "insurgent",
     "gendarmerie", "soldier", "troop", "force", "forces", "terrorist", "gang"}
)
SITE_MODIFIERS_CIVIL = frozenset({"refugee", "idp", "displacement", "displaced", "migrant", "camping", "cattle"})


def _armed_target(token: Token | None) -> bool:
    """'2 IS militants', 'an army colonel', 'a member of the police', 'the positions of X',
    'a police checkpoint', 'armed men'."""
    if token is None:
        return False
    if token.pos_ == "NUM" or token.lemma_.lower() in ("one", "some", "many", "several", "dozens", "scores", "member", "body", "remains"):
        inner = next(prep_objects(token, frozenset({"of"})), None)
        if inner is not None:
            return _armed_target(inner) or inner.lemma_.lower() in ARMED_MODIFIERS
    lemma = token.lemma_.lower()
    modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod", "poss")}
    if lemma in ARMED_PEOPLE and lemma not in ("private", "general", "major", "captain"):
        return True
    if lemma in ARMED_SITES:
        return not (modifiers & SITE_MODIFIERS_CIVIL)
    if lemma in ("officer", "member", "commander", "leader", "agent", "unit", "man", "men", "colonel", "general",
                 "captain", "major", "base", "camp", "post", "station", "vehicle", "truck"):
        return bool(modifiers & ARMED_MODIFIERS)
    return False


def _target_token(token: Token, *, bodies: bool = True) -> Token | None:
    """Who an act is aimed at, as the parse tells it: a passive's patient, the victim object, the
    object of on/against/at (and, with ``bodies``, whose "bodies" were found)."""
    if token.pos_ == "VERB":
        if reads_passive(token):
            return _people_a_site_is_for(patient_of(token))
        obj = direct_object(token)
        # "launched mortar fire against X": the weapon is the object, its aim the target
        aimed = [t for o in (obj, *obj.conjuncts) for t in prep_objects(o, TARGET_PREPOSITIONS)] if obj is not None else []
        return _people_a_site_is_for(_victim_object(token) or _first_actor_like(
            [*prep_objects(token, TARGET_PREPOSITIONS), *aimed, *prep_objects(token, frozenset({"with"}))]
        ))
    opponents = [t for t in prep_objects(token, frozenset({"with"})) if t.lemma_.lower() not in WEAPON_LEMMAS]
    target = _first_actor_like([*prep_objects(token, TARGET_PREPOSITIONS), *opponents])  # "a fire fight with separatists"
    if bodies and target is None and token.lemma_.lower() in ("body", "bodies", "remains", "corpse"):
        target = next(prep_objects(token, frozenset({"of"})), None)
    verb = governing_verb(token)
    if verb is not None and verb.lemma_ in EVENT_OBJECT_VERBS and token.dep_ in ("nsubj",):
        target = target or direct_object(verb)
    return target


# Places people live or are cared for: an attack on one is an attack on them.
SHELTER_SITES = frozenset({"camp", "shelter", "home", "school", "hospital", "centre", "center", "settlement", "orphanage"})


def _people_a_site_is_for(target: Token | None) -> Token | None:
    """"a camp for Congolese refugees was attacked": the refugees are the target."""
    if target is None or target.lemma_.lower() not in SHELTER_SITES:
        return target
    return next(prep_objects(target, frozenset({"for"})), target)


# What is fired or used is the weapon, not the target: "fired rifles at villagers".
WEAPON_LEMMAS = frozenset(
    {"arm", "rifle", "gun", "mortar", "rocket", "shell", "missile", "grenade", "round", "bullet", "shot", "gas",
     "teargas", "cannon", "weapon", "launcher", "projectile", "artillery", "fire", "ammunition", "firearm"}
)


def _victim_object(verb: Token) -> Token | None:
    obj = direct_object(verb)
    if obj is not None and obj.dep_ == "dobj" and obj.lemma_.lower() in WEAPON_LEMMAS:
        return None
    if obj is not None and obj.lemma_.lower() in SHARE_NOUNS:  # "captured part of a stronghold"
        return next(prep_objects(obj, frozenset({"of"})), obj)
    return obj


SHARE_NOUNS = frozenset({"part", "parts", "section", "sections", "half", "rest", "most", "much"})
# Sites named after the armed men who hold them: "guerrilla camps", "a rebel stronghold".
HELD_SITES = ARMED_SITES | {"camp", "base", "post", "territory", "area", "zone", "enclave", "village", "town", "den"}
OWNER_WORDS = frozenset({"rebel", "guerrilla", "guerilla", "militant", "insurgent", "militia", "jihadist", "terrorist",
                         "separatist", "bandit", "gang"})


def _armed_owner(site: Token | None) -> Token | None:
    """The word naming the armed men a site belongs to: "guerrilla" in "guerrilla camps",
    "rebel" in "rebel-held territory"."""
    if site is None or site.lemma_.lower() not in HELD_SITES:
        return None
    for child in site.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.lemma_.lower() in OWNER_WORDS:
            return child
        if child.dep_ == "amod" and child.lemma_.lower() in ("hold", "control", "run", "occupy"):
            holder = next((g for g in child.children if g.lemma_.lower() in OWNER_WORDS), None)
            if holder is not None:
                return holder
    return None


def _targets_armed(token: Token) -> bool:
    """Whether what the act is aimed at is a combatant or a military site ("fired small arms at
    the positions of ...": the weapon is the object, the positions the target)."""
    candidates = [_target_token(token), *prep_objects(token, TARGET_PREPOSITIONS)]
    if token.pos_ == "VERB":
        candidates.append(direct_object(token))
    return any(_armed_target(candidate) for candidate in candidates)


def _agent_and_target(token: Token, resolver: ActorResolver) -> tuple[ActorRef | None, ActorRef | None]:
    agent_token: Token | None = None
    target_token = _target_token(token, bodies=False)
    if token.pos_ == "VERB":
        agent_token = passive_agent(token) if reads_passive(token) else subject_of(token)
    else:
        for child in token.children:
            if child.dep_ == "poss" or (child.dep_ in ("compound", "amod") and child.ent_type_ in ("GPE", "NORP", "ORG")):
                agent_token = child
        by_agent = next(prep_objects(token, frozenset({"by"})), None)
        agent_token = by_agent or agent_token
        verb = governing_verb(token)
        if verb is not None and verb.lemma_ in CARRY_OUT_VERBS and token.dep_ == "dobj":
            agent_token = agent_token or subject_of(verb)
        if verb is not None and verb.lemma_ == "engage" and token.dep_ == "pobj":
            # "forces engaged in a fire fight": the subject, or the noun the parse hung the verb on
            agent_token = agent_token or subject_of(verb) or (verb.head if verb.dep_ == "acl" else None)
    agent = _resolve_actor_token(agent_token, resolver)
    if _armed_owner(target_token) is not None:
        return agent, resolver.armed_group_holding(target_token)
    target = _resolve_actor_token(target_token, resolver)
    return agent, target


def _first_actor_like(tokens: list[Token]) -> Token | None:
    """The first that can be an actor: not a date ("on Sunday") and not a place ("in Kabul")."""
    return next((t for t in tokens if t.ent_type_ not in NOT_ACTOR_LABELS), None)


def _victim_head(token: Token | None) -> Token | None:
    """"4 Iraqis", "dozens of Palestinians": the people counted."""
    if token is not None and (token.pos_ == "NUM" or token.lemma_.lower() in ("one", "some", "many", "several", "dozens", "scores")):
        return next(prep_objects(token, frozenset({"of"})), token)
    return token


def _resolve_actor_token(token: Token | None, resolver: ActorResolver) -> ActorRef | None:
    if token is None:
        return None
    if token.pos_ == "NUM" or token.lemma_.lower() in ("one", "some", "many", "several", "dozens", "scores"):
        inner = next(prep_objects(token, frozenset({"of"})), None)
        if inner is not None:
            return resolver.resolve(inner)
    return resolver.resolve(token)


# -- the component ------------------------------------------------------------------------------
def find_mentions(
    doc: Doc,
    table: EventTable,
    resolver: ActorResolver,
    places: list[PlaceMention],
    dates: list[DateSpan],
    quotes: list[Quote],
) -> list[Mention]:
    finder = _MentionFinder(doc, table, resolver, places, dates, quotes)
    for token in doc:
        finder.visit(token)
    if not any(not m.kind.statement for m in finder.mentions):
        _headline_verbs(finder)
    mentions = finder.mentions + _cue_statements(doc, table, quotes, finder.by_token)
    mentions.sort(key=lambda m: m.trigger.i)
    return mentions


def _headline_verbs(finder: _MentionFinder) -> None:
    """Headline wording ("Police exchange fire with raiders", "Youths attack meeting of party"):
    the parser takes a present-tense verb for a noun. When nothing happened otherwise, a noun
    right after a noun (its subject) that is a listed verb, with the words after it as its
    object, is read as that verb."""
    doc = finder.doc
    for token in doc:
        if token.i == 0 or token.i in finder.by_token or not token.is_lower:
            continue
        if token.pos_ != "NOUN" and not (token.pos_ == "VERB" and token.dep_ == "compound"):
            continue  # "Mob lynches murder suspect": the verb taken for a compound
        subject = doc[token.i - 1]
        before_an_object = token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "DET"  # "Residents lynch a man"
        if subject.pos_ not in ("NOUN", "PROPN") or (token.dep_ not in ("compound", "ROOT", "conj") and not before_an_object):
            continue
        objects = [t.lemma_.lower() for t in doc[token.i + 1 : token.i + 4]]
        for form in _verb_forms(token):
            kind = finder.table.match_verb(form, None, objects)
            if kind is None or kind.statement or kind.needs_subject:
                continue
            mention = finder._new_mention(token, kind, None)
            mention.agent = mention.agent or finder.resolver.resolve(subject)
            following = next((t for t in doc[token.i + 1 : token.i + 4] if t.pos_ in ("NOUN", "PROPN")), None)
            if mention.target is None and following is not None:
                mention.target = finder.resolver.resolve(following)
                mention.target_armed = _armed_target(following)
            finder.mentions.append(mention)
            finder.by_token[token.i] = mention
            return


class _MentionFinder:
    """Visits tokens in text order, so that a back reference always finds what it refers to;
    a verb visits its event-noun arguments first ("killed in the strikes")."""

    def __init__(self, doc, table, resolver, places, dates, quotes):
        self.doc, self.table, self.resolver = doc, table, resolver
        self.places, self.dates, self.quotes = places, dates, quotes
        self.mentions: list[Mention] = []
        self.by_token: dict[int, Mention] = {}
        self.visited: set[int] = set()

    def visit(self, token: Token) -> None:
        if token.i in self.visited or (token.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ") and _hyphenated_word(token) is None):
            return
        self.visited.add(token.i)
        if token.pos_ == "VERB":
            kind = _kind_of(token, self.table)
            if kind is not None and kind.absorbs_object:
                # "defused a bomb", "seized weapons": what is disrupted is not an attack
                for argument in token.children:
                    if argument.dep_ in ("dobj", "nsubjpass"):
                        self.visited.update(t.i for t in (argument, *argument.conjuncts))
            for child in token.children:
                for argument in (child, *[g for g in child.children if g.dep_ == "pobj"]):
                    if argument.pos_ in ("NOUN", "PROPN"):
                        self.visit(argument)
        mention = self._mention_at(token)
        if mention is not None:
            self.mentions.append(mention)
            self.by_token[token.i] = mention

    def _absorbed(self, token: Token) -> bool:
        """'a bomb was defused': the object of a disrupting act is no event of its own."""
        node = token
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        if node.dep_ not in ("dobj", "nsubjpass") or node.head.pos_ != "VERB":
            return False
        kind = _kind_of(node.head, self.table)
        return kind is not None and kind.absorbs_object

    def _mention_at(self, token: Token) -> Mention | None:
        if token.pos_ in ("NOUN", "PROPN") and self._absorbed(token):
            return None
        hyphen_start = _hyphenated_word(token) is not None
        if (token.dep_ == "compound" and not hyphen_start and not _before_mistagged_participle(token)) or (
            is_topic(token) or _in_hyphenated_word(token) or _instrument(token)
        ):
            return None
        kind = _kind_of(token, self.table)
        lemma = token.lemma_.lower()
        antecedent = None
        if token.pos_ in ("NOUN", "PROPN") and _is_definite(token):
            antecedent = _antecedent(token, kind, lemma, self.mentions, self.table)
            if antecedent is not None:
                kind = antecedent.root.kind
        if kind is None:
            return None
        restriction = kind.plover_type == "COERCE" and kind.plover_mode == "restrict"
        kind = _stated_intent(token, kind, self.table) or kind
        if token.pos_ == "VERB" and kind.plover_type in REFUSABLE_TYPES and _is_negated(token):
            # "will not accept", "did not agree": a refusal (CAMEO 12); "rejected the demands,
            # saying the budget could not support ...": the reason of a statement already told
            if any(m.kind.statement and m.sentence.start == token.sent.start for m in self.mentions):
                return None
            kind = self.table.by_id.get("reject", kind)
            return self._new_mention(token, kind, antecedent)
        if token.pos_ == "VERB" and _demanded_act(token):
            return None
        if kind.statement and token.dep_ in ("relcl", "acl") and not _states_a_speech_noun(token):
            return None
        if kind.statement and self._serves_an_incident(token):
            return None
        # "gathered to protest ...": a protest stated as the purpose of a gathering still happened
        hypothetical = _is_hypothetical(token) and kind.plover_type != "PROTEST"
        if _is_negated(token) or (not kind.statement and (hypothetical or _is_background(token))):
            if antecedent is None:
                return None
        if token.pos_ == "VERB" and not kind.statement:
            kind = self._by_weapon(token) or kind
            joined = _event_argument(token, self.by_token) or self._harm_of_earlier(token)
            if joined is not None:
                self._join(joined, token)
                _name_the_harm(joined, kind)
                return None
        mention = self._new_mention(token, kind, antecedent)
        if restriction or _threatens_restriction(token, self.table):
            mention.target = self._people_restricted(mention) or mention.target
        return mention

    def _people_restricted(self, mention: Mention) -> ActorRef | None:
        """A curfew, a ban or martial law is imposed on the people of the place it covers (else
        of the country of whoever imposes it)."""
        place = _country_place(mention)
        if place is not None:
            return self.resolver.people_at(place)
        if mention.agent is not None and mention.agent.actor.country_iso3:
            return self.resolver.civilians_of(mention.agent.actor.country_iso3, mention.agent)
        return None

    def _harm_of_earlier(self, verb: Token) -> Mention | None:
        """'... killed in the strikes and six more were wounded': a harm verb tells the toll of an
        incident already named in its sentence, not a new incident."""
        if verb.lemma_.lower() not in HARM_VERBS and verb.lemma_.lower() != "leave":
            return None
        earlier = [
            m for m in self.mentions
            if not m.kind.statement and m.trigger.i < verb.i and m.sentence.start == verb.sent.start
        ]
        return earlier[-1] if earlier else None

    def _by_weapon(self, verb: Token) -> EventKind | None:
        """'killed by mortars', 'attacked with grenades': the weapon decides the sub-event type."""
        for weapon in prep_objects(verb, frozenset({"by", "with"})):
            if weapon.lemma_.lower() in STONES and verb.lemma_.lower() in ("attack", "assault", "beat", "injure", "wound", "kill"):
                # "attacked the aspirants with stones": a crowd's or a riot's violence
                return self.table.by_id.get("stoning")
            kind = _kind_of(weapon, self.table)
            if kind is not None and kind.acled_type == "Explosions/Remote violence":
                return kind
        weapon = passive_agent(verb)
        if weapon is not None:
            kind = _kind_of(weapon, self.table)
            if kind is not None and kind.acled_type == "Explosions/Remote violence":
                return kind
        return None

    def _serves_an_incident(self, token: Token) -> bool:
        """'marched to demand better pay': the demand is what the protest is about; 'rejected the
        union's demands': the demands are what the rejection is about. Neither is an event."""
        head = token.head
        if token.dep_ in ("advcl", "xcomp", "acl") and head.i in self.by_token:
            return not self.by_token[head.i].kind.statement
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "pobj"):
            verb = governing_verb(token)
            head_kind = _kind_of(verb, self.table) if verb is not None else None
            return head_kind is not None and head_kind.statement
        return False

    def _target_of(self, token: Token, kind: EventKind, target: ActorRef | None) -> ActorRef | None:
        """The target the parse gave, except that people of a nation who suffer violence or
        coercion ("killed 4 Iraqis") are that state's civilians, not its government."""
        if (kind.violent or kind.plover_type == "COERCE") and (target is None or target.actor.type == "government"):
            return self.resolver.nationals_as_victims(_victim_head(_target_token(token))) or target
        return target

    def _join(self, joined: Mention, verb: Token) -> None:
        joined.scope.update(t.i for t in clause_tokens(verb))
        joined.places = _places_in(joined.scope, self.places, self.doc)
        joined.dates = _dates_in(joined.scope, self.dates, self.doc)
        if joined.target is None or joined.target.actor.type == "government":
            joined.target = self._target_of(verb, joined.kind, _agent_and_target(verb, self.resolver)[1]) or joined.target
        joined.target_armed = joined.target_armed or _targets_armed(verb)

    def _new_mention(self, token: Token, kind: EventKind, antecedent: Mention | None) -> Mention:
        sentence = token.sent
        scope = _scope(token, self.table.statement_verbs)
        agent, target = _agent_and_target(token, self.resolver)
        target = self._target_of(token, kind, target)
        mention = Mention(
            kind=kind,
            trigger=token,
            target_armed=_targets_armed(token),
            scope=scope,
            sentence=sentence,
            places=_places_in(scope, self.places, self.doc),
            dates=_dates_in(scope, self.dates, self.doc),
            sentence_dates=[d for d in self.dates if sentence.start <= d.start < sentence.end],
            agent=agent,
            target=target,
            quote=quote_for_sentence(self.quotes, sentence.start),
            antecedent=antecedent,
        )
        if kind.statement:
            _fill_statement(mention, token, self.resolver, self.by_token)
        return mention


DEATH_LEMMAS = frozenset({"kill", "dead", "death", "die", "murder", "behead", "execute", "body", "corpse", "fatality"})


def _name_the_harm(joined: Mention, kind: EventKind) -> None:
    """'attacked the village and raped women': an attack on civilians in which women are raped is
    sexual violence; one in which people are abducted and nobody is killed, an abduction (ACLED
    codebook: the sub-event type names the harm done to the victims)."""
    if joined.kind.id != "attack" or kind.id not in ("sexual_violence", "abduction"):
        return
    if kind.id == "abduction" and any(t.lemma_.lower() in DEATH_LEMMAS for t in joined.sentence):
        return
    joined.kind = kind


def _antecedent(token: Token, kind: EventKind | None, lemma: str, earlier: list[Mention], table: EventTable) -> Mention | None:
    compatible = {k.id for k in table.anaphoric_kinds(lemma)}
    if kind is not None:
        compatible.add(kind.id)
    for mention in reversed(earlier):
        if mention.trigger.i < token.i and not mention.kind.statement and mention.root.kind.id in compatible:
            return mention
    return None


# "took the town after heavy fighting": what came before is another incident
EARLIER_PREPOSITIONS = frozenset({"after", "before", "following", "since", "until"})


def _event_argument(verb: Token, by_token: dict[int, Mention]) -> Mention | None:
    """'the strikes killed ...', 'killed in the strikes', 'clashed ..., killing 12': the verb adds
    to the mention it is an argument or a consequence of."""
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i in by_token and not by_token[verb.head.i].kind.statement:
        return by_token[verb.head.i]
    # "five people were killed following clashes": a toll comes from the incident it follows
    harm = verb.lemma_.lower() in HARM_VERBS
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i in by_token:
            return by_token[child.i]
        if child.dep_ in ("prep", "agent") and (harm or child.lower_ not in EARLIER_PREPOSITIONS):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.i in by_token and not by_token[grandchild.i].kind.statement:
                    return by_token[grandchild.i]
    return None


def _fill_statement(mention: Mention, token: Token, resolver: ActorResolver, by_token: dict[int, Mention]) -> None:
    """The speaker is actor1; what the statement is about is actor2 (an event's perpetrator later)."""
    if token.pos_ == "VERB" and _states_a_speech_noun(token):
        statement = token.head
        speaker_token = next((c for c in statement.children if c.dep_ == "poss"), None)
        verb = governing_verb(statement)
        if speaker_token is None and verb is not None:
            speaker_token = subject_of(verb)
    elif token.pos_ == "VERB" and _passive_act(token):  # "was indicted by the court"
        speaker_token = _agent_in_clause(token)
    elif token.pos_ == "VERB":
        speaker_token = subject_of(token)
    elif token.pos_ == "ADJ":  # "Syria is willing to ..."
        speaker_token = subject_of(token.head)
    else:  # "X's condemnation", "X launched an investigation"
        speaker_token = next((c for c in token.children if c.dep_ == "poss"), None)
        if speaker_token is None and token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ == "VERB":
            speaker_token = subject_of(token.head)
        verb = _verb_of_prep_object(token)
        if speaker_token is None and verb is not None:
            # "arrived on a visit", "took part in talks"; "was put under investigation by X"
            speaker_token = passive_agent(verb) if _passive_act(verb) else subject_of(verb)
    if speaker_token is not None and speaker_token.pos_ == "PRON":
        # "X said they would boycott ...": the pronoun is the one who said it
        speaker_token = _reporting_subject(token) or speaker_token
    speaker = resolver.resolve(speaker_token) if speaker_token is not None else None
    if speaker is None and speaker_token is not None and speaker_token.dep_ == "poss" and speaker_token.pos_ == "PRON":
        # "the Office reiterated its demand": whose demand is whoever reiterates it
        verb = governing_verb(token)
        speaker_token = subject_of(verb) if verb is not None else speaker_token
        speaker = resolver.resolve(speaker_token) if speaker_token is not None else None
    if speaker is None and mention.quote is not None:
        speaker = mention.quote.speaker
    if speaker is None and speaker_token is not None and speaker_token.pos_ != "PRON":
        speaker = resolver.unlisted(speaker_token)
    if speaker is None and not mention.kind.speech and _told_in_passive(token):
        speaker = _authorities_of_place(mention, resolver)
    mention.agent = speaker
    obj = direct_object(token) if token.pos_ == "VERB" else None
    if obj is not None and obj.i in by_token:
        mention.target_event_token = obj
        return
    for candidate in _statement_objects(token):
        target = resolver.resolve_counterpart(candidate)
        if target is not None and (speaker is None or target.actor.name != speaker.actor.name):
            mention.target = target
            return


# Passive forms that state a stance, not an act done to the subject: "Israel is opposed to ..."
STATIVE_PASSIVES = frozenset({"oppose", "commit", "determine", "prepare", "concern", "worry", "interest", "dedicate",
                              "resolve", "convince", "disappoint", "satisfy", "please", "alarm"})


def _passive_act(verb: Token) -> bool:
    return is_passive(verb) and verb.lemma_.lower() not in STATIVE_PASSIVES


def _agent_in_clause(verb: Token) -> Token | None:
    """The "by" agent of a passive, also where the parse hung it on a later word of the clause
    ("accused of misusing funds ... by officials")."""
    agent = passive_agent(verb)
    if agent is not None:
        return agent
    for token in verb.subtree:
        if token.dep_ == "agent" and token.head.tag_ == "VBN" and token.head.dep_ != "acl":
            return next((g for g in token.children if g.dep_ == "pobj"), None)
    return None


def _told_in_passive(token: Token) -> bool:
    verb = token if token.pos_ == "VERB" else _verb_of_prep_object(token) or governing_verb(token)
    return verb is not None and _passive_act(verb) and _agent_in_clause(verb) is None


def _authorities_of_place(mention: Mention, resolver: ActorResolver) -> ActorRef | None:
    """"a Briton was put under investigation in Spain", "the newspaper was banned in Kenya": a
    state act with no doer named is the act of the state where it happened."""
    place = _country_place(mention)
    return resolver.government_at(place) if place is not None else None


def _country_place(mention: Mention) -> PlaceMention | None:
    """The first place of the mention's clause whose country is known."""
    return next((p for p in mention.places if p.country_iso3), None)


def _states_a_speech_noun(verb: Token) -> bool:
    """'issued a declaration demanding ...': the participle says what the statement says."""
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in SPEECH_NOUNS


def _reporting_subject(token: Token) -> Token | None:
    node = token
    for _ in range(3):
        if node.head.i == node.i:
            return None
        if node.dep_ == "ccomp" and node.head.lemma_ in SPEECH_LEMMAS:
            subject = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
            return subject if subject is not None and subject.pos_ != "PRON" else None
        node = node.head
    return None


def _verb_of_prep_object(token: Token) -> Token | None:
    """The verb a noun hangs from through a preposition: "arrived" of "arrived on a visit"."""
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ == "VERB":
        return token.head.head
    return None


def _statement_objects(token: Token) -> list[Token]:
    """Who a statement or political act is aimed at, most direct first: the object ("praised
    Haiti"), its possessor ("Haiti's efforts"), the recipient ("gave the Ivory Coast aid"),
    objects of to/against/on/with/from, and the subject or object of the act demanded or
    threatened ("demanded that Israel ease", "threatened to shell Iraqi towns")."""
    head = token.head if token.pos_ == "ADJ" else token
    found: list[Token] = []
    if token.pos_ == "VERB" and _passive_act(token):  # "X was indicted": X is whom it is aimed at
        found.extend(c for c in token.children if c.dep_ == "nsubjpass")
    for child in head.children:
        if child.dep_ in ("dobj", "dative", "attr"):
            found.append(child)
            found.extend(c for c in child.children if c.dep_ == "poss")
    found.extend(prep_objects(head, frozenset({"to", "against", "on", "with", "from", "for", "toward", "towards"})))
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj":  # "issued a reminder to Iraq"
        found.extend(prep_objects(token.head, frozenset({"to"})))
        found.extend(g for c in token.head.children if c.dep_ == "dative" for g in c.children if g.dep_ == "pobj")
        if token.lemma_.lower() in DEMAND_NOUNS:  # "reiterated its demand that Israel ease"
            found.extend(g for c in token.head.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))
    verb = _verb_of_prep_object(token)
    if verb is not None and _passive_act(verb):  # "X was put under investigation"
        found.extend(c for c in verb.children if c.dep_ == "nsubjpass")
    elif verb is not None:  # "arrived in Amman on a visit": the host is where the visitor went
        found.extend(c for c in verb.children if c.dep_ == "dobj")
        found.extend(prep_objects(verb, frozenset({"in", "to", "with"})))
    for child in [*head.children, *token.children]:
        if child.dep_ in ("ccomp", "xcomp") or (child.dep_ == "advcl" and _verb_particle(head) == "for"):
            found.extend(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative"))
            found.extend(prep_objects(child, frozenset({"to", "against", "on", "from", "in"})))
    return found


def _cue_statements(doc: Doc, table: EventTable, quotes: list[Quote], by_token: dict[int, Mention]) -> list[Mention]:
    """Quotes whose words are a threat or warning ('reserve the right to respond')."""
    found = []
    for kind in table.kinds:
        if not kind.cues:
            continue
        for quote in quotes:
            if quote.speaker is None or not _has_cue(quote.text, kind.cues):
                continue
            verb = doc[quote.verb_i] if quote.verb_i >= 0 else doc[quote.sentence_start]
            if any(m.kind.id == kind.id and m.trigger.sent.start == verb.sent.start for m in by_token.values()):
                continue
            found.append(
                Mention(
                    kind=kind,
                    trigger=verb,
                    scope={t.i for t in verb.sent},
                    sentence=verb.sent,
                    agent=quote.speaker,
                    quote=quote,
                )
            )
    return found


def _has_cue(text: str, cues: tuple[str, ...]) -> bool:
    words = text.lower().replace("’", "'").split()
    joined = " ".join(w.strip(".,;:!?\"“”'") for w in words)
    for cue in cues:
        parts = cue.split()
        if cue in joined:
            return True
        # allow one extra word inside a cue: "right to respond" ~ "legal right to respond"
        tokens = joined.split()
        for i, word in enumerate(tokens):
            if word != parts[0]:
                continue
            j, k, gaps = i + 1, 1, 0
            while k < len(parts) and j < len(tokens) and gaps <= 1:
                if tokens[j] == parts[k]:
                    k += 1
                else:
                    gaps += 1
                j += 1
            if k == len(parts):
                return True
    return False
