"""SQLite: the only place state lives. One connection per request (``get_db``)."""

from __future__ import annotations

import hashlib
import sqlite3
from importlib import resources

import click
from flask import current_app, g


def schema_sql() -> str:
    """Every ``schema/*.sql`` in name order: each feature owns its own file."""
    files = sorted(
        (f for f in resources.files(__package__).joinpath("schema").iterdir()
         if f.name.endswith(".sql")),
        key=lambda f: f.name,
    )
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


def schema_version() -> str:
    return hashlib.sha256(schema_sql().encode()).hexdigest()[:16]


def connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, detect_types=0, timeout=10, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"])
    return g.db


def close_db(_exc=None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


def _tables(conn) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    return [r[0] for r in rows if not r[0].startswith("sqlite_")]


def init_db(path: str, *, fresh: bool = False) -> str:
    """Create the schema. A database from an older schema is rebuilt (sandbox data is
    practice data; 'Återställ' exists for the same reason). Returns what happened."""
    conn = connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        version = schema_version()
        current = None
        if "meta" in _tables(conn):
            row = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            current = row[0] if row else None
        if current == version and not fresh:
            return "kept"
        conn.execute("PRAGMA foreign_keys = OFF")
        for table in _tables(conn):
            conn.execute(f'DROP TABLE IF EXISTS "{table}"')
        conn.executescript(schema_sql())
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?)", (version,))
        conn.commit()
        return "created" if current is None else "rebuilt"
    finally:
        conn.close()


@click.command("init-db")
def init_db_command():
    """Töm databasen och skapa den på nytt."""
    init_db(current_app.config["DATABASE"], fresh=True)
    click.echo("Databasen är skapad.")


def init_app(app) -> None:
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)
    outcome = init_db(app.config["DATABASE"])
    if outcome == "rebuilt":
        app.logger.warning("Databasen hade ett äldre schema och har byggts om.")
