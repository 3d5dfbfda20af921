"""Every completion check: one case that passes and one that does not. Rows are written
directly, as the platforms would write them, so the checks for Business Manager and Instagram
are tested against the schema alone."""

from __future__ import annotations

import json
import secrets
from datetime import timedelta

import pytest

from mockplatform import actions, clock, workspaces
from mockplatform.training import checks

TESTED: set[str] = set()


@pytest.fixture
def world(app, db):
    """A seeded workspace; ``since`` is its sandbox time before anything is done."""
    with app.app_context():
        ws = workspaces.create(db)
    since = clock.now(db, ws) - timedelta(seconds=1)
    return db, ws, since


def ok(db, ws, since, name, **params) -> bool:
    TESTED.add(name)
    return checks.run(db, ws, name, params, since)


def persona_id(db, ws, key):
    return db.execute("SELECT id FROM persona WHERE workspace_id = ? AND key = ?", (ws, key)).fetchone()[0]


def page_id(db, ws, slug):
    return db.execute("SELECT id FROM page WHERE workspace_id = ? AND slug = ?", (ws, slug)).fetchone()[0]


def add_post(db, ws, slug, text, *, status="published", publish_at=None, created=None, image=""):
    now = clock.now(db, ws)
    cur = db.execute(
        "INSERT INTO post (workspace_id, page_id, author_id, text, image, status, publish_at, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (ws, page_id(db, ws, slug), persona_id(db, ws, "eva"), text, image, status,
         clock.iso(publish_at or now), clock.iso(created or now)))
    return cur.lastrowid


def citizen_comment(db, ws, text):
    return db.execute("SELECT * FROM comment WHERE workspace_id = ? AND text LIKE ?",
                      (ws, f"%{text}%")).fetchone()


def add_reply(db, ws, parent, text, at=None):
    cur = db.execute(
        "INSERT INTO comment (workspace_id, post_id, parent_id, author_name, as_page, persona_id, text,"
        " created_at) VALUES (?, ?, ?, 'Östhammars kommun', 1, ?, ?, ?)",
        (ws, parent["post_id"], parent["id"], persona_id(db, ws, "eva"), text,
         clock.iso(at or clock.now(db, ws))))
    return cur.lastrowid


def test_fb_logged_in(world):
    db, ws, since = world
    assert not ok(db, ws, since, "fb_logged_in", persona="eva")
    db.execute("UPDATE workspace SET fb_persona_id = ? WHERE id = ?", (persona_id(db, ws, "sara"), ws))
    assert not ok(db, ws, since, "fb_logged_in", persona="eva")  # someone else
    db.execute("UPDATE workspace SET fb_persona_id = ? WHERE id = ?", (persona_id(db, ws, "eva"), ws))
    assert ok(db, ws, since, "fb_logged_in", persona="eva")


def test_post_published_needs_the_page_the_words_and_the_signature(world):
    db, ws, since = world
    params = {"page": "osthammarskommun", "contains": "bokbuss", "signed": True}
    assert not ok(db, ws, since, "post_published", **params)  # the seeded posts do not count
    add_post(db, ws, "osthammarsbibliotek", "Bokbussen kommer! Eva, kommunikatör")
    assert not ok(db, ws, since, "post_published", **params)  # wrong Page
    add_post(db, ws, "osthammarskommun", "Bokbussen kommer på torsdag!")
    assert not ok(db, ws, since, "post_published", **params)  # no signature
    assert ok(db, ws, since, "post_published", page="osthammarskommun", contains="bokbuss")
    add_post(db, ws, "osthammarskommun", "Bokbussen kommer på torsdag! Hälsningar, Eva, kommunikatör")
    assert ok(db, ws, since, "post_published", **params)


def test_post_published_scheduled_means_published_by_sandbox_time(world):
    db, ws, since = world
    now = clock.now(db, ws)
    add_post(db, ws, "besokosthammar", "Julmarknad på lördag")  # published at once
    assert not ok(db, ws, since, "post_published", page="besokosthammar", contains="julmarknad",
                  scheduled=True)
    add_post(db, ws, "besokosthammar", "Julmarknad i Öregrund", publish_at=now + timedelta(days=1),
             status="published")
    assert ok(db, ws, since, "post_published", page="besokosthammar", contains="julmarknad", scheduled=True)


