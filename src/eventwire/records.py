"""The only bridge from spaCy objects to the schema: ``to_records(doc) -> list[Event]``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

from spacy.tokens import Doc, Span, Token

from eventwire.extract.actors import ActorRef
from eventwire.extract.casualties import ClaimMention
from eventwire.extract.events import ARMED_TYPES, EventCandidate, is_origin
from eventwire.extract.places import PLACE_CUES, PlaceMention, lies_in, narrowest_in_chain
from eventwire.resolve.actors import KBActor, load_actor_kb
from eventwire.resolve.event_types import load_event_table
from eventwire.resolve.gazetteer import acled_precision, load_gazetteer, to_place
from eventwire.schema import (
    ACLED_INTER_CODES,
    AcledClass,
    Actor,
    Article,
    Count,
    CountClaim,
    Evidence,
    Event,
    Place,
    PloverClass,
    Statement,
)

NEAR_WORDS = frozenset({"near", "outside", "outskirts", "around", "close", "north", "south", "east", "west", "between"})


def to_records(doc: Doc) -> list[Event]:
    article: Article = doc._.article
    built = [(candidate, _to_event(candidate, doc, article)) for candidate in doc._.events or []]
    built = [(candidate, event) for candidate, event in built if event is not None]
    return [_ground_lost_by_the_foe(candidate, event, built) for candidate, event in built]


TERRITORY_SUB_TYPES = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def _ground_lost_by_the_foe(candidate: EventCandidate, event: Event, built: list[tuple[EventCandidate, Event]]) -> Event:
    """"retook the village after fierce fighting with rebels": ground is won from whoever the
    winners fought in the same sentence (the codebook's actor2 of a territorial change)."""
    if event.acled is None or event.acled.sub_event_type not in TERRITORY_SUB_TYPES or event.actor2 is not None:
        return event
    sentences = {m.sentence.start for m in candidate.mentions}
    foe = next(
        (other.actor2 for other_candidate, other in built
         if other is not event and other.actor2 is not None and other.actor1.name == event.actor1.name
         and other.actor2.type in ARMED_TYPES and sentences & {m.sentence.start for m in other_candidate.mentions}),
        None,
    )
    if foe is None:
        return event
    acled = event.acled.model_copy(update={"interaction": _interaction(event.actor1, foe)})
    return event.model_copy(update={"actor2": foe, "acled": acled})


def _to_event(candidate: EventCandidate, doc: Doc, article: Article) -> Event | None:
    place_mention = narrowest_in_chain(candidate.place or _place_told_nearby(candidate, doc), doc)
    location = _location(place_mention, doc) or _country_of_incident(candidate, doc)
    country = location.country_iso3 if location else candidate.country
    actor1, candidate = _actor1(candidate, country)
    if actor1 is None:
        return None
    candidate = _mob_if_rioters_attack(candidate, actor1)
    actor2 = _localised(candidate.actor2.actor, country) if candidate.actor2 else None
    if not candidate.kind.statement:
        actor1 = _external_if_abroad(actor1, country)
        actor2 = _external_if_abroad(actor2, country) if actor2 else None
    event_date, precision = _date(candidate, article)
    fatalities = _count(candidate.fatality_claims, article.id)
    injuries = _count(candidate.injury_claims, article.id)
    evidence = _evidence(candidate, place_mention, doc, article.id)
    kind = candidate.kind
    return Event(
        event_id=_event_id(article.id, candidate, doc),
        article_ids=[article.id],
        event_date=event_date,
        date_precision=precision,
        acled=AcledClass(
            event_type=kind.acled_type, sub_event_type=kind.acled_sub_type, interaction=_interaction(actor1, actor2)
        )
        if kind.acled_type
        else None,
        plover=PloverClass(event_type=kind.plover_type, mode=kind.plover_mode),
        cameo_root=kind.cameo_root,
        actor1=actor1,
        actor2=actor2,
        location=location,
        fatalities=fatalities,
        injuries=injuries,
        statement=_statement(candidate, actor1) if kind.speech else None,
        evidence=evidence,
        confidence=_confidence(candidate, location, event_date, precision),
        trigger=_trigger_span(candidate.mentions[0].trigger).text if candidate.mentions else None,
    )


def _mob_if_rioters_attack(candidate: EventCandidate, actor1: Actor) -> EventCandidate:
    """Rioters who attack or fight are a mob (ACLED codebook: Mob violence), also when they
    were only found to be rioters here ("a mob attacked them", the parse finding no doer)."""
    mob = candidate.kind.refine.get("actor1_mob")
    if actor1.type != "rioters" or mob is None or candidate.kind.acled_type not in VIOLENT_ACLED_TYPES:
        return candidate
    words = (actor1.mention or "").lower()
    if not any(word in words for word in MOB_MENTIONS):
        return candidate  # "herders", "refugees": whom the text calls a mob, not whoever is unarmed
    return dataclasses.replace(candidate, kind=load_event_table().by_id[mob])


VIOLENT_ACLED_TYPES = frozenset({"Violence against civilians", "Battles"})
# whom the codebook's mob violence is done by: rioters, and ordinary people named as a crowd or a
# group (supporters of rival politicians, voters, residents) rather than by their trade
MOB_MENTIONS = ("mob", "vigilante", "crowd", "lynch", "rioter", "supporter", "voter", "resident", "villager",
                "inhabitant", "student", "delegate")


# -- identity and time ---------------------------------------------------------------------
def _event_id(article_id: str, candidate: EventCandidate, doc: Doc) -> str:
    first = min(candidate.mentions, key=lambda m: m.trigger.i)
    place = candidate.place.entry.name if candidate.place else ""
    actor = candidate.actor1.actor.name if candidate.actor1 else ""
    key = "|".join([article_id, candidate.kind.id, place, actor, str(first.trigger.idx)])
    return "ew-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _date(candidate: EventCandidate, article: Article) -> tuple[dt.date | None, str]:
    """The event's date: the expression in its clause, else its sentence (both chosen when the
    mentions are grouped), else the article's context: the nearest day (or week) stated before
    its first mention, else the first stated after it (political acts such as a seizure too).
    Reported speech is dated the day it is reported; an undated incident is known only to have happened by the publication date, which
    week precision says. A date never lies after the publication date unless the text points
    forward ("next", "tomorrow", "will")."""
    if candidate.date is not None and candidate.date.resolved.date is not None:
        return candidate.date.resolved.date, candidate.date.resolved.precision
    speech = candidate.kind.statement and candidate.kind.speech
    if not speech:  # incidents and political acts (a seizure, a sanction) take the article's context
        context = _context_date(candidate)
        if context is not None:
            return context.resolved.date, context.resolved.precision
    if article.date is None:
        return None, "unknown"
    return article.date, "day" if speech else "week"


def _context_date(candidate: EventCandidate):
    """The article's date for an incident told without one of its own (see ``_date``)."""
    if not candidate.mentions:
        return None
    doc = candidate.mentions[0].trigger.doc
    first = candidate.first_token
    dates = [
        d for d in (doc._.dates or [])
        if d.resolved.date is not None and not d.resolved.future and d.resolved.precision in ("day", "week")
        and d.resolved.period is None
    ]
    before = [d for d in dates if d.start < first]
    if before:
        return before[-1]
    after = [d for d in dates if d.start > first]
    return after[0] if after else None


# -- actors ------------------------------------------------------------------------------------
def _actor1(candidate: EventCandidate, country: str | None) -> tuple[Actor | None, EventCandidate]:
    """The event's actor1 (see ``_actor1_of``), and the candidate with its counterpart: an event
    the parse gave no target gets one read from the words its trigger governs
    (``counterpart_in``): for violence only actors named outright near the trigger; none for
    demonstrations, whose places are only where they happened."""
    actor = _actor1_of(candidate, country)
    actor2 = candidate.actor2
    if actor is not None and actor.type == "state_forces" and candidate.kind.acled_type == "Riots":
        # a riot is the rioters' event: forces that disperse or fire at them are the other side
        other = actor2.actor.type if actor2 is not None else None
        if other in (None, "protesters", "rioters", "civilians"):
            police = candidate.actor1 if isinstance(candidate.actor1, ActorRef) else _acting_ref(candidate)
            actor2 = police or actor2
            actor = load_actor_kb().generic("rioters", actor.country_iso3).to_actor(mention=None)
    if actor is not None and actor2 is None and candidate.mentions:
        trigger = min((m.trigger for m in candidate.mentions), key=lambda t: t.i)
        resolver = trigger.doc._.actors
        if resolver is not None:
            ref = candidate.actor1 if isinstance(candidate.actor1, ActorRef) else None
            span = (ref.start_char, ref.end_char) if ref is not None else None
            violent = candidate.kind.violent
            if candidate.kind.acled_type == "Protests" or candidate.kind.plover_type == "PROTEST":
                # whom the demonstrators protest against ("against the Russian government's
                # refusal", "demanding independence from Iraq"); never where they march
                actor2 = resolver.counterpart_in(trigger, actor=actor, actor_span=span, places=False)
            else:
                actor2 = resolver.counterpart_in(trigger, actor=actor, actor_span=span, places=not violent, strict=violent)
    if actor is not None and actor2 is not None and candidate.kind.plover_type == "ACCUSE" and candidate.mentions \
            and actor2.actor.type == "international_organization":
        # "Lebanon complained to the United Nations over Israeli air raids": the body a complaint
        # is taken to is its forum; whom it accuses is the one it is over
        trigger = min((m.trigger for m in candidate.mentions), key=lambda t: t.i)
        resolver = trigger.doc._.actors
        if resolver is not None:
            ref = candidate.actor1 if isinstance(candidate.actor1, ActorRef) else None
            span = (ref.start_char, ref.end_char) if ref is not None else None
            accused = resolver.counterpart_in(
                trigger, actor=actor, actor_span=span, places=False, exclude=frozenset({actor2.actor.name})
            )
            actor2 = accused if accused is not None and accused.named else actor2
    if actor2 is not candidate.actor2:
        candidate = dataclasses.replace(candidate, actor2=actor2)
    return actor, candidate


def _actor1_of(candidate: EventCandidate, country: str | None) -> Actor | None:
    country = country or _article_country(candidate)
    if candidate.actor1 is not None:
        return _by_role(_localised(candidate.actor1.actor, country), candidate, country)
    if candidate.kind.statement:
        return None
    if candidate.kind.plover_type == "COERCE" and candidate.kind.plover_mode == "arrest" and country:
        # the codebook: arrests are made by state forces (police unless told otherwise)
        return load_actor_kb().police(country).to_actor()
    acting = _acting_nearby(candidate)
    if acting is not None:
        return _by_role(_localised(acting, country), candidate, country)
    kind = "protesters" if candidate.kind.plover_type == "PROTEST" else "armed_group"
    generic = load_actor_kb().generic(kind, country)
    actor = Actor(name=generic.name, type=generic.type, country_iso3=generic.country_iso3, mention=None)
    return _by_role(actor, candidate, country)


def _acting_nearby(candidate: EventCandidate) -> Actor | None:
    """The parse gave the event no agent: the actor acting in its sentence (see ``acting_in``)."""
    ref = _acting_ref(candidate)
    return ref.actor if ref is not None else None


def _acting_ref(candidate: EventCandidate) -> ActorRef | None:
    if not candidate.mentions:
        return None
    trigger = min((m.trigger for m in candidate.mentions), key=lambda t: t.i)
    resolver = trigger.doc._.actors
    if resolver is None:
        return None
    exclude = frozenset({candidate.actor2.actor.name}) if candidate.actor2 is not None else frozenset()
    return resolver.acting_in(trigger, exclude=exclude)


def _article_country(candidate: EventCandidate) -> str | None:
    """The article's main country (its places, else its first nationality) for an event placed nowhere."""
    if not candidate.mentions:
        return None
    resolver = candidate.mentions[0].trigger.doc._.actors
    return resolver.default_country if resolver is not None else None


UNARMED_TYPES = frozenset({"civilians", "protesters", "unknown", "political_party", "ngo", "other"})


def _by_role(actor: Actor, candidate: EventCandidate, country: str | None) -> Actor:
    """ACLED names demonstrators by their role: whoever demonstrates is "Protesters (X)" (a party,
    union or group of workers rides along as an associated actor), and unarmed people, or an
    unnamed group, who riot are "Rioters (X)"; so are ordinary people who attack or destroy."""
    kb = load_actor_kb()
    if country is not None and kb.country_name(country) is None:
        country = None
    acled_type = candidate.kind.acled_type
    if _unidentified(actor) and candidate.mentions and candidate.kind.violent:
        # "... JNIM claimed responsibility": the claimant, not an unknown group
        resolver = candidate.mentions[0].trigger.doc._.actors
        claimant = resolver.claimant() if resolver is not None else None
        if claimant is not None:
            return _localised(claimant.actor, country)
    if acled_type == "Protests" and actor.type not in ("protesters", "rioters"):
        return kb.generic("protesters", country).to_actor(mention=actor.mention)
    if acled_type == "Protests" and actor.country_iso3 is None and country is not None:
        return kb.generic(actor.type, country).to_actor(mention=actor.mention)
    if acled_type == "Riots" and (actor.type in UNARMED_TYPES | {"government"} or _unidentified(actor)):
        return kb.generic("rioters", country).to_actor(mention=actor.mention)
    if acled_type is not None and actor.type == "civilians":
        # ordinary people who attack, clash or destroy are a mob: rioters in ACLED's coding
        return kb.generic("rioters", country).to_actor(mention=actor.mention)
    if _unidentified(actor) and candidate.mentions and candidate.kind.violent:
        # "clashes between the Maasai and the Kipsigis": the first community named fights
        for token in candidate.mentions[0].trigger.sent:
            if token.pos_ == "PROPN" and (community := kb.community_militia(token.text, bare=True)) is not None:
                return _localised(community.to_actor(mention=token.text), country)
    if _unidentified(actor) and candidate.mentions:
        # "ethnic clashes", "an inter-clan feud": unnamed attackers of a communal conflict are an
        # identity militia in ACLED's coding
        words = {t.lower_ for m in candidate.mentions for t in m.trigger.sent}
        for kind, cues in COMMUNAL_CUES:
            if words & cues:
                return kb.generic(kind, country).to_actor(mention=actor.mention)
    return actor


COMMUNAL_CUES = (
    ("clan_militia", frozenset({"clan", "clans", "sub-clan", "inter-clan", "interclan", "clan-based", "subclan"})),
    ("tribal_militia", frozenset({"tribal", "tribe", "tribes", "inter-tribal", "intertribal"})),
    ("communal_militia", frozenset({"ethnic", "communal", "intercommunal", "inter-communal", "inter-ethnic",
                                    "interethnic"})),
)


def _unidentified(actor: Actor) -> bool:
    return actor.name.startswith("Unidentified Armed Group")


def _localised(actor: Actor, country: str | None) -> Actor:
    """Generic actors take the country of the event: 'Protesters' -> 'Protesters (Kenya)'."""
    if actor.country_iso3 is not None or country is None:
        return actor
    localised = load_actor_kb().localise(KBActor(actor.name, actor.type, None, actor.backer_iso3), country)
    if localised.country_iso3 is not None:
        return actor.model_copy(update={"name": localised.name, "country_iso3": localised.country_iso3})
    if actor.backer_iso3 is not None or actor.type in ("political_militia", "rebel_group", "identity_militia"):
        return actor.model_copy(update={"country_iso3": country})
    return actor


def _external_if_abroad(actor: Actor, country: str | None) -> Actor:
    """ACLED codes state forces acting outside their own country as external forces (inter 8)."""
    if actor.type == "state_forces" and country and actor.country_iso3 and actor.country_iso3 != country:
        return actor.model_copy(update={"type": "external_forces"})
    return actor


def _interaction(actor1: Actor, actor2: Actor | None) -> str | None:
    first = ACLED_INTER_CODES.get(actor1.type)
    if actor1.type == "protesters" and actor2 is not None and actor2.type not in ("state_forces", "rioters", "protesters"):
        actor2 = None  # whom a protest is aimed at does not take part in it (ACLED: "60")
    if first is None:
        return None
    second = ACLED_INTER_CODES.get(actor2.type) if actor2 else 0
    if second is None:
        return None
    low, high = sorted((first, second)) if second else (first, 0)
    return f"{low}{high}"


# -- place ------------------------------------------------------------------------------------
def _location(place: PlaceMention | None, doc: Doc) -> Place | None:
    if place is None:
        return None
    return to_place(place.entry, mention=place.text, precision=_precision(place, doc))


# Actors found where they live: a state's own police and soldiers, its civilians, protesters and
# rioters. A named armed group or a foreign force says less about where its acts happen.
HOME_ACTOR_TYPES = frozenset({"state_forces", "civilians", "protesters", "rioters", "government"})


def _country_of_incident(candidate: EventCandidate, doc: Doc) -> Place | None:
    """An incident whose article names no place it can be put at happened, as far as the text
    tells, in the country its actors or the article are of ("Iraqi forces shelled a village"
    -> Iraq), at country precision. Speech keeps no location."""
    if candidate.kind.speech:
        return None
    actors = [ref.actor for ref in (candidate.actor1, candidate.actor2) if ref is not None]
    if candidate.actor1 is None and (acting := _acting_nearby(candidate)) is not None:
        actors.insert(0, acting)  # the doer the parse missed ("shells fired by LNA forces")
    at_home = [a.country_iso3 for a in actors if a.country_iso3 and a.type in HOME_ACTOR_TYPES]
    others = [a.country_iso3 for a in actors if a.country_iso3 and a.type not in HOME_ACTOR_TYPES]
    resolver = doc._.actors
    default = resolver.default_country if resolver is not None else None
    iso3 = next((code for code in (candidate.country, *at_home, default, *others) if code), None)
    entry = load_gazetteer().country(iso3) if iso3 else None
    return to_place(entry, precision=3) if entry is not None else None


def _place_told_nearby(candidate: EventCandidate, doc: Doc) -> PlaceMention | None:
    """An incident whose own clause names no place happened where its sentence, else the
    article, places things: the report's first place ("... in Kupwara district. Militants
    attacked a patrol ..."). Speech keeps no location: where words are said is no event place."""
    if candidate.kind.speech or not doc._.places:
        return None
    sentences = {m.sentence.start for m in candidate.mentions}
    same_sentence = [p for p in doc._.places if doc[p.start].sent.start in sentences]
    told = same_sentence or doc._.places
    return next((p for p in told if not is_origin(p, doc)), told[0])  # not "arrived from Uganda"


def _precision(place: PlaceMention, doc: Doc) -> int:
    """1 the town itself; 2 near a town or a part of a region; 3 a region or country."""
    base = acled_precision(place.entry)
    if base != 1:
        return base
    span = place.span(doc)
    before = {t.lower_ for t in doc[max(0, span.start - 4) : span.start]}
    words = {t.lower_ for t in span}
    if before & NEAR_WORDS or words & (PLACE_CUES - {"town", "city", "village"}):
        return 2
    if place.stand_in:
        return 2  # the gazetteer lacks the place; the area it was written in stands in for it
    return 1


# -- counts -----------------------------------------------------------------------------------
def _count(claims: list[ClaimMention], article_id: str) -> Count:
    """Claims reconciled into low / best / high, after ACLED and UCDP.

    Claims are grouped by source (the article's own narration is one source). Within a source,
    the parts of one statement add up ("25 ADF fighters and 6 military fatalities" = 31), and so
    do statements about other victims or marked as more ("six others", "also"); a statement
    about the same victims restates the toll, and the source's fuller figure (the larger)
    stands (one person re-described, "a businessman ... Robert Barasa was shot dead", is the
    same person), unless it states the toll outright ("the death toll rose to 12", "fatalities coded
    as 0"), which is the source's figure from there on. Across sources nothing is ever added: ACLED's rule takes the most conservative
    credible figure as the best estimate (the smallest source total), UCDP-style low and high are
    the smallest and largest source totals, a range's high end counting towards high.
    """
    if not claims:
        return Count()
    reports: dict[str | None, list[ClaimMention]] = {}
    for claim in sorted(claims, key=lambda c: c.start_char):
        key = " ".join(claim.source.lower().split()) if claim.source else None
        reports.setdefault(key, []).append(claim)
    totals = [_report_total(report) for report in reports.values()]
    return Count(
        low=min(best for best, _ in totals),
        best=min(best for best, _ in totals),
        high=max(high for _, high in totals),
        claims=[
            CountClaim(
                count=claim.count,
                qualifier="at_least" if claim.high is not None and claim.qualifier == "exact" else claim.qualifier,
                source=claim.source,
                article_id=article_id,
                start=claim.start_char,
                end=claim.end_char,
                sentence=claim.sentence,
            )
            for claim in claims
        ],
    )


# Victim words that say nothing of who died: a statement about them restates the toll.
GENERIC_VICTIMS = frozenset(
    {"people", "person", "persons", "individual", "victim", "dead", "body", "corpse", "fatality", "death",
     "casualty", "injury", "injured", "wounded", None}
)


def _report_total(claims: list[ClaimMention]) -> tuple[int, int]:
    """(best, high) of one source: its statements' parts added, restatements not."""
    statements: dict[int, list[ClaimMention]] = {}
    for claim in claims:
        statements.setdefault(claim.statement, []).append(claim)
    best = high = None
    seen: set[str | None] = set()
    for parts in statements.values():
        value = sum(c.count for c in parts)
        top = sum(c.high if c.high is not None else c.count for c in parts)
        victims = {c.victims for c in parts}
        additive = any(c.additive for c in parts)
        # other victims: named by other nouns, counted (one person re-described, "a businessman ...
        # Robert Barasa", is the same person)
        distinct = (
            not (victims & GENERIC_VICTIMS) and not (seen & GENERIC_VICTIMS) and victims.isdisjoint(seen)
            and not all(c.single for c in parts)
        )
        if best is None or any(c.final for c in parts):
            best, high = value, top  # a stated toll ("the toll rose to 12") is the source's figure
        elif additive or distinct:
            best, high = best + value, high + top
        else:
            best, high = max(best, value), max(high, top)
        seen |= victims
    return best, high


# -- statement, evidence, confidence -------------------------------------------------------------
def _statement(candidate: EventCandidate, actor1: Actor) -> Statement:
    quote = candidate.statement
    speaker = actor1.person or (candidate.actor1.source_name if candidate.actor1 else actor1.name)
    if quote is None:
        sentence = candidate.mentions[0].sentence
        return Statement(speaker=speaker, text=sentence.text.strip(), direct_quote=False, place_spoken=None)
    return Statement(speaker=speaker, text=quote.text.strip(), direct_quote=quote.direct, place_spoken=quote.place_spoken)


def _trigger_span(token: Token) -> Span:
    start = token.i
    for child in sorted(token.lefts, key=lambda t: -t.i):
        if child.i == start - 1 and child.dep_ in ("compound", "amod") and not child.is_punct and not child.ent_type_:
            start = child.i
    return token.doc[start : token.i + 1]


def _span_evidence(article_id: str, field: str, start: int, end: int, doc: Doc) -> Evidence:
    return Evidence(article_id=article_id, field=field, start=start, end=end, text=doc.text[start:end])


def _evidence(candidate: EventCandidate, place: PlaceMention | None, doc: Doc, article_id: str) -> list[Evidence]:
    items: list[Evidence] = []
    for mention in sorted(candidate.mentions, key=lambda m: m.trigger.i):
        span = _trigger_span(mention.trigger)
        items.append(_span_evidence(article_id, "trigger", span.start_char, span.end_char, doc))
    for field, ref in (("actor1", candidate.actor1), ("actor2", candidate.actor2)):
        if isinstance(ref, ActorRef):
            items.append(_span_evidence(article_id, field, ref.start_char, ref.end_char, doc))
    if place is not None:
        span = place.span(doc)
        items.append(_span_evidence(article_id, "location", span.start_char, span.end_char, doc))
    if candidate.date is not None:
        items.append(_span_evidence(article_id, "date", candidate.date.start_char, candidate.date.end_char, doc))
    for field, claims in (("fatalities", candidate.fatality_claims), ("injuries", candidate.injury_claims)):
        for claim in claims:
            items.append(_span_evidence(article_id, field, claim.start_char, claim.end_char, doc))
    if candidate.statement is not None:
        items.append(
            _span_evidence(article_id, "statement", candidate.statement.start_char, candidate.statement.end_char, doc)
        )
    return _unique(items)


def _unique(items: list[Evidence]) -> list[Evidence]:
    seen: set[tuple] = set()
    kept = []
    for item in items:
        key = (item.field, item.start, item.end)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def _confidence(candidate: EventCandidate, location: Place | None, date: dt.date | None, precision: str) -> float:
    """A transparent score: how much of the record the text stated, rather than a default."""
    score = 0.4
    score += 0.15 if candidate.actor1 is not None and candidate.actor1_from_parse else 0.05 if candidate.actor1 else 0.0
    score += 0.1 if candidate.actor2 is not None else 0.0
    score += 0.15 if location is not None or candidate.kind.statement else 0.0
    score += 0.1 if candidate.date_from_clause and date is not None else 0.0
    score += 0.1 if len(candidate.mentions) > 1 else 0.0
    return round(min(score, 0.95), 2)

