"""The first schema: articles, reports (one per article and event), merged events, links."""

from __future__ import annotations

VERSION = 1
DESCRIPTION = "articles, reports, events, event_articles"


def statements(dialect: str) -> list[str]:
    json_type = "JSONB" if dialect == "postgres" else "JSON"
    tables = [
        # One row per stored article; content_hash makes ingestion idempotent.
        """
        CREATE TABLE articles (
            article_id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            published DATE,
            source TEXT,
            title TEXT,
            url TEXT,
            origin TEXT,
            n_reports INTEGER NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        )
        """,
        # One row per event as extracted from one article, before merging; event_id is the
        # merged event it belongs to. Merged events are recomputed from these.
        f"""
        CREATE TABLE reports (
            report_id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            event_date DATE,
            block TEXT,
            data {json_type} NOT NULL
        )
        """,
        # The merged events: the full contract JSON plus columns for filtering.
        f"""
        CREATE TABLE events (
            event_id TEXT PRIMARY KEY,
            event_date DATE,
            date_precision TEXT NOT NULL,
            event_type TEXT,
            sub_event_type TEXT,
            plover_type TEXT,
            country TEXT,
            admin1 TEXT,
            location TEXT,
            latitude DOUBLE PRECISION,
            longitude DOUBLE PRECISION,
            geo_precision INTEGER,
            actor1 TEXT NOT NULL,
            actor2 TEXT,
            actor_text TEXT NOT NULL,
            fatalities INTEGER,
            n_articles INTEGER NOT NULL,
            confidence DOUBLE PRECISION NOT NULL,
            data {json_type} NOT NULL,
            updated_at TIMESTAMP NOT NULL
        )
        """,
        """
        CREATE TABLE event_articles (
            event_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            PRIMARY KEY (event_id, article_id)
        )
        """,
    ]
    if dialect != "postgres":
        # DuckDB filters with its min-max zone maps; secondary ART indexes would only slow
        # the writes down.
        return tables
    return tables + [
        "CREATE INDEX reports_event ON reports (event_id)",
        "CREATE INDEX reports_block ON reports (block, event_date)",
        "CREATE INDEX reports_article ON reports (article_id)",
        "CREATE INDEX events_date ON events (event_date)",
        "CREATE INDEX events_country ON events (country, event_date)",
        "CREATE INDEX events_type ON events (event_type)",
        "CREATE INDEX events_plover ON events (plover_type)",
        "CREATE INDEX events_lonlat ON events (longitude, latitude)",
        "CREATE INDEX event_articles_article ON event_articles (article_id)",
    ]
