"""Where Flask-Limiter keeps its counters: a small SQLite file in the data folder, shared by every
server process. With counters in memory, each of `serve`'s processes (gunicorn workers) counted
on its own, so a guesser got the limit once per process; these also survive a restart.

A `limits` storage (fixed windows, Flask-Limiter's default strategy), registered for the
``sandladan-sqlite:///`` scheme followed by the file's absolute path, percent-encoded (``uri``).
A file that is no database (any more) is moved aside as ``….trasig`` and begun anew."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from urllib.parse import quote, unquote

from limits.storage import Storage

SCHEME = "sandladan-sqlite"
FILENAME = "rate-limits.sqlite"
BUSY_S = 2  # a counter is not worth a longer wait: security.py lets the request through
_SCHEMA = """CREATE TABLE IF NOT EXISTS hit (
    key TEXT PRIMARY KEY, count INTEGER NOT NULL, expires_at REAL NOT NULL)"""


def uri(data_dir: str) -> str:
    """The file's absolute path, percent-encoded whole: a folder named ``Kurs [2024]`` or
    ``C:\\Utbildning`` would otherwise not survive ``urlparse``."""
    return f"{SCHEME}:///{quote(os.path.abspath(os.path.join(data_dir, FILENAME)), safe='')}"


class SQLiteStorage(Storage):
    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.path = unquote(uri.split("://", 1)[1].lstrip("/"))
        self._local = threading.local()  # one connection a thread (and a process: see _db)

    @property
    def base_exceptions(self):
        return sqlite3.Error

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_S, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # as db.py: no fsync for every hit
            conn.execute(_SCHEMA)
        except BaseException:
            conn.close()
            raise
        return conn

    def _db(self) -> sqlite3.Connection:
        kept = getattr(self._local, "conn", None)
        if kept is not None and self._local.pid == os.getpid():
            return kept
        try:
            conn = self._open()
        except sqlite3.OperationalError:  # locked, or not readable: not for us to move
            raise
        except sqlite3.DatabaseError:  # not a database (any more): the counters are disposable
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.replace(self.path + suffix, self.path + suffix + ".trasig")
            conn = self._open()
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
            if db.in_transaction:  # SQLite may have rolled back itself (disk full, I/O error)
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
