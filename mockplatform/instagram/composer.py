"""A new post: an image and a caption. The handbook's rule on pictures of people is asked
before anything is published: a signed consent form from the person in the picture, and from
the guardian when the person is a child under 13."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for

from .. import actions, clock, media, workspaces
from ..db import get_db
from ..rules import coach, photo_consent
from . import bp, model
from .auth import login_required

PERSON_CHOICES = photo_consent.PERSON_CHOICES
REFUSED = {
    "no_consent": "Inlägget publicerades inte. " + photo_consent.NO_CONSENT,
    "no_guardian_consent": "Inlägget publicerades inte. " + photo_consent.NO_GUARDIAN,
}


def _read(form) -> dict:
    image, errors = photo_consent.read_answers(form)
    post = {"caption": (form.get("caption") or "").replace("\r\n", "\n").strip(), **image,
            "errors": [], "refused": None}
    if len(post["caption"]) > model.MAX_CAPTION:
        post["errors"].append(f"Bildtexten är för lång: {len(post['caption'])} tecken. Högst "
                              f"{model.MAX_CAPTION} tecken får plats.")
    post["errors"].extend(errors)
    return post


def _refusal(post) -> str | None:
    if post["shows_person"] == "adult" and post["consent"] != "yes":
        return "no_consent"
    if post["shows_person"] == "child" and post["guardian_consent"] != "yes":
        return "no_guardian_consent"
    return None


def _context(post) -> dict:
    """A caption is signed by the account itself; the picture's answers are in the post."""
    image = {k: post[k] for k in ("shows_person", "consent", "guardian_consent")}
    return {"image": image, "org_domain": coach.base_context(None)["org_domain"]}


def _form(post, status=200):
    return render_template("instagram/new_post.html", post=post, choices=PERSON_CHOICES,
                           refused=REFUSED.get(post["refused"])), status


@bp.route("/nytt-inlagg", methods=["GET", "POST"])
@login_required
def new_post():
    if request.method == "GET":
        return _form(_read({}) | {"errors": []})
    db, ws, me = get_db(), workspaces.current_id(), model.current()
    post = _read(request.form)
    upload = request.files.get("image")
    if upload is None or not upload.filename:
        post["errors"].append("Välj en bild att dela.")
    if post["errors"]:
        return _form(post, 400)
    post["refused"] = _refusal(post)
    if post["refused"]:
        coach.review_and_record("upload", post["caption"], _context(post), platform="instagram",
                                object_type="ig_account", object_id=me["id"], flash_them=False)
        actions.log("instagram.post_refused", platform="instagram", actor=me["username"],
                    object_type="ig_account", object_id=me["id"], reason=post["refused"],
                    shows_person=post["shows_person"])
        db.commit()
        return _form(post, 400)
    try:
        media_id = media.save_upload(db, ws, upload, allow_video=False)
    except media.UploadError as exc:
        post["errors"].append(str(exc))
        return _form(post, exc.status)
    consent = None if post["shows_person"] == "none" else 1
    cur = db.execute(
        "INSERT INTO ig_post (workspace_id, account_id, media_id, caption, shows_person, consent,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (ws, me["id"], media_id, post["caption"], post["shows_person"], consent,
         clock.iso(g.now)),
    )
    actions.log("instagram.post_published", platform="instagram", actor=me["username"],
                object_type="ig_post", object_id=cur.lastrowid, shows_person=post["shows_person"],
                consent=bool(consent))
    coach.review_and_record("upload", post["caption"], _context(post), platform="instagram",
                            object_type="ig_post", object_id=cur.lastrowid)
    db.commit()
    flash("Inlägget är delat.", "success")
    return redirect(url_for("instagram.my_profile"))
