"""The embedded default: one DuckDB file (``eventwire.duckdb``), no server.

DuckDB lets one process write a file at a time (it locks the file); a second ``eventwire``
command on the same file while an ingest runs gets a clear "in use" error.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb

from eventwire.store.base import ReadOnlySqlError, SqlResult, SqlStore, StoreError, check_read_only_sql

_READ_TYPES = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})


class DuckDBStore(SqlStore):
    dialect = "duckdb"

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> DuckDBStore:
        text = os.fspath(path)
        in_memory = text in (":memory:", "")
        if not in_memory:
            file = Path(text)
            if read_only and not file.exists():
                raise StoreError(f"{text}: no database here; create it with `eventwire ingest INPUT... --db {text}`")
            if not file.parent.exists():
                raise StoreError(f"{text}: folder {file.parent} does not exist; create it first")
            if file.is_dir():
                raise StoreError(f"{text} is a folder; give a database file such as {file / 'eventwire.duckdb'}")
        try:
            # Read-only stores (events, sql, export) also get no file system access beyond the
            # database itself: an analyst's query cannot read or write other files.
            config = {"enable_external_access": False} if read_only and not in_memory else {}
            connection = duckdb.connect(":memory:" if in_memory else text, read_only=read_only and not in_memory,
                                        config=config)
        except duckdb.IOException as error:
            message = str(error)
            if "lock" in message.lower():
                raise StoreError(
                    f"{text} is in use by another process (an ingest still running?); wait for it to finish. "
                    f"DuckDB said: {message.splitlines()[0]}"
                ) from None
            raise StoreError(f"{text}: cannot open the database: {message.splitlines()[0]}") from None
        except duckdb.Error as error:
            raise StoreError(f"{text}: cannot open the database: {str(error).splitlines()[0]}") from None
        return cls(connection, url=text if not in_memory else ":memory:", read_only=read_only).ready()

    def _run(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        try:
            cursor = self._conn.execute(sql, list(params))
            return cursor.fetchall() if cursor.description else []
        except duckdb.Error as error:
            raise StoreError(f"{self.url}: {str(error).splitlines()[0]}") from error

    def _iterate(self, sql: str, params: Sequence[object] = ()) -> Iterator[tuple]:
        cursor = self._conn.cursor()
        try:
            cursor.execute(sql, list(params))
            while rows := cursor.fetchmany(500):
                yield from rows
        except duckdb.Error as error:
            raise StoreError(f"{self.url}: {str(error).splitlines()[0]}") from error
        finally:
            cursor.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _table_exists(self, name: str) -> bool:
        rows = self._run("SELECT 1 FROM information_schema.tables WHERE table_name = ?", [name])
        return bool(rows)

    def sql(self, statement: str, *, max_rows: int | None = None) -> SqlResult:
        """Run one read-only query (SELECT, WITH ..., EXPLAIN) and return its rows.

        The statement is parsed first and refused unless it is a single query; it runs in a
        transaction that is rolled back, and ``eventwire sql`` opens the file read-only too.
        """
        text = check_read_only_sql(statement)
        try:
            parsed = self._conn.extract_statements(text)
        except duckdb.Error as error:
            raise ReadOnlySqlError(f"SQL error: {str(error).splitlines()[0]}") from None
        if len(parsed) != 1:
            raise ReadOnlySqlError("give exactly one query (no ';'-separated statements)")
        if parsed[0].type not in _READ_TYPES:
            raise ReadOnlySqlError(f"only read-only queries are allowed, not {parsed[0].type.name}")
        cursor = self._conn.cursor()
        try:
            cursor.execute("BEGIN TRANSACTION")
            cursor.execute(text)
            columns = [d[0] for d in cursor.description or []]
            rows = cursor.fetchmany(max_rows) if max_rows is not None else cursor.fetchall()
            return SqlResult(columns, [tuple(r) for r in rows])
        except duckdb.Error as error:
            raise ReadOnlySqlError(f"SQL error: {str(error).splitlines()[0]}") from None
        finally:
            try:
                cursor.execute("ROLLBACK")
            except duckdb.Error:
                pass
            cursor.close()
