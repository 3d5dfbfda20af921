"""The live coach's endpoint: POST /regler/granska with {kind, text, page} (JSON, CSRF token
in the X-CSRFToken header) → {"findings": [...]}. Nothing is saved or logged here: the
findings are recorded when the text is saved."""

from __future__ import annotations

from flask import g, jsonify, request

from .. import personas, workspaces
from ..db import get_db
from . import bp, coach, review

MAX_TEXT = 70000
LIVE_KINDS = ("post", "reply", "upload")


def _bad(message: str, status: int = 400):
    return jsonify(error=message, findings=[]), status


@bp.post("/regler/granska")
def live_review():
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return _bad("Skicka texten som JSON: {\"kind\": …, \"text\": …}.")
    kind, text, slug = data.get("kind"), data.get("text"), data.get("page")
    if kind not in LIVE_KINDS:
        return _bad(f"Okänd sorts text. Välj en av: {', '.join(LIVE_KINDS)}.")
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        return _bad("Texten saknas eller är för lång.")
    db, ws = get_db(), workspaces.current_id()
    me = personas.current()
    context = coach.base_context(me)
    if isinstance(slug, str) and slug:
        page = db.execute("SELECT * FROM page WHERE workspace_id = ? AND slug = ?",
                          (ws, slug)).fetchone()
        if page is None:
            return _bad("Sidan finns inte i din övningsmiljö.", 404)
        if kind == "post":
            context = coach.for_post(db, ws, page, me, g.now)
        elif kind == "reply":
            context = coach.for_reply(db, ws, page, me, g.now)
    if kind == "upload":
        context = {"org_domain": context["org_domain"]}  # a caption: the account is the sender
    findings = review(kind, text, context)
    return jsonify(findings=[f.as_json() for f in findings])
