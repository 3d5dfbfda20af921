"""Who is logged in on the personal Facebook account of this workspace."""

from __future__ import annotations

from flask import g
from werkzeug.security import check_password_hash

from .db import get_db


def current():
    """The logged-in persona row, or None. Cached on ``g``."""
    if "persona" not in g:
        pid = g.workspace["fb_persona_id"] if "workspace" in g else None
        g.persona = (
            get_db().execute("SELECT * FROM persona WHERE id = ?", (pid,)).fetchone()
            if pid else None
        )
    return g.persona


def authenticate(db, ws: str, email: str, password: str):
    row = db.execute(
        "SELECT * FROM persona WHERE workspace_id = ? AND lower(email) = lower(?)",
        (ws, (email or "").strip()),
    ).fetchone()
    if row and check_password_hash(row["password_hash"], password or ""):
        return row
    return None


def login(db, ws: str, persona_id: int | None) -> None:
    db.execute("UPDATE workspace SET fb_persona_id = ? WHERE id = ?", (persona_id, ws))
    g.pop("persona", None)


def by_key(db, ws: str, key: str):
    return db.execute("SELECT * FROM persona WHERE workspace_id = ? AND key = ?",
                      (ws, key)).fetchone()
