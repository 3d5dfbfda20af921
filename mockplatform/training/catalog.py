"""The scenarios of this app (read once per change of the folder) and what a running one looks
like for the current request."""

from __future__ import annotations

import functools
import time
from pathlib import Path

from flask import current_app, g, has_app_context

from ..db import get_db
from . import progress
from .scenarios import Scenario, default_dir, load_all


def folder() -> Path:
    configured = current_app.config.get("SCENARIOS_DIR") if has_app_context() else None
    return Path(configured or default_dir())


@functools.cache
def _load(path: str, stamp: tuple) -> dict[str, Scenario]:
    return load_all(path)


RECHECK = 2.0  # seconds: how often the folder is looked at again for changed files
_seen: dict[str, tuple[float, tuple]] = {}


def scenarios() -> dict[str, Scenario]:
    """Every scenario; a changed file is read again within RECHECK seconds. (Listing the folder
    on every request cost more than the coach's whole poll.)"""
    path = str(folder())
    now = time.monotonic()
    checked, stamp = _seen.get(path, (-RECHECK, ()))
    if now - checked >= RECHECK:
        stamp = tuple((f.name, f.stat().st_mtime_ns) for f in sorted(Path(path).glob("*.yaml")))
        _seen[path] = (now, stamp)
    return _load(path, stamp)


def get(scenario_id: str) -> Scenario | None:
    return scenarios().get(scenario_id)


def available(scenario: Scenario) -> bool:
    """Whether the platform pages the scenario needs exist in this app."""
    endpoints = set(current_app.view_functions)
    return all(e in endpoints for e in scenario.requires)


def current_progress() -> progress.Progress | None:
    """The running scenario of this request's workspace, checks evaluated (once per request)."""
    if "training_progress" not in g:
        g.training_progress = None
        if "workspace" in g:
            db, ws = get_db(), g.workspace["id"]
            run = progress.run_row(db, ws)
            scenario = get(run["scenario_id"]) if run else None
            if scenario:
                g.training_progress = progress.refresh(db, ws, scenario)
    return g.training_progress
