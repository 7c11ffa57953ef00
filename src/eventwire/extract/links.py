"""Which event a toll belongs to: the event whose mention speaks of the harm, else its sentence's."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.extract.casualties import ClaimMention
from eventwire.extract.events import EventCandidate


def _event_for_claim(claim: ClaimMention, events: list[EventCandidate], doc: Doc) -> EventCandidate | None:
    violent = [e for e in events if not e.kind.statement]
    for event in violent:
        if any(claim.harm_token in mention.scope for mention in event.mentions):
            return event
    sentence_start = doc[claim.harm_token].sent.start
    for event in violent:
        if any(mention.sentence.start == sentence_start for mention in event.mentions):
            return event
    return violent[0] if len(violent) == 1 else None


def attach_claims(claims: list[ClaimMention], events: list[EventCandidate], doc: Doc) -> None:
    """Give each claim to one event; the same figure from the same source is kept once."""
    for claim in claims:
        event = _event_for_claim(claim, events, doc)
        if event is None:
            continue
        bucket = event.fatality_claims if claim.kind == "fatalities" else event.injury_claims
        if any(c.count == claim.count and c.source == claim.source for c in bucket):
            continue
        bucket.append(claim)
