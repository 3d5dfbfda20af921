"""Where Flask-Limiter keeps its counters: a small SQLite file in the data folder, shared by every
server process. With counters in memory, each of `serve`'s processes (gunicorn workers) counted
on its own, so a guesser got the limit once per process; these also survive a restart.

A `limits` storage (fixed windows, Flask-Limiter's default strategy), registered for the
``sandladan-sqlite://`` scheme followed by the file's absolute path
(``sandladan-sqlite:///var/lib/sandladan/rate-limits.sqlite``, ``sandladan-sqlite://C:\\…``)."""

from __future__ import annotations

import os
import sqlite3
import threading
import time

from limits.storage import Storage

SCHEME = "sandladan-sqlite"
FILENAME = "rate-limits.sqlite"
_SCHEMA = """CREATE TABLE IF NOT EXISTS hit (
    key TEXT PRIMARY KEY, count INTEGER NOT NULL, expires_at REAL NOT NULL)"""


def uri(data_dir: str) -> str:
    return f"{SCHEME}://{os.path.abspath(os.path.join(data_dir, FILENAME))}"


class SQLiteStorage(Storage):
    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.path = uri.split("://", 1)[1]
        self._local = threading.local()  # one connection a thread (and a process: see _db)

    @property
    def base_exceptions(self):
        return sqlite3.Error

    def _db(self) -> sqlite3.Connection:
        kept = getattr(self._local, "conn", None)
        if kept is not None and self._local.pid == os.getpid():
            return kept
        conn = sqlite3.connect(self.path, timeout=15, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(_SCHEMA)
        self._local.conn, self._local.pid = conn, os.getpid()  # a forked worker opens its own
        return conn

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now, db = time.time(), self._db()
        db.execute("BEGIN IMMEDIATE")  # one process at a time: no two count the same hit as first
        try:
            db.execute("DELETE FROM hit WHERE expires_at <= ?", (now,))  # ended windows
            db.execute("INSERT INTO hit (key, count, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) "
                       "DO UPDATE SET count = count + excluded.count", (key, amount, now + expiry))
            count = db.execute("SELECT count FROM hit WHERE key = ?", (key,)).fetchone()[0]
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return count

    def _alive(self, key: str):
        return self._db().execute("SELECT count, expires_at FROM hit WHERE key = ? AND expires_at > ?",
                                  (key, time.time())).fetchone()

    def get(self, key: str) -> int:
        row = self._alive(key)
        return row[0] if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._alive(key)
        return row[1] if row else time.time()

    def check(self) -> bool:
        try:
            self._db().execute("SELECT 1").fetchone()
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        return self._db().execute("DELETE FROM hit").rowcount

    def clear(self, key: str) -> None:
        self._db().execute("DELETE FROM hit WHERE key = ?", (key,))
