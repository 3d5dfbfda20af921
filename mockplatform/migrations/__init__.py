"""Numbered schema migrations, run forward on start. Upgrading never drops a user's data.

How it works
------------
* Each file in this folder named ``NNNN_what.sql`` or ``NNNN_what.py`` is migration number NNNN.
  Numbers start at 1 and have no gaps. ``0001_initial.sql`` is the schema as it was when
  migrations were introduced; never edit a migration that has shipped — add a new one.
* SQLite's ``PRAGMA user_version`` holds the number of the last migration applied. On start,
  :func:`migrate` applies every newer one in order, each in its own transaction together with
  the new ``user_version``: a migration that fails leaves the database as it was.
* A ``.sql`` migration is plain SQL (``ALTER TABLE … ADD COLUMN``, ``CREATE TABLE`` …).
* A ``.py`` migration, for when data must be transformed, defines ``migrate(conn)``; it runs inside
  the transaction (do not commit). Foreign keys are off while migrations run, so a table can be
  rebuilt the way SQLite documents (create new, copy, drop old, rename); ``PRAGMA
  foreign_key_check`` must pass before the transaction commits.
* A database from before migrations (table ``meta`` with key 'schema' = the hash of
  ``0001_initial.sql``) is adopted as version 1 without touching its rows. One from an even older,
  unknown schema is first copied beside the database (``*.fore-uppgradering-….sqlite``), then
  rebuilt – its data stays in that copy.
* A database newer than this code (a downgrade) is refused with a clear message.
"""

from __future__ import annotations

import importlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

import click

# sha256[:16] of the schema the pre-migration code stored in meta('schema'): 0001_initial.sql.
LEGACY_SCHEMA_HASH = "001e41533fd37049"
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.(sql|py)$")


class MigrationError(click.ClickException):
    """Said to the operator in Swedish (``mockplatform`` prints it without a traceback): the app
    does not start."""


@dataclass(frozen=True)
class Migration:
    number: int
    name: str  # the file name

    def apply(self, conn: sqlite3.Connection) -> None:
        if self.name.endswith(".sql"):
            # executescript cannot run inside an open transaction, so the script carries its own.
            text = resources.files(__package__).joinpath(self.name).read_text(encoding="utf-8")
            conn.executescript(f"BEGIN IMMEDIATE;\n{text}\n;PRAGMA user_version = {self.number};")
        else:
            module = importlib.import_module(f"{__package__}.{self.name[:-3]}")
            conn.execute("BEGIN IMMEDIATE")
            module.migrate(conn)
            conn.execute(f"PRAGMA user_version = {self.number}")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise MigrationError(f"Migrering {self.name} lämnade trasiga referenser: {problems[:3]}")
        conn.commit()


def available() -> list[Migration]:
    found = []
    for f in resources.files(__package__).iterdir():
        m = _NAME.match(f.name)
        if m:
            found.append(Migration(int(m.group(1)), f.name))
    found.sort(key=lambda m: m.number)
    numbers = [m.number for m in found]
    if numbers != list(range(1, len(found) + 1)):
        raise MigrationError(f"Migreringarna ska vara numrerade 1, 2, 3 … utan luckor: {numbers}")
    return found


def latest() -> int:
    return available()[-1].number


def version(conn) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _tables(conn) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    return [r[0] for r in rows if not r[0].startswith("sqlite_")]


def drop_everything(conn) -> None:
    conn.execute("PRAGMA foreign_keys = OFF")
    for table in _tables(conn):
        conn.execute(f'DROP TABLE IF EXISTS "{table}"')
    conn.execute("PRAGMA user_version = 0")
    conn.commit()


def _legacy_hash(conn) -> str | None:
    if "meta" not in _tables(conn):
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    return row[0] if row else None


def _set_aside(conn, path: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = f"{path}.fore-uppgradering-{stamp}.sqlite"
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def migrate(conn: sqlite3.Connection, path: str = "") -> str:
    """Apply every migration newer than the database. Returns what happened, in words."""
    current, newest = version(conn), latest()
    outcome = "kept"
    if current == 0 and _tables(conn):
        legacy = _legacy_hash(conn)
        if legacy == LEGACY_SCHEMA_HASH:
            conn.execute("PRAGMA user_version = 1")
            conn.commit()
            current, outcome = 1, "adopted as version 1"
        else:
            copy = _set_aside(conn, path) if path and path != ":memory:" else "(ingen kopia)"
            drop_everything(conn)
            outcome = f"rebuilt; the old data is in {copy}"
    elif current == 0:
        outcome = "created"
    if current > newest:
        raise MigrationError(f"Databasen är från en nyare version av Sandlådan (version {current}, den här "
                             f"koden känner till {newest}). Uppgradera Sandlådan eller använd en "
                             "säkerhetskopia.")
    pending = [m for m in available() if m.number > current]
    if not pending:
        return outcome
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        for m in pending:
            try:
                m.apply(conn)
            except Exception:
                conn.rollback()
                raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    if outcome == "kept":
        outcome = f"upgraded from {current} to {newest}"
    return outcome
