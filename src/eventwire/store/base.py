"""The ``Store`` protocol, ``open_store``, and the SQL both backends share.

A store keeps three things, in one database:

* ``articles``: every article ingested (id, content hash, date, outlet, when), so that an
  article already stored is skipped (idempotent ingestion);
* ``reports``: each event as extracted from one article, with the id of the merged event it
  belongs to. Merged events are *derived* from these: ``merge.cluster`` over all reports gives
  the events, so the store's content depends only on which articles went in, never on their
  order or on how runs were cut into batches;
* ``events`` (+ ``event_articles``): the merged events -- the full contract JSON and indexed
  columns for the filters of ``query.EventQuery``.

``add`` stores a batch of extraction results in ONE transaction: the articles, their reports,
and the re-merged events they touch. A run killed at any point leaves whole batches or nothing
of a batch; running it again skips what is stored and completes the rest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from eventwire.errors import EventwireError
from eventwire.merge import MAX_DAYS, Cluster, block_key, merge_into
from eventwire.query import EventQuery, actor_text, event_country
from eventwire.schema import Article, Event
from eventwire.store import migrations

DEFAULT_DB = "eventwire.duckdb"
CHUNK = 200  # rows per multi-row INSERT
_READ_KEYWORDS = ("select", "with", "values", "table", "explain", "show", "describe", "summarize", "from")


class StoreError(EventwireError):
    """The database cannot be opened, read or written; the message says what to do."""


class ReadOnlySqlError(StoreError):
    """``Store.sql`` was given something other than one read-only query."""


def content_hash(article: Article) -> str:
    """SHA-256 of the article body, Unicode-normalised (NFC) with white space collapsed.

    The same text read from a .txt file or from a JSON line hashes the same; a corrected
    story (other words) is a new article.
    """
    text = " ".join(unicodedata.normalize("NFC", article.text).split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredArticle:
    article_id: str
    content_hash: str
    published: dt.date | None
    source: str | None
    title: str | None
    url: str | None
    origin: str | None
    n_reports: int
    ingested_at: dt.datetime


@dataclass
class BatchReport:
    """What one ``Store.add`` did."""

    articles_added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # same content as a stored article: skipped
    conflicts: list[str] = field(default_factory=list)  # id stored with other content: skipped
    reports_added: int = 0
    events_created: list[str] = field(default_factory=list)
    events_updated: list[str] = field(default_factory=list)
    events_removed: list[str] = field(default_factory=list)  # merged into another event

    def __iadd__(self, other: BatchReport) -> BatchReport:
        self.articles_added += other.articles_added
        self.duplicates += other.duplicates
        self.conflicts += other.conflicts
        self.reports_added += other.reports_added
        self.events_created += other.events_created
        self.events_updated += other.events_updated
        self.events_removed += other.events_removed
        return self


@dataclass(frozen=True)
class SqlResult:
    columns: list[str]
    rows: list[tuple]


@runtime_checkable
class Store(Protocol):
    """What every backend offers. Open one with ``open_store``; close it (or use ``with``)."""

    url: str
    dialect: str
    read_only: bool

    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...
    def schema_version(self) -> int: ...
    def stored_hashes(self, hashes: Iterable[str]) -> set[str]: ...
    def add(self, results: Sequence[Any]) -> BatchReport: ...
    def events(self, query: EventQuery | None = None) -> Iterator[Event]: ...
    def count(self, query: EventQuery | None = None) -> int: ...
    def get_event(self, event_id: str) -> Event | None: ...
    def reports(self, event_id: str) -> list[Event]: ...
    def articles(self) -> list[StoredArticle]: ...
    def sources(self, article_ids: Iterable[str] | None = None) -> dict[str, str | None]: ...
    def sql(self, statement: str, *, max_rows: int | None = None) -> SqlResult: ...
    def dump(self) -> dict[str, list]: ...


def open_store(db: str | os.PathLike[str] = DEFAULT_DB, *, read_only: bool = False) -> Store:
    """A file path (DuckDB, created if missing) or ``postgresql://...`` (PostgreSQL).

    The schema is created or migrated to the latest version on opening (not when
    ``read_only``: then the database must exist and be up to date).
    """
    text = os.fspath(db)
    if text.startswith(("postgresql://", "postgres://")):
        from eventwire.store.postgres import PostgresStore

        return PostgresStore.open(text, read_only=read_only)
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", text):
        raise StoreError(
            f"--db {text!r}: unsupported database; give a file path for DuckDB (e.g. eventwire.duckdb) "
            "or a postgresql://user@host/dbname URL"
        )
    from eventwire.store.duckdb import DuckDBStore

    return DuckDBStore.open(text, read_only=read_only)


def _canon(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _chunks(items: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def event_columns(event: Event, *, now: dt.datetime) -> tuple:
    """The ``events`` row of a merged event (same column order as the table)."""
    place = event.location
    return (
        event.event_id,
        event.event_date,
        event.date_precision,
        event.acled.event_type if event.acled else None,
        event.acled.sub_event_type if event.acled else None,
        event.plover.event_type if event.plover else None,
        event_country(event),
        place.admin1 if place else None,
        place.name if place else None,
        place.latitude if place else None,
        place.longitude if place else None,
        place.precision if place else None,
        event.actor1.name,
        event.actor2.name if event.actor2 else None,
        actor_text(event),
        event.fatalities.best,
        len(event.article_ids),
        event.confidence,
        _canon(event.to_json_dict()),
        now,
    )


EVENT_COLUMNS = (
    "event_id, event_date, date_precision, event_type, sub_event_type, plover_type, country, admin1, "
    "location, latitude, longitude, geo_precision, actor1, actor2, actor_text, fatalities, n_articles, "
    "confidence, data, updated_at"
)


class SqlStore(AbstractContextManager):
    """The store logic over a DB-API connection; backends give the connection's particulars."""

    dialect = "sql"

    def __init__(self, connection: Any, *, url: str, read_only: bool = False) -> None:
        self._conn = connection
        self.url = url
        self.read_only = read_only

    # -- what a backend provides -------------------------------------------------------------------
    def _run(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        raise NotImplementedError

    def _iterate(self, sql: str, params: Sequence[object] = ()) -> Iterator[tuple]:
        yield from self._run(sql, params)

    def _transaction(self) -> AbstractContextManager:
        raise NotImplementedError

    def _lock(self) -> None:
        """Serialise writers (PostgreSQL: an advisory lock; DuckDB locks the file itself)."""

    def _load_json(self, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str | bytes) else value

    def _table_exists(self, name: str) -> bool:
        raise NotImplementedError

    def sql(self, statement: str, *, max_rows: int | None = None) -> SqlResult:
        raise NotImplementedError

    # -- life cycle --------------------------------------------------------------------------------
    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.url!r})"

    def ready(self) -> SqlStore:
        """Check a read-only store's schema, or bring a writable one up to date; closed on failure."""
        try:
            if self.read_only:
                self._check_version()
            else:
                self.migrate()
        except BaseException:
            self.close()
            raise
        return self

    def schema_version(self) -> int:
        if not self._table_exists("schema_version"):
            return 0
        (row,) = self._run("SELECT COALESCE(MAX(version), 0) FROM schema_version")
        return int(row[0])

    def migrate(self) -> list[int]:
        """Apply the migrations this database lacks, one transaction each; the versions applied."""
        applied: list[int] = []
        with self._transaction():
            self._lock()
            self._run(migrations.SCHEMA_VERSION_TABLE)
        current = self.schema_version()
        if current > migrations.LATEST:
            raise StoreError(
                f"{self.url}: the database is at schema version {current}, newer than this eventwire "
                f"knows ({migrations.LATEST}); upgrade eventwire"
            )
        for migration in migrations.MIGRATIONS:
            with self._transaction():
                self._lock()
                if self.schema_version() >= migration.VERSION:  # another process got there first
                    continue
                for statement in migration.statements(self.dialect):
                    self._run(statement)
                self._run(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                    (migration.VERSION, migration.DESCRIPTION, _now()),
                )
                applied.append(migration.VERSION)
        return applied

    def _check_version(self) -> None:
        version = self.schema_version()
        if version != migrations.LATEST:
            raise StoreError(
                f"{self.url}: schema version {version}, expected {migrations.LATEST}; "
                + ("run `eventwire ingest` once to create it" if version == 0 else
                   "open it once without read-only mode to migrate it" if version < migrations.LATEST else
                   "upgrade eventwire")
            )

    # -- writing -----------------------------------------------------------------------------------
    def _insert(self, table: str, columns: str, rows: Sequence[tuple]) -> None:
        width = columns.count(",") + 1
        for chunk in _chunks(rows):
            marks = ",".join(["(" + ",".join(["?"] * width) + ")"] * len(chunk))
            self._run(f"INSERT INTO {table} ({columns}) VALUES {marks}", [v for row in chunk for v in row])

    def _in(self, sql: str, values: Sequence[object], extra: Sequence[object] = ()) -> list[tuple]:
        """Run ``sql`` (with one ``{in}`` for an IN list) over chunks of ``values``."""
        rows: list[tuple] = []
        for chunk in _chunks(list(values), 500):
            rows += self._run(sql.replace("{in}", ",".join("?" * len(chunk))), [*extra, *chunk])
        return rows

    def stored_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are already stored."""
        wanted = sorted(set(hashes))
        if not wanted:
            return set()
        return {r[0] for r in self._in("SELECT content_hash FROM articles WHERE content_hash IN ({in})", wanted)}

    def add(self, results: Sequence[Any]) -> BatchReport:
        """Store extraction results (``pipeline.ArticleResult``: ``.article`` and ``.events``) and
        merge their events into the stored ones -- all in one transaction."""
        if self.read_only:
            raise StoreError(f"{self.url} was opened read-only")
        report = BatchReport()
        batch: list[tuple[Article, str, list[Event]]] = []
        seen_hashes: set[str] = set()
        seen_ids: set[str] = set()
        for result in results:
            article, digest = result.article, content_hash(result.article)
            if digest in seen_hashes:
                report.duplicates.append(article.id)
            elif article.id in seen_ids:
                report.conflicts.append(article.id)
            else:
                seen_hashes.add(digest)
                seen_ids.add(article.id)
                batch.append((article, digest, list(result.events)))
        now = _now()
        with self._transaction():
            self._lock()
            stored_hashes = self.stored_hashes(seen_hashes)
            known = self._in("SELECT article_id FROM articles WHERE article_id IN ({in})", sorted(seen_ids))
            stored_ids = {r[0] for r in known}
            kept: list[tuple[Article, str, list[Event]]] = []
            for article, digest, events in batch:
                if digest in stored_hashes:
                    report.duplicates.append(article.id)
                elif article.id in stored_ids:
                    report.conflicts.append(article.id)
                else:
                    kept.append((article, digest, events))
            if not kept:
                return report
            new_reports: dict[str, Event] = {}
            for _, _, events in kept:
                for event in events:
                    known = new_reports.get(event.event_id)
                    new_reports[event.event_id] = event if known is None else Cluster.of([known, event]).event
            existing, old_assignment = self._candidate_clusters(list(new_reports.values()))
            result = merge_into(existing, list(new_reports.values()))

            self._insert(
                "articles",
                "article_id, content_hash, published, source, title, url, origin, n_reports, ingested_at",
                [
                    (a.id, digest, a.date, a.source, a.title, a.url, a.origin, len(events), now)
                    for a, digest, events in kept
                ],
            )
            report.articles_added = [a.id for a, _, _ in kept]
            report.reports_added = len(new_reports)

            changed = set(result.changed)
            stale = sorted(changed | set(result.removed))
            if stale:
                self._in("DELETE FROM events WHERE event_id IN ({in})", stale)
                self._in("DELETE FROM event_articles WHERE event_id IN ({in})", stale)
            event_rows, link_rows, report_rows = [], [], []
            for c in result.clusters:
                if c.event_id not in changed:
                    continue
                event_rows.append(event_columns(c.event, now=now))
                link_rows += [(c.event_id, a) for a in c.event.article_ids]
                moved = [m.event_id for m in c.members if old_assignment.get(m.event_id, c.event_id) != c.event_id]
                if moved:
                    self._in("UPDATE reports SET event_id = ? WHERE report_id IN ({in})", moved, extra=[c.event_id])
                for member in c.members:
                    if member.event_id in new_reports:
                        key = block_key(member)
                        report_rows.append((
                            member.event_id,
                            member.article_ids[0],
                            c.event_id,
                            member.event_date,
                            "|".join(key) if key else None,
                            _canon(member.to_json_dict()),
                        ))
                if any(m.event_id in old_assignment for m in c.members):
                    report.events_updated.append(c.event_id)
                else:
                    report.events_created.append(c.event_id)
            self._insert("reports", "report_id, article_id, event_id, event_date, block, data", report_rows)
            self._insert("events", EVENT_COLUMNS, event_rows)
            self._insert("event_articles", "event_id, article_id", link_rows)
            report.events_removed = list(result.removed)
        return report

    def _candidate_clusters(self, new_reports: Sequence[Event]) -> tuple[list[Cluster], dict[str, str]]:
        """The stored clusters that any new report could join, with their members' assignment."""
        days: dict[str, set[dt.date]] = defaultdict(set)
        for r in new_reports:
            key = block_key(r)
            if key is not None:
                assert r.event_date is not None
                for offset in range(-MAX_DAYS, MAX_DAYS + 1):
                    days["|".join(key)].add(r.event_date + dt.timedelta(days=offset))
        if not days:
            return [], {}
        event_ids: set[str] = set()
        blocks = sorted(days)
        for start in range(0, len(blocks), 20):
            clauses, params = [], []
            for block in blocks[start : start + 20]:
                dates = sorted(days[block])
                clauses.append(f"(block = ? AND event_date IN ({','.join('?' * len(dates))}))")
                params += [block, *dates]
            sql = "SELECT DISTINCT event_id FROM reports WHERE " + " OR ".join(clauses)
            event_ids |= {r[0] for r in self._run(sql, params)}
        if not event_ids:
            return [], {}
        members: dict[str, list[Event]] = defaultdict(list)
        assignment: dict[str, str] = {}
        for report_id, event_id, data in self._in(
            "SELECT report_id, event_id, data FROM reports WHERE event_id IN ({in})", sorted(event_ids)
        ):
            members[event_id].append(Event.model_validate(self._load_json(data)))
            assignment[report_id] = event_id
        return [Cluster.of(m) for _, m in sorted(members.items())], assignment

    # -- reading -----------------------------------------------------------------------------------
    def events(self, query: EventQuery | None = None) -> Iterator[Event]:
        """Stored events matching ``query``, by date (undated last) then id."""
        query = query or EventQuery()
        where, params = query.where()
        sql = f"SELECT data FROM events {where} ORDER BY event_date NULLS LAST, event_id{query.page()}"
        for (data,) in self._iterate(sql, params):
            yield Event.model_validate(self._load_json(data))

    def count(self, query: EventQuery | None = None) -> int:
        where, params = (query or EventQuery()).where()
        (row,) = self._run(f"SELECT COUNT(*) FROM events {where}", params)
        return int(row[0])

    def get_event(self, event_id: str) -> Event | None:
        """An event by its id, or by the id of any report merged into it."""
        rows = self._run("SELECT data FROM events WHERE event_id = ?", [event_id])
        if not rows:
            rows = self._run(
                "SELECT e.data FROM events e JOIN reports r ON r.event_id = e.event_id WHERE r.report_id = ?",
                [event_id],
            )
        return Event.model_validate(self._load_json(rows[0][0])) if rows else None

    def reports(self, event_id: str) -> list[Event]:
        """The per-article reports an event was merged from."""
        rows = self._run("SELECT data FROM reports WHERE event_id = ? ORDER BY report_id", [event_id])
        return [Event.model_validate(self._load_json(r[0])) for r in rows]

    def articles(self) -> list[StoredArticle]:
        rows = self._run(
            "SELECT article_id, content_hash, published, source, title, url, origin, n_reports, ingested_at "
            "FROM articles ORDER BY article_id"
        )
        return [StoredArticle(*row) for row in rows]

    def sources(self, article_ids: Iterable[str] | None = None) -> dict[str, str | None]:
        """Outlet of each article (``None`` where unknown)."""
        if article_ids is None:
            rows = self._run("SELECT article_id, source FROM articles")
        else:
            rows = self._in(
                "SELECT article_id, source FROM articles WHERE article_id IN ({in})", sorted(set(article_ids))
            )
        return {r[0]: r[1] for r in rows}

    def stats(self) -> dict[str, int]:
        counts = {}
        for table in ("articles", "reports", "events", "event_articles"):
            (row,) = self._run(f"SELECT COUNT(*) FROM {table}")
            counts[table] = int(row[0])
        return counts

    def dump(self) -> dict[str, list]:
        """Everything stored except timestamps, in a canonical order: equal dumps, equal stores."""
        return {
            "articles": [
                list(r) for r in self._run(
                    "SELECT article_id, content_hash, published, source, title, url, origin, n_reports "
                    "FROM articles ORDER BY article_id"
                )
            ],
            "reports": [
                [r[0], r[1], r[2], r[3], r[4], _canon(self._load_json(r[5]))]
                for r in self._run(
                    "SELECT report_id, article_id, event_id, event_date, block, data FROM reports ORDER BY report_id"
                )
            ],
            "events": [
                [*r[:-1], _canon(self._load_json(r[-1]))]
                for r in self._run(
                    "SELECT event_id, event_date, country, event_type, actor1, actor2, n_articles, data "
                    "FROM events ORDER BY event_id"
                )
            ],
            "event_articles": [
                list(r) for r in self._run("SELECT event_id, article_id FROM event_articles ORDER BY 1, 2")
            ],
        }


def check_read_only_sql(statement: str) -> str:
    """The statement, trimmed, if it looks like one query; a clear error otherwise."""
    text = statement.strip().rstrip(";").strip()
    if not text:
        raise ReadOnlySqlError("give a query, e.g. eventwire sql \"SELECT event_type, COUNT(*) FROM events GROUP BY 1\"")
    first = re.split(r"[\s(]+", text, maxsplit=1)[0].lower()
    if first not in _READ_KEYWORDS:
        raise ReadOnlySqlError(
            f"only read-only queries are allowed (SELECT, WITH, VALUES, EXPLAIN, ...), not {first.upper()}; "
            "tables: events, reports, articles, event_articles, schema_version"
        )
    return text


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
