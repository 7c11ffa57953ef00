"""Who said what: reported speech with its speaker, its content and where it was spoken.

A quote is a sentence (or clause) governed by a reporting verb ("said", "told", "added") or
introduced by "according to". The speaker is the verb's subject, resolved to an actor, with
pronouns pointing back to the last speaker ("he added"). Where the speaker stood ("told
reporters on a visit to Rome") is kept as ``place_spoken`` so that it never becomes the place
of an event.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.extract.actors import ActorRef, ActorResolver, phrase_of
from eventwire.extract.places import PlaceMention
from eventwire.extract.syntax import SPEECH_LEMMAS, clause_tokens

QUOTE_CHARS = "\"“”«»"
CONTENT_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})


@dataclass(frozen=True, slots=True)
class Quote:
    sentence_start: int  # token index of the sentence start
    verb_i: int  # the reporting verb's token index, -1 for "according to"
    speaker: ActorRef | None
    speaker_text: str
    text: str  # what was said
    start_char: int
    end_char: int
    direct: bool
    place_spoken: str | None


def _reporting_verbs(sentence: Span) -> list[Token]:
    return [t for t in sentence if t.pos_ in ("VERB", "AUX") and t.lemma_ in SPEECH_LEMMAS]


def _speaker_token(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    return None


def _content_span(verb: Token, sentence: Span) -> Span:
    """The complement clause of the verb; the rest of the sentence when the parse has none."""
    for child in verb.children:
        if child.dep_ in CONTENT_DEPS:
            return sentence.doc[child.left_edge.i : child.right_edge.i + 1]
    return sentence


def _quoted_part(sentence: Span) -> Span | None:
    marks = [t for t in sentence if t.text in QUOTE_CHARS]
    if len(marks) >= 2:
        return sentence.doc[marks[0].i + 1 : marks[-1].i]
    return None


def _place_spoken(verb: Token, places: list[PlaceMention]) -> str | None:
    """A place attached to the reporting verb itself, not to what was said."""
    own = {t.i for t in clause_tokens(verb)}
    for place in places:
        if place.start in own:
            return place.entry.name
    return None


def _according_to(sentence: Span) -> Token | None:
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            for child in token.doc[token.i + 1].children:
                if child.dep_ == "pobj":
                    return child
    return None


def find_quotes(doc: Doc, resolver: ActorResolver, places: list[PlaceMention]) -> list[Quote]:
    quotes: list[Quote] = []
    last_speaker: ActorRef | None = None
    for sentence in doc.sents:
        found = False
        for verb in _reporting_verbs(sentence):
            subject = _speaker_token(verb)
            if subject is None:
                continue
            speaker = resolver.resolve(subject)
            if speaker is None and subject.pos_ == "PRON":
                speaker = last_speaker
            quoted = _quoted_part(sentence)
            content = quoted if quoted is not None else _content_span(verb, sentence)
            quotes.append(
                Quote(
                    sentence_start=sentence.start,
                    verb_i=verb.i,
                    speaker=speaker,
                    speaker_text=phrase_of(subject).text if speaker is None else speaker.text,
                    text=content.text,
                    start_char=content.start_char,
                    end_char=content.end_char,
                    direct=quoted is not None,
                    place_spoken=_place_spoken(verb, places),
                )
            )
            if speaker is not None:
                last_speaker = speaker
            found = True
            break
        if found:
            continue
        source = _according_to(sentence)
        if source is not None:
            speaker = resolver.resolve(source)
            quotes.append(
                Quote(sentence.start, -1, speaker, source.text if speaker is None else speaker.text,
                      sentence.text, sentence.start_char, sentence.end_char, False, None)
            )
    return quotes


def quote_for_sentence(quotes: list[Quote], sentence_start: int) -> Quote | None:
    for quote in quotes:
        if quote.sentence_start == sentence_start:
            return quote
    return None
