"""Every completion check: done, not done, done then undone, and done on the wrong object.
Rows are written directly, as the platforms would write them, so the checks are tested against
the schema alone. Objects are named by key, as scenarios name them."""

from __future__ import annotations

import json
import re
import secrets
from datetime import timedelta
from pathlib import Path

import pytest

from mockplatform import actions, clock, workspaces
from mockplatform.seed import name_object
from mockplatform.training import checks, items

TESTED: set[str] = set()


@pytest.fixture
def world(app, db):
    """A seeded workspace; ``since`` is its sandbox time before anything is done."""
    with app.app_context():
        ws = workspaces.create(db)
    since = clock.now(db, ws) - timedelta(seconds=1)
    return db, ws, since


def verdict(db, ws, since, name, **params) -> checks.Verdict:
    TESTED.add(name)
    assert checks.validate_params(name, params) is None
    return checks.evaluate(checks.Context(db, ws, since, items.objects(db, ws)), name, params)


def ok(db, ws, since, name, **params) -> bool:
    return verdict(db, ws, since, name, **params).done


def persona_id(db, ws, key):
    return db.execute("SELECT id FROM persona WHERE workspace_id = ? AND key = ?", (ws, key)).fetchone()[0]


def page_id(db, ws, slug):
    return db.execute("SELECT id FROM page WHERE workspace_id = ? AND slug = ?", (ws, slug)).fetchone()[0]


def add_post(db, ws, slug, text, *, status="published", publish_at=None, created=None, image="",
             key=None):
    now = clock.now(db, ws)
    cur = db.execute(
        "INSERT INTO post (workspace_id, page_id, author_id, text, image, status, publish_at, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (ws, page_id(db, ws, slug), persona_id(db, ws, "eva"), text, image, status,
         clock.iso(publish_at or now), clock.iso(created or now)))
    name_object(db, ws, key, "post", cur.lastrowid)
    return cur.lastrowid


def by_schedule(db, ws, post_id, *, by="system"):
    """What the clock (or a person pressing 'Publicera nu') writes when a scheduled post goes out."""
    db.execute("UPDATE post SET status = 'published' WHERE id = ?", (post_id,))
    actions.log("post.published", platform="facebook", actor=by, object_type="post", object_id=post_id,
                db=db, ws=ws, scheduled=by == "system")


def comment(db, ws, key):
    kind, cid = items.objects(db, ws)[key]
    return db.execute("SELECT * FROM comment WHERE id = ?", (cid,)).fetchone()


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
    db.execute("UPDATE workspace SET fb_persona_id = NULL WHERE id = ?", (ws,))
    assert not ok(db, ws, since, "fb_logged_in", persona="eva")  # logged out again


BOKBUSS = {"page": "osthammarskommun", "about": ["bokbuss", "biblioteksbuss"], "signed": True}


def test_post_published_needs_the_page_the_subject_and_the_signature(world):
    db, ws, since = world
    assert not ok(db, ws, since, "post_published", **BOKBUSS)  # the seeded posts do not count
    add_post(db, ws, "osthammarsbibliotek", "Bokbussen kommer! Eva, kommunikatör på Östhammars kommun")
    assert not ok(db, ws, since, "post_published", **BOKBUSS)  # wrong Page
    pid = add_post(db, ws, "osthammarskommun", "Bokbussen kommer på torsdag!")
    v = verdict(db, ws, since, "post_published", **BOKBUSS)
    assert not v.done and "avsändaren saknas" in v.why
    db.execute("UPDATE post SET text = ? WHERE id = ?",
               ("Bokbussen kommer på torsdag! Hälsningar, Eva, kommunikatör på Östhammars kommun", pid))
    assert ok(db, ws, since, "post_published", **BOKBUSS)
    db.execute("UPDATE post SET deleted_at = ? WHERE id = ?", (clock.iso(clock.now(db, ws)), pid))
    assert not ok(db, ws, since, "post_published", **BOKBUSS)  # done, then undone


def test_the_subject_may_be_said_in_other_words_and_inflections(world):
    db, ws, since = world
    add_post(db, ws, "osthammarskommun",
             "Biblioteksbussen stannar vid Gräsö kyrka på torsdag.\n/Eva Lind, kommunikatör")
    assert ok(db, ws, since, "post_published", **BOKBUSS)
    assert not ok(db, ws, since, "post_published", page="osthammarskommun", about="julmarknad")


