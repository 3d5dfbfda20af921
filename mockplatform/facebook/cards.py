"""Post cards (a post with its comments, as the Page and the news feed show it), rendered once
and kept while nothing they show has changed.

A trainee reloads the same Page again and again, and most of its posts are as they were; a
card with thirty comments and their moderation forms is most of the Page's work. A kept card
is used only when everything it is made from is the same: the post's row and every comment's
row (so an edit, a hidden or deleted comment, a new answer or a registered diary number makes
a new card), the viewer's tasks on the Page, the address it posts back to, the relative times
it shows ("15 min") and the template itself. The CSRF token, which changes with every request,
is put in when the card is used, never kept."""

from __future__ import annotations

import secrets

from flask import current_app, request
from markupsafe import Markup

from ..filters import sv_relative
from ..templating import csrf_token, remembered

TEMPLATE = "facebook/_post.html"
KEEP = 2000  # cards one application keeps (~8 KB each with their key) before it starts over
_TOKEN = f"csrf-{secrets.token_hex(16)}"  # nobody can type it into a post to have it replaced


def post_card(post, tasks, comments: dict) -> Markup:
    """The card for ``post``, shown to a viewer with ``tasks`` on its Page."""
    template = current_app.jinja_env.get_template(TEMPLATE)
    post_comments = comments.get(post["id"], [])
    key = (id(template), request.script_root, request.path, tuple(post), frozenset(tasks),
           tuple(tuple(c) for c in post_comments), sv_relative(post["publish_at"]),
           tuple(sv_relative(c["created_at"]) for c in post_comments))
    html = remembered("sandladan_cards", key, lambda: template.render(
        post=post, tasks=tasks, post_comments=post_comments, token=_TOKEN, here=request.path), KEEP)
    return Markup(html.replace(_TOKEN, csrf_token()))
