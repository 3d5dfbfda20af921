"""The news feed, a Page, search and the Page's statistics."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, g, redirect, render_template, request, url_for

from .. import clock, personas, roles, workspaces
from ..db import get_db
from ..rules import coach, review
from ..rules.photo_consent import PERSON_CHOICES
from . import bp, model
from .auth import login_required
from .composer import FEELINGS, Draft

PAGE_RULES = [
    "Förtal, personangrepp eller förolämpningar",
    "Sekretessbelagda uppgifter",
    "Hets mot folkgrupp, sexistiska yttranden eller andra trakasserier",
    "Olovliga våldsskildringar eller pornografi",
    "Uppmaningar till brott",
    "Olovligt bruk av upphovsrättsligt skyddat material",
    "Kommersiella budskap eller reklam",
]


@bp.app_context_processor
def facebook_context():
    me = personas.current() if "workspace" in g else None
    if me is None:
        return {"me": None}
    db = get_db()
    businesses = db.execute(
        "SELECT business.* FROM business JOIN business_member ON business_member.business_id ="
        " business.id WHERE business_member.persona_id = ? ORDER BY business.id", (me["id"],),
    ).fetchall()
    return {"me": me, "my_pages": model.pages_of(db, me["id"]), "my_businesses": businesses}


@bp.get("/")
def home():
    if personas.current() is None:
        return redirect(url_for("facebook.login"))
    db, ws = get_db(), workspaces.current_id()
    limit = model.shown(request.args)
    posts = model.published_posts(db, ws, limit=limit + 1)
    return render_template("facebook/feed.html", posts=posts[:limit], more=len(posts) > limit,
                           limit=limit,
                           comments=model.comments_by_post(db, ws, [p["id"] for p in posts]),
                           tasks_by_page=_tasks_by_page(db, ws))


@bp.get("/sok")
@login_required
def search():
    q = (request.args.get("q") or "").strip()
    db, ws = get_db(), workspaces.current_id()
    pages = db.execute("SELECT * FROM page WHERE workspace_id = ? AND name LIKE ? ORDER BY name",
                       (ws, f"%{q}%")).fetchall() if q else []
    return render_template("facebook/search.html", q=q, pages=pages)


def _tasks_by_page(db, ws) -> dict[int, set[str]]:
    me = personas.current()
    rows = db.execute("SELECT id FROM page WHERE workspace_id = ?", (ws,)).fetchall()
    return {r["id"]: roles.page_tasks(db, me["id"] if me else None, r["id"]) for r in rows}


def render_page(page, *, draft: Draft | None = None, status: int = 200, edit_post=None,
                edit_error: str | None = None):
    """The Page with its composer; a draft with errors re-opens the composer with its text."""
    db, ws = get_db(), workspaces.current_id()
    me = personas.current()
    tasks = roles.page_tasks(db, me["id"] if me else None, page["id"])
    limit = model.shown(request.args)
    posts = model.published_posts(db, ws, page["id"], limit=limit + 1)
    more, posts = len(posts) > limit, posts[:limit]
    scheduled = model.posts_with_status(db, ws, page["id"], "scheduled") if tasks else []
    return render_template(
        "facebook/page.html", page=page, posts=posts, tasks=tasks, feelings=FEELINGS,
        person_choices=PERSON_CHOICES,
        comments=model.comments_by_post(db, ws, [p["id"] for p in posts]),
        role=_role_name(db, me, page), draft=draft or Draft(), scheduled_count=len(scheduled),
        rules=PAGE_RULES, edit_post=edit_post, edit_error=edit_error,
        tasks_by_page={page["id"]: tasks}, more=more, limit=limit,
    ), status


def _role_name(db, me, page) -> str | None:
    if me is None:
        return None
    row = db.execute("SELECT role FROM page_role WHERE persona_id = ? AND page_id = ?",
                     (me["id"], page["id"])).fetchone()
    return row["role"] if row else None


@bp.get("/<slug>/")
@login_required
def page(slug: str):
    return render_page(model.page_by_slug(get_db(), workspaces.current_id(), slug))


@bp.get("/<slug>/statistik")
@login_required
def stats(slug: str):
    db, ws = get_db(), workspaces.current_id()
    page = model.page_by_slug(db, ws, slug)
    me = personas.current()
    if not roles.can(db, me["id"], page["id"], "statistik"):
        abort(403, description="Din roll på sidan ger inte tillgång till statistik.")
    now = g.now
    local_today = clock.local(now).date()
    published = model.published_posts(db, ws, page["id"])
    week_ago = clock.iso(now - timedelta(days=7))
    today = [p for p in published if clock.local(p["publish_at"]).date() == local_today]
    this_week = [p for p in published if p["publish_at"] >= week_ago]
    publishers = roles.publishers(db, page["id"])
    return render_template(
        "facebook/stats.html", page=page, role=_role_name(db, me, page),
        tasks=roles.page_tasks(db, me["id"], page["id"]),
        today=len(today), week=len(this_week), total=len(published),
        unanswered=_unanswered(db, ws, page["id"], now), publishers=publishers,
        findings=review("page", context=coach.for_page(db, ws, page, now, publishers)),
    )


def _unanswered(db, ws, page_id, now) -> list[dict]:
    """Top-level citizen comments with no answer from the Page, oldest first."""
    rows = db.execute(
        "SELECT comment.*, post.text AS post_text FROM comment JOIN post ON post.id = comment.post_id"
        " WHERE comment.workspace_id = ? AND post.page_id = ? AND comment.parent_id IS NULL"
        " AND comment.as_page = 0 AND comment.deleted_at IS NULL AND comment.hidden_at IS NULL"
        " AND post.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM comment r WHERE"
        " r.parent_id = comment.id AND r.as_page = 1 AND r.deleted_at IS NULL)"
        " ORDER BY comment.created_at", (ws, page_id),
    ).fetchall()
    out = []
    for r in rows:
        age = now - clock.parse(r["created_at"])
        question = "?" in r["text"]  # a question waits for an answer; a thank-you does not
        out.append(dict(r) | {"question": question,
                              "overdue": question and age > timedelta(hours=24)})
    return out
