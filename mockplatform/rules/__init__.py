"""The handbook's rules, one module each, and the one way to ask them about a text:

    review(kind, text=..., context=...) -> list[Finding]

``kind`` is what is reviewed (``post``, ``reply``, ``upload``, ``invite``, ``account``,
``page``, ``delete``); each rule says which kinds it looks at. A finding is a hint, or a
refusal where the handbook says *must not* (the server then refuses with the handbook's
words). See ``base`` for the context keys."""

from __future__ import annotations

from flask import Blueprint

from . import (
    accounts,
    admin_role,
    bare_link,
    copy_paste,
    frequency,
    individual_case,
    notify,
    old_posts,
    personal_data,
    photo_consent,
    screenshot,
    sender,
    sensitive,
)
from .base import KINDS, Finding, Rule

RULES: dict[str, Rule] = {r.id: r for r in (
    personal_data.RULE, sensitive.RULE, sender.RULE, copy_paste.RULE, individual_case.RULE,
    photo_consent.RULE, bare_link.RULE, frequency.RULE, old_posts.RULE, screenshot.RULE,
    accounts.PAGE_RULES, accounts.INACTIVE, accounts.PUBLISHERS, admin_role.RULE, notify.RULE,
)}

bp = Blueprint("rules", __name__)

__all__ = ["KINDS", "RULES", "Finding", "Rule", "refusals", "review"]


def review(kind: str, text: str = "", context: dict | None = None) -> list[Finding]:
    if kind not in KINDS:
        raise ValueError(f"okänd sorts granskning: {kind}")
    context = dict(context or {}, kind=kind)
    found: list[Finding] = []
    for rule in RULES.values():
        if kind in rule.looks_at:
            found.extend(rule.review(text, context))
    return sorted(found, key=lambda f: f.severity != "refuse")


def refusals(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "refuse"]


from . import markup, views  # noqa: E402,F401

bp.add_app_template_global(markup.hints)
bp.add_app_template_global(markup.attrs)
