"""Who: noun phrases of the article resolved to normalised actors, with simple coreference.

Resolution order for a phrase: a knowledge-base name or alias inside it ("the Pentagon",
"Hashed al-Shaabi", "Baghdad" as a seat of government); a person with a title and a country
("Iraq's Prime Minister Mustafa al-Kadhemi" -> Government of Iraq); a security-force noun with a
country ("US forces"); an armed-group noun with an affiliation ("pro-Iran fighters" -> a militia
backed by Iran); generic ACLED actors ("gunmen", "protesters", "villagers"); and references back
("the group", "he") to the last actor named before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from eventwire.extract.syntax import prep_objects, speech_head
from eventwire.resolve.actors import GENERIC_ACTORS, ActorKB, KBActor, Leader
from eventwire.schema import Actor

if TYPE_CHECKING:
    from eventwire.extract.places import PlaceMention

SECURITY_NOUNS = frozenset(
    {"force", "forces", "troop", "troops", "army", "soldier", "soldiers", "military", "police",
     "policeman", "policemen", "officer", "officers", "navy", "airforce", "marine", "marines",
     "gendarme", "gendarmes", "gendarmerie", "security", "jet", "jets", "warplane", "warplanes",
     "aircraft", "drone", "drones"}
)
ARMED_GROUP_NOUNS = frozenset(
    {"fighter", "militia", "militant", "gunman", "group", "faction", "rebel", "insurgent",
     "jihadist", "assailant", "attacker", "extremist", "terrorist", "bandit", "paramilitary",
     "proxy", "target", "position", "raider", "rustler", "poacher", "robber", "gang", "gangster",
     "kidnapper", "warlord", "guerrilla", "separatist", "sniper", "cadre", "operative", "shooter", "gunner"}
)
UNNAMED_PERPETRATORS = frozenset(
    {"gunman", "assailant", "attacker", "man", "bandit", "kidnapper", "militant", "unknown"}
)
PROTESTER_NOUNS = frozenset({"protester", "protestor", "demonstrator", "marcher", "activist"})
RIOTER_NOUNS = frozenset({"rioter", "mob", "looter"})
CIVILIAN_NOUNS = frozenset(
    {"civilian", "villager", "resident", "people", "person", "farmer", "student", "child",
     "woman", "worshipper", "passenger", "herder", "trader", "pupil", "family", "journalist",
     "teacher", "driver", "fisherman", "refugee", "migrant", "patient", "shopper", "man",
     "worker", "employee", "labourer", "laborer", "inmate", "prisoner", "youth", "local", "neighbour",
     "neighbor", "relative", "kin", "citizen", "inhabitant", "villager", "fishermen", "nurse", "doctor",
     "supporter", "voter", "delegate", "tenant", "fan", "parent", "rider", "operator", "motorist", "vendor",
     "hawker", "squatter", "missionary", "priest", "nun", "tourist", "businessman", "businesswoman", "engineer",
     "volunteer", "national", "pilgrim", "shepherd", "miner"}
)
BACK_REFERENCES = frozenset(
    {"group", "militia", "movement", "organisation", "organization", "alliance", "faction",
     "network", "outfit", "coalition", "force"}
)
FORCE_SITES = frozenset(
    {"position", "checkpoint", "patrol", "base", "convoy", "outpost", "post", "camp", "station",
     "barracks", "vehicle", "unit", "personnel", "team", "party", "element", "man", "agent", "guard", "warden"}
)
STATE_MARKERS = frozenset(
    {"government", "governmental", "military", "army", "police", "policeman", "security", "state",
     "federal", "paramilitary", "pro-government", "prison", "regime", "border"}
)
# institutions of one country: an unlisted one with no country stated is of its sentence's country
DOMESTIC_BODIES = frozenset(
    {"party", "union", "court", "parliament", "assembly", "newspaper", "daily", "opposition", "front",
     "movement", "council", "commission", "congress", "senate", "judiciary", "administration", "tribunal",
     "legislature", "junta", "regime"}
)
OFFICE_NOUNS = frozenset(
    {"official", "minister", "diplomat", "negotiator", "spokesman", "spokeswoman", "spokesperson",
     "envoy", "ambassador", "leader", "president", "premier", "government", "authorities",
     "administration", "ministry", "cabinet", "delegation", "prosecutor", "court", "parliament",
     "junta", "side"}  # "the Turkish side said": a country's side in talks is its government
)
# words that make a plural nationality a crowd of people ("young Algerians", "angry Kenyans")
PEOPLE_ADJECTIVES = frozenset({"young", "angry", "ordinary", "jobless", "unemployed", "poor", "hungry", "frustrated",
                               "furious", "irate", "displaced", "stranded", "local", "many", "several", "thousands"})
# bodies that, with "the" and no country, are the article's country's
NATIONAL_BODIES = frozenset({"government", "authorities", "administration", "cabinet", "parliament", "junta", "minister",
                             "president", "premier", "ministry"})
# verbs whose subject suffers rather than acts ("two soldiers died", "a woman sustained injuries")
VICTIM_VERBS = frozenset(
    {"die", "perish", "succumb", "sustain", "suffer", "receive", "flee", "escape", "survive", "be",
     "remain", "lose", "go", "get", "find", "say", "report", "tell", "claim", "observe", "record", "note"}
)
# nouns of armed or coercive action whose owner is the actor ("a police raid", "coalition air strikes")
ACT_NOUNS = frozenset(
    {"raid", "strike", "airstrike", "attack", "offensive", "operation", "shelling", "bombardment", "bombing",
     "assault", "ambush", "fire", "gunfire", "crackdown", "patrol", "artillery", "drone", "shell", "rocket",
     "missile", "incursion", "advance", "offensive", "sweep", "clash", "firing", "bomb", "mortar"}
)
_QUANTITY_WORDS = frozenset({"several", "multiple", "many", "some", "dozens", "numerous", "fresh", "new", "heavy", "alleged", "suspected", "presumed", "reported"})
COLLECTIVE_NOUNS = frozenset({"group", "band", "crowd", "gang", "team", "unit", "squad", "member"})
# who reports or monitors an incident, not who fights in it ("the OSCE SMM observed explosions")
OBSERVER_TYPES = frozenset({"international_organization", "ngo", "media"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them", "we", "us", "it"})
NON_STATE_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia", "external_forces"})
PRO_PATTERN = re.compile(r"\bpro[-\s]+([A-Z][\w']+)")
BACKED_PATTERN = re.compile(r"\b([A-Z][\w']+)[-\s]+(?:backed|supported|sponsored|aligned|allied)\b")


def _against_it(token: Token) -> bool:
    """"anti-Syria", "pro-Russian": the name is what someone opposes or supports, not their own."""
    doc = token.doc
    if token.lower_.startswith("anti-"):
        return True
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("anti", "pro")


@dataclass(frozen=True, slots=True)
class ActorRef:
    actor: Actor
    start_char: int
    end_char: int
    text: str
    named: bool  # named in the text (not a pronoun or a generic noun)
    label: str = ""  # how the text calls it, for claims' sources: "Hashed al-Shaabi"

    @property
    def source_name(self) -> str:
        return self.label or self.actor.name


def _to_actor(kb_actor: KBActor, mention: str, person: str | None = None) -> Actor:
    return kb_actor.to_actor(mention=mention, person=person)


def phrase_of(token: Token) -> Span:
    """The noun phrase around a head: modifiers and 'of'/'for' complements, not clauses."""
    doc = token.doc
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("prep", "compound", "amod", "nmod") and child.lower_ in ("of", "for"):
            right = max(right, child.right_edge.i)
        elif child.dep_ in ("compound", "flat"):
            right = max(right, child.right_edge.i)
    left = max(left, token.i - 10)
    while left < token.i and (doc[left].is_punct or doc[left].lower_ in ("a", "an")):
        left += 1
    return doc[left : right + 1]


class ActorResolver:
    """Resolves actor phrases of one document, remembering who was named for back references."""

    def __init__(self, doc: Doc, kb: ActorKB, *, default_country: str | None = None):
        self.doc = doc
        self.kb = kb
        # the article's main country: "Education Minister X" with no country is that country's
        self.default_country = default_country
        self._named: list[tuple[int, ActorRef]] = []  # (token index, ref) in document order
        self._people: dict[str, Actor] = {}  # surname -> actor, so "Blinken" later is known
        self._cache: dict[int, ActorRef | None] = {}
        self._generic_names = {base for base, _ in GENERIC_ACTORS.values()}
        self._collect_named_actors()

    # -- public ---------------------------------------------------------------------------------
    def resolve(self, token: Token, *, country_hint: str | None = None) -> ActorRef | None:
        """The actor a noun (or pronoun) token refers to."""
        if (token.pos_ == "PRON" or token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS) and token.text != "US":
            return self._back_reference(token, person=token.lower_ in PERSON_PRONOUNS)
        if token.i not in self._cache:
            self._cache[token.i] = self._resolve_phrase(token)
        ref = self._cache[token.i]
        if ref is None:
            return self._generic(token, country_hint)
        return ref

    def resolve_counterpart(self, token: Token) -> ActorRef | None:
        """The actor a statement or act is aimed at: countries named as objects are their
        governments ("praised Haiti"), and a noun marked with a nationality is that country's
        ("Iraqi towns", "German goods") when nothing more precise is known."""
        ref = self.resolve(token)
        if ref is not None:
            return ref
        span = phrase_of(token)
        country = self._country_in(span) or self._country_of_town(token)
        if country is None or self.kb.country_name(country) is None:
            return None
        if token.ent_type_ == "GPE" or token.ent_type_ == "NORP":
            return self._ref(_to_actor(self.kb.government(country), span.text), span, True, label=span.text)
        return self._ref(_to_actor(self.kb.generic("civilians", country), span.text), span, False)

    def government_at(self, place: PlaceMention) -> ActorRef | None:
        """The government of the country a place lies in, cited by the place's words."""
        return self._of_the_country_at(place, self.kb.government)

    def people_at(self, place: PlaceMention) -> ActorRef | None:
        """The civilians of the country a place lies in, cited by the place's words."""
        return self._of_the_country_at(place, lambda iso3: self.kb.generic("civilians", iso3))

    def _of_the_country_at(self, place: PlaceMention, make) -> ActorRef | None:
        if self.kb.country_name(place.country_iso3) is None:
            return None
        span = place.span(self.doc)
        return self._ref(_to_actor(make(place.country_iso3), span.text), span, False, label=span.text)

    def civilians_of(self, country: str, cited: ActorRef) -> ActorRef | None:
        """The civilians of a country, cited by the words of the actor that names it."""
        if self.kb.country_name(country) is None:
            return None
        actor = _to_actor(self.kb.generic("civilians", country), cited.text)
        return ActorRef(actor=actor, start_char=cited.start_char, end_char=cited.end_char, text=cited.text, named=False)

    def armed_group_holding(self, site: Token) -> ActorRef:
        """"Cambodian guerrilla camps", "a rebel stronghold": the unnamed armed group whose site it is,
        of the nationality the phrase gives, else of the article's country."""
        span = phrase_of(site)
        country = self._country_in(span) or self.default_country
        return self._ref(_to_actor(self.kb.generic("armed_group", country), span.text), span, False)

    def _country_of_town(self, token: Token) -> str | None:
        """The country of a town named as what an act is aimed at ("arrived in Amman on a visit")."""
        if token.ent_type_ != "GPE":
            return None
        place = next((p for p in self.doc._.places or [] if p.start <= token.i < p.end), None)
        return place.country_iso3 if place is not None else None

    def unlisted(self, token: Token) -> ActorRef:
        """An actor the knowledge base does not know ("Archbishop Desmond Tutu", "Druze
        inhabitants of the Golan"): kept as written, typed unknown, with its country if stated."""
        span = phrase_of(token)
        if token.pos_ == "PROPN" and token.ent_type_ != "PERSON":
            person = self._person(token, span)  # "Vice-President X" the model took for no person
            if person is not None:
                return person
        words = [t for t in span if t.lower_ not in ("the", "a", "an") and not t.is_punct]
        name = span.doc[words[0].i : words[-1].i + 1].text if words else token.text
        country = self._country_in(span)
        international = any(t.lower_ in ("international", "world", "global", "regional") for t in span)
        if country is None and not international and (
            token.lemma_.lower() in DOMESTIC_BODIES or any(t.lemma_.lower() in DOMESTIC_BODIES for t in span)
        ):
            # "the fundamentalist Umma party said it will boycott Algeria's elections": a party,
            # court or union with no country stated is of the country its sentence is about
            home, aimed = self._sentence_countries(token.sent, span)
            country = self.default_country if self.default_country not in aimed else None
            country = country or home
        actor = Actor(name=name, type="unknown", country_iso3=country, mention=span.text)
        return self._ref(actor, span, False, label=name)

    def last_named_before(self, token_index: int, *, non_state: bool = False) -> ActorRef | None:
        for index, ref in reversed(self._named):
            if index >= token_index:
                continue
            if non_state and ref.actor.type not in NON_STATE_TYPES:
                continue
            return ref
        return None

    def counterpart_in(
        self,
        trigger: Token,
        *,
        actor: Actor | None = None,
        actor_span: tuple[int, int] | None = None,
        places: bool = True,
        strict: bool = False,
        exclude: frozenset[str] = frozenset(),
    ) -> ActorRef | None:
        """Whom an act or a statement is aimed at when the parse named no target: the nearest
        actor in the words the trigger governs ("boycott all contact with the United States",
        "rejected calls by Belarus's rulers", "mobilized reservists for a war against Iraq"),
        a country there standing for its government and a nationality for its people
        ("demolished Palestinian homes"); for an event noun, the words of its verb too. Never the
        actor (at ``actor_span``, characters) nor its own side ("Britain mobilised army
        reservists for a war against Iraq" is aimed at Iraq). With ``places``, a place the act is aimed at counts too (see
        ``_place_counterpart``): not for violence, whose place is only where it happened.
        ``strict`` (violence): only actors the words name outright, among the trigger's objects
        and theirs ("demolished the homes of Palestinian families"), no country guessed from an
        adjective ("near the Syrian border"); a town the act is aimed at stands for its state
        ("shelled Juba"), and a weapon's passive verb gives its victims ("soldiers were killed
        by a roadside bomb"). Without ``places``, words that say where are passed over ("in
        Uganda's capital"). Clauses of their own ("while UN inspectors said ...") and actors
        named in ``exclude`` are never the target."""
        roots = [trigger]
        noun = trigger
        while noun.pos_ != "VERB" and noun.dep_ == "compound" and noun.head.i != noun.i:
            noun = noun.head  # "staged a sit-in": the word "sit" is part of the noun "sit-in"
        if noun.pos_ != "VERB" and noun.head.pos_ in ("VERB", "AUX") and noun.head.i != noun.i:
            roots.append(noun.head)
        # "three soldiers were killed by a roadside bomb": the passive verb's subject suffered the act
        passive = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "by" else None
        if passive is not None and passive.pos_ == "VERB" and passive.i != trigger.i:
            roots.append(passive)
        skip = range(actor_span[0], actor_span[1]) if actor_span is not None else range(0)
        unnamed: ActorRef | None = None
        for root in roots:
            seen = {root.i}
            barred = ("nsubj", "csubj", "punct", "aux", "neg") if root is passive else ("nsubj", "nsubjpass", "csubj", "punct", "aux", "neg")
            frontier = [
                c for c in root.children if c.dep_ not in barred and not _other_clause(c)
                # "Palestinian riots against ...": the event noun's own modifier is who acts
                and not (root.pos_ != "VERB" and c.i < root.i and c.dep_ in ("amod", "compound", "poss", "nmod"))
            ]
            depth = 0
            while frontier and (not strict or depth < 3):
                depth += 1
                layer = []
                for token in sorted(frontier, key=lambda t: abs(t.i - trigger.i)):
                    seen.add(token.i)
                    layer.extend(c for c in token.children if c.i not in seen and not _other_clause(c))
                    if token.pos_ not in ("NOUN", "PROPN", "ADJ") or token.idx in skip or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"):
                        continue
                    if token.pos_ == "ADJ" and token.ent_type_ != "NORP":
                        continue
                    if strict:
                        aimed = token.dep_ in ("dobj", "nsubjpass") or (
                            token.dep_ == "pobj" and token.head.lower_ in ("against", "on", "upon", "targeting")
                        )
                        # "the invasion of South Lebanon": what an attack noun is of is its target
                        aimed = aimed or (token.dep_ == "pobj" and token.head.lower_ == "of"
                                          and token.head.head.i == trigger.i and trigger.pos_ == "NOUN")
                        ref = None if token.pos_ == "ADJ" else self.resolve_counterpart(token) if aimed else self.resolve(token)
                        # a town shelled or invaded ("shelled Juba"): its state is the target
                        ref = ref or (self._place_counterpart(token) if aimed and token.pos_ == "PROPN" else None)
                        place = False
                    else:
                        if not places and _locative(token):
                            continue  # "rioted at a jail in East Timor's capital": where, not whom
                        ref = self.resolve_counterpart(token)
                        place = places and any(p.start <= token.i < p.end for p in self.doc._.places or [])
                        ref = ref or (self._place_counterpart(token) if places else None)
                    if ref is None or ref.start_char in skip or ref.actor.name in exclude:
                        continue
                    # a place is aimed at even by its own state ("a curfew in Algiers"); the
                    # state's own organs are not ("mobilised army reservists")
                    if actor is not None and not place and _same_side(ref.actor, actor):
                        continue
                    if ref.named:
                        return ref
                    unnamed = unnamed or ref  # a named actor further on is the better target

                frontier = layer
        return unnamed

    def claimant(self) -> ActorRef | None:
        """The group that claimed an attack or was blamed for it: "JNIM claimed responsibility",
        "an attack attributed to ADF fighters", "the bombing was blamed on Al Shabaab"."""
        for token in self.doc:
            lemma = token.lemma_.lower()
            who: Token | None = None
            if lemma in ("claim", "admit", "accept", "assume") and any(
                c.lemma_.lower() in ("responsibility", "credit") for c in token.children if c.dep_ == "dobj"
            ):
                who = next((c for c in token.children if c.dep_ == "nsubj"), None)
            elif lemma in ("attribute", "blame", "ascribe"):
                who = next((g for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "on")
                            for g in c.children if g.dep_ == "pobj"), None)
            if who is None:
                continue
            ref = self.resolve(who)
            if ref is not None and ref.named and ref.actor.type in NON_STATE_TYPES | {"state_forces"}:
                return ref
        return None

    def _place_counterpart(self, token: Token) -> ActorRef | None:
        """A place an act is aimed at ("a curfew in Algiers", "aid deliveries in Baghdad"):
        the government of its country, as event coders code a town or a capital as target."""
        place = next((p for p in self.doc._.places or [] if p.start <= token.i < p.end), None)
        if place is None or place.role == "dateline" or not place.country_iso3:
            return None
        if self.kb.country_name(place.country_iso3) is None:
            return None
        span = place.span(self.doc)
        return self._ref(_to_actor(self.kb.government(place.country_iso3), span.text), span, True, label=span.text)

    def acting_in(self, token: Token, *, exclude: frozenset[str] = frozenset()) -> ActorRef | None:
        """Who acts in the sentence of an event word the parse gave no agent: the first actor
        there that is the subject of an active verb ("militants lobbed a grenade"), the agent of
        a passive one ("a bomb planted by the Taliban"), the first side of "clashes between",
        or the owner of an act ("a police raid", "Afghan military airstrikes", "Saudi-led
        coalition air raids"); never a victim (objects, passive subjects, subjects of "die").
        Ordinary people ("residents burned tyres") only when no one else acts. Only the event's
        own sentence: elsewhere others act."""
        people: ActorRef | None = None  # ordinary people acting: only if no one else does
        for sentence in [token.sent]:
            for candidate in sentence:
                ref = self._acting(candidate)
                if ref is None or ref.actor.name in exclude or ref.actor.type in OBSERVER_TYPES:
                    continue
                if ref.actor.type == "civilians":
                    people = people or ref
                    continue
                return ref
            if token.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
                # a verb the parser left without a subject ("..., Rakhine State, Myanmar military
                # and AA clashed"): a named actor before it
                for candidate in self.doc[sentence.start : token.i]:
                    if candidate.pos_ not in ("NOUN", "PROPN") or candidate.head.lower_ in ("against", "on", "at", "in", "near"):
                        continue
                    ref = self.resolve(candidate)
                    if ref is not None and ref.named and ref.actor.type not in OBSERVER_TYPES | {"civilians"} \
                            and ref.actor.name not in exclude:
                        return ref
        return people

    def _acting(self, token: Token) -> ActorRef | None:
        if token.pos_ == "NOUN" and token.lemma_.lower() in ACT_NOUNS:
            owner = self._owner_of_act(token)
            if owner is not None:
                return owner
        if token.pos_ not in ("NOUN", "PROPN") or self._in_dateline(token):
            return None
        role = token
        while role.dep_ == "conj" and role.head.i != role.i:
            role = role.head
        head = role.head
        if role.dep_ == "nsubj":
            acts = head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in VICTIM_VERBS
        elif role.dep_ == "pobj":
            acts = head.lower_ in ("by", "between")
        elif role.dep_ in ("compound", "poss", "nmod"):
            acts = head.pos_ == "NOUN" and head.lemma_.lower() in ACT_NOUNS
            if acts:
                return self._owner_of_act(head) or self.resolve(token)
        else:
            acts = False
        return self.resolve(token) if acts else None

    def _in_dateline(self, token: Token) -> bool:
        """'BAGHDAD, June 28 (Reuters) -': where the story was filed, not who acted."""
        if any(p.start <= token.i < p.end and p.role == "dateline" for p in self.doc._.places or []):
            return True
        following = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
        return (
            token.is_upper and len(token.text) > 2 and token.i - token.sent.start <= 3
            and following is not None and following.text in (",", "(", "-", "\u2014")
        )

    def _owner_of_act(self, token: Token) -> ActorRef | None:
        """'Afghan military airstrikes', 'a Saudi-led coalition air raid': the words before an
        act noun that name a state's forces or a known group."""
        mods = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
        if not mods:
            return None
        begin = min(m.left_edge.i for m in mods)
        while begin < token.i and (self.doc[begin].pos_ in ("DET", "NUM", "PUNCT") or self.doc[begin].lower_ in _QUANTITY_WORDS):
            begin += 1
        end = token.i
        while end > begin and self.doc[end - 1].lemma_.lower() in ACT_NOUNS | {"air", "drone", "artillery", "ground"}:
            end -= 1
        if end <= begin:
            return None
        span = self.doc[begin:end]
        found = self.kb.match_phrase(span.text) or self.kb.community_militia(span.text, bare=True)
        if found is None and (iso3 := self._country_in(span)) and span.text.strip() == self.doc[span.end - 1].text:
            # "US air strikes", "Israeli shelling": the country's military
            found = self.kb.military(iso3) if self.kb.country_name(iso3) else None
        if found is None or self._is_generic(found):
            return None
        return self._ref(_to_actor(found, span.text), span, True, label=span.text)

    # -- named actors ---------------------------------------------------------------------------
    def _collect_named_actors(self) -> None:
        heads = {ent.root for ent in self.doc.ents if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC")}
        heads.update(chunk.root for chunk in self.doc.noun_chunks)
        for head in sorted(heads, key=lambda t: t.i):
            ref = self._resolve_phrase(head)
            self._cache[head.i] = ref
            if ref is not None and ref.named:
                self._named.append((head.i, ref))

    def _resolve_phrase(self, token: Token) -> ActorRef | None:
        if token.ent_type_ == "GPE" and token.dep_ not in ("nsubj", "nsubjpass", "poss", "agent"):
            return None  # a place where it happened, not a government acting
        if token.lemma_.lower() == "state" and any(m.ent_type_ not in ("GPE", "NORP") for m in prep_objects_of(token)):
            return None  # "a state of emergency" is no state acting
        if token.lemma_.lower() in COLLECTIVE_NOUNS:
            # "a group of gunmen", "a crowd of youths": who the group is made of
            members = next((m for m in prep_objects_of(token) if m.pos_ in ("NOUN", "PROPN")), None)
            if members is not None:
                return self.resolve(members)
        span = phrase_of(token)
        if span.start == token.i and token.i > 0 and token.lemma_.lower() in ARMED_GROUP_NOUNS | SECURITY_NOUNS:
            # "IS militants" where the parser took "IS" for a verb: a listed acronym just before
            before = self.doc[token.i - 1]
            if before.is_upper and len(before.text) > 1 and self.kb.match(before.text) is not None:
                span = self.doc[token.i - 1 : span.end]
        led = self._leaders_government(token, span)
        if led is not None:
            return led
        possessor = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if possessor is not None and token.lemma_.lower() in ARMED_GROUP_NOUNS | SECURITY_NOUNS:
            return self._back_reference(possessor, person=False)
        named_after = next((c for c in token.rights if c.dep_ in ("appos", "compound", "flat", "npadvmod") and c.pos_ == "PROPN"), None)
        if named_after is not None and token.lemma_.lower() in BACK_REFERENCES | ARMED_GROUP_NOUNS:
            # "the militant group Hamas", "the rebel movement M23": the name that follows
            found = self.resolve(named_after)
            if found is not None and found.named:
                return found
        if self._is_bare_definite_group(token):
            found = self._back_reference(token, person=False)
            if found is not None and found.actor.type in NON_STATE_TYPES:
                return found
        if token.lower_ in BACK_REFERENCES and any(c.lower_ in ("the", "this") for c in token.lefts):
            if not any(c.ent_type_ for c in token.lefts):
                return self._back_reference(token, person=False)
        match = self._kb_match_within(span, token)
        if match is not None and not (match[1].start <= token.i < match[1].end) and self._is_country(token):
            match = None  # "NATO-member Norway" is Norway: the head names the actor, not its modifier
        if match is not None:
            kb_actor, matched = match
            if token.ent_type_ == "PERSON":
                return self._person(token, span) or self._ref(
                    _to_actor(kb_actor, matched.text), matched, True, label=_strip_the(matched.text)
                )
            actor = self._with_backer(_to_actor(kb_actor, span.text), span)
            named = not self._is_generic(kb_actor)
            return self._ref(actor, span, named, label=self._label(matched, kb_actor))
        if token.dep_ == "nsubj" or (token.dep_ == "pobj" and token.head.lower_ == "by"):
            # "the Pokot attacked ...": a community that acts is its militia
            community = self.kb.community_militia(_strip_the(span.text), bare=True)
            if community is not None:
                return self._ref(_to_actor(community, span.text), span, True)
        if token.ent_type_ == "PERSON":
            # a people the model took for a person's name ("Bosnian Serbs") is a people
            return self._person(token, span) or (self._national(token, span) if self.kb.demonym(token.text) else None)
        gang = self._named_gang(token, span)
        if gang is not None:
            return gang
        described = self.kb.match_phrase(span.text)
        if described is not None:
            named = not self._is_generic(described)
            return self._ref(_to_actor(described, span.text), span, named, label=self._label(span, described))
        national = self._national(token, span)
        if national is not None:
            return national
        forces = self._security_force(token, span)
        if forces is not None:
            return forces
        return self._armed_group(token, span)

    def _is_country(self, token: Token) -> bool:
        ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
        name = ent.text if ent is not None and ent.label_ == "GPE" else token.text
        return token.ent_type_ == "GPE" and self.kb.country(_strip_the(name)) is not None

    def _kb_match_within(self, span: Span, head: Token | None = None) -> tuple[KBActor, Span] | None:
        """The longest knowledge-base name inside the phrase; one that covers the phrase's head
        wins over a modifier's ("NATO-member Norway" is Norway)."""
        tokens = list(span)
        found_any: tuple[KBActor, Span] | None = None
        for length in range(min(len(tokens), 7), 0, -1):
            for begin in range(0, len(tokens) - length + 1):
                sub = span.doc[tokens[begin].i : tokens[begin].i + length]
                if sub[0].is_punct or sub[-1].is_punct:
                    continue
                found = self.kb.match(sub.text)
                if found is None:
                    continue
                if head is None or sub.start <= head.i < sub.end:
                    return found, sub
                found_any = found_any or (found, sub)
        return found_any

    @staticmethod
    def _is_bare_definite_group(token: Token) -> bool:
        """'the insurgents', 'the militants': a definite armed-group noun with no other words."""
        lefts = list(token.lefts)
        return (
            token.lemma_.lower() in ARMED_GROUP_NOUNS
            and token.tag_ == "NNS"
            and len(lefts) == 1
            and lefts[0].lower_ in ("the", "these", "those")
        )

    def _is_generic(self, kb_actor: KBActor) -> bool:
        return kb_actor.name.split(" (")[0] in self._generic_names

    @staticmethod
    def _label(matched: Span, kb_actor: KBActor) -> str:
        """How to cite the actor: its canonical name where the text spells it out
        ('Syrian Observatory for Human Rights war monitor'), else the words of the text."""
        if kb_actor.name.lower() in matched.text.lower():
            return kb_actor.name
        return _strip_the(matched.text)

    def _person(self, token: Token, span: Span) -> ActorRef | None:
        ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
        person_name = ent.text if ent is not None else token.text
        surname = token.text
        country = self._country_in(span)
        role = None
        for length in range(min(len(span), 5), 0, -1):
            for begin in range(0, len(span) - length + 1):
                info = self.kb.title(span[begin : begin + length].text)
                if info is not None:
                    role = info.role
                    break
            if role:
                break
        leader = self._leader(ent if ent is not None else span)
        if role is None:
            known = self._people.get(surname)
            if known is not None:
                return self._ref(known.model_copy(update={"mention": span.text}), span, True, label=known.person or "")
            if leader is None:
                return None
            role = "government"  # "Putin offered to negotiate": a head of state acts for the state
        body = self._state_body(span, ent.start if ent is not None else token.i)
        if body is not None and country is None:
            # "Pentagon press secretary John Kirby": he speaks for the body his title names
            actor = _to_actor(body, span.text, person=person_name)
            self._people[surname] = actor
            return self._ref(actor, span, True, label=person_name)
        if country is None and leader is not None:
            country = leader.country_iso3
        if country is None:
            # "President X threatened to ban Ugandan opposition candidates": a country the
            # sentence names, not the one the act is aimed at ("threatened action against Russia")
            home, aimed = self._sentence_countries(token.sent, span)
            country = self.default_country if self.default_country not in aimed else None
            country = country or home
        if country is None or role == "affiliated":
            return None
        kb_actor = {"military": self.kb.military, "police": self.kb.police}.get(role, self.kb.government)(country)
        actor = _to_actor(kb_actor, span.text, person=person_name)
        self._people[surname] = actor
        return self._ref(actor, span, True, label=person_name)

    def nationals_as_victims(self, token: Token | None) -> ActorRef | None:
        """"killed 4 Iraqis", "kidnapped 16 Russian civilian advisers", "abused Mexican
        immigrants": people of a nation who suffer an act are that state's civilians, not its
        government; armed people ("Iraqi soldiers") are not."""
        if token is None or token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() in ARMED_GROUP_NOUNS | SECURITY_NOUNS:
            return None
        iso3 = self.kb.demonym(token.text) if token.tag_ in ("NNS", "NNPS") else None
        if iso3 is None:
            modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod")]
            if any(self.kb.title(c.text) is not None or c.lower_ in ("government", "state", "official") for c in modifiers):
                return None  # "Chilean government officials" speak for their state
            iso3 = self._country_in(self.doc[token.left_edge.i : token.i]) if modifiers else None
        if iso3 is None or self.kb.country_name(iso3) is None:
            return None
        span = phrase_of(token)
        return self._ref(_to_actor(self.kb.generic("civilians", iso3), span.text), span, False, label=span.text)

    def _leaders_government(self, token: Token, span: Span) -> ActorRef | None:
        """"the Bush administration", "the Putin government": the state its leader governs."""
        if not self.kb.is_government_noun(token.lemma_.lower()):
            return None
        names = [c for c in token.lefts if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
        leader = self._leader(self.doc[names[0].i : names[-1].i + 1]) if names else None
        if leader is None:
            return None
        actor = _to_actor(self.kb.government(leader.country_iso3), span.text)
        return self._ref(actor, span, True, label=span.text)

    def _leader(self, name: Span) -> Leader | None:
        """The national leader a person's name refers to at the article's date, titles left out
        ("President Bush", "Sheikh Hamad bin Khalifa")."""
        words = [t.text for t in name if t.pos_ == "PROPN" and self.kb.title(t.text) is None]
        if not words:
            return None
        article = self.doc._.article
        year = article.date.year if article is not None and article.date is not None else None
        return self.kb.leader(" ".join(words), year)

    def _sentence_countries(self, sentence: Span, span: Span) -> tuple[str | None, set[str]]:
        """The first country a sentence names outside ``span`` as someone's own (a nationality,
        "Haiti's elections", a country not aimed at), and the countries it names as what an act
        is aimed at ("against Russia", "sanctions on Iraq", "talks with Syria")."""
        home: str | None = None
        aimed: set[str] = set()
        for tok in sentence:
            if span.start <= tok.i < span.end or tok.pos_ not in ("PROPN", "ADJ", "NOUN") or tok.ent_type_ == "MONEY":
                continue
            if tok.i + 1 < len(self.doc) and (self.doc[tok.i + 1].is_currency or self.doc[tok.i + 1].like_num):
                continue  # "US $50 million": a currency, not a country
            iso3 = self.kb.country(tok.text) or self.kb.demonym(tok.text)
            if iso3 is None or self.kb.country_name(iso3) is None:
                continue
            phrase_head = tok
            while phrase_head.dep_ in ("compound", "amod", "flat", "poss") and phrase_head.head.i != phrase_head.i:
                phrase_head = phrase_head.head
            bare = phrase_head.i == tok.i
            if bare and (phrase_head.dep_ in ("dobj", "dative") or (
                    phrase_head.dep_ == "pobj" and phrase_head.head.lower_ in AIMED_PREPOSITIONS)):
                aimed.add(iso3)
            elif home is None:
                home = iso3
        return home, aimed

    def _state_body(self, span: Span, name_start: int) -> KBActor | None:
        """A state body named in a title before a person's name ("Pentagon", "Kremlin")."""
        if name_start <= span.start:
            return None
        found = self._kb_match_within(self.doc[span.start : name_start])
        if found is None:
            return None
        kb_actor = found[0]
        if kb_actor.type in ("state_forces", "government") and kb_actor.country_iso3:
            return kb_actor
        return None

    def _national(self, token: Token, span: Span) -> ActorRef | None:
        """A country acting ("Syria says", "the Palestinians reject") is its government; an
        office-holder of a country ("a senior British minister", "a top U.S. official") too.
        A people living in another state ("ethnic Albanians", "the Hungarians of Romania") is
        no government: it is that state's civilians (see ``_minority``)."""
        minority = self._minority(token, span)
        if minority is not None:
            return minority
        people = self.kb.demonym(token.text) if token.tag_ in ("NNPS", "NNS") else None
        if people is not None and any(c.dep_ in ("amod", "compound") and c.lower_ in PEOPLE_ADJECTIVES for c in token.children):
            # "young Algerians blocked roads": people of a nation, not its government
            return self._ref(_to_actor(self.kb.generic("civilians", people), span.text), span, False)
        if token.ent_type_ in ("GPE", "NORP") and token.tag_ in ("NNP", "NNPS") or token.tag_ == "NNPS":
            ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
            name = ent.text if ent is not None else token.text
            iso3 = self.kb.country(_strip_the(name)) or (self.kb.demonym(token.text) if token.tag_ == "NNPS" else None)
            if iso3 and self.kb.country_name(iso3):
                return self._ref(_to_actor(self.kb.government(iso3), span.text), span, True, label=name)
        if token.lemma_.lower() in OFFICE_NOUNS or self.kb.title(token.text) is not None:
            info = self.kb.title(token.text)
            role = info.role if info is not None else "government"
            # "the deputy governor of the Tyumen region": an office of a place is its state's
            country = self._country_in(span) or next(
                (p.country_iso3 for p in self.doc._.places or []
                 if span.start <= p.start and p.end <= span.end and p.role != "dateline" and p.start > token.i),
                None,
            )
            if country is None and token.lemma_.lower() in NATIONAL_BODIES and any(c.lower_ == "the" for c in token.lefts):
                country = self.default_country  # "the government declared ...": the article's country
            if country and role != "affiliated" and self.kb.country_name(country):
                maker = {"military": self.kb.military, "police": self.kb.police}.get(role, self.kb.government)
                return self._ref(_to_actor(maker(country), span.text), span, True, label=span.text)
        if token.lemma_.lower() in CIVILIAN_NOUNS | {"youth", "worker", "citizen", "national"}:
            country = self._country_in(span)
            if country and self.kb.country_name(country):
                return self._ref(_to_actor(self.kb.generic("civilians", country), span.text), span, False)
        return None

    def _minority(self, token: Token, span: Span) -> ActorRef | None:
        """A people named by a nationality but marked as a community rather than a state's
        citizens: "ethnic Albanians" (the ethnic word says kin, not citizenship), "the
        Albanians of southern Serbia", "Hungarians in Romania", "Bosnian Serbs" (living in
        another state). They are civilians of the state they live in (the place after "of" /
        "in", or the nationality before; else the article's country, else the event's)."""
        people = self.kb.demonym(token.text)
        if people is None or token.pos_ not in ("PROPN", "NOUN", "ADJ"):
            return None
        ethnic = any(t.lower_ in ("ethnic", "ethnically") for t in span if t.i < token.i)
        home = next(
            (iso3 for c in token.rights if c.dep_ == "prep" and c.lower_ in ("of", "in", "from")
             for g in c.children if g.dep_ == "pobj" and (iso3 := self._country_of_place(g))),
            None,
        ) or next(
            # "Bosnian Serbs", "Iraqi Kurds": a people qualified by the state they live in
            (iso3 for c in token.lefts if c.dep_ in ("amod", "compound") and c.i == token.i - 1
             and (iso3 := self.kb.demonym(c.text) or self.kb.country(c.text)) and iso3 != people),
            None,
        )
        if not ethnic and (home is None or home == people):
            return None
        country = home or (self.default_country if self.default_country != people else None)
        full = self.doc[span.start : max(span.end, token.right_edge.i + 1)] if home else span
        return self._ref(_to_actor(self.kb.generic("civilians", country), full.text), full, False)

    def _country_of_place(self, token: Token) -> str | None:
        """The country of a place word: a gazetteer place the token is in, else a country name."""
        place = next((p for p in self.doc._.places or [] if p.start <= token.i < p.end), None)
        if place is not None and place.country_iso3 and place.role != "dateline":
            return place.country_iso3
        return self.kb.country(token.text) or self._country_in(phrase_of(token))

    def _country_in(self, span: Span) -> str | None:
        for tok in span:
            if tok.i > 0 and self.doc[tok.i - 1].lower_ in ("ethnic", "ethnically"):
                continue  # "ethnic Turks" are no citizens of Turkey
            if _against_it(tok):
                continue  # "an anti-Syria journalist" is against Syria, not of it
            if tok.ent_iob_ == "B" and tok.ent_type_ in ("GPE", "NORP"):
                end = tok.i + 1
                while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
                    end += 1
                whole = self.doc[tok.i : end].text
                iso3 = (self.kb.country(whole) or self.kb.demonym(whole)) if end - tok.i > 1 else None
                if iso3:
                    return iso3  # "Northern Ireland" is the United Kingdom's, "South Sudanese" not Sudan's
            if tok.ent_type_ in ("GPE", "NORP") or tok.pos_ == "PROPN":
                iso3 = self.kb.country(tok.text) or self.kb.demonym(tok.text)
                if iso3:
                    return iso3
        return None

    def _security_force(self, token: Token, span: Span) -> ActorRef | None:
        lemma = token.lemma_.lower()
        if lemma in FORCE_SITES:  # "army checkpoint", "governmental positions", "police station"
            owner = {t.lemma_.lower() for t in span if t.i != token.i}
            if owner & STATE_MARKERS:
                branch = "police" if owner & {"police", "policeman", "prison", "border"} else "military"
                country = self._country_in(span) or self.default_country
                return self._state_force(branch, country, span)
            return None
        if token.lower_ not in SECURITY_NOUNS and lemma not in SECURITY_NOUNS:
            return None
        owner = next((t for t in prep_objects_of(token) if t.pos_ == "PROPN"), None)
        if owner is not None and self.kb.country(owner.text) is None:
            # "military forces of Artsakh": forces of an entity that is not a listed state
            branch = "Police Forces" if lemma in ("police", "policeman", "officer") else "Military Forces"
            name = self.doc[owner.left_edge.i : owner.i + 1].text
            actor = Actor(name=f"{branch} of {name}", type="state_forces", country_iso3=None, mention=span.text)
            return self._ref(actor, span, True, label=span.text)
        if self._country_in(span) is None and not self._backer(span):
            if any(t.lemma_.lower() in ("militia", "rebel", "insurgent", "militant") for t in span):
                return None  # "militia forces": an armed group, not the state's
            branch = "police" if lemma in ("police", "policeman", "officer", "gendarme") else "military"
            if self.default_country:
                return self._state_force(branch, self.default_country, span)
            # the state is not named: the actor is still the state's forces
            name = "Police Forces" if branch == "police" else "Military Forces"
            return self._ref(Actor(name=name, type="state_forces", mention=span.text), span, True, label=span.text)
        country = self._country_in(span)
        if country is None:
            return None
        kb_actor = self.kb.security_force(token.lemma_.lower(), country)
        if kb_actor is None:
            return None
        return self._ref(_to_actor(kb_actor, span.text), span, True)

    def _state_force(self, branch: str, country: str | None, span: Span) -> ActorRef | None:
        if country is None or self.kb.country_name(country) is None:
            return None
        actor = self.kb.police(country) if branch == "police" else self.kb.military(country)
        return self._ref(_to_actor(actor, span.text), span, True)

    def _named_gang(self, token: Token, span: Span) -> ActorRef | None:
        """'the Village de Dieu gang', 'members of the Barrio 18 gang': a gang named by its own
        name is "<Name> Gang" (ACLED's naming), a political militia."""
        if token.lemma_.lower() != "gang":
            return None
        names = [t for t in span if t.i < token.i and (t.pos_ == "PROPN" or (t.like_num and t.i > span.start))]
        if not names or self._country_in(span) is not None:
            return None
        words = self.doc[names[0].i : token.i].text
        actor = Actor(name=f"{words} Gang", type="political_militia", mention=span.text)
        return self._ref(actor, span, True, label=f"{words} gang")

    def _armed_group(self, token: Token, span: Span) -> ActorRef | None:
        if token.lemma_.lower() not in ARMED_GROUP_NOUNS:
            return None
        backer = self._backer(span)
        if backer is None:
            return None
        name = f"Militia (Pro-{self.kb.country_name(backer) or backer})"
        actor = Actor(name=name, type="political_militia", country_iso3=None, backer_iso3=backer, mention=span.text)
        return self._ref(actor, span, False)

    def _backer(self, span: Span) -> str | None:
        text = span.text
        for pattern in (PRO_PATTERN, BACKED_PATTERN):
            for found in pattern.finditer(text):
                iso3 = self.kb.backer(found.group(0)) or self.kb.country(found.group(1)) or self.kb.demonym(found.group(1))
                if iso3:
                    return iso3
        return None

    def _with_backer(self, actor: Actor, span: Span) -> Actor:
        if actor.backer_iso3 is None:
            backer = self._backer(span)
            if backer is not None and backer != actor.country_iso3:
                return actor.model_copy(update={"backer_iso3": backer})
        return actor

    # -- references and generic actors ---------------------------------------------------------
    def _back_reference(self, token: Token, *, person: bool) -> ActorRef | None:
        """The last actor named before the token: a person for he/she, a group first for the rest."""
        earlier = [ref for index, ref in reversed(self._named) if index < token.i]
        speaker = None if person else self._speaker_of_clause(token)
        if speaker is not None:
            earlier = [speaker]
        if person:
            candidates = [ref for ref in earlier if ref.actor.person is not None]
        else:
            groups = [ref for ref in earlier if ref.actor.type in NON_STATE_TYPES]
            candidates = groups if (groups or token.lower_ in BACK_REFERENCES) else earlier
        if not candidates:
            return None
        ref = candidates[0]
        return ActorRef(
            actor=ref.actor.model_copy(update={"mention": token.text}),
            start_char=token.idx,
            end_char=token.idx + len(token.text),
            text=token.text,
            named=ref.named,
            label=ref.label,
        )

    def _speaker_of_clause(self, token: Token) -> ActorRef | None:
        """In reported speech, 'its fighters' and 'we' are the speaker's own."""
        verb = speech_head(token)
        if verb is None:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i == token.i or subject.pos_ == "PRON":
            return None
        ref = self._cache.get(subject.i)
        return ref if ref is not None and ref.named else None

    def _generic(self, token: Token, country: str | None) -> ActorRef | None:
        lemma = token.lemma_.lower()
        span = phrase_of(token)
        community = self.kb.community_militia(span.text)
        if community is not None:
            return self._ref(_to_actor(community, span.text), span, True)
        listed = self.kb.generic_kind(token.text) or self.kb.generic_kind(lemma)
        if listed in ("gang", "communal_militia", "clan_militia", "tribal_militia"):
            country = self._country_in(span) or country
            return self._ref(_to_actor(self.kb.generic(listed, country), span.text), span, False)
        if lemma in PROTESTER_NOUNS:
            kind = "protesters"
        elif lemma in RIOTER_NOUNS:
            kind = "rioters"
        elif lemma in UNNAMED_PERPETRATORS or (lemma in ARMED_GROUP_NOUNS and lemma not in ("target", "position", "proxy")):
            kind = "armed_group"
        elif lemma in ("force", "forces", "unit", "member") and any(
            t.lemma_.lower() in ("militia", "rebel", "insurgent", "militant", "gang") for t in span
        ):
            kind = "armed_group"
        elif lemma in CIVILIAN_NOUNS:
            kind = "civilians"
        else:
            return None
        country = self._country_in(span) or self._home_country(token) or country
        return self._ref(_to_actor(self.kb.generic(kind, country), span.text), span, False)

    def _home_country(self, token: Token) -> str | None:
        """"a teacher from Toronto": the country of the place someone comes from."""
        return next(
            (iso3 for place in prep_objects(token, frozenset({"from"})) if (iso3 := self._country_of_place(place))), None
        )

    def _ref(self, actor: Actor, span: Span, named: bool, label: str = "") -> ActorRef:
        return ActorRef(
            actor=actor, start_char=span.start_char, end_char=span.end_char, text=span.text, named=named, label=label
        )


def _same_side(a: Actor, b: Actor) -> bool:
    """The same actor, or two organs of one state (its government and its forces)."""
    if a.name == b.name:
        return True
    state = ("government", "state_forces")
    return a.type in state and b.type in state and a.country_iso3 is not None and a.country_iso3 == b.country_iso3


def _other_clause(token: Token) -> bool:
    """A clause with a subject of its own beside the event ("..., while UN inspectors said they
    needed more time"): others act there. Purpose, manner and condition clauses ("to demand
    ...", "calling for independence from Iraq", "unless Israel rescinds ...") stay the event's."""
    if token.dep_ not in ("advcl", "parataxis") or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children):
        return False
    return token.dep_ == "parataxis" or any(c.dep_ == "mark" and c.lower_ in SIDE_CLAUSE_MARKS for c in token.children)


# clauses that tell what else went on, not whom the act aims at (unlike "if", "unless", "that")
SIDE_CLAUSE_MARKS = frozenset({"while", "as", "when", "after", "before", "since", "because", "whereas", "although", "though"})


AIMED_PREPOSITIONS = frozenset({"against", "on", "upon", "with", "toward", "towards", "at", "over"})
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "into", "through", "along", "within"}
)


def _locative(token: Token) -> bool:
    """A word of a phrase that says where ("in East Timor's capital Dili", "outside Parliament",
    "through the streets of Accra")."""
    seen = 0
    while seen < 6 and token.head.i != token.i and (
        token.dep_ in ("poss", "compound", "amod", "appos", "nmod", "flat", "conj")
        or (token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in AREA_NOUNS)
    ):
        token, seen = (token.head.head if token.dep_ == "pobj" else token.head), seen + 1
    # "in protest of ...", "in defiance of ...": the words of a stance, not of a place
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS and token.lemma_.lower() not in STANCE_NOUNS


# parts of a place ("the streets of Accra", "the outskirts of Goma")
AREA_NOUNS = frozenset(
    {"street", "road", "capital", "city", "town", "village", "centre", "center", "outskirts", "suburb", "part",
     "region", "province", "district", "area", "north", "south", "east", "west", "heart", "border", "county", "state"}
)
STANCE_NOUNS = frozenset(
    {"protest", "defiance", "support", "solidarity", "response", "opposition", "retaliation", "reaction",
     "memory", "honour", "honor", "favour", "favor", "violation", "breach"}
)


def prep_objects_of(token: Token) -> list[Token]:
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text
