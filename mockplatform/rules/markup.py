"""The live coach beside a text box, as HTML for the templates (globals ``hints`` and ``attrs``):
the box names its hints area with ``data-rules-out`` and rules.js fills it. Python rather than
Jinja macros: a Page calls them for every post and comment, and a macro call costs ten times
as much."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..templating import url_for


def hints(out: str) -> Markup:
    """Where the hints for a box appear: read out politely as they change."""
    return Markup(f'<div class="rules-hints" id="{escape(out)}" role="status" aria-live="polite"'
                  ' aria-label="Tänk på"></div>')


def attrs(kind: str, out: str, page: str | None = None) -> Markup:
    """The attributes that make a text box ask the live coach (kind: post, reply or upload)."""
    out = escape(out)
    page_attr = f' data-rules-page="{escape(page)}"' if page else ""
    return Markup(f'data-rules-kind="{escape(kind)}" data-rules-out="{out}" data-rules-url="'
                  f'{escape(url_for("rules.live_review"))}"{page_attr} aria-describedby="{out}"')