def test_a_name_inside_another_word_is_no_signature(world):
    db, ws, since = world
    add_post(db, ws, "osthammarskommun", "Bokbussen kommer. Vi bevakar vädret. Östhammars kommun")
    v = verdict(db, ws, since, "post_published", **BOKBUSS)
    assert not v.done and "avsändaren" in v.why


def test_post_published_by_the_schedule_not_by_hand(world):
    db, ws, since = world
    friday = checks.next_weekday("fredag", since)
    nine = clock.parse_local(friday.isoformat(), "09:00")
    params = {"page": "besokosthammar", "about": "julmarknad", "by_schedule": True, "weekday": "fredag",
              "time": "09:00"}
    by_hand = add_post(db, ws, "besokosthammar", "Julmarknad på lördag", status="scheduled", publish_at=nine)
    assert not ok(db, ws, since, "post_published", **params)  # still waiting
    by_schedule(db, ws, by_hand, by="eva")                     # 'Publicera nu' on Monday
    v = verdict(db, ws, since, "post_published", **params)
    assert not v.done and "direkt" in v.why
    other = add_post(db, ws, "besokosthammar", "Julmarknad i Öregrund", status="scheduled",
                     publish_at=nine + timedelta(hours=1))
    by_schedule(db, ws, other)                                  # a different post, at the wrong time
    assert not ok(db, ws, since, "post_published", **params)
    right = add_post(db, ws, "besokosthammar", "Julmarknad i Öregrund!", status="scheduled", publish_at=nine)
    by_schedule(db, ws, right)
    assert ok(db, ws, since, "post_published", **params)
    db.execute("UPDATE post SET deleted_at = ? WHERE id = ?", (clock.iso(clock.now(db, ws)), right))
    assert not ok(db, ws, since, "post_published", **params)


def test_post_scheduled_on_the_weekday_and_time(world):
    db, ws, since = world
    friday = checks.next_weekday("fredag", since)
    wrong = clock.parse_local(friday.isoformat(), "10:00")
    right = clock.parse_local(friday.isoformat(), "09:00")
    params = {"page": "besokosthammar", "weekday": "fredag", "time": "09:00", "about": "julmarknad"}
    assert not ok(db, ws, since, "post_scheduled", **params)
    moved = add_post(db, ws, "besokosthammar", "Julmarknad!", status="scheduled", publish_at=wrong)
    assert not ok(db, ws, since, "post_scheduled", **params)
    add_post(db, ws, "osthammarskommun", "Julmarknad!", status="scheduled", publish_at=right)
    assert not ok(db, ws, since, "post_scheduled", **params)  # wrong Page
    db.execute("UPDATE post SET publish_at = ? WHERE id = ?", (clock.iso(right), moved))
    assert ok(db, ws, since, "post_scheduled", **params)
    assert ok(db, ws, since, "post_scheduled", page="besokosthammar", date=friday.isoformat(), time="09:00")
    db.execute("UPDATE post SET publish_at = ? WHERE id = ?", (clock.iso(wrong), moved))
    assert not ok(db, ws, since, "post_scheduled", **params)  # moved to the wrong time afterwards


TYPO = {"post": "typo", "contains_before": "öppetider", "contains_after": "öppettider",
        "image_unchanged": True}


def test_post_edited_is_about_the_scenarios_own_post(world):
    db, ws, since = world
    pid = add_post(db, ws, "osthammarskommun", "Nya öppetider", image="world/post-bibliotek.jpg", key="typo",
                   created=since - timedelta(minutes=40))
    other = add_post(db, ws, "besokosthammar", "Nya öppetider i gästhamnen")
    assert not ok(db, ws, since, "post_edited", **TYPO)
    edited = clock.iso(clock.now(db, ws))
    db.execute("UPDATE post SET text = 'Nya öppettider i gästhamnen', edited_at = ? WHERE id = ?",
               (edited, other))
    v = verdict(db, ws, since, "post_edited", **TYPO)
    assert not v.done and "fortfarande" in v.why  # the wrong post was corrected
    db.execute("UPDATE post SET text = 'Nya öppettider', edited_at = ? WHERE id = ?", (edited, pid))
    assert ok(db, ws, since, "post_edited", **TYPO)
    db.execute("UPDATE post SET text = 'Nya öppetider' WHERE id = ?", (pid,))
    assert not ok(db, ws, since, "post_edited", **TYPO)  # edited back: undone
    db.execute("UPDATE post SET text = 'Nya öppettider', image = '' WHERE id = ?", (pid,))
    assert not ok(db, ws, since, "post_edited", **TYPO)  # the image is gone
    db.execute("UPDATE post SET image = 'world/post-bibliotek.jpg', deleted_at = ? WHERE id = ?",
               (edited, pid))
    assert "borttaget" in verdict(db, ws, since, "post_edited", **TYPO).why


