"""Versioned schema migrations, applied in order by ``apply_migrations``.

Each migration is a module ``mNNNN_name.py`` with ``VERSION`` (its number), ``DESCRIPTION`` and
``statements(dialect) -> list[str]`` (dialect "duckdb" or "postgres"). Python modules rather than
SQL files so that they ship with the package whatever the build backend's data-file rules.
The ``schema_version`` table records each applied version with its time; a store refuses to
open a database whose version is newer than the code knows (upgrade eventwire), and brings an
older one up to date, one transaction per migration.

To change the schema, add the next module and list it in ``MIGRATIONS``; never edit one that
has shipped.
"""

from __future__ import annotations

from types import ModuleType

from eventwire.store.migrations import m0001_initial

MIGRATIONS: tuple[ModuleType, ...] = (m0001_initial,)
LATEST = MIGRATIONS[-1].VERSION

assert [m.VERSION for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1)), "migrations must be numbered 1, 2, ..."

SCHEMA_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TIMESTAMP NOT NULL
)
"""
