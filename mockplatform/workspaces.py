"""One isolated, seeded world per browser (a cookie holds a random workspace id).

GET requests without a known workspace get a fresh one; other requests are refused, so a
forged or stale id can never act on a world it does not own."""

from __future__ import annotations

import re
import secrets
import shutil
from datetime import timedelta
from pathlib import Path

from flask import abort, current_app, flash, g, request

from . import actions, clock, prune, security, world
from .db import get_db
from .seed import seed

COOKIE = "sandladan_ws"
_ID = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
# Endpoints that never need a world of their own.
_NO_WORKSPACE = {"static", "sandbox.health"}


def world_data() -> dict:
    return world.load(current_app.config.get("WORLD_FILE"))


def create(db, label: str | None = None, at=None) -> str:
    ws = secrets.token_urlsafe(18)
    now = clock.iso(clock.real_now())
    db.execute("INSERT INTO workspace (id, label, created_at, last_seen) VALUES (?, ?, ?, ?)",
               (ws, label, now, now))
    if at is not None:
        clock.set_time(db, ws, at, by="system")
    seed(db, ws, world_data(), clock.now(db, ws))
    db.commit()
    return ws


def get(db, workspace_id: str | None):
    if not workspace_id or not _ID.match(workspace_id):
        return None
    return db.execute("SELECT * FROM workspace WHERE id = ?", (workspace_id,)).fetchone()


_KEEP_ON_RESET: set[str] = {"workspace"}


def keep_on_reset(table: str) -> None:
    """A feature's table whose rows for a workspace survive 'Återställ' (e.g. class membership)."""
    _KEEP_ON_RESET.add(table)


def _world_tables(db) -> list[str]:
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return [n for n in names if n not in _KEEP_ON_RESET
            and any(c[1] == "workspace_id" for c in db.execute(f'PRAGMA table_info("{n}")'))]


def reset(db, workspace_id: str, at=None) -> None:
    """Back to the seeded world: same id (the browser keeps its cookie), fresh content,
    nobody logged in, sandbox time now (or ``at``: a scenario's start time)."""
    for table in _world_tables(db):
        db.execute(f'DELETE FROM "{table}" WHERE workspace_id = ?', (workspace_id,))
    db.execute("UPDATE workspace SET clock_offset = 0, clock_frozen = NULL, fb_persona_id = NULL"
               " WHERE id = ?", (workspace_id,))
    if at is not None:
        clock.set_time(db, workspace_id, at, by="system")
    _remove_media(workspace_id)
    seed(db, workspace_id, world_data(), clock.now(db, workspace_id))
    actions.log("workspace.reset", platform="sandbox", actor="system", db=db, ws=workspace_id)
    db.commit()


def _remove_media(workspace_id: str) -> None:
    folder = Path(current_app.config["MEDIA_DIR"]) / workspace_id
    shutil.rmtree(folder, ignore_errors=True)


TOUCH_EVERY = timedelta(minutes=10)


def _touch(db, row) -> None:
    """Remember that the world is in use (at most every ten minutes: a write per page is costly)."""
    now = clock.real_now()
    if not row["last_seen"] or row["last_seen"] < clock.iso(now - TOUCH_EVERY):
        db.execute("UPDATE workspace SET last_seen = ? WHERE id = ?", (clock.iso(now), row["id"]))


def current_id() -> str:
    return g.workspace["id"]


def load_workspace():
    if request.endpoint in _NO_WORKSPACE or request.endpoint is None:
        return
    db = get_db()
    token = request.cookies.get(COOKIE)
    row = get(db, token)
    if row is None:
        if request.method not in ("GET", "HEAD"):
            abort(400, description="Din övningsmiljö hittades inte. Ladda om sidan och försök igen.")
        if not security.new_world_allowed():
            abort(429, description="Det har skapats för många nya övningsmiljöer från din adress på kort "
                                   "tid. Vänta en stund och ladda sedan om sidan.")
        prune.maybe_prune(current_app, db)
        if token:
            flash("Din övningsmiljö fanns inte längre, så du har fått en ny.", "info")
        row = get(db, create(db))
        g.set_workspace_cookie = row["id"]
    else:
        _touch(db, row)
    g.workspace = row
    g.now = clock.tick(db, row["id"])
    db.commit()


def set_cookie(response):
    ws = g.pop("set_workspace_cookie", None)
    if ws:
        response.set_cookie(COOKIE, ws, max_age=60 * 60 * 24 * 180, httponly=True, samesite="Lax")
    return response


def init_app(app) -> None:
    app.before_request(load_workspace)
    app.after_request(set_cookie)
