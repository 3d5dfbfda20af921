"""Creating a post with the composer, editing it (text only) and deleting it."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for

from .. import actions, clock, media, personas, roles, rules, workspaces
from ..db import get_db
from ..rules import coach
from . import bp, model
from .auth import login_required
from .composer import MAX_TEXT, read
from .pages import _role_name, render_page

ROLE_SAYS = "Du har rollen {role} på {page} och kan inte {what}."


def require(db, page, task: str, what: str):
    me = personas.current()
    if not roles.can(db, me["id"], page["id"], task):
        role = _role_name(db, me, page) or "ingen roll"
        abort(403, description=ROLE_SAYS.format(role=role, page=page["name"], what=what))
    return me


@bp.post("/<slug>/inlagg")
@login_required
def create(slug: str):
    db, ws = get_db(), workspaces.current_id()
    page = model.page_by_slug(db, ws, slug)
    me = require(db, page, "skapa_innehall", "publicera inlägg")
    upload = request.files.get("media")
    has_file = bool(upload and upload.filename)
    draft = read(request.form, g.now, has_media=has_file)
    media_id = None
    if has_file and not draft.errors:
        refused = rules.refusals(rules.review("upload", context={"image": draft.image}))
        if refused:
            coach.record(refused, platform="facebook", object_type="page", object_id=page["id"])
            actions.log("post.refused", platform="facebook", object_type="page",
                        object_id=page["id"], rules=[f.rule_id for f in refused])
            db.commit()
            draft.errors.extend(f"Inlägget publicerades inte. {f.message}" for f in refused)
            return render_page(page, draft=draft, status=400)
    if not draft.errors and has_file:
        try:
            media_id = media.save_upload(db, ws, upload)
        except media.UploadError as exc:
            draft.errors.append(str(exc))
            return render_page(page, draft=draft, status=exc.status)
    if draft.errors:
        return render_page(page, draft=draft, status=400)
    status = {"now": "published", "backdate": "published", "schedule": "scheduled",
              "draft": "draft"}[draft.mode]
    at = clock.iso(draft.publish_at)
    cur = db.execute(
        "INSERT INTO post (workspace_id, page_id, author_id, text, feeling, media_id, link_url,"
        " status, publish_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (ws, page["id"], me["id"], draft.text, draft.feeling, media_id,
         model.first_link(draft.text), status, at, clock.iso(g.now)),
    )
    verb = {"now": "post.published", "backdate": "post.published", "schedule": "post.scheduled",
            "draft": "post.drafted"}[draft.mode]
    actions.log(verb, platform="facebook", object_type="post", object_id=cur.lastrowid,
                page_id=page["id"], publish_at=at, has_media=bool(media_id),
                backdated=draft.mode == "backdate", shows_person=draft.image.get("shows_person"))
    coach.review_and_record("post", draft.text,
                            coach.for_post(db, ws, page, me, draft.publish_at, cur.lastrowid),
                            platform="facebook", object_type="post", object_id=cur.lastrowid)
    db.commit()
    if draft.mode == "schedule":
        from ..filters import sv_datetime

        flash(f"Inlägget är schemalagt och publiceras {sv_datetime(draft.publish_at)}.", "success")
    elif draft.mode == "draft":
        flash("Inlägget är sparat som utkast under Publiceringsverktyg.", "success")
    return redirect(url_for("facebook.page", slug=slug))


@bp.route("/<slug>/inlagg/<int:post_id>/redigera", methods=["GET", "POST"])
@login_required
def edit(slug: str, post_id: int):
    db, ws = get_db(), workspaces.current_id()
    page = model.page_by_slug(db, ws, slug)
    require(db, page, "skapa_innehall", "redigera inlägg")
    post = model.post_on_page(db, ws, page, post_id)
    if request.method == "GET":
        return render_page(page, edit_post=post)
    if request.files.get("media") or "link_url" in request.form or "media_id" in request.form:
        abort(400, description="Bild och länk går inte att ändra efter att inlägget har publicerats.")
    text = (request.form.get("text") or "").replace("\r\n", "\n").strip()
    error = None
    if not text and not (post["media_id"] or post["image"]):
        error = "Inlägget kan inte bli tomt. Skriv något, eller ta bort inlägget i stället."
    elif len(text) > MAX_TEXT:
        error = f"Inlägget är för långt. Högst {MAX_TEXT:,} tecken får plats.".replace(",", " ")
    if error:
        return render_page(page, edit_post=dict(post) | {"text": text}, edit_error=error,
                           status=400)
    if text != post["text"]:
        db.execute("UPDATE post SET text = ?, edited_at = ? WHERE id = ?",
                   (text, clock.iso(g.now), post_id))
        actions.log("post.edited", platform="facebook", object_type="post", object_id=post_id,
                    page_id=page["id"], before=post["text"], after=text)
        coach.review_and_record(
            "post", text, coach.for_post(db, ws, page, personas.current(),
                                         clock.parse(post["publish_at"]), post_id),
            platform="facebook", object_type="post", object_id=post_id)
        db.commit()
    return redirect(url_for("facebook.page", slug=slug) + f"#post-{post_id}")


@bp.route("/<slug>/inlagg/<int:post_id>/ta-bort", methods=["GET", "POST"])
@login_required
def delete(slug: str, post_id: int):
    db, ws = get_db(), workspaces.current_id()
    page = model.page_by_slug(db, ws, slug)
    require(db, page, "skapa_innehall", "ta bort inlägg")
    post = model.post_on_page(db, ws, page, post_id, ("published", "scheduled", "draft"))
    if request.method == "GET":
        return render_template("facebook/delete_post.html", page=page, post=post)
    if post["status"] == "published":  # what was public is saved before it goes
        refused = rules.refusals(rules.review(
            "delete", post["text"], {"screenshot_saved": request.form.get("screenshot_saved") == "ja"}))
        if refused:
            coach.record(refused, platform="facebook", object_type="post", object_id=post_id)
            db.commit()
            return render_template("facebook/delete_post.html", page=page, post=post,
                                   error=refused[0].message), 400
    db.execute("UPDATE post SET deleted_at = ? WHERE id = ?", (clock.iso(g.now), post_id))
    actions.log("post.deleted", platform="facebook", object_type="post", object_id=post_id,
                page_id=page["id"], status=post["status"])
    db.commit()
    flash("Inlägget är borttaget.", "success")
    return redirect(url_for("facebook.page", slug=slug))
