"""Which event a toll belongs to.

In order: the event one of whose mentions speaks of the harm (the harm word is in its clause);
else an event told in the claim's sentence (the nearest mention before the harm word, else the
first after it); else the first incident told in the claim's paragraph before it, the main one
that later sentences elaborate ("Clashes broke out in X ... Five people were killed."), else the
incident told last before its paragraph; else, when the article tells of one incident only, that
one.
Statements (condemnations, threats) never take tolls.

A toll told by a bare harm word ("1 person was killed", "one commander was reportedly killed")
is the outcome of the incident told before it (a grenade attack, a clash): when the event
holding the harm word is made of harm words only and is not placed elsewhere, the toll goes to
that earlier incident.
"""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.extract.casualties import ClaimMention, is_harm_word
from eventwire.extract.events import EventCandidate


def _harm_only(event: EventCandidate) -> bool:
    return all(is_harm_word(mention.trigger) for mention in event.mentions)


def _same_place(a: EventCandidate, b: EventCandidate) -> bool:
    return a.place is None or b.place is None or a.place.entry.name == b.place.entry.name


def _outcome_of(event: EventCandidate, claim: ClaimMention, violent: list[EventCandidate], doc: Doc) -> EventCandidate:
    """The incident a toll belongs to (see the module docstring): an event made of harm words only
    is the outcome of the incident told before it; an event told after another one in the same
    sentence, at the same place, is part of it ("a PKK IED detonated ..., killing one soldier")."""
    sentence = doc[claim.harm_token].sent
    in_sentence = [
        e for e in violent
        if e is not event and _same_place(e, event) and sentence.start <= e.first_token < min(event.first_token, claim.harm_token)
    ]
    if in_sentence:
        return min(in_sentence, key=lambda e: e.first_token)
    if not _harm_only(event):
        return event
    earlier = [
        e for e in violent
        if e is not event and not _harm_only(e) and e.first_token < claim.harm_token and _same_place(e, event)
    ]
    return max(earlier, key=lambda e: e.first_token) if earlier else event


def _paragraph_start(doc: Doc, char: int) -> int:
    """Where the paragraph holding ``char`` begins (paragraphs are separated by a blank line)."""
    found = doc.text.rfind("\n\n", 0, char)
    return 0 if found < 0 else found + 2


def _event_for_claim(claim: ClaimMention, events: list[EventCandidate], doc: Doc) -> EventCandidate | None:
    violent = [e for e in events if not e.kind.statement]
    if not violent:
        return None
    for event in violent:
        if any(claim.harm_token in mention.scope for mention in event.mentions):
            return _outcome_of(event, claim, violent, doc)
    sentence = doc[claim.harm_token].sent
    in_sentence = [
        (mention.trigger.i, event)
        for event in violent
        for mention in event.mentions
        if sentence.start <= mention.trigger.i < sentence.end
    ]
    if in_sentence:
        before = [item for item in in_sentence if item[0] < claim.harm_token]
        chosen = max(before, key=lambda item: item[0]) if before else min(in_sentence, key=lambda item: item[0])
        return _outcome_of(chosen[1], claim, violent, doc)
    earlier = [
        (mention.trigger.i, event) for event in violent for mention in event.mentions if mention.trigger.i < sentence.start
    ]
    if earlier:
        paragraph = _paragraph_start(doc, sentence.start_char)
        same_paragraph = [item for item in earlier if doc[item[0]].idx >= paragraph]
        chosen = min(same_paragraph, key=lambda item: item[0]) if same_paragraph else max(earlier, key=lambda item: item[0])
        return _outcome_of(chosen[1], claim, violent, doc)
    return violent[0] if len(violent) == 1 else None


def attach_claims(claims: list[ClaimMention], events: list[EventCandidate], doc: Doc) -> None:
    """Give each claim to one event. Every claim is kept (a figure read twice at the same place
    once); ``records._count`` decides which add up and which compete."""
    for claim in claims:
        event = _event_for_claim(claim, events, doc)
        if event is None:
            continue
        bucket = event.fatality_claims if claim.kind == "fatalities" else event.injury_claims
        if any(c.start_char == claim.start_char and c.end_char == claim.end_char for c in bucket):
            continue
        bucket.append(claim)
