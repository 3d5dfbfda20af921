"""Hardening: headers on every response, rate limits with a Swedish 429, a logout that ends the
session everywhere, Secure cookies over https, Swedish 413/414 pages and no 500 from a broken
request, a cap on new worlds per address, idle worlds pruned, no 'database is locked'."""

from __future__ import annotations

import io
import sqlite3
import threading
from datetime import timedelta

import pytest

from mockplatform import clock, create_app, prune
from mockplatform.training import catalog, classes

from .conftest import login, workspace_id

PASSWORD = "tranar-hemlis"


def make(tmp_path, **extra):
    return create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "SECRET_KEY": "test",
                       "WTF_CSRF_ENABLED": False, "TRAINER_PASSWORD": PASSWORD, **extra})


@pytest.fixture
def app(tmp_path):
    return make(tmp_path)


def visitor(app, **kwargs):
    c = app.test_client()
    c.get("/", **kwargs)
    return c


@pytest.mark.parametrize("path", ["/", "/facebook/", "/finns-inte", "/static/css/sandbox.css", "/halsa"])
def test_security_headers_on_every_response(client, path):
    r = client.get(path)
    csp = r.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "http" not in csp
    assert r.headers["X-Frame-Options"] == "DENY"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] == "same-origin"


def test_no_inline_script_or_style_in_pages(eva):
    for path in ("/", "/facebook/", "/facebook/osthammarskommun/", "/business/", "/instagram/",
                 "/ovningar/", "/ga-med", "/inkorg/", "/tid/"):
        html = eva.get(path).get_data(as_text=True)
        assert "style=" not in html and "<style" not in html, path
        assert "javascript:" not in html and " onclick=" not in html, path
        for tag in html.split("<script")[1:]:
            assert tag.lstrip().startswith("src="), (path, tag[:80])


def test_cookies_are_secure_over_https_only(app):
    r = app.test_client().get("/")
    assert r.headers.getlist("Set-Cookie") and not any("Secure" in c for c in r.headers.getlist("Set-Cookie"))
    secure = app.test_client()
    r = secure.get("/", base_url="https://localhost")
    assert all("; Secure" in c for c in r.headers.getlist("Set-Cookie"))
    assert r.headers["Strict-Transport-Security"].startswith("max-age=")


def test_forwarded_proto_is_trusted_only_when_configured(tmp_path):
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
    untrusting = make(tmp_path / "a").test_client()
    r = untrusting.get("/", headers=headers)
    assert not any("; Secure" in c for c in r.headers.getlist("Set-Cookie"))
    trusting = make(tmp_path / "b", BEHIND_PROXY=1).test_client()
    r = trusting.get("/", headers=headers)
    assert all("; Secure" in c for c in r.headers.getlist("Set-Cookie"))


def test_trainer_password_guessing_is_throttled_in_swedish(app):
    c = visitor(app)
    for _ in range(5):
        assert c.post("/tranare/logga-in", data={"password": "gissning"}).status_code == 401
    r = c.post("/tranare/logga-in", data={"password": PASSWORD})  # even the right one waits now
    assert r.status_code == 429
    html = r.get_data(as_text=True)
    assert "För många försök" in html and "Vänta en stund" in html and "per" not in html
    other = visitor(app, environ_base={"REMOTE_ADDR": "10.0.0.7"})  # another machine is not blocked
    assert other.post("/tranare/logga-in", data={"password": PASSWORD},
                      environ_base={"REMOTE_ADDR": "10.0.0.7"}).status_code == 302


def test_successful_logins_and_joins_do_not_count(app):
    c = visitor(app)
    for _ in range(8):
        assert c.post("/tranare/logga-in", data={"password": PASSWORD}).status_code == 302


def test_join_code_guessing_is_throttled(app):
    c = visitor(app)
    for i in range(10):
        r = c.post("/ga-med", data={"code": f"AAAAA{i}", "name": "Gissare"})
        assert r.status_code == 400
    r = c.post("/ga-med", data={"code": "AAAAAA", "name": "Gissare"})
    assert r.status_code == 429 and "För många försök" in r.get_data(as_text=True)


