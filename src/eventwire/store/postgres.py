"""PostgreSQL (``--db postgresql://user@host:port/dbname``), through psycopg 3.

Every writing transaction first takes one advisory lock, so that two ``eventwire ingest`` runs
against one database merge one batch at a time and never race on the same event. A
``search_path`` given in the URL (``?options=-csearch_path%3Dmyschema``) puts the tables in
that schema.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import psycopg

from eventwire.store.base import ReadOnlySqlError, SqlResult, SqlStore, StoreError, check_read_only_sql

_LOCK_KEY = 0x65766E77  # "evnw": the advisory lock every writing transaction takes


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "the PostgreSQL URL"
    host = info.get("host", "")
    port = f":{info['port']}" if info.get("port") else ""
    user = f"{info['user']}@" if info.get("user") else ""
    return f"postgresql://{user}{host}{port}/{info.get('dbname', '')}"


def _message(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


class PostgresStore(SqlStore):
    dialect = "postgres"

    @classmethod
    def open(cls, url: str, *, read_only: bool = False, connect_timeout: int = 10) -> PostgresStore:
        shown = _redact(url)
        try:
            connection = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.ProgrammingError as error:
            raise StoreError(f"{shown}: not a valid PostgreSQL URL ({error}); e.g. postgresql://user@localhost/eventwire") from None
        except psycopg.OperationalError as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise StoreError(
                f"{shown}: cannot connect ({first}); check that the server runs and the URL's user, "
                "password and database are right"
            ) from None
        return cls(connection, url=shown, read_only=read_only).ready()

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def _run(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        try:
            cursor = self._conn.execute(self._sql(sql), list(params) if params else None)
            return cursor.fetchall() if cursor.description else []
        except psycopg.Error as error:
            raise StoreError(f"{self.url}: {_message(error)}") from error

    def _iterate(self, sql: str, params: Sequence[object] = ()) -> Iterator[tuple]:
        # A server-side cursor WITH HOLD: rows come 500 at a time, however many events match,
        # and no transaction stays open on this connection while the caller iterates.
        try:
            with self._conn.cursor(name=f"eventwire_{uuid.uuid4().hex[:12]}", withhold=True) as cursor:
                cursor.execute(self._sql(sql), list(params) if params else None)
                while rows := cursor.fetchmany(500):
                    yield from rows
        except psycopg.Error as error:
            raise StoreError(f"{self.url}: {_message(error)}") from error

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._conn.transaction():
            yield

    def _lock(self) -> None:
        self._run("SELECT pg_advisory_xact_lock(?)", [_LOCK_KEY])

    def _table_exists(self, name: str) -> bool:
        (row,) = self._run("SELECT to_regclass(?) IS NOT NULL", [name])
        return bool(row[0])

    def sql(self, statement: str, *, max_rows: int | None = None) -> SqlResult:
        """Run one read-only query and return its rows.

        It runs as a prepared statement (so the server refuses several statements) inside a
        READ ONLY transaction that is rolled back: it cannot change the database. For analysts
        on a shared server, a role with only SELECT rights is the stronger guard.
        """
        text = check_read_only_sql(statement)
        try:
            with self._conn.transaction(force_rollback=True):
                self._conn.execute("SET TRANSACTION READ ONLY")
                self._conn.execute("SELECT 1")  # after a query, the transaction cannot be made read-write
                cursor = self._conn.execute(text, prepare=True)
                columns = [d.name for d in cursor.description or []]
                rows = cursor.fetchmany(max_rows) if max_rows is not None else cursor.fetchall()
                return SqlResult(columns, [tuple(r) for r in rows])
        except psycopg.Error as error:
            raise ReadOnlySqlError(f"SQL error: {str(error).strip().splitlines()[0]}") from None