def test_comment_answered_as_a_reply_signed_and_in_time(world):
    db, ws, since = world
    question = comment(db, ws, "mats-plogning")
    params = {"comment": "mats-plogning", "signed": True, "within_hours": 2}
    assert not ok(db, ws, since, "comment_answered", **params)
    other = comment(db, ws, "karin-tack")
    add_reply(db, ws, other, "Tack Karin! Eva, kommunikatör på Östhammars kommun")
    assert not ok(db, ws, since, "comment_answered", **params)  # answered someone else
    rid = add_reply(db, ws, question, "Vi återkommer!")
    assert "avsändaren saknas" in verdict(db, ws, since, "comment_answered", **params).why
    add_reply(db, ws, question, "Vi återkommer! Eva, kommunikatör på Östhammars kommun",
              at=since + timedelta(hours=3))
    assert "för sent" in verdict(db, ws, since, "comment_answered", **params).why
    db.execute("UPDATE comment SET text = ? WHERE id = ?",
               ("Vi återkommer! Vänliga hälsningar, Eva, kommunikatör på Östhammars kommun", rid))
    assert ok(db, ws, since, "comment_answered", **params)
    db.execute("UPDATE comment SET deleted_at = ? WHERE id = ?", (clock.iso(clock.now(db, ws)), rid))
    assert not ok(db, ws, since, "comment_answered", **params)  # the timely answer deleted: undone


def test_comment_answered_by_a_comment_that_names_the_person(world):
    db, ws, since = world
    question = comment(db, ws, "mats-plogning")
    cur = db.execute(
        "INSERT INTO comment (workspace_id, post_id, parent_id, author_name, as_page, persona_id, text,"
        " created_at) VALUES (?, ?, NULL, 'Östhammars kommun', 1, ?, ?, ?)",
        (ws, question["post_id"], persona_id(db, ws, "eva"),
         "Hej Mats! Storgatan plogas i dag. /Eva Lind, kommunikatör", clock.iso(clock.now(db, ws))))
    assert ok(db, ws, since, "comment_answered", comment="mats-plogning", signed=True)
    db.execute("UPDATE comment SET text = 'Storgatan plogas i dag. /Eva Lind, kommunikatör' WHERE id = ?",
               (cur.lastrowid,))
    assert not ok(db, ws, since, "comment_answered", comment="mats-plogning")  # names nobody


def test_comment_hidden_not_deleted(world):
    db, ws, since = world
    c = comment(db, ws, "peter-personangrepp")
    other = comment(db, ws, "solglasogon-reklam")
    now = clock.iso(clock.now(db, ws))
    assert not ok(db, ws, since, "comment_hidden", comment="peter-personangrepp")
    db.execute("UPDATE comment SET hidden_at = ? WHERE id = ?", (now, other["id"]))
    assert not ok(db, ws, since, "comment_hidden", comment="peter-personangrepp")  # the wrong comment
    db.execute("UPDATE comment SET hidden_at = ?, deleted_at = ? WHERE id = ?", (now, now, c["id"]))
    assert "raderas" in verdict(db, ws, since, "comment_hidden", comment="peter-personangrepp").why
    db.execute("UPDATE comment SET deleted_at = NULL WHERE id = ?", (c["id"],))
    assert ok(db, ws, since, "comment_hidden", comment="peter-personangrepp")
    db.execute("UPDATE comment SET hidden_at = NULL WHERE id = ?", (c["id"],))  # 'Visa' again
    assert not ok(db, ws, since, "comment_hidden", comment="peter-personangrepp")


def test_comment_deleted(world):
    db, ws, since = world
    c = comment(db, ws, "solglasogon-reklam")
    now = clock.iso(clock.now(db, ws))
    db.execute("UPDATE comment SET hidden_at = ? WHERE id = ?", (now, c["id"]))
    assert not ok(db, ws, since, "comment_deleted", comment="solglasogon-reklam")  # only hidden
    db.execute("UPDATE comment SET deleted_at = ? WHERE id = ?", (now, comment(db, ws, "karin-tack")["id"]))
    assert not ok(db, ws, since, "comment_deleted", comment="solglasogon-reklam")  # the wrong comment
    db.execute("UPDATE comment SET deleted_at = ? WHERE id = ?", (now, c["id"]))
    assert ok(db, ws, since, "comment_deleted", comment="solglasogon-reklam")


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