def test_post_scheduled_on_the_weekday_and_time(world):
    db, ws, since = world
    friday = checks.next_weekday("fredag", since)
    wrong = clock.parse_local(friday.isoformat(), "10:00")
    right = clock.parse_local(friday.isoformat(), "09:00")
    params = {"page": "besokosthammar", "weekday": "fredag", "time": "09:00", "contains": "julmarknad"}
    add_post(db, ws, "besokosthammar", "Julmarknad!", status="scheduled", publish_at=wrong)
    assert not ok(db, ws, since, "post_scheduled", **params)
    add_post(db, ws, "osthammarskommun", "Julmarknad!", status="scheduled", publish_at=right)
    assert not ok(db, ws, since, "post_scheduled", **params)  # wrong Page
    add_post(db, ws, "besokosthammar", "Julmarknad!", status="scheduled", publish_at=right)
    assert ok(db, ws, since, "post_scheduled", **params)
    assert ok(db, ws, since, "post_scheduled", page="besokosthammar", date=friday.isoformat(), time="09:00")


def test_post_edited_in_place_with_its_image(world, app):
    db, ws, since = world
    params = {"contains_before": "öppetider", "contains_after": "öppettider", "image_unchanged": True}
    pid = add_post(db, ws, "osthammarskommun", "Nya öppetider", image="world/post-bibliotek.jpg")
    assert not ok(db, ws, since, "post_edited", **params)
    # Deleted and written again is not an edit: the check needs the edited post to still be there.
    with app.test_request_context():
        db.execute("UPDATE post SET text = 'Nya öppettider', deleted_at = ? WHERE id = ?",
                   (clock.iso(clock.now(db, ws)), pid))
        actions.log("post.edited", platform="facebook", object_type="post", object_id=pid, db=db, ws=ws,
                    before="Nya öppetider", after="Nya öppettider")
    assert not ok(db, ws, since, "post_edited", **params)
    db.execute("UPDATE post SET deleted_at = NULL WHERE id = ?", (pid,))
    assert ok(db, ws, since, "post_edited", **params)
    db.execute("UPDATE post SET image = '' WHERE id = ?", (pid,))
    assert not ok(db, ws, since, "post_edited", **params)  # the image is gone


def test_comment_answered_signed_and_in_time(world):
    db, ws, since = world
    question = citizen_comment(db, ws, "Storgatan i Gimo")
    params = {"comment_contains": "Storgatan i Gimo", "signed": True, "within_hours": 2}
    assert not ok(db, ws, since, "comment_answered", **params)
    add_reply(db, ws, question, "Vi återkommer!")
    assert not ok(db, ws, since, "comment_answered", **params)  # no signature
    add_reply(db, ws, question, "Vi återkommer! Eva, kommunikatör", at=since + timedelta(hours=3))
    assert not ok(db, ws, since, "comment_answered", **params)  # too late
    add_reply(db, ws, question, "Vi återkommer! Eva, kommunikatör", at=since + timedelta(hours=1))
    assert ok(db, ws, since, "comment_answered", **params)


def test_comment_hidden_not_deleted(world):
    db, ws, since = world
    c = citizen_comment(db, ws, "inkompetent idiot")
    assert not ok(db, ws, since, "comment_hidden_not_deleted", comment_contains="inkompetent idiot")
    now = clock.iso(clock.now(db, ws))
    db.execute("UPDATE comment SET hidden_at = ?, deleted_at = ? WHERE id = ?", (now, now, c["id"]))
    assert not ok(db, ws, since, "comment_hidden_not_deleted", comment_contains="inkompetent idiot")
    db.execute("UPDATE comment SET deleted_at = NULL WHERE id = ?", (c["id"],))
    assert ok(db, ws, since, "comment_hidden_not_deleted", comment_contains="inkompetent idiot")


def test_comment_deleted(world):
    db, ws, since = world
    c = citizen_comment(db, ws, "KÖP SOLGLASÖGON")
    db.execute("UPDATE comment SET hidden_at = ? WHERE id = ?", (clock.iso(clock.now(db, ws)), c["id"]))
    assert not ok(db, ws, since, "comment_deleted", comment_contains="KÖP SOLGLASÖGON")  # only hidden
    db.execute("UPDATE comment SET deleted_at = ? WHERE id = ?", (clock.iso(clock.now(db, ws)), c["id"]))
    assert ok(db, ws, since, "comment_deleted", comment_contains="KÖP SOLGLASÖGON")


def invite(db, ws, email, access, pages: dict[str, str], status="pending"):
    biz = db.execute("SELECT id FROM business WHERE workspace_id = ? AND slug = 'osthammarskommun'",
                     (ws,)).fetchone()[0]
    cur = db.execute(
        "INSERT INTO invitation (workspace_id, business_id, email, access, token, status, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (ws, biz, email, access, secrets.token_hex(8), status,
         clock.iso(clock.now(db, ws))))
    for slug, role in pages.items():
        db.execute("INSERT INTO invitation_page (invitation_id, page_id, role, tasks) VALUES (?, ?, ?, ?)",
                   (cur.lastrowid, page_id(db, ws, slug), role, json.dumps([])))


