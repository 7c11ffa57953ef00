"""Toponym recognition and resolution: which words of the article name places, and where they are.

spaCy's small model misses many toponyms (it labels "Al Qa'im" a facility and misses "the Qaim
region" entirely), so its GPE/LOC/FAC entities are complemented by a gazetteer matcher over
proper nouns that stand where places stand (after "in", "near", before "region", "province").
Names used for a government ("Baghdad condemned", "Tehran's deal") and names that only modify
another noun ("US forces") are not places of the article.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.resolve.gazetteer import Gazetteer, GazetteerEntry

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BLOCKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "WORK_OF_ART"})
PLACE_CUES = frozenset(
    {"region", "province", "district", "town", "city", "village", "area", "governorate", "county",
     "state", "camp", "neighbourhood", "neighborhood", "suburb", "municipality", "valley",
     "border", "outskirts", "countryside", "locality", "sub-county", "division", "ward", "zone",
     "island", "river", "mountains", "desert", "crossing"}
)
PLACE_PREPOSITIONS = frozenset(
    {"in", "near", "at", "outside", "around", "into", "across", "inside", "from", "to", "towards",
     "toward", "of", "north", "south", "east", "west", "between"}
)
# Verbs of speech and stance whose subject, when it is a capital, is the government that speaks.
STANCE_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int  # token indices of the mention in the doc
    end: int
    text: str
    entry: GazetteerEntry

    @property
    def country_iso3(self) -> str | None:
        return self.entry.country_iso3

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


def _is_metonym(span: Span) -> bool:
    """A place name standing for the people who govern it ("Baghdad condemned", "Tehran's deal")."""
    root = span.root
    if root.dep_ in STANCE_DEPS:
        return root.head.pos_ in ("VERB", "AUX", "NOUN", "PROPN")
    return False


def _is_modifier_only(span: Span) -> bool:
    """'US forces', 'US-Iran escalation': the name qualifies another noun that is not a place."""
    root = span.root
    if root.dep_ not in ("compound", "amod", "nmod", "npadvmod"):
        return False
    head = root.head
    if span.start <= head.i < span.end:
        return False
    return head.lower_ not in PLACE_CUES


def _core_name(span: Span) -> str:
    """The name to look up: 'the Qaim region' -> 'Qaim'."""
    tokens = [t for t in span if not (t.i == span.start and t.lower_ == "the")]
    while tokens and tokens[-1].lower_ in PLACE_CUES:
        tokens.pop()
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return span.text
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


def _proper_noun_runs(doc: Doc) -> list[Span]:
    """Runs of proper nouns (with inner hyphens/apostrophes) outside person/organisation entities."""
    runs: list[Span] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.pos_ == "PROPN" and token.ent_type_ not in BLOCKING_LABELS and token.ent_type_ not in PLACE_LABELS:
            j = i + 1
            while j < len(doc) and (
                (doc[j].pos_ == "PROPN" and doc[j].ent_type_ not in BLOCKING_LABELS)
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
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "district", "region", "province", "county", "governorate"})


def _in_strong_place_position(span: Span) -> bool:
    """'near X', 'the town of X': where the small model's PERSON or ORG label is likely wrong."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None:
        return False
    if before.lower_ == "of" and span.start > 1:
        return doc[span.start - 2].lower_ in SETTLEMENT_NOUNS
    return before.lower_ in STRONG_PREPOSITIONS


def _candidate_spans(doc: Doc) -> list[tuple[Span, bool]]:
    """(span, from_ner) pairs, NER first; gazetteer runs only where NER found nothing."""
    spans: list[tuple[Span, bool]] = [(ent, True) for ent in doc.ents if ent.label_ in PLACE_LABELS]
    spans.extend(
        (ent, False) for ent in doc.ents if ent.label_ in ("PERSON", "ORG") and _in_strong_place_position(ent)
    )
    taken = {i for ent, _ in spans for i in range(ent.start, ent.end)}
    for run in _proper_noun_runs(doc):
        if any(i in taken for i in range(run.start, run.end)):
            continue
        if _in_place_position(run):
            spans.append((_extend_with_cue(run), False))
    return sorted(spans, key=lambda pair: pair[0].start)


def find_places(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every toponym of the article that names a place (not a government, not a modifier)."""
    candidates = [
        (span, from_ner)
        for span, from_ner in _candidate_spans(doc)
        if not _is_metonym(span) and not _is_modifier_only(span)
    ]
    countries = _article_countries(candidates, gazetteer)
    mentions = []
    for span, from_ner in candidates:
        name = _core_name(span)
        if not from_ner and len(name) < 3:
            continue
        entry = gazetteer.best(name, countries=countries)
        if entry is None:
            continue
        mentions.append(PlaceMention(span.start, span.end, span.text, entry))
    return mentions


def _article_countries(candidates: list[tuple[Span, bool]], gazetteer: Gazetteer) -> list[str]:
    """Countries the article names, most named first: the context for ambiguous names."""
    counts: Counter[str] = Counter()
    for span, _ in candidates:
        iso3 = gazetteer.country_iso3(_core_name(span))
        if iso3:
            counts[iso3] += 1
    return [iso3 for iso3, _ in counts.most_common()]


def place_of_token(token: Token, places: list[PlaceMention]) -> PlaceMention | None:
    for place in places:
        if place.start <= token.i < place.end:
            return place
    return None


def main_country(places: list[PlaceMention]) -> str | None:
    """The country the article's places lie in most often."""
    counts = Counter(place.country_iso3 for place in places if place.country_iso3)
    return counts.most_common(1)[0][0] if counts else None
