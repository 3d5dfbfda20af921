"""Queries of the Facebook part, all scoped to one workspace."""

from __future__ import annotations

import re

from flask import abort

from .. import actions, clock

URL = re.compile(r"https?://[^\s<>\"]+")
MAX_TEXT = 63206  # Facebook's own limit for a post


def page_by_slug(db, ws: str, slug: str):
    row = db.execute("SELECT * FROM page WHERE workspace_id = ? AND slug = ?", (ws, slug)).fetchone()
    if row is None:
        abort(404, description="Sidan finns inte i din övningsmiljö.")
    return row


def post_on_page(db, ws: str, page, post_id: int, statuses=("published",)):
    row = db.execute(
        f"SELECT * FROM post WHERE workspace_id = ? AND page_id = ? AND id = ? AND deleted_at IS NULL"
        f" AND status IN ({','.join('?' * len(statuses))})",
        (ws, page["id"], post_id, *statuses),
    ).fetchone()
    if row is None:
        abort(404, description="Inlägget finns inte.")
    return row


PAGE_SIZE = 20  # posts shown before "Visa fler inlägg", as Facebook loads more on request


def shown(args) -> int:
    """How many posts the reader asked to see (?visa=40), within sane bounds."""
    return min(max(args.get("visa", PAGE_SIZE, type=int) or PAGE_SIZE, PAGE_SIZE), 1000)


def _post_rows(db, where: str, params: tuple, order: str = "publish_at DESC", limit: int = -1):
    return db.execute(
        "SELECT post.*, page.name AS page_name, page.slug AS page_slug, page.avatar AS page_avatar,"
        " persona.name AS author_name, media.kind AS media_kind"
        " FROM post JOIN page ON page.id = post.page_id"
        " LEFT JOIN persona ON persona.id = post.author_id"
        " LEFT JOIN media ON media.id = post.media_id"
        f" WHERE post.deleted_at IS NULL AND {where} ORDER BY {order}, post.id DESC LIMIT ?",
        (*params, limit),
    ).fetchall()


def published_posts(db, ws: str, page_id: int | None = None, limit: int = -1):
    if page_id is None:
        return _post_rows(db, "post.workspace_id = ? AND post.status = 'published'", (ws,),
                          limit=limit)
    return _post_rows(db, "post.workspace_id = ? AND post.page_id = ? AND post.status = 'published'",
                      (ws, page_id), limit=limit)


def posts_with_status(db, ws: str, page_id: int, status: str):
    order = "publish_at ASC" if status == "scheduled" else "publish_at DESC"
    return _post_rows(db, "post.workspace_id = ? AND post.page_id = ? AND post.status = ?",
                      (ws, page_id, status), order)


def comments_by_post(db, ws: str, post_ids: list[int]) -> dict[int, list]:
    if not post_ids:
        return {}
    rows = db.execute(
        "SELECT comment.*, (SELECT number FROM diary_entry WHERE diary_entry.comment_id = comment.id)"
        " AS diary_number FROM comment WHERE workspace_id = ? AND deleted_at IS NULL"
        f" AND post_id IN ({','.join('?' * len(post_ids))}) ORDER BY created_at, id",
        (ws, *post_ids),
    ).fetchall()
    out: dict[int, list] = {}
    for r in rows:
        out.setdefault(r["post_id"], []).append(r)
    return out


def first_link(text: str) -> str:
    match = URL.search(text or "")
    return match.group(0).rstrip(".,!?)") if match else ""


def pages_of(db, persona_id: int):
    return db.execute(
        "SELECT page.*, page_role.role FROM page JOIN page_role ON page_role.page_id = page.id"
        " WHERE page_role.persona_id = ? ORDER BY page.id", (persona_id,),
    ).fetchall()


def publish_due(db, ws: str, now) -> None:
    """Scheduled posts whose time has come are published (a clock.on_tick hook)."""
    due = db.execute(
        "SELECT id, page_id FROM post WHERE workspace_id = ? AND status = 'scheduled'"
        " AND deleted_at IS NULL AND publish_at <= ?", (ws, clock.iso(now)),
    ).fetchall()
    for row in due:
        db.execute("UPDATE post SET status = 'published' WHERE id = ?", (row["id"],))
        actions.log("post.published", platform="facebook", actor="system", object_type="post",
                    object_id=row["id"], db=db, ws=ws, scheduled=True, page_id=row["page_id"])