def test_invitation_sent_with_the_role_asked_for(world):
    db, ws, since = world
    params = {"email": "per.strom@osthammar.example", "page": "osthammarsbibliotek", "role": "Redaktör",
              "access": "Medarbetare"}
    invite(db, ws, "per.strom@osthammar.example", "Medarbetare", {"osthammarsbibliotek": "Administratör"})
    assert not ok(db, ws, since, "invitation_sent", **params)  # Administratör where Redaktör was asked
    invite(db, ws, "per.strom@osthammar.example", "Medarbetare", {"osthammarskommun": "Redaktör"})
    assert not ok(db, ws, since, "invitation_sent", **params)  # the wrong Page
    invite(db, ws, "per.strom@osthammar.example", "Medarbetare", {"osthammarsbibliotek": "Redaktör"},
           status="withdrawn")
    assert not ok(db, ws, since, "invitation_sent", **params)  # withdrawn
    invite(db, ws, "Per.Strom@osthammar.example", "Medarbetare", {"osthammarsbibliotek": "Redaktör"})
    assert ok(db, ws, since, "invitation_sent", **params)


def ig_login(db, ws, username, active):
    acc = db.execute("SELECT id FROM ig_account WHERE workspace_id = ? AND username = ?",
                     (ws, username)).fetchone()[0]
    if active:
        db.execute("UPDATE ig_session SET active = 0 WHERE workspace_id = ?", (ws,))
    db.execute("INSERT OR REPLACE INTO ig_session (workspace_id, account_id, logged_in_at, active)"
               " VALUES (?, ?, ?, ?)", (ws, acc, clock.iso(clock.now(db, ws)), int(active)))


def test_ig_logged_in(world):
    db, ws, since = world
    both = ["osthammarskommun", "osthammarsbibliotek"]
    assert not ok(db, ws, since, "ig_logged_in", accounts=["osthammarskommun"])
    ig_login(db, ws, "osthammarskommun", True)
    assert ok(db, ws, since, "ig_logged_in", accounts=["osthammarskommun"])
    assert not ok(db, ws, since, "ig_logged_in", accounts=both)
    ig_login(db, ws, "osthammarsbibliotek", False)
    assert ok(db, ws, since, "ig_logged_in", accounts=both)


def test_ig_active(world):
    db, ws, since = world
    ig_login(db, ws, "osthammarskommun", True)
    ig_login(db, ws, "osthammarsbibliotek", False)
    assert not ok(db, ws, since, "ig_active", account="osthammarsbibliotek")
    ig_login(db, ws, "osthammarsbibliotek", True)
    assert ok(db, ws, since, "ig_active", account="osthammarsbibliotek")
    # Logged in last is not the same as switched to it.
    assert not ok(db, ws, since, "ig_active", account="osthammarsbibliotek", switched=True)
    acc = db.execute("SELECT id FROM ig_account WHERE workspace_id = ? AND username = 'osthammarsbibliotek'",
                     (ws,)).fetchone()[0]
    actions.log("instagram.switched", platform="instagram", actor="osthammarsbibliotek", db=db, ws=ws,
                object_type="ig_account", object_id=acc)
    assert ok(db, ws, since, "ig_active", account="osthammarsbibliotek", switched=True)


def test_checks_are_isolated_per_workspace(app, db):
    with app.app_context():
        a, b = workspaces.create(db), workspaces.create(db)
    since = clock.now(db, a) - timedelta(seconds=1)
    add_post(db, a, "osthammarskommun", "Bokbussen kommer")
    assert ok(db, a, since, "post_published", page="osthammarskommun", contains="bokbuss")
    assert not ok(db, b, since, "post_published", page="osthammarskommun", contains="bokbuss")


def test_validate_params_names_what_is_wrong():
    assert "saknas: page" in checks.validate_params("post_published", {})
    assert "okänd parameter: sida" in checks.validate_params("post_published", {"page": "x", "sida": 1})
    assert "veckodag" in checks.validate_params("post_scheduled", {"page": "x", "time": "09:00",
                                                                    "weekday": "fridag"})
    assert checks.validate_params("post_published", {"page": "x"}) is None


def test_every_registered_check_is_tested_above():
    # Runs last in this file (pytest keeps file order): every check met a passing and a failing case.
    assert TESTED == set(checks.REGISTRY)
