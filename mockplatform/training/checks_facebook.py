"""Facebook checks: the Page's posts and the answers to citizens' comments."""

from __future__ import annotations

from .. import clock
from . import intent
from .checks import DONE, Verdict, at_time, check, day_and_time, deadline, signed_by_writer


def _page(ctx, slug: str):
    return ctx.db.execute("SELECT * FROM page WHERE workspace_id = ? AND slug = ?", (ctx.ws, slug)).fetchone()


def _new_posts(ctx, page, statuses: tuple[str, ...]) -> list:
    """Posts the trainee wrote on the Page since the scenario started (seeded ones are older)."""
    marks = ",".join("?" * len(statuses))
    return ctx.db.execute(
        f"SELECT * FROM post WHERE workspace_id = ? AND page_id = ? AND deleted_at IS NULL"  # noqa: S608
        f" AND created_at >= ? AND status IN ({marks}) ORDER BY id",
        (ctx.ws, page["id"] if page else None, clock.iso(ctx.since), *statuses)).fetchall()


def _published_by_schedule(ctx, post) -> bool:
    """Provenance: the clock published it at its time (not 'Publicera nu' by hand)."""
    return any(a["actor"] == "system" and a["detail"].get("scheduled")
               for a in ctx.actions("post.published", post["id"]))


def _about(params) -> str:
    words = intent.terms(params.get("about"))
    return f" om {words[0]}" if words else ""


@check("fb_logged_in", required=("persona",))
def fb_logged_in(ctx, params):
    row = ctx.db.execute("SELECT persona.key FROM workspace JOIN persona ON persona.id ="
                         " workspace.fb_persona_id WHERE workspace.id = ?", (ctx.ws,)).fetchone()
    if row and row["key"] == params["persona"]:
        return DONE
    return Verdict(False, "Du är inte inloggad på Facebook med rätt konto ännu.")


@check("post_published", required=("page",),
       optional=("about", "signed", "by_schedule", "weekday", "date", "time"))
def post_published(ctx, params):
    """A post on the Page, written since the start, about the task's subject, published now;
    ``by_schedule``: published by the schedule at its time (with ``weekday``/``date``/``time``)."""
    page = _page(ctx, params["page"])
    name = page["name"] if page else params["page"]
    posts = [p for p in _new_posts(ctx, page, ("published",))
             if intent.mentions(p["text"], params.get("about")) is not None]
    if not posts:
        scheduled = [p for p in _new_posts(ctx, page, ("scheduled",))
                     if intent.mentions(p["text"], params.get("about")) is not None]
        if scheduled:
            return Verdict(False, "Inlägget är schemalagt men inte publicerat ännu.")
        return Verdict(False, f"Det finns inget nytt publicerat inlägg{_about(params)} på {name} ännu.")
    if params.get("signed"):
        posts = [p for p in posts if signed_by_writer(ctx, p["text"], p["author_id"])]
        if not posts:
            return Verdict(False, "Inlägget finns, men avsändaren saknas (namn och roll).")
    if params.get("by_schedule"):
        day, hhmm = day_and_time(ctx, params)
        timely = [p for p in posts if _published_by_schedule(ctx, p)]
        if not timely:
            return Verdict(False, "Inlägget publicerades direkt – det skulle publiceras av schemat.")
        if not any(at_time(p["publish_at"], day, hhmm) for p in timely):
            return Verdict(False, "Inlägget publicerades av schemat, men inte på den tid uppgiften sa.")
    return DONE


@check("post_scheduled", required=("page", "time"), optional=("about", "weekday", "date", "signed"))
def post_scheduled(ctx, params):
    """A post scheduled for the day and time (or already published by that schedule).
    ``weekday`` means the first such day after the scenario's start."""
    page = _page(ctx, params["page"])
    day, hhmm = day_and_time(ctx, params)
    posts = [p for p in _new_posts(ctx, page, ("scheduled", "published"))
             if p["status"] == "scheduled" or _published_by_schedule(ctx, p)]
    if not posts:
        return Verdict(False, "Det finns inget schemalagt inlägg ännu.")
    posts = [p for p in posts if intent.mentions(p["text"], params.get("about")) is not None]
    if not posts:
        return Verdict(False, f"Det schemalagda inlägget handlar inte{_about(params)}.")
    if not any(at_time(p["publish_at"], day, hhmm) for p in posts):
        return Verdict(False, "Inlägget är schemalagt, men på fel dag eller tid.")
    if params.get("signed") and not any(signed_by_writer(ctx, p["text"], p["author_id"]) for p in posts
                                        if at_time(p["publish_at"], day, hhmm)):
        return Verdict(False, "Inlägget är schemalagt, men avsändaren saknas.")
    return DONE


