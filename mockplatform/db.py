"""SQLite: the only place state lives. A request uses one connection (``get_db``); each server
thread keeps its connection for the next request, rolled back, so a page does not pay for
opening the file and reading the schema again.

The schema grows by numbered migrations in ``mockplatform/migrations/`` (see ``migrations.py``);
they run forward when the app starts and never drop a user's data."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import threading

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


_kept = threading.local()  # this thread's idle connection: .conn, and .file it belongs to


def _file_id(path: str) -> tuple:
    """Which file a path is now: a database replaced or removed and made again is another file."""
    try:
        st = os.stat(path)
    except OSError:
        return (path, None)
    return (path, st.st_dev, st.st_ino)


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        path = current_app.config["DATABASE"]
        conn, file = getattr(_kept, "conn", None), _file_id(path)
        _kept.conn = None
        if conn is not None and _kept.file != file:
            conn.close()
            conn = None
        g.db, g.db_file = conn or connect(path), file
    return g.db


def close_db(_exc=None) -> None:
    """End the request's transaction (what was not committed is undone, as closing would) and keep
    the connection for this thread's next request."""
    db = g.pop("db", None)
    if db is None:
        return
    try:
        if db.in_transaction:
            db.rollback()
    except sqlite3.Error:
        db.close()
        return
    old = getattr(_kept, "conn", None)
    if old is not None and old is not db:
        old.close()
    _kept.conn, _kept.file = db, g.pop("db_file", None)


def release_kept() -> None:
    """Close this thread's idle connection: before the database file is moved or replaced in the
    same process (as an upgrade test does to a stopped server's file), and before the server
    forks its workers (SQLite: a connection must not cross a fork)."""
    conn = getattr(_kept, "conn", None)
    _kept.conn = None
    if conn is not None:
        conn.close()


def init_db(path: str, *, fresh: bool = False) -> str:
    """Bring the database up to the newest migration. ``fresh``: empty it first (only for
    'mockplatform reset' and 'init-db', which the user asks for). Returns what happened."""
    try:
        conn = connect(path)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            if fresh:
                migrations.drop_everything(conn)
            return migrations.migrate(conn, path)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", None) not in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
            raise
        raise migrations.MigrationError(
            f"{path} går inte att läsa som Sandlådans databas: filen är skadad eller ingen "
            "SQLite-databas. Flytta undan den och lägg tillbaka en säkerhetskopia, eller starta med "
            "en tom datamapp (--data).") from exc


def backup(path: str, target: str) -> None:
    """A consistent copy of the database, taken with SQLite's backup API: safe while the
    server runs and writes (the copy is one point in time). Written beside ``target`` first and
    renamed when complete, so a failed copy (a full disk) never leaves half a backup."""
    folder, name = os.path.split(os.path.abspath(target))
    source = connect(path)
    partial = None
    try:
        handle, partial = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".delvis")
        os.close(handle)  # a new, empty file only this copy uses: SQLite writes the copy into it
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
        finally:
            dest.close()
        os.replace(partial, target)
    except BaseException:
        if partial:
            with contextlib.suppress(OSError):
                os.remove(partial)
        raise
    finally:
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
