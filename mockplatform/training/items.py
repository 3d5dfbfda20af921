"""A scenario's own objects: posts, comments, replies and mails put into a trainee's world at
the start or when a timeline entry arrives, each remembered by its key."""

from __future__ import annotations

from .. import clock, mail, personas
from ..seed import name_object as remember
from ..world import ago


def objects(db, ws: str) -> dict[str, tuple[str, int]]:
    return {r["key"]: (r["kind"], r["object_id"]) for r in db.execute(
        "SELECT key, kind, object_id FROM object_key WHERE workspace_id = ?", (ws,))}


def place(db, ws: str, item, now) -> int | None:
    """Put ``item`` (scenarios.Item) into the world at sandbox time ``now`` (minus its ``ago``)."""
    data = item.data
    when = clock.iso(now - ago(str(data.get("ago", "0m"))))
    if item.kind == "mail":
        object_id, kind = _mail(db, ws, data), "mail"
    elif item.kind == "post":
        object_id, kind = _post(db, ws, data, when), "post"
    elif item.kind == "reply":
        object_id, kind = _reply(db, ws, data, when), "comment"
    else:
        object_id, kind = _comment(db, ws, data, when), "comment"
    remember(db, ws, item.key, kind, object_id)
    return object_id


def _page_id(db, ws: str, slug: str) -> int | None:
    row = db.execute("SELECT id FROM page WHERE workspace_id = ? AND slug = ?", (ws, slug)).fetchone()
    return row["id"] if row else None


def _mail(db, ws: str, data: dict) -> int | None:
    return mail.send(db, ws, data["to"], data["subject"], data.get("body", ""),
                     sender=data.get("sender", "Sandlådan"))


def _post(db, ws: str, data: dict, when: str) -> int | None:
    author = personas.by_key(db, ws, data["author"]) if data.get("author") else None
    cur = db.execute(
        "INSERT INTO post (workspace_id, page_id, author_id, text, image, status, publish_at, created_at)"
        " VALUES (?, ?, ?, ?, ?, 'published', ?, ?)",
        (ws, _page_id(db, ws, data["page"]), author["id"] if author else None, str(data["text"]).strip(),
         data.get("image", ""), when, when))
    return cur.lastrowid


def _comment(db, ws: str, data: dict, when: str) -> int | None:
    post_id = None
    if data.get("post"):
        kind, post_id = objects(db, ws).get(data["post"], (None, None))
    if post_id is None:
        post_id = latest_post(db, ws, _page_id(db, ws, data["page"]), data.get("post_contains"))
    if post_id is None:
        return None
    cur = db.execute("INSERT INTO comment (workspace_id, post_id, author_name, text, kind, created_at)"
                     " VALUES (?, ?, ?, ?, ?, ?)",
                     (ws, post_id, data["author"], str(data["text"]).strip(), data.get("kind", ""), when))
    return cur.lastrowid


def _reply(db, ws: str, data: dict, when: str) -> int | None:
    """A citizen's reply under a keyed comment."""
    _kind, parent_id = objects(db, ws).get(data["comment"], (None, None))
    parent = db.execute("SELECT * FROM comment WHERE id = ?", (parent_id,)).fetchone() if parent_id else None
    if parent is None:
        return None
    cur = db.execute(
        "INSERT INTO comment (workspace_id, post_id, parent_id, author_name, text, kind, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (ws, parent["post_id"], parent["id"], data["author"], str(data["text"]).strip(), data.get("kind", ""),
         when))
    return cur.lastrowid


def latest_post(db, ws: str, page_id: int | None, contains: str | None = None) -> int | None:
    """The Page's latest published post (or the latest containing a text)."""
    row = db.execute(
        "SELECT id FROM post WHERE workspace_id = ? AND page_id = ? AND status = 'published'"
        " AND deleted_at IS NULL AND text LIKE ? ORDER BY publish_at DESC LIMIT 1",
        (ws, page_id, f"%{contains or ''}%")).fetchone()
    return row["id"] if row else None


def add_comment(db, ws: str, page_id: int, author: str, text: str, kind: str, when: str,
                post_contains: str | None = None) -> int | None:
    """A citizen's comment on the Page's latest published post (the trainer's inject)."""
    post_id = latest_post(db, ws, page_id, post_contains)
    if post_id is None:
        return None
    cur = db.execute("INSERT INTO comment (workspace_id, post_id, author_name, text, kind, created_at)"
                     " VALUES (?, ?, ?, ?, ?, ?)", (ws, post_id, author, text, kind, when))
    return cur.lastrowid
