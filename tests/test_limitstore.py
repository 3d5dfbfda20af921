"""The counters behind the rate limits (mockplatform/limitstore.py): fixed windows that end,
shared by every connection to the same file, as Flask-Limiter's `limits` uses them."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from limits import RateLimitItemPerMinute, parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from mockplatform import limitstore


@pytest.fixture
def uri(tmp_path):
    return limitstore.uri(str(tmp_path))


def test_the_scheme_gives_the_sqlite_storage_and_it_is_healthy(uri):
    store = storage_from_string(uri)
    assert isinstance(store, limitstore.SQLiteStorage) and store.check()


def test_a_window_counts_then_ends(uri, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(limitstore.time, "time", lambda: now[0])
    store = limitstore.SQLiteStorage(uri)
    assert [store.incr("k", 60) for _ in range(3)] == [1, 2, 3]
    assert store.get("k") == 3 and store.get_expiry("k") == 1060.0
    now[0] = 1059.9
    assert store.incr("k", 60) == 4  # the window is still the one that began at 1000
    now[0] = 1060.0
    assert store.get("k") == 0 and store.get_expiry("k") == 1060.0
    assert store.incr("k", 60) == 1 and store.get_expiry("k") == 1120.0  # a new window


def test_two_stores_on_one_file_share_their_counts(uri):
    a, b = limitstore.SQLiteStorage(uri), limitstore.SQLiteStorage(uri)
    limiter_a, limiter_b = FixedWindowRateLimiter(a), FixedWindowRateLimiter(b)
    item = parse("3 per minute")
    assert [limiter_a.hit(item, "x"), limiter_b.hit(item, "x"), limiter_a.hit(item, "x")] == [True] * 3
    assert not limiter_b.hit(item, "x") and not limiter_b.test(item, "x")
    assert limiter_b.hit(item, "someone else")


def test_clear_and_reset(uri):
    store = limitstore.SQLiteStorage(uri)
    store.incr("a", 60), store.incr("b", 60), store.incr("b", 60)
    store.clear("a")
    assert store.get("a") == 0 and store.get("b") == 2
    assert store.reset() == 1 and store.get("b") == 0


def test_no_hit_is_lost_when_many_threads_count_at_once(uri):
    store, item = limitstore.SQLiteStorage(uri), RateLimitItemPerMinute(1000)
    limiter = FixedWindowRateLimiter(store)

    def hits():
        for _ in range(25):
            limiter.hit(item, "together")

    threads = [threading.Thread(target=hits) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.get(item.key_for("together")) == 200


@pytest.mark.parametrize("folder", ["Kurs [2024]", "a#b?c", "Övning å ä", "C:\\Utbildning"])
def test_any_folder_name_makes_a_working_uri(tmp_path, folder):
    data = tmp_path / folder
    data.mkdir()
    store = storage_from_string(limitstore.uri(str(data)))
    assert store.path == str(data / limitstore.FILENAME)
    assert store.incr("k", 60) == 1 and (data / limitstore.FILENAME).exists()


def test_a_file_that_is_no_database_is_moved_aside_and_begun_anew(tmp_path, uri):
    broken = tmp_path / limitstore.FILENAME
    broken.write_bytes(b"inte en databas" * 100)
    store = limitstore.SQLiteStorage(uri)
    assert store.incr("k", 60) == 1 and store.incr("k", 60) == 2
    assert (tmp_path / (limitstore.FILENAME + ".trasig")).read_bytes().startswith(b"inte en databas")


def test_a_locked_file_is_an_error_soon_not_after_fifteen_seconds(tmp_path, uri):
    store = limitstore.SQLiteStorage(uri)
    store.incr("k", 60)
    other = sqlite3.connect(str(tmp_path / limitstore.FILENAME), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        with pytest.raises(sqlite3.OperationalError):
            store.incr("k", 60)
        assert time.monotonic() - started < limitstore.BUSY_S + 5
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.incr("k", 60) == 2  # nothing was counted while it waited, nothing lost
