"""The only bridge from spaCy objects to the schema: ``to_records(doc) -> list[Event]``."""

from __future__ import annotations

import datetime as dt
import hashlib

from spacy.tokens import Doc, Span, Token

from eventwire.extract.actors import ActorRef
from eventwire.extract.casualties import ClaimMention
from eventwire.extract.events import EventCandidate
from eventwire.extract.places import PLACE_CUES, PlaceMention
from eventwire.resolve.actors import KBActor, load_actor_kb
from eventwire.resolve.gazetteer import acled_precision, to_place
from eventwire.schema import (
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

# ACLED inter codes by actor type (ACLED codebook, "Actor types / interaction codes").
INTER_CODES = {
    "state_forces": 1,
    "government": 1,
    "rebel_group": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external_forces": 8,
    "international_organization": 8,
    "ngo": 8,
    "media": 8,
    "political_party": 8,
    "other": 8,
}
NEAR_WORDS = frozenset({"near", "outside", "outskirts", "around", "close", "north", "south", "east", "west", "between"})


def to_records(doc: Doc) -> list[Event]:
    article: Article = doc._.article
    events = [_to_event(candidate, doc, article) for candidate in doc._.events or []]
    return [event for event in events if event is not None]


def _to_event(candidate: EventCandidate, doc: Doc, article: Article) -> Event | None:
    location = _location(candidate, doc)
    country = location.country_iso3 if location else candidate.country
    actor1 = _actor1(candidate, country)
    if actor1 is None:
        return None
    actor2 = _localised(candidate.actor2.actor, country) if candidate.actor2 else None
    if not candidate.kind.statement:
        actor1 = _external_if_abroad(actor1, country)
        actor2 = _external_if_abroad(actor2, country) if actor2 else None
    event_date, precision = _date(candidate, article)
    fatalities = _count(candidate.fatality_claims, article.id)
    injuries = _count(candidate.injury_claims, article.id)
    evidence = _evidence(candidate, doc, article.id)
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


# -- identity and time ---------------------------------------------------------------------
def _event_id(article_id: str, candidate: EventCandidate, doc: Doc) -> str:
    first = min(candidate.mentions, key=lambda m: m.trigger.i)
    place = candidate.place.entry.name if candidate.place else ""
    actor = candidate.actor1.actor.name if candidate.actor1 else ""
    key = "|".join([article_id, candidate.kind.id, place, actor, str(first.trigger.idx)])
    return "ew-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _date(candidate: EventCandidate, article: Article) -> tuple[dt.date | None, str]:
    if candidate.date is not None and candidate.date.resolved.date is not None:
        return candidate.date.resolved.date, candidate.date.resolved.precision
    if article.date is None:
        return None, "unknown"
    # Reported speech is dated the day it is reported; an undated incident is known only to
    # have happened by the publication date, which week precision says.
    return article.date, "day" if candidate.kind.statement else "week"


# -- actors ------------------------------------------------------------------------------------
def _actor1(candidate: EventCandidate, country: str | None) -> Actor | None:
    if candidate.actor1 is not None:
        return _localised(candidate.actor1.actor, country)
    if candidate.kind.statement:
        return None
    kind = "protesters" if candidate.kind.plover_type == "PROTEST" else "armed_group"
    generic = load_actor_kb().generic(kind, country)
    return Actor(name=generic.name, type=generic.type, country_iso3=generic.country_iso3, mention=None)


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
    first = INTER_CODES.get(actor1.type)
    if first is None:
        return None
    second = INTER_CODES.get(actor2.type) if actor2 else 0
    if second is None:
        return None
    low, high = sorted((first, second)) if second else (first, 0)
    return f"{low}{high}"


# -- place ------------------------------------------------------------------------------------
def _location(candidate: EventCandidate, doc: Doc) -> Place | None:
    place = candidate.place
    if place is None:
        return None
    return to_place(place.entry, mention=place.text, precision=_precision(place, doc))


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
    return 1


# -- counts -----------------------------------------------------------------------------------
def _count(claims: list[ClaimMention], article_id: str) -> Count:
    """ACLED's rule: the most conservative credible figure is the best estimate; never a sum."""
    if not claims:
        return Count()
    numbers = [claim.count for claim in claims]
    return Count(
        low=min(numbers),
        best=min(numbers),
        high=max(numbers),
        claims=[
            CountClaim(
                count=claim.count,
                qualifier=claim.qualifier,
                source=claim.source,
                article_id=article_id,
                start=claim.start_char,
                end=claim.end_char,
                sentence=claim.sentence,
            )
            for claim in claims
        ],
    )


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


def _evidence(candidate: EventCandidate, doc: Doc, article_id: str) -> list[Evidence]:
    items: list[Evidence] = []
    for mention in sorted(candidate.mentions, key=lambda m: m.trigger.i):
        span = _trigger_span(mention.trigger)
        items.append(_span_evidence(article_id, "trigger", span.start_char, span.end_char, doc))
    for field, ref in (("actor1", candidate.actor1), ("actor2", candidate.actor2)):
        if isinstance(ref, ActorRef):
            items.append(_span_evidence(article_id, field, ref.start_char, ref.end_char, doc))
    if candidate.place is not None:
        span = candidate.place.span(doc)
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