def test_logout_ends_the_session_for_a_copied_cookie_too(app):
    c = visitor(app)
    assert c.post("/tranare/logga-in", data={"password": PASSWORD}).status_code == 302
    session_cookie = c.get_cookie("session").value
    thief = app.test_client()
    thief.get("/")
    thief.set_cookie("session", session_cookie)
    assert thief.get("/tranare/").status_code == 200  # a copy works while the trainer is logged in
    c.post("/tranare/logga-ut")
    assert c.get("/tranare/").status_code == 401
    thief.set_cookie("session", session_cookie)
    assert thief.get("/tranare/").status_code == 401
    assert thief.get("/tranare/grupp/1/status.json").status_code == 401


def test_oversized_post_is_a_swedish_413_not_a_500(tmp_path):
    app = make(tmp_path, MAX_CONTENT_LENGTH=1000, MAX_IMAGE_BYTES=3 * 1024 * 1024)
    eva = visitor(app)
    login(eva)
    r = eva.post("/facebook/osthammarskommun/inlagg", data={"text": "x" * 5000, "mode": "now"})
    assert r.status_code == 413
    html = r.get_data(as_text=True)
    assert "För mycket på en gång" in html and "Välj en mindre fil" in html and "Request Entity" not in html
    assert "en bild får vara högst 3 MB och en film högst 50 MB" in html  # as this server is set


def test_cut_off_upload_is_not_a_500(eva):
    body = (b"--X\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nHej\r\n--X\r\n"
            b"Content-Disposition: form-data; name=\"media\"; filename=\"a.jpg\"\r\n\r\n" + b"\xff" * 100)
    r = eva.post("/facebook/osthammarskommun/inlagg", data=io.BytesIO(body),
                 headers={"Content-Type": "multipart/form-data; boundary=X",
                          "Content-Length": str(len(body) + 5000)})
    assert r.status_code == 400
    html = r.get_data(as_text=True)
    assert 'role="alert"' in html or "Felkod 400" in html
    assert "Bad Request" not in html and "Internal Server Error" not in html


def test_overlong_url_is_a_swedish_414(client):
    r = client.get("/facebook/?q=" + "a" * 5000)
    assert r.status_code == 414 and "Adressen är för lång" in r.get_data(as_text=True)


def test_one_address_cannot_create_worlds_without_end(tmp_path):
    app = make(tmp_path, NEW_WORLD_LIMIT="3 per minute")
    for _ in range(3):
        assert app.test_client().get("/").status_code == 200
    r = app.test_client().get("/")
    assert r.status_code == 429 and "för många nya övningsmiljöer" in r.get_data(as_text=True)
    assert app.test_client().get("/", environ_base={"REMOTE_ADDR": "10.1.1.1"}).status_code == 200


def test_guesses_are_counted_across_server_processes(tmp_path):
    """`serve` runs one process per core: two apps on one data folder stand for two workers.
    Guesses spread over them still add up to one limit (counted in memory, each allowed 5)."""
    first, second = make(tmp_path), make(tmp_path)
    for n in range(5):
        c = visitor(first if n % 2 else second)
        assert c.post("/tranare/logga-in", data={"password": "gissning"}).status_code == 401
    for app in (first, second):
        r = visitor(app).post("/tranare/logga-in", data={"password": PASSWORD})
        assert r.status_code == 429 and "För många försök" in r.get_data(as_text=True)


def test_a_restarted_server_still_counts_the_guesses(tmp_path):
    def guess():  # each time a new server process on the same data folder
        return visitor(make(tmp_path)).post("/ga-med", data={"code": "AAAAAA", "name": "G"}).status_code

    assert [guess() for _ in range(10)] == [400] * 10
    assert guess() == 429


def test_a_broken_counters_file_is_never_a_500(tmp_path):
    (tmp_path / "rate-limits.sqlite").write_bytes(b"trasig" * 200)
    app = make(tmp_path)
    assert app.test_client().get("/").status_code == 200  # moved aside, counting again
    c = visitor(app)
    guesses = [c.post("/tranare/logga-in", data={"password": "x"}).status_code for _ in range(6)]
    assert guesses == [401] * 5 + [429]


