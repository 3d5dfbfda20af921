"""Every Page role × every Facebook action, driven through the real Facebook routes after the
role was given the way the handbook gives it: an invitation in Business Manager, accepted by
the persona. The expected table is written out here, from the handbook and Facebook's 2019 roles,
so that a wrong roles.py fails it."""

import pytest

from .business_helpers import give_role
from .conftest import login

ACTIONS = ["statistics", "scheduled list", "create post", "edit post", "reply to comment",
           "hide comment", "delete comment", "delete post"]
ALL = set(ACTIONS)
CONTENT = {"scheduled list", "create post", "edit post", "delete post"}
MODERATION = {"reply to comment", "hide comment", "delete comment"}
EXPECTED = {
    "Administratör": ALL,
    "Redaktör": ALL,
    "Moderator": MODERATION | {"statistics"},
    "Annonsör": {"statistics"},
    "Analytiker": {"statistics"},
    ("Anpassad", ("moderera", "statistik")): MODERATION | {"statistics"},
    ("Anpassad", ("skapa_innehall",)): CONTENT,
    None: set(),  # no role at all
}
SLUG = "osthammarskommun"
BASE = f"/facebook/{SLUG}"


def _objects(db, page_id):
    posts = [r[0] for r in db.execute(
        "SELECT id FROM post WHERE page_id = ? AND status = 'published' AND deleted_at IS NULL"
        " ORDER BY id", (page_id,))]
    comments = [r[0] for r in db.execute(
        "SELECT id FROM comment WHERE post_id = ? AND parent_id IS NULL ORDER BY id", (posts[0],))]
    return posts, comments


def _try_all(client, db, page_id) -> dict[str, str]:
    posts, comments = _objects(db, page_id)
    n_posts = lambda: db.execute("SELECT count(*) FROM post WHERE page_id = ?",  # noqa: E731
                                 (page_id,)).fetchone()[0]
    n_replies = lambda: db.execute("SELECT count(*) FROM comment WHERE as_page = 1").fetchone()[0]  # noqa: E731
    col = lambda table, field, id_: db.execute(  # noqa: E731
        f"SELECT {field} FROM {table} WHERE id = ?", (id_,)).fetchone()[0]
    checks = {
        "statistics": (lambda: client.get(f"{BASE}/statistik"), lambda: None),
        "scheduled list": (lambda: client.get(f"{BASE}/publiceringsverktyg"), lambda: None),
        "create post": (lambda: client.post(f"{BASE}/inlagg", data={"text": "Matristest"}), n_posts),
        "edit post": (lambda: client.post(f"{BASE}/inlagg/{posts[0]}/redigera",
                                          data={"text": "Ändrad i matristestet"}),
                      lambda: col("post", "text", posts[0])),
        "reply to comment": (lambda: client.post(f"{BASE}/inlagg/{posts[0]}/kommentarer",
                                                 data={"text": "Tack! /Per", "parent_id": comments[1]}),
                             n_replies),
        "hide comment": (lambda: client.post(f"{BASE}/kommentarer/{comments[2]}/dolj"),
                         lambda: col("comment", "hidden_at", comments[2])),
        "delete comment": (lambda: client.post(f"{BASE}/kommentarer/{comments[0]}/ta-bort",
                                               data={"screenshot_saved": "ja"}),
                           lambda: col("comment", "deleted_at", comments[0])),
        "delete post": (lambda: client.post(f"{BASE}/inlagg/{posts[1]}/ta-bort",
                                           data={"screenshot_saved": "ja"}),
                        lambda: col("post", "deleted_at", posts[1])),
    }
    outcome = {}
    for action in ACTIONS:
        do, state = checks[action]
        before = state()
        response = do()
        changed = state() != before
        if response.status_code in (200, 302) and (changed or action in ("statistics",
                                                                          "scheduled list")):
            outcome[action] = "allowed"
        elif response.status_code == 403 and not changed:
            assert "kan inte" in response.get_data(as_text=True) or "ger inte" in response.get_data(
                as_text=True), action  # the Swedish reason
            outcome[action] = "refused"
        else:
            outcome[action] = f"broken: {response.status_code}, changed={changed}"
    return outcome


@pytest.mark.parametrize("role", list(EXPECTED), ids=lambda r: r if isinstance(r, str) else (
    "no-role" if r is None else f"Anpassad-{'+'.join(r[1])}"))
def test_role_matrix(client, db, role):
    if role is None:
        login(client, "per")
        page_id = db.execute("SELECT id FROM page WHERE slug = ?", (SLUG,)).fetchone()[0]
    elif isinstance(role, tuple):
        page_id = give_role(client, db, "Anpassad", SLUG, tasks=list(role[1]))
    else:
        page_id = give_role(client, db, role, SLUG)
    expected = {a: "allowed" if a in EXPECTED[role] else "refused" for a in ACTIONS}
    assert _try_all(client, db, page_id) == expected


def test_a_moderator_sees_no_write_box_but_the_moderation_controls(client, db):
    give_role(client, db, "Moderator", SLUG)
    html = client.get(f"{BASE}/").get_data(as_text=True)
    assert "Skriv ett inlägg" not in html
    assert "Dölj kommentaren från" in html


def test_an_analyst_only_sees_statistics(client, db):
    give_role(client, db, "Analytiker", SLUG)
    html = client.get(f"{BASE}/").get_data(as_text=True)
    assert "Skriv ett inlägg" not in html and "Dölj kommentaren från" not in html
    assert client.get(f"{BASE}/statistik").status_code == 200
