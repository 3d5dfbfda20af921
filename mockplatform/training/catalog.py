"""The scenarios of this app (read once per change of the folder) and what a running one looks
like for the current request."""

from __future__ import annotations

import functools
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


def scenarios() -> dict[str, Scenario]:
    path = folder()
    stamp = tuple((f.name, f.stat().st_mtime_ns) for f in sorted(path.glob("*.yaml")))
    return _load(str(path), stamp)


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