def test_a_locked_counters_file_is_never_a_500(tmp_path):
    """Another program holding the counters' file (only someone on the server can): visitors and
    the trainer get their pages after a short wait, not a 500 after 15 s. Meanwhile a failed
    guess is not counted; each waits BUSY_S (2 s) instead."""
    app = make(tmp_path)
    visitor(app)  # the file exists
    other = sqlite3.connect(str(tmp_path / "rate-limits.sqlite"), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        assert app.test_client().get("/").status_code == 200
        assert visitor(app).post("/tranare/logga-in", data={"password": "x"}).status_code == 401
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_limits_turned_off_by_the_operator_let_every_world_and_guess_through(tmp_path):
    app = make(tmp_path, NEW_WORLD_LIMIT="1 per minute", TRAINER_LOGIN_LIMIT="1 per minute",
               RATELIMIT_ENABLED=False)
    for _ in range(3):
        assert app.test_client().get("/").status_code == 200
    trainer = app.test_client()
    trainer.get("/tranare/")
    for _ in range(3):
        wrong = trainer.post("/tranare/logga-in", data={"password": "fel"})
        assert wrong.status_code == 401


def _age(db, ws, days):
    db.execute("UPDATE workspace SET last_seen = ?, created_at = ? WHERE id = ?",
               (clock.iso(clock.real_now() - timedelta(days=days)),) * 2 + (ws,))


def test_prune_removes_idle_worlds_but_keeps_active_classes(app, db):
    fresh, old = visitor(app), visitor(app)
    with app.app_context():
        from mockplatform.db import get_db

        gdb = get_db()
        scenario = catalog.get("mandagsmorgon")
        live = classes.get(gdb, classes.create(gdb, "Pågår", scenario))
        gone = classes.get(gdb, classes.create(gdb, "Slut", scenario))
        idle_member, active_member = (classes.join(gdb, live, n, scenario) for n in ("Idle", "Aktiv"))
        old_class_member = classes.join(gdb, gone, "Borta", scenario)
        gdb.commit()
    for ws in (workspace_id(old), idle_member, old_class_member):
        _age(db, ws, 40)
    db.commit()
    media_dir = tmp_media = app.config["MEDIA_DIR"] + "/" + workspace_id(old)
    __import__("os").makedirs(tmp_media, exist_ok=True)
    removed = prune.prune(db, app.config["MEDIA_DIR"], 30)
    assert set(removed) == {workspace_id(old), old_class_member}
    left = {r[0] for r in db.execute("SELECT id FROM workspace")}
    assert {workspace_id(fresh), idle_member, active_member} <= left
    assert db.execute("SELECT count(*) FROM training_member WHERE workspace_id = ?",
                      (old_class_member,)).fetchone()[0] == 0
    assert not __import__("os").path.exists(media_dir)
    assert old.get("/").status_code == 200  # the pruned browser simply gets a new world


def test_prune_command(app, db, tmp_path):
    from click.testing import CliRunner

    from mockplatform.cli import cli

    c = visitor(app)
    _age(db, workspace_id(c), 90)
    db.commit()
    result = CliRunner().invoke(cli, ["workspaces", "--prune", "--days", "60", "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Tog bort 1 övningsmiljö" in result.output
    assert db.execute("SELECT count(*) FROM workspace").fetchone()[0] == 0


def test_using_a_world_keeps_it(app, db):
    c = visitor(app)
    _age(db, workspace_id(c), 40)
    db.commit()
    c.get("/facebook/")
    assert prune.idle(db, 30) == []


def test_concurrent_posts_never_hit_database_is_locked(app, db):
    clients = []
    for _ in range(8):
        c = visitor(app)
        login(c)
        clients.append(c)
    failures = []

    def work(c, n):
        for i in range(15):
            r = c.post("/facebook/osthammarskommun/inlagg", data={"text": f"Tråd {n} nr {i}", "mode": "now"})
            if r.status_code != 302:
                failures.append((r.status_code, r.get_data(as_text=True)[:200]))

    def newcomers():  # new worlds are the longest writes (a whole seeded world at once)
        for _ in range(6):
            r = app.test_client().get("/")
            if r.status_code != 200:
                failures.append((r.status_code, r.get_data(as_text=True)[:200]))

    threads = [threading.Thread(target=work, args=(c, n)) for n, c in enumerate(clients)]
    threads += [threading.Thread(target=newcomers) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert db.execute("SELECT count(*) FROM post WHERE text LIKE 'Tråd %'").fetchone()[0] == 8 * 15