@check("post_edited", required=("post", "contains_after"), optional=("contains_before", "image_unchanged"),
       objects={"post": "post"})
def post_edited(ctx, params):
    """The scenario's own post, edited in place (not deleted and written again): the old words
    gone, the new ones there; ``image_unchanged``: its image still there."""
    post = ctx.row(params["post"])
    if post is None or post["deleted_at"]:
        return Verdict(False, "Inlägget är borttaget – det skulle redigeras, inte tas bort.")
    if params.get("contains_before") and intent.has_word(post["text"], params["contains_before"]):
        return Verdict(False, f"Inlägget innehåller fortfarande ”{params['contains_before']}”.")
    if not intent.has_word(post["text"], params["contains_after"]):
        return Verdict(False, f"Inlägget säger inte ”{params['contains_after']}” ännu.")
    if not post["edited_at"]:
        return Verdict(False, "Inlägget är inte redigerat ännu.")
    if params.get("image_unchanged") and not (post["image"] or post["media_id"]):
        return Verdict(False, "Bilden i inlägget saknas.")
    return DONE


def _answers(ctx, comment) -> list:
    """The Page's answers to a comment: replies to it, or comments on the same post after it
    that name the person."""
    rows = ctx.db.execute(
        "SELECT * FROM comment WHERE workspace_id = ? AND post_id = ? AND as_page = 1"
        " AND deleted_at IS NULL AND created_at >= ? AND (parent_id = ? OR parent_id IS NULL) ORDER BY id",
        (ctx.ws, comment["post_id"], comment["created_at"], comment["id"])).fetchall()
    return [r for r in rows
            if r["parent_id"] == comment["id"] or intent.names(r["text"], comment["author_name"])]


@check("comment_answered", required=("comment",), optional=("signed", "within_hours", "about"),
       objects={"comment": "comment"})
def comment_answered(ctx, params):
    """The Page answered this comment (a reply, or a comment naming the person); ``signed``: with
    the writer's name and role; ``within_hours``: counted from when the comment arrived (or the
    scenario started); ``about``: the answer mentions one of these."""
    comment = ctx.row(params["comment"])
    if comment is None or comment["deleted_at"]:
        return Verdict(False, "Kommentaren finns inte längre – den skulle besvaras.")
    answers = _answers(ctx, comment)
    who = comment["author_name"]
    if not answers:
        return Verdict(False, f"{who} har inte fått något svar ännu.")
    if params.get("about"):
        answers = [a for a in answers if intent.mentions(a["text"], params["about"]) is not None]
        if not answers:
            return Verdict(False, f"Svaret till {who} tar inte upp det frågan gäller.")
    if params.get("signed"):
        answers = [a for a in answers if signed_by_writer(ctx, a["text"], a["persona_id"])]
        if not answers:
            return Verdict(False, f"Svaret till {who} finns, men avsändaren saknas (namn och roll).")
    limit = deadline(ctx, params.get("within_hours"), clock.parse(comment["created_at"]))
    if limit is not None and not any(clock.parse(a["created_at"]) <= limit for a in answers):
        return Verdict(False, f"Svaret till {who} kom för sent (senast {clock.local(limit):%H:%M}).")
    return DONE


@check("comment_hidden", required=("comment",), objects={"comment": "comment"})
def comment_hidden(ctx, params):
    """Hidden, not deleted: hiding limits the spread and keeps it for the record."""
    comment = ctx.row(params["comment"])
    if comment is None or comment["deleted_at"]:
        return Verdict(False, "Kommentaren är borttagen – den skulle döljas, inte raderas.")
    if not comment["hidden_at"]:
        return Verdict(False, f"Kommentaren från {comment['author_name']} syns fortfarande.")
    return DONE


@check("comment_deleted", required=("comment",), objects={"comment": "comment"})
def comment_deleted(ctx, params):
    """Deleted through the screenshot routine (the mock asks for the screenshot first)."""
    comment = ctx.row(params["comment"])
    if comment is None:
        return Verdict(False, "Kommentaren finns inte i övningen.")
    if not comment["deleted_at"]:
        return Verdict(False, f"Kommentaren från {comment['author_name']} finns kvar.")
    return DONE