PER = {"email": "per.strom@osthammar.example", "page": "osthammarsbibliotek", "role": "Redaktör",
       "access": "Medarbetare"}


def test_invitation_sent_with_the_role_asked_for(world):
    db, ws, since = world
    assert not ok(db, ws, since, "invitation_sent", **PER)
    invite(db, ws, "per.strom@osthammar.example", "Medarbetare", {"osthammarsbibliotek": "Administratör"})
    assert "fel roll" in verdict(db, ws, since, "invitation_sent", **PER).why
    db.execute("UPDATE invitation SET status = 'withdrawn' WHERE workspace_id = ?", (ws,))
    invite(db, ws, "per.strom@osthammar.example", "Medarbetare", {"osthammarskommun": "Redaktör"})
    assert not ok(db, ws, since, "invitation_sent", **PER)  # the wrong Page
    db.execute("UPDATE invitation SET status = 'withdrawn' WHERE workspace_id = ?", (ws,))
    invite(db, ws, "Per.Strom@osthammar.example", "Medarbetare", {"osthammarsbibliotek": "Redaktör"})
    assert ok(db, ws, since, "invitation_sent", **PER)
    db.execute("UPDATE invitation SET status = 'withdrawn' WHERE workspace_id = ?", (ws,))
    assert not ok(db, ws, since, "invitation_sent", **PER)  # withdrawn: undone


def test_extra_rights_are_not_the_task(world):
    db, ws, since = world
    invite(db, ws, "per.strom@osthammar.example", "Medarbetare",
           {"osthammarsbibliotek": "Redaktör", "osthammarskommun": "Administratör"})
    assert "mer än arbetet kräver" in verdict(db, ws, since, "invitation_sent", **PER).why
    db.execute("UPDATE invitation SET status = 'withdrawn' WHERE workspace_id = ?", (ws,))
    invite(db, ws, "per.strom@osthammar.example", "Administratör", {"osthammarsbibliotek": "Redaktör"})
    assert "Administratör" in verdict(db, ws, since, "invitation_sent", **PER).why


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
    db.execute("DELETE FROM ig_session WHERE workspace_id = ?", (ws,))  # logged out of all
    assert not ok(db, ws, since, "ig_logged_in", accounts=both)


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
    ig_login(db, ws, "osthammarskommun", True)  # switched back: undone
    assert not ok(db, ws, since, "ig_active", account="osthammarsbibliotek", switched=True)


def test_checks_are_isolated_per_workspace(app, db):
    with app.app_context():
        a, b = workspaces.create(db), workspaces.create(db)
    since = clock.now(db, a) - timedelta(seconds=1)
    add_post(db, a, "osthammarskommun", "Bokbussen kommer")
    assert ok(db, a, since, "post_published", page="osthammarskommun", about="bokbuss")
    assert not ok(db, b, since, "post_published", page="osthammarskommun", about="bokbuss")


def test_validate_params_names_what_is_wrong():
    assert "saknas: page" in checks.validate_params("post_published", {})
    assert "okänd parameter: sida" in checks.validate_params("post_published", {"page": "x", "sida": 1})
    assert "veckodag" in checks.validate_params("post_scheduled", {"page": "x", "time": "09:00",
                                                                    "weekday": "fridag"})
    assert "minst 4" in checks.validate_params("post_published", {"page": "x", "about": "tid"})
    assert "ingen nyckel" in checks.validate_params("comment_hidden", {"comment": "nope"}, {"x": "comment"})
    assert checks.validate_params("post_published", {"page": "x"}) is None


def test_every_registered_check_is_tested():
    """Every check is exercised by a test here or in test_training_check_handbook.py (read from
    the sources, so the answer does not depend on which tests ran first)."""
    here = Path(__file__).parent
    sources = "".join((here / f).read_text(encoding="utf-8")
                      for f in ("test_training_checks.py", "test_training_check_handbook.py"))
    used = set(re.findall(r'(?:ok|verdict)\(\s*db,\s*\w+,\s*\w+,\s*"(\w+)"', sources))
    assert set(checks.REGISTRY) <= used, sorted(set(checks.REGISTRY) - used)
