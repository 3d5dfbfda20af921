"""SQLite: the only place state lives. One connection per request (``get_db``).

The schema grows by numbered migrations in ``mockplatform/migrations/`` (see ``migrations.py``);
they run forward when the app starts and never drop a user's data."""

from __future__ import annotations

import sqlite3

import click
from flask import current_app, g

from . import migrations

BUSY_MS = 15000


def connect(path: str) -> sqlite3.Connection:
    """A connection whose writes start with BEGIN IMMEDIATE: a request that will write takes the
    write lock before it reads, so concurrent writers wait (busy_timeout) instead of failing with
    'database is locked' when a read transaction would have to be upgraded."""
    conn = sqlite3.connect(path, detect_types=0, timeout=BUSY_MS / 1000, check_same_thread=False,
                           isolation_level="IMMEDIATE")
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    conn.execute("PRAGMA synchronous = NORMAL")  # safe in WAL mode; a crash loses no commit
    return conn


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"])
    return g.db


def close_db(_exc=None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_db(path: str, *, fresh: bool = False) -> str:
    """Bring the database up to the newest migration. ``fresh``: empty it first (only for
    'mockplatform reset' and 'init-db', which the user asks for). Returns what happened."""
    conn = connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        if fresh:
            migrations.drop_everything(conn)
        return migrations.migrate(conn, path)
    finally:
        conn.close()


def backup(path: str, target: str) -> None:
    """A consistent copy of the database, taken with SQLite's backup API: safe while the
    server runs and writes (the copy is one point in time)."""
    source = connect(path)
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
    finally:
        dest.close()
        source.close()


@click.command("init-db")
def init_db_command():
    """Töm databasen och skapa den på nytt."""
    init_db(current_app.config["DATABASE"], fresh=True)
    click.echo("Databasen är skapad.")


def init_app(app) -> None:
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)
    outcome = init_db(app.config["DATABASE"])
    if outcome.startswith("upgraded") or outcome.startswith("adopted"):
        app.logger.info("Databasen: %s", outcome)
