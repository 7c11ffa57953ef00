"""``ingest(articles, store)``: extract, merge and store, one transaction per batch.

Idempotent: an article whose content is already stored (same ``content_hash``) is skipped
before it is parsed, so running again changes nothing. Resumable: a run killed at any point
has committed whole batches only; the next run skips those and stores the rest, and because
the stored events are a function of the set of stored articles (see ``store.base``), the end
result is the same as one uninterrupted run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from eventwire.errors import ExtractionError
from eventwire.pipeline import ArticleResult, run
from eventwire.schema import Article
from eventwire.store.base import BatchReport, Store, content_hash


@dataclass
class IngestReport:
    """What one ``ingest`` run did."""

    read: int = 0  # articles read from the input
    skipped: int = 0  # already stored, or repeated within this run
    failed: list[ExtractionError] = field(default_factory=list)
    batches: int = 0  # transactions committed
    stored: BatchReport = field(default_factory=BatchReport)

    @property
    def added(self) -> int:
        return len(self.stored.articles_added)


def _fresh(articles: Iterable[Article], store: Store, report: IngestReport, chunk: int) -> Iterator[Article]:
    """The articles whose content is not stored yet, checked ``chunk`` at a time."""
    seen: set[str] = set()
    pending: list[tuple[Article, str]] = []

    def flush() -> Iterator[Article]:
        stored = store.stored_hashes(h for _, h in pending)
        for article, digest in pending:
            if digest in stored or digest in seen:
                report.skipped += 1
                continue
            seen.add(digest)
            yield article
        pending.clear()

    for article in articles:
        report.read += 1
        pending.append((article, content_hash(article)))
        if len(pending) >= chunk:
            yield from flush()
    yield from flush()


def ingest(
    articles: Iterable[Article],
    store: Store,
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    parse_batch_size: int = 16,
    on_error: Callable[[ExtractionError], None] | None = None,
    on_batch: Callable[[BatchReport, IngestReport], None] | None = None,
) -> IngestReport:
    """Extract events from ``articles``, merge them with the stored ones, and store them.

    ``batch_size`` articles go into each transaction. ``on_error`` hears of each article the
    pipeline could not process (it is not stored, so a later run tries it again); ``on_batch``
    is called after each commit.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    report = IngestReport()

    def failed(error: ExtractionError) -> None:
        report.failed.append(error)
        if on_error is not None:
            on_error(error)

    batch: list[ArticleResult] = []

    def commit() -> None:
        done = store.add(batch)
        report.stored += done
        report.batches += 1
        batch.clear()
        if on_batch is not None:
            on_batch(done, report)

    fresh = _fresh(articles, store, report, chunk=batch_size)
    for result in run(fresh, nlp=nlp, batch_size=parse_batch_size, on_error=failed):
        batch.append(result)
        if len(batch) >= batch_size:
            commit()
    if batch:
        commit()
    return report
