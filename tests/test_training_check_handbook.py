"""The checks of the handbook's judgement rules (training/checks_handbook.py): done, not done,
done then undone, and done on the wrong object. This file sorts before test_training_checks.py,
whose last test asserts every registered check is tested here or there."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mockplatform import actions, clock, workspaces

from .test_training_checks import add_post, add_reply, comment, ok, page_id, persona_id, verdict


@pytest.fixture
def world(app, db):
    with app.app_context():
        ws = workspaces.create(db)
    return db, ws, clock.now(db, ws) - timedelta(seconds=1)

SIGN = " Vänliga hälsningar, Eva, kommunikatör på Östhammars kommun"


def register(db, ws, key, private=1):
    c = comment(db, ws, key)
    db.execute("INSERT INTO diary_entry (workspace_id, number, title, comment_id, private_contact,"
               " registered_at) VALUES (?, ?, 'Ärende', ?, ?, ?)",
               (ws, f"ÖD 2026/{c['id']:04d}", c["id"], private, clock.iso(clock.now(db, ws))))


def test_comment_registered(world):
    db, ws, since = world
    assert not ok(db, ws, since, "comment_registered", comment="mats-plogning")
    register(db, ws, "karin-tack")                                    # the wrong comment
    assert not ok(db, ws, since, "comment_registered", comment="mats-plogning")
    register(db, ws, "mats-plogning", private=0)
    assert ok(db, ws, since, "comment_registered", comment="mats-plogning")
    why = verdict(db, ws, since, "comment_registered", comment="mats-plogning", private_contact=True)
    assert not why.done and "privat kanal" in why.why
    db.execute("DELETE FROM diary_entry WHERE comment_id = ?", (comment(db, ws, "mats-plogning")["id"],))
    assert not ok(db, ws, since, "comment_registered", comment="mats-plogning")   # undone


def test_criticism_answered_and_left_standing(world):
    db, ws, since = world
    assert not ok(db, ws, since, "criticism_answered", comment="mats-plogning", signed=True)
    add_reply(db, ws, comment(db, ws, "karin-tack"), "Tack Karin!" + SIGN)      # the wrong comment
    assert not ok(db, ws, since, "criticism_answered", comment="mats-plogning", signed=True)
    add_reply(db, ws, comment(db, ws, "mats-plogning"), "Hej Mats! Vi kollar i dag." + SIGN)
    assert ok(db, ws, since, "criticism_answered", comment="mats-plogning", signed=True)
    db.execute("UPDATE comment SET hidden_at = ? WHERE id = ?",
               (clock.iso(clock.now(db, ws)), comment(db, ws, "mats-plogning")["id"]))
    why = verdict(db, ws, since, "criticism_answered", comment="mats-plogning", signed=True)
    assert not why.done and "dold" in why.why                                       # undone


def test_post_deleted(world):
    db, ws, since = world
    assert not ok(db, ws, since, "post_deleted", post="snorojning")
    db.execute("UPDATE post SET deleted_at = ? WHERE id = ?", ("2026-01-01T00:00:00+00:00",
                                                               comment_post(db, ws, "foreningsbidrag")))
    assert not ok(db, ws, since, "post_deleted", post="snorojning")               # the wrong post
    db.execute("UPDATE post SET deleted_at = '2026-01-01T00:00:00+00:00' WHERE id = ?",
               (comment_post(db, ws, "snorojning"),))
    assert ok(db, ws, since, "post_deleted", post="snorojning")
    db.execute("UPDATE post SET deleted_at = NULL WHERE id = ?", (comment_post(db, ws, "snorojning"),))
    assert not ok(db, ws, since, "post_deleted", post="snorojning")               # undone


def comment_post(db, ws, key):
    from mockplatform.training import items
    return items.objects(db, ws)[key][1]


def test_page_publishers(world):
    db, ws, since = world
    kommun, bibliotek, sara = page_id(db, ws, "osthammarskommun"), page_id(db, ws, "osthammarsbibliotek"), \
        persona_id(db, ws, "sara")
    assert not ok(db, ws, since, "page_publishers", page="osthammarskommun")      # Eva alone
    db.execute("INSERT INTO page_role (workspace_id, page_id, persona_id, role) VALUES (?, ?, ?, 'Redaktör')",
               (ws, bibliotek, sara))
    assert not ok(db, ws, since, "page_publishers", page="osthammarskommun")      # the wrong Page
    db.execute("UPDATE page_role SET role = 'Redaktör' WHERE page_id = ? AND persona_id = ?", (kommun, sara))
    assert ok(db, ws, since, "page_publishers", page="osthammarskommun")
    db.execute("UPDATE page_role SET role = 'Moderator' WHERE page_id = ? AND persona_id = ?", (kommun, sara))
    assert not ok(db, ws, since, "page_publishers", page="osthammarskommun")      # undone


def plan(db, ws, unit, channel="Instagramkonto", mail_id=1):
    if mail_id:
        mail_id = db.execute("INSERT INTO mail (workspace_id, to_addr, sender, subject, body, sent_at)"
                             " VALUES (?, 'kommunikation@osthammar.example', 'Eva', 's', 'b', ?)",
                             (ws, clock.iso(clock.now(db, ws)))).lastrowid
    return db.execute("INSERT INTO account_plan (workspace_id, unit, channel, answers, editors, mail_id,"
                      " created_at) VALUES (?, ?, ?, '{}', '[]', ?, ?)",
                      (ws, unit, channel, mail_id or None, clock.iso(clock.now(db, ws)))).lastrowid


def test_account_planned(world):
    db, ws, since = world
    assert not ok(db, ws, since, "account_planned", about="kulturskolan")
    plan(db, ws, "Fritidsgården Gimo")                                             # the wrong unit
    assert not ok(db, ws, since, "account_planned", about="kulturskolan")
    plan_id = plan(db, ws, "Kulturskolan", channel="Facebooksida")
    assert ok(db, ws, since, "account_planned", about="kulturskolan")
    assert not ok(db, ws, since, "account_planned", about="kulturskolan", channel="Instagramkonto")
    db.execute("DELETE FROM account_plan WHERE id = ?", (plan_id,))
    assert not ok(db, ws, since, "account_planned", about="kulturskolan")         # undone


def close(db, ws, username, notified=True):
    account = db.execute("SELECT id FROM ig_account WHERE workspace_id = ? AND username = ?",
                         (ws, username)).fetchone()[0]
    mail_id = db.execute("INSERT INTO mail (workspace_id, to_addr, sender, subject, body, sent_at)"
                         " VALUES (?, 'kommunikation@osthammar.example', 'x', 's', 'b', ?)",
                         (ws, clock.iso(clock.now(db, ws)))).lastrowid if notified else None
    db.execute("INSERT INTO account_closure (workspace_id, ig_account_id, closed_at, mail_id)"
               " VALUES (?, ?, ?, ?)",
               (ws, account, clock.iso(clock.now(db, ws)), mail_id))
    return account


def test_ig_account_closed(world):
    db, ws, since = world
    assert not ok(db, ws, since, "ig_account_closed", account="fritidosthammar")
    close(db, ws, "osthammarsbibliotek")                                           # the wrong account
    assert not ok(db, ws, since, "ig_account_closed", account="fritidosthammar")
    account = close(db, ws, "fritidosthammar", notified=False)
    assert not ok(db, ws, since, "ig_account_closed", account="fritidosthammar")
    db.execute("DELETE FROM account_closure WHERE ig_account_id = ?", (account,))
    close(db, ws, "fritidosthammar")
    assert ok(db, ws, since, "ig_account_closed", account="fritidosthammar")
    db.execute("DELETE FROM account_closure WHERE ig_account_id = ?", (account,))
    assert not ok(db, ws, since, "ig_account_closed", account="fritidosthammar")  # undone


def photo_post(db, ws, slug, text, shows_person="child"):
    post_id = add_post(db, ws, slug, text)
    media = f"m{post_id}"
    db.execute("INSERT INTO media (id, workspace_id, kind, mime, filename, size, created_at)"
               " VALUES (?, ?, 'image', 'image/png', 'lucia.png', 10, ?)",
               (media, ws, clock.iso(clock.now(db, ws))))
    db.execute("UPDATE post SET media_id = ? WHERE id = ?", (media, post_id))
    actions.log("post.published", platform="facebook", actor="eva", object_type="post", object_id=post_id,
                db=db, ws=ws, shows_person=shows_person)
    return post_id


def test_photo_published(world):
    db, ws, since = world
    params = {"page": "fritidosthammar", "about": "lucia", "shows_person": "child", "avoid": ["Ella", "Noah"]}
    assert not ok(db, ws, since, "photo_published", **params)
    photo_post(db, ws, "osthammarskommun", "Luciatåget på förskolan!" + SIGN)      # the wrong Page
    assert not ok(db, ws, since, "photo_published", **params)
    named = photo_post(db, ws, "fritidosthammar", "Ella och Noah i luciatåget!" + SIGN)
    why = verdict(db, ws, since, "photo_published", **params)
    assert not why.done and "Ella, Noah" in why.why
    db.execute("UPDATE post SET deleted_at = ? WHERE id = ?", ("2026-01-01T00:00:00+00:00", named))
    good = photo_post(db, ws, "fritidosthammar",
                      "Luciatåget på Solstrålens förskola lyste upp morgonen!" + SIGN)
    assert ok(db, ws, since, "photo_published", **params)
    assert not ok(db, ws, since, "photo_published", **(params | {"shows_person": "adult"}))
    db.execute("UPDATE post SET deleted_at = ? WHERE id = ?", ("2026-01-01T00:00:00+00:00", good))
    assert not ok(db, ws, since, "photo_published", **params)                      # undone


def test_link_post_published(world):
    db, ws, since = world
    params = {"page": "besokosthammar", "about": "vårdkasar"}
    assert not ok(db, ws, since, "link_post_published", **params)
    link = "https://www.roslagen.example/vardkasar"
    bare = add_post(db, ws, "besokosthammar", f"Vårdkasar {link}" + SIGN)
    db.execute("UPDATE post SET link_url = ? WHERE id = ?", (link, bare))
    why = verdict(db, ws, since, "link_post_published", **params)
    assert not why.done and "varför" in why.why
    wrong = add_post(db, ws, "osthammarskommun", "Läs Roslagsmuseets fina artikel om vårdkasarna och "
                     f"berätta vilken ni har besökt! {link}" + SIGN)
    db.execute("UPDATE post SET link_url = ? WHERE id = ?", (link, wrong))         # the wrong Page
    assert not ok(db, ws, since, "link_post_published", **params)
    good = add_post(db, ws, "besokosthammar", "Visste du att vårdkasarna i Roslagen tändes som varning? "
                    f"Roslagsmuseet berättar historien – läs och säg vilken ni har besökt! {link}" + SIGN)
    db.execute("UPDATE post SET link_url = ? WHERE id = ?", (link, good))
    assert ok(db, ws, since, "link_post_published", **params)
    db.execute("UPDATE post SET deleted_at = ? WHERE id = ?", ("2026-01-01T00:00:00+00:00", good))
    assert not ok(db, ws, since, "link_post_published", **params)                  # undone
