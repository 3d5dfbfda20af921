"""Publiceringsverktyg: scheduled posts and drafts – open, change, publish now or cancel."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, flash, g, redirect, render_template, request, url_for

from .. import actions, clock, roles, workspaces
from ..db import get_db
from ..filters import sv_datetime
from . import bp, model
from .auth import login_required
from .composer import MAX_TEXT, schedule_time
from .pages import _role_name
from .posts import require

LISTS = {"schemalagda": ("scheduled", "Schemalagda inlägg"), "utkast": ("draft", "Utkast"),
         "publicerade": ("published", "Publicerade inlägg")}
RETENTION = timedelta(days=548)  # the handbook: posts stay at most 18 months


@bp.get("/<slug>/publiceringsverktyg")
@login_required
def tools(slug: str):
    db, ws = get_db(), workspaces.current_id()
    page = model.page_by_slug(db, ws, slug)
    me = require(db, page, "skapa_innehall", "använda publiceringsverktygen")
    which = request.args.get("visa", "schemalagda")
    if which not in LISTS:
        abort(404, description="Den listan finns inte.")
    status, title = LISTS[which]
    posts = model.posts_with_status(db, ws, page["id"], status)
    too_old = clock.iso(g.now - RETENTION)
    scheduled = posts if status == "scheduled" else model.posts_with_status(db, ws, page["id"], "scheduled")
    # The Page's tabs are the same as on the Page: an administrator keeps Statistik here too.
    return render_template("facebook/tools.html", page=page, posts=posts, which=which, title=title,
                           lists=LISTS, too_old=too_old, role=_role_name(db, me, page),
                           tasks=roles.page_tasks(db, me["id"], page["id"]),
                           scheduled_count=len(scheduled))


@bp.route("/<slug>/publiceringsverktyg/<int:post_id>", methods=["GET", "POST"])
@login_required
def open_scheduled(slug: str, post_id: int):
    db, ws = get_db(), workspaces.current_id()
    page = model.page_by_slug(db, ws, slug)
    require(db, page, "skapa_innehall", "ändra schemalagda inlägg")
    post = model.post_on_page(db, ws, page, post_id, ("scheduled", "draft"))
    local = clock.local(post["publish_at"])
    form = {"text": post["text"], "date": f"{local:%Y-%m-%d}", "time": f"{local:%H:%M}"}
    errors: list[str] = []
    if request.method == "POST":
        form = {k: (request.form.get(k) or "").strip() for k in ("text", "date", "time")}
        action = request.form.get("action", "save")
        errors = _apply(db, page, post, form, action)
        if not errors:
            db.commit()
            return redirect(url_for("facebook.tools", slug=slug,
                                    visa="publicerade" if action == "publish" else
                                    ("utkast" if post["status"] == "draft" and action == "save"
                                     else "schemalagda")))
    return render_template("facebook/scheduled_edit.html", page=page, post=post, form=form,
                           errors=errors), (400 if errors else 200)


def _apply(db, page, post, form, action) -> list[str]:
    errors: list[str] = []
    text = form["text"].replace("\r\n", "\n")
    if not text and not (post["media_id"] or post["image"]):
        errors.append("Inlägget är tomt. Skriv något eller ta bort inlägget.")
    if len(text) > MAX_TEXT:
        errors.append("Inlägget är för långt.")
    if action == "publish":
        if not errors:
            db.execute("UPDATE post SET text = ?, status = 'published', publish_at = ?,"
                       " link_url = ? WHERE id = ?",
                       (text, clock.iso(g.now), model.first_link(text), post["id"]))
            actions.log("post.published", platform="facebook", object_type="post",
                        object_id=post["id"], page_id=page["id"], scheduled=False)
            flash("Inlägget är publicerat.", "success")
        return errors
    if action == "save" and post["status"] == "draft":
        if not errors:
            db.execute("UPDATE post SET text = ?, link_url = ? WHERE id = ?",
                       (text, model.first_link(text), post["id"]))
            flash("Utkastet är sparat.", "success")
        return errors
    if action not in ("save", "schedule"):
        return ["Okänd åtgärd."]
    when = schedule_time(form["date"], form["time"], g.now, errors)
    if not errors:
        db.execute("UPDATE post SET text = ?, status = 'scheduled', publish_at = ?, link_url = ?"
                   " WHERE id = ?", (text, clock.iso(when), model.first_link(text), post["id"]))
        actions.log("post.rescheduled" if post["status"] == "scheduled" else "post.scheduled",
                    platform="facebook", object_type="post", object_id=post["id"],
                    page_id=page["id"], publish_at=clock.iso(when))
        flash(f"Inlägget publiceras {sv_datetime(when)}.", "success")
    return errors
