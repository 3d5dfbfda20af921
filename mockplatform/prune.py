"""Removing idle worlds: every cookie-less visit creates a seeded world, and nobody deletes
theirs, so a world nobody has used for WORKSPACE_IDLE_DAYS days is removed (rows cascade, files
too). A class member's world stays while anyone in the class is still active."""

from __future__ import annotations

import shutil
import time
from datetime import timedelta
from pathlib import Path

from . import clock

CHECK_EVERY = 3600  # seconds between automatic prunes in a running server

_IDLE = """
SELECT w.id FROM workspace w
WHERE coalesce(w.last_seen, w.created_at) < :cutoff
  AND NOT EXISTS (
    SELECT 1 FROM training_member m
    JOIN training_member mate ON mate.class_id = m.class_id
    JOIN workspace mw ON mw.id = mate.workspace_id
    WHERE m.workspace_id = w.id AND coalesce(mw.last_seen, mw.created_at) >= :cutoff)
"""


def idle(db, days: float, now=None) -> list[str]:
    cutoff = clock.iso((now or clock.real_now()) - timedelta(days=days))
    return [r[0] for r in db.execute(_IDLE, {"cutoff": cutoff})]


def prune(db, media_dir: str, days: float, now=None) -> list[str]:
    """Remove the idle worlds; returns their ids."""
    ids = idle(db, days, now)
    for ws in ids:
        db.execute("DELETE FROM workspace WHERE id = ?", (ws,))
    # Classes whose every member is gone are empty shells: keep them (the trainer's list),
    # their results went with the worlds.
    db.commit()
    for ws in ids:
        shutil.rmtree(Path(media_dir) / ws, ignore_errors=True)
    return ids


def maybe_prune(app, db) -> None:
    """At most once an hour, from a request: a server that runs for weeks stays small."""
    state = app.extensions.setdefault("sandladan_prune", {"at": 0.0})
    days = app.config.get("WORKSPACE_IDLE_DAYS")
    if not days or time.monotonic() - state["at"] < CHECK_EVERY:
        return
    state["at"] = time.monotonic()
    removed = prune(db, app.config["MEDIA_DIR"], float(days))
    if removed:
        app.logger.info("Tog bort %d oanvända övningsmiljöer (äldre än %s dagar).", len(removed), days)
