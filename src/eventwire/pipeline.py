"""Articles in, events out: ``run(articles) -> Iterator[ArticleResult]``.

spaCy parses the articles in batches (``nlp.pipe``); each Doc carries its Article, so a document
that fails in a component is reported by name and dropped without stopping the batch.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from eventwire.errors import ExtractionError
from eventwire.nlp import build_nlp, make_doc
from eventwire.records import to_records
from eventwire.schema import Article, Event


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article: Article
    events: list[Event]


ErrorHandler = Callable[[ExtractionError], None]


def _raise(error: ExtractionError) -> None:
    raise error


def run(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    on_error: ErrorHandler | None = None,
) -> Iterator[ArticleResult]:
    """Extract the events of every article, in input order."""
    nlp = nlp or build_nlp()
    report = on_error or _raise

    docs = (make_doc(nlp, article) for article in articles)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        article = doc._.article
        if doc._.failure is not None:
            report(ExtractionError(article.origin or article.id, f"extraction failed in {doc._.failure}"))
            continue
        try:
            events = to_records(doc)
        except Exception as error:  # one bad article never stops a batch
            report(ExtractionError(article.origin or article.id, f"{error!r}\n{traceback.format_exc(limit=3)}"))
            continue
        yield ArticleResult(article, events)


def extract(text: str, *, date: dt.date | str | None = None, article_id: str = "text") -> list[Event]:
    """The events of one text: the library's shortest path."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    article = Article(id=article_id, text=text, date=date)
    return next(run([article])).events
