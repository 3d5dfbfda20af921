"""The action log: who did what, when (in sandbox time), per workspace. Scenarios' debriefs
and the trainer dashboard read it."""

from __future__ import annotations

import json

from flask import g, has_request_context

from . import clock
from .db import get_db


def log(verb: str, *, platform: str, actor: str | None = None, object_type: str | None = None,
        object_id: int | None = None, db=None, ws: str | None = None, at=None, **detail) -> None:
    """``at``: the sandbox time it happened, when not now (a timeline entry that was due earlier)."""
    db = db or get_db()
    ws = ws or g.workspace["id"]
    if actor is None and has_request_context():
        persona = g.get("persona")
        actor = persona["key"] if persona else None
    db.execute(
        "INSERT INTO action (workspace_id, at, real_at, actor, platform, verb, object_type,"
        " object_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (ws, clock.iso(at or clock.now(db, ws)), clock.iso(clock.real_now()), actor, platform, verb,
         object_type, object_id, json.dumps(detail, ensure_ascii=False)),
    )


def recent(db, ws: str, limit: int = 100, since_id: int = 0) -> list[dict]:
    rows = db.execute(
        "SELECT * FROM action WHERE workspace_id = ? AND id > ? ORDER BY id DESC LIMIT ?",
        (ws, since_id, limit),
    ).fetchall()
    return [dict(r) | {"detail": json.loads(r["detail"])} for r in rows]
