"""The diarium and registering a comment in it (from the comment's "Registrera" action)."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for

from .. import actions, clock, personas, roles, workspaces
from ..db import get_db
from ..facebook.auth import login_required
from . import bp

MAX_TITLE = 200
PREFIX = "ÖD"


def _comment(db, ws: str, comment_id: int):
    row = db.execute(
        "SELECT comment.*, post.page_id, page.slug AS page_slug, page.name AS page_name"
        " FROM comment JOIN post ON post.id = comment.post_id JOIN page ON page.id = post.page_id"
        " WHERE comment.workspace_id = ? AND comment.id = ? AND comment.deleted_at IS NULL",
        (ws, comment_id),
    ).fetchone()
    if row is None:
        abort(404, description="Kommentaren finns inte.")
    return row


def next_number(db, ws: str, now) -> str:
    year = clock.local(now).year
    count = db.execute("SELECT count(*) FROM diary_entry WHERE workspace_id = ? AND number LIKE ?",
                       (ws, f"{PREFIX} {year}/%")).fetchone()[0]
    return f"{PREFIX} {year}/{count + 1:04d}"


def entry_for(db, comment_id: int):
    return db.execute("SELECT * FROM diary_entry WHERE comment_id = ?", (comment_id,)).fetchone()


@bp.get("/")
@login_required
def diarium():
    rows = get_db().execute(
        "SELECT diary_entry.*, persona.name AS registered_by_name FROM diary_entry"
        " LEFT JOIN persona ON persona.id = diary_entry.registered_by"
        " WHERE diary_entry.workspace_id = ? ORDER BY diary_entry.id DESC",
        (workspaces.current_id(),)).fetchall()
    return render_template("direkt/diarium.html", entries=rows)


@bp.route("/registrera/<int:comment_id>", methods=["GET", "POST"])
@login_required
def register(comment_id: int):
    db, ws = get_db(), workspaces.current_id()
    comment = _comment(db, ws, comment_id)
    me = personas.current()
    if not roles.can(db, me["id"], comment["page_id"], "moderera"):
        abort(403, description=f"Du har ingen roll på {comment['page_name']} som får hantera "
                               "kommentarer.")
    if comment["as_page"]:
        abort(400, description="Sidans egna svar registreras tillsammans med kommentaren de svarar på.")
    existing = entry_for(db, comment_id)
    form = {"title": "", "private_contact": ""}
    error = None
    if request.method == "POST" and existing is None:
        form = {"title": (request.form.get("title") or "").strip(),
                "private_contact": request.form.get("private_contact") or ""}
        if not form["title"]:
            error = "Skriv en ärendemening: en kort mening om vad ärendet gäller."
        elif len(form["title"]) > MAX_TITLE:
            error = f"Ärendemeningen är för lång – högst {MAX_TITLE} tecken."
        else:
            number = next_number(db, ws, g.now)
            cur = db.execute(
                "INSERT INTO diary_entry (workspace_id, number, title, comment_id, author_name,"
                " source_text, private_contact, registered_by, registered_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ws, number, form["title"], comment_id, comment["author_name"], comment["text"],
                 1 if form["private_contact"] == "ja" else 0, me["id"], clock.iso(g.now)),
            )
            actions.log("comment.registered", platform="facebook", object_type="comment",
                        object_id=comment_id, page_id=comment["page_id"], number=number,
                        entry_id=cur.lastrowid, private_contact=form["private_contact"] == "ja")
            db.commit()
            flash(f"Kommentaren är registrerad som allmän handling i Östhammar Direkts "
                  f"ärendehantering med diarienummer {number}.", "success")
            return redirect(url_for("facebook.page", slug=comment["page_slug"])
                            + f"#comment-{comment_id}")
    return render_template("direkt/register.html", comment=comment, existing=existing, form=form,
                           error=error), (400 if error else 200)
