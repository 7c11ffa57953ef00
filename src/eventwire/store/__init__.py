"""Where events are kept: ``open_store(db)`` gives a ``Store`` (DuckDB file or PostgreSQL).

>>> from eventwire.store import open_store, ingest
>>> with open_store("eventwire.duckdb") as store:          # doctest: +SKIP
...     report = ingest(read_articles(["news/"]), store)
...     events = list(store.events(EventQuery(country="IRQ")))
"""

from eventwire.store.base import (
    DEFAULT_DB,
    BatchReport,
    ReadOnlySqlError,
    SqlResult,
    Store,
    StoredArticle,
    StoreError,
    content_hash,
    open_store,
)
from eventwire.store.ingest import IngestReport, ingest

__all__ = [
    "DEFAULT_DB",
    "BatchReport",
    "IngestReport",
    "ReadOnlySqlError",
    "SqlResult",
    "Store",
    "StoreError",
    "StoredArticle",
    "content_hash",
    "ingest",
    "open_store",
]
