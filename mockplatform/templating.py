"""What keeps a page cheap to render when a class of 40 reloads it: the same URLs and the same
CSRF token are built once, not once per post and comment.

A Page with its comments asks for ~130 URLs and ~25 CSRF fields; Flask's ``url_for`` walks the
URL map each time. ``url_for`` here remembers what it built, keyed by everything the result
depends on (the application's mount point, the endpoint and its values), so an answer is exactly
what Flask's would be. External, anchored or method-bound URLs and blueprint-relative
endpoints (".x") are passed straight to Flask. (Sandlådan registers no ``url_defaults``, which
the key would not see; a test keeps it so.)"""

from __future__ import annotations

import sqlite3

import flask
from flask import current_app, g, request
from flask.templating import Environment as FlaskEnvironment
from flask_wtf.csrf import generate_csrf

_PASS_THROUGH = frozenset(("_external", "_anchor", "_method", "_scheme"))


URLS_KEPT = 16384  # URLs an application remembers before it starts over


def remembered(store: str, key, make, keep: int):
    """What ``make()`` gives for ``key``, made once per application (``app.extensions[store]``)
    and forgotten all at once when ``keep`` answers are kept. A key that cannot be a dict key
    (a list among the values) is made every time."""
    kept = current_app.extensions.setdefault(store, {})
    try:
        return kept[key]
    except KeyError:
        pass
    except TypeError:
        return make()
    if len(kept) >= keep:
        kept.clear()
    value = kept[key] = make()
    return value


def url_for(endpoint: str, **values) -> str:
    if endpoint[:1] == "." or not _PASS_THROUGH.isdisjoint(values):
        return flask.url_for(endpoint, **values)
    # Each application its own memory (its URL map); the caller's order makes the same key each time.
    return remembered("sandladan_urls", (request.script_root, endpoint, *values.items()),
                      lambda: flask.url_for(endpoint, **values), URLS_KEPT)


def csrf_token() -> str:
    """The request's CSRF token; Flask-WTF makes it the first time, the rest reuse it. (Flask-WTF
    keeps it in ``g`` too, but reads its configuration twice before it looks there.)"""
    token = g.get("_csrf_token_field")
    if token is None:
        token = g._csrf_token_field = generate_csrf()
    return token


class Environment(FlaskEnvironment):
    """``post.text`` on a database row: Jinja first tries the attribute, which a row does not
    have, and only then the column; the failed attribute costs ten times the lookup, some 600
    times a Page. A row's columns are looked up first; anything else as Jinja does."""

    def getattr(self, obj, attribute):
        if type(obj) is sqlite3.Row:
            try:
                return obj[attribute]
            except IndexError:  # not a column: a method such as keys()
                pass
        return super().getattr(obj, attribute)


def init_app(app) -> None:
    """After Flask-WTF's own set-up (it offers ``csrf_token`` as a global and, again, from a
    context processor; the later processor wins)."""
    app.jinja_env.globals["url_for"] = url_for
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.context_processor(lambda: {"csrf_token": csrf_token})
