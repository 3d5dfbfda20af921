"""Answering, hiding and deleting comments – the moderation the handbook describes."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for

from .. import actions, clock, personas, rules, workspaces
from ..db import get_db
from ..redirects import safe_next
from ..rules import coach
from ..rules.signature import is_signed
from . import bp, model
from .auth import login_required
from .posts import require

MAX_COMMENT = 8000


def _comment(db, ws, page, comment_id: int):
    row = db.execute(
        "SELECT comment.* FROM comment JOIN post ON post.id = comment.post_id"
        " WHERE comment.workspace_id = ? AND comment.id = ? AND post.page_id = ?"
        " AND comment.deleted_at IS NULL", (ws, comment_id, page["id"]),
    ).fetchone()
    if row is None:
        abort(404, description="Kommentaren finns inte.")
    return row


def _back(slug: str, post_id: int):
    target = safe_next(request.form.get("next"), url_for("facebook.page", slug=slug))
    return redirect(f"{target}#post-{post_id}")


@bp.post("/<slug>/inlagg/<int:post_id>/kommentarer")
@login_required
def reply(slug: str, post_id: int):
    db, ws = get_db(), workspaces.current_id()
    page = model.page_by_slug(db, ws, slug)
    me = require(db, page, "moderera", "svara på kommentarer som sidan")
    post = model.post_on_page(db, ws, page, post_id)
    text = (request.form.get("text") or "").strip()
    parent_id = request.form.get("parent_id", type=int)
    if parent_id is not None:
        _comment(db, ws, page, parent_id)
    if not text or len(text) > MAX_COMMENT:
        flash("Skriv ett svar först." if not text else "Svaret är för långt.", "error")
        return _back(slug, post["id"])
    cur = db.execute(
        "INSERT INTO comment (workspace_id, post_id, parent_id, author_name, as_page, persona_id,"
        " text, created_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)",
        (ws, post["id"], parent_id, page["name"], me["id"], text, clock.iso(g.now)),
    )
    signed = is_signed(text, me)
    actions.log("comment.replied", platform="facebook", object_type="comment",
                object_id=cur.lastrowid, page_id=page["id"], post_id=post["id"],
                parent_id=parent_id, signed=signed)
    coach.review_and_record("reply", text, coach.for_reply(db, ws, page, me, g.now, cur.lastrowid),
                            platform="facebook", object_type="comment", object_id=cur.lastrowid)
    db.commit()
    return _back(slug, post["id"])


@bp.post("/<slug>/kommentarer/<int:comment_id>/<any(dolj, visa):what>")
@login_required
def hide(slug: str, comment_id: int, what: str):
    db, ws = get_db(), workspaces.current_id()
    page = model.page_by_slug(db, ws, slug)
    require(db, page, "moderera", "dölja kommentarer")
    comment = _comment(db, ws, page, comment_id)
    hidden_at = clock.iso(g.now) if what == "dolj" else None
    db.execute("UPDATE comment SET hidden_at = ? WHERE id = ?", (hidden_at, comment_id))
    actions.log("comment.hidden" if hidden_at else "comment.unhidden", platform="facebook",
                object_type="comment", object_id=comment_id, page_id=page["id"],
                kind=comment["kind"])
    db.commit()
    return _back(slug, comment["post_id"])


@bp.route("/<slug>/kommentarer/<int:comment_id>/ta-bort", methods=["GET", "POST"])
@login_required
def delete_comment(slug: str, comment_id: int):
    db, ws = get_db(), workspaces.current_id()
    page = model.page_by_slug(db, ws, slug)
    require(db, page, "moderera", "ta bort kommentarer")
    comment = _comment(db, ws, page, comment_id)
    error = None
    if request.method == "POST":
        refused = rules.refusals(rules.review(
            "delete", comment["text"],
            {"screenshot_saved": request.form.get("screenshot_saved") == "ja"}))
        if refused:
            coach.record(refused, platform="facebook", object_type="comment", object_id=comment_id)
            db.commit()
            error = refused[0].message
        else:
            db.execute("UPDATE comment SET deleted_at = ? WHERE id = ?",
                       (clock.iso(g.now), comment_id))
            actions.log("comment.deleted", platform="facebook", object_type="comment",
                        object_id=comment_id, page_id=page["id"], kind=comment["kind"],
                        by=personas.current()["key"])
            db.commit()
            flash("Kommentaren är borttagen.", "success")
            return redirect(url_for("facebook.page", slug=slug) + f"#post-{comment['post_id']}")
    return render_template("facebook/delete_comment.html", page=page, comment=comment,
                           error=error), (400 if error else 200)
