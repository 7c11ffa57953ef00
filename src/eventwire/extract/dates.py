"""Date mentions of the article, resolved against its publication date, as token spans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc

from eventwire.resolve.dates import ResolvedDate, find_date_mentions


@dataclass(frozen=True, slots=True)
class DateSpan:
    start: int  # token indices
    end: int
    start_char: int
    end_char: int
    text: str
    resolved: ResolvedDate


def find_dates(doc: Doc, ref_date: dt.date | None) -> list[DateSpan]:
    """Date mentions that can date an event: vague ones ("recently", "now", decades) are left out."""
    spans = []
    for mention in find_date_mentions(doc.text, ref_date):
        if mention.resolved.date is None or mention.resolved.period == "PRESENT_REF":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        spans.append(
            DateSpan(span.start, span.end, mention.start, mention.end, mention.text, mention.resolved)
        )
    return spans
