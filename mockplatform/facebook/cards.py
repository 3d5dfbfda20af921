"""Post cards (a post with its comments, as the Page and the news feed show it), rendered once
and kept while nothing they show has changed.

A trainee reloads the same Page again and again, and most of its posts are as they were; a
card with thirty comments and their moderation forms is most of the Page's work. A kept card
is used only when everything it is made from is the same: the post's row and every comment's
row (so an edit, a hidden or deleted comment, a new answer or a registered diary number makes
a new card), the viewer's tasks on the Page, the address it posts back to and the template
itself. What changes without the card changing is put in each time the card is used, never
kept: the request's CSRF token and the relative times ("Just nu", "15 min"), which move on
with the clock. A kept card is its HTML cut at those slots.

Each comment is kept the same way, inside its card: when an answer is added to a post with
thirty comments, only the answer and the card around the comments are rendered again."""

from __future__ import annotations

import secrets

from flask import current_app, request, url_for
from markupsafe import Markup, escape

from ..filters import sv_relative
from ..templating import csrf_token, remembered

TEMPLATE, COMMENT = "facebook/_post.html", "facebook/_comment.html"
KEEP = 2000  # cards one application keeps (~8 KB each with their key) before it starts over
KEEP_COMMENTS = 10000  # and comments (~2 KB each)
# Around a slot. Its "<" is escaped in everything a user writes ("&lt;"), so no post or comment
# can contain it, even from someone who knew the random part.
_MARK = f"<slot {secrets.token_hex(16)}>"
_CSRF = "csrf"
CSRF_SLOT = Markup(f"{_MARK}{_CSRF}{_MARK}")


def when(value) -> Markup:
    """The slot for how long ago ``value`` (a stored time) was: filled in when the card is used."""
    return Markup(f"{_MARK}{value}{_MARK}") if value else Markup("")


def _filled(parts: tuple[str, ...]) -> str:
    out = list(parts)
    for i in range(1, len(out), 2):
        out[i] = csrf_token() if out[i] == _CSRF else str(escape(sv_relative(out[i])))
    return "".join(out)


def post_card(post, tasks, comments: dict) -> Markup:
    """The card for ``post``, shown to a viewer with ``tasks`` on its Page."""
    template = current_app.jinja_env.get_template(TEMPLATE)
    post_comments = comments.get(post["id"], [])
    key = (id(template), request.script_root, request.path, tuple(post), frozenset(tasks),
           tuple(tuple(c) for c in post_comments))
    parts = remembered("sandladan_cards", key,
                       lambda: tuple(_render(template, post, tasks, post_comments).split(_MARK)), KEEP)
    return Markup(_filled(parts))


def _render(template, post, tasks, post_comments) -> str:
    here, slug, can_moderate = request.path, post["page_slug"], "moderera" in tasks
    reply_url = url_for("facebook.reply", slug=slug, post_id=post["id"]) if can_moderate else None

    def comment(c, is_reply: bool = False) -> Markup:
        return _comment(c, slug, can_moderate, is_reply, reply_url, here)

    return template.render(post=post, tasks=tasks, post_comments=post_comments, token=CSRF_SLOT,
                           when=when, here=here, reply_url=reply_url, comment=comment)


def _comment(c, slug, can_moderate, is_reply, reply_url, here) -> Markup:
    """One comment's HTML with its slots still in (its card fills them)."""
    template = current_app.jinja_env.get_template(COMMENT)
    key = (id(template), request.script_root, here, tuple(c), slug, can_moderate, is_reply, reply_url)
    return Markup(remembered("sandladan_comments", key, lambda: template.render(
        c=c, slug=slug, can_moderate=can_moderate, is_reply=is_reply, reply_url=reply_url,
        token=CSRF_SLOT, here=here, when=when), KEEP_COMMENTS))
