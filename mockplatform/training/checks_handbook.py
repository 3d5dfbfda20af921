"""Checks for the handbook's judgement rules: a comment registered as allmän handling,
criticism answered and left standing, an old post removed, two who can publish, a new account
planned, an inactive account closed, a photo of a child published with the guardian's consent,
a link posted with a word of why."""

from __future__ import annotations

from .. import clock, roles
from ..rules import review
from ..rules.coach import persona as persona_context
from . import intent
from .checks import DONE, Verdict, check
from .checks_facebook import comment_answered


def _page(ctx, slug: str):
    return ctx.db.execute("SELECT * FROM page WHERE workspace_id = ? AND slug = ?", (ctx.ws, slug)).fetchone()


def _new_published(ctx, page) -> list:
    return ctx.db.execute(
        "SELECT * FROM post WHERE workspace_id = ? AND page_id = ? AND deleted_at IS NULL"
        " AND status = 'published' AND created_at >= ? ORDER BY id",
        (ctx.ws, page["id"] if page else None, clock.iso(ctx.since))).fetchall()


@check("comment_registered", required=("comment",), optional=("private_contact",),
       objects={"comment": "comment"})
def comment_registered(ctx, params):
    """Registered as allmän handling in Östhammar Direkt's diarium; ``private_contact``: and the
    person is answered in a private channel."""
    comment = ctx.row(params["comment"])
    if comment is None:
        return Verdict(False, "Kommentaren finns inte i övningen.")
    entry = ctx.db.execute("SELECT * FROM diary_entry WHERE comment_id = ?", (comment["id"],)).fetchone()
    if entry is None:
        return Verdict(False, f"Kommentaren från {comment['author_name']} är inte registrerad i diariet.")
    if params.get("private_contact") and not entry["private_contact"]:
        return Verdict(False, "Ärendet är registrerat, men personen ska kontaktas i en privat kanal.")
    return DONE


@check("criticism_answered", required=("comment",), optional=("signed", "within_hours"),
       objects={"comment": "comment"})
def criticism_answered(ctx, params):
    """Answered – and left standing: criticism is neither hidden nor deleted (yttrandefrihet)."""
    comment = ctx.row(params["comment"])
    if comment is not None and comment["hidden_at"] and not comment["deleted_at"]:
        return Verdict(False, f"Kritiken från {comment['author_name']} är dold. Var och en har rätt att "
                              "ge uttryck för negativa synpunkter – låt den synas och svara.")
    return comment_answered(ctx, params)


@check("post_deleted", required=("post",), objects={"post": "post"})
def post_deleted(ctx, params):
    """Removed (the mock asks for the screenshot routine first)."""
    post = ctx.row(params["post"])
    if post is None:
        return Verdict(False, "Inlägget finns inte i övningen.")
    if not post["deleted_at"]:
        return Verdict(False, "Inlägget finns kvar på sidan.")
    return DONE


@check("page_publishers", required=("page",), optional=("at_least",))
def page_publishers(ctx, params):
    """At least ``at_least`` (default two) people can publish on the Page."""
    page = _page(ctx, params["page"])
    wanted = int(params.get("at_least", 2))
    count = roles.publishers(ctx.db, page["id"]) if page else 0
    if count < wanted:
        return Verdict(False, f"{count} {'person' if count == 1 else 'personer'} kan publicera på "
                              f"{page['name'] if page else params['page']} – minst {wanted} behövs.")
    return DONE


@check("account_planned", optional=("about", "channel"))
def account_planned(ctx, params):
    """The planning questions answered and sent to the communications unit since the start;
    ``about``: the unit; ``channel``: Facebooksida, Instagramkonto …"""
    plans = ctx.db.execute("SELECT * FROM account_plan WHERE workspace_id = ? AND created_at >= ?"
                           " AND mail_id IS NOT NULL", (ctx.ws, clock.iso(ctx.since))).fetchall()
    if params.get("about"):
        plans = [p for p in plans if intent.mentions(p["unit"], params["about"]) is not None]
    if not plans:
        return Verdict(False, "Ingen planering för kontot är skickad till marknad- och "
                              "kommunikationsenheten ännu.")
    if params.get("channel") and not any(p["channel"] == params["channel"] for p in plans):
        return Verdict(False, f"Planeringen gäller en annan kanal än {params['channel']}.")
    return DONE


@check("ig_account_closed", required=("account",))
def ig_account_closed(ctx, params):
    """The Instagram account is closed, and the communications unit was told."""
    row = ctx.db.execute(
        "SELECT account_closure.* FROM account_closure JOIN ig_account ON ig_account.id ="
        " account_closure.ig_account_id WHERE ig_account.workspace_id = ? AND ig_account.username = ?",
        (ctx.ws, params["account"])).fetchone()
    if row is None:
        return Verdict(False, f"Kontot @{params['account']} är inte avslutat ännu.")
    if row["mail_id"] is None:
        return Verdict(False, "Kontot är stängt, men marknad- och kommunikationsenheten har inte fått veta.")
    return DONE


def _shows_person(ctx, post_id: int) -> str | None:
    for verb in ("post.published", "post.scheduled"):
        for a in ctx.actions(verb, post_id):
            if a["detail"].get("shows_person"):
                return a["detail"]["shows_person"]
    return None


@check("photo_published", required=("page",), optional=("about", "shows_person", "avoid"))
def photo_published(ctx, params):
    """A post with a photo, published since the start, about ``about``; ``shows_person``: the
    answer given about the people in it (a child's post is only published with the guardian's
    consent); ``avoid``: names that must not be in the text (the children's)."""
    page = _page(ctx, params["page"])
    posts = [p for p in _new_published(ctx, page) if p["media_id"]
             and intent.mentions(p["text"], params.get("about")) is not None]
    if not posts:
        return Verdict(False, "Det finns inget nytt inlägg med bild om det uppgiften gäller ännu.")
    if params.get("shows_person"):
        posts = [p for p in posts if _shows_person(ctx, p["id"]) == params["shows_person"]]
        if not posts:
            return Verdict(False, "Inlägget finns, men frågan om vem bilden visar är fel besvarad.")
    avoid = [str(n) for n in (params.get("avoid") or [])]
    clean = [p for p in posts if not any(intent.names(p["text"], n) for n in avoid)]
    if not clean:
        named = sorted({n for n in avoid for p in posts if intent.names(p["text"], n)})
        return Verdict(False, f"Inlägget nämner barnens namn ({', '.join(named)}). Skriv inga namn på barn.")
    return DONE


@check("link_post_published", required=("page",), optional=("about",))
def link_post_published(ctx, params):
    """A post with a link, published since the start, that says why to click (tip 6) – and
    links instead of copying: no copied picture uploaded with it."""
    page = _page(ctx, params["page"])
    posts = [p for p in _new_published(ctx, page) if p["link_url"]
             and intent.mentions(p["text"], params.get("about")) is not None]
    if not posts:
        return Verdict(False, "Det finns inget nytt inlägg med en länk om det uppgiften gäller ännu.")
    posts = [p for p in posts if not any(
        f.rule_id == "lank-med-varfor"
        for f in review("post", p["text"], {"persona": persona_context(ctx.persona(p["author_id"]))}))]
    if not posts:
        return Verdict(False, "Inlägget har bara länken – berätta varför följarna ska klicka.")
    if all(p["media_id"] for p in posts):
        return Verdict(False, "Inlägget har en uppladdad bild. Länka till originalet i stället för att "
                              "kopiera.")
    return DONE
