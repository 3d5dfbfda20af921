"""Completion checks: named predicates over the world as it is now, parameters from YAML.

``@check("name", required=..., optional=..., objects=...)`` registers ``fn(ctx, params) ->
Verdict``. A check reads the tables and the action log (how and when something happened),
never the page. ``objects`` names the parameters that are keys of the scenario's own objects
(``post: typo-post``), so a check is about that object and no other. A verdict that is not done
says why in plain Swedish, for the coach."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .. import clock
from ..rules.signature import is_signed
from . import intent
from .days import WEEKDAYS, next_weekday


@dataclass(frozen=True)
class Verdict:
    done: bool
    why: str = ""


DONE = Verdict(True)


@dataclass
class Context:
    """What a check may look at: the workspace, the scenario's start, its keyed objects and
    when its timeline entries arrived. ``memo`` holds what one evaluation has already read (the
    action log, personas), shared by every task's check and the mistakes of that evaluation, so
    a trainee's long history is read once per action, not once per post."""
    db: object
    ws: str
    since: datetime
    objects: dict[str, tuple[str, int]] = field(default_factory=dict)
    arrived: dict[str, datetime] = field(default_factory=dict)
    opened_at: datetime | None = None
    memo: dict = field(default_factory=dict)

    def row(self, key: str):
        kind, object_id = self.objects.get(key, (None, None))
        if kind is None:
            return None
        return self.db.execute(f"SELECT * FROM {kind} WHERE workspace_id = ? AND id = ?",  # noqa: S608
                               (self.ws, object_id)).fetchone()

    def persona(self, persona_id):
        key = ("persona", persona_id)
        if key not in self.memo:
            self.memo[key] = self.db.execute("SELECT * FROM persona WHERE workspace_id = ? AND id = ?",
                                             (self.ws, persona_id)).fetchone()
        return self.memo[key]

    def actions(self, verb: str, object_id: int | None = None) -> list[dict]:
        """What was done (``verb``) since the start, oldest first; to one object if given."""
        key = ("actions", verb)
        if key not in self.memo:
            rows = self.db.execute("SELECT * FROM action WHERE workspace_id = ? AND verb = ? AND at >= ?"
                                   " ORDER BY id", (self.ws, verb, clock.iso(self.since))).fetchall()
            log = [dict(r) | {"detail": json.loads(r["detail"] or "{}")} for r in rows]
            by_object: dict = {}
            for a in log:
                by_object.setdefault(a["object_id"], []).append(a)
            self.memo[key] = (log, by_object)
        log, by_object = self.memo[key]
        return list(log) if object_id is None else list(by_object.get(object_id, ()))


@dataclass(frozen=True)
class CheckDef:
    fn: Callable
    required: tuple[str, ...]
    optional: tuple[str, ...]
    objects: dict[str, str]


REGISTRY: dict[str, CheckDef] = {}


def check(name: str, required=(), optional=(), objects: dict[str, str] | None = None):
    def register(fn):
        REGISTRY[name] = CheckDef(fn, tuple(required), tuple(optional), dict(objects or {}))
        return fn

    return register


def validate_params(name: str, params: dict, known: dict[str, str] | None = None) -> str | None:
    spec = REGISTRY[name]
    if not isinstance(params, dict):
        return "parametrarna ska vara nyckel: värde."
    missing = [k for k in spec.required if k not in params]
    if missing:
        return f"parameter saknas: {', '.join(missing)}."
    unknown = [k for k in params if k not in spec.required + spec.optional]
    if unknown:
        return f"okänd parameter: {', '.join(unknown)} (kända: {', '.join(spec.required + spec.optional)})."
    if "weekday" in params and params["weekday"] not in WEEKDAYS:
        return f"weekday '{params['weekday']}' är ingen veckodag."
    for param, kind in spec.objects.items():
        if param in params and known is not None and known.get(params[param]) != kind:
            return f"{param}: '{params[param]}' är ingen nyckel för ett {kind} i scenariot."
    return intent.validate(params.get("about"))


def evaluate(ctx: Context, name: str, params: dict) -> Verdict:
    return REGISTRY[name].fn(ctx, params)


def deadline(ctx: Context, hours, arrived: datetime | None = None) -> datetime | None:
    """'Within N hours' counts from when the thing arrived, never before the start or the
    moment the task opened."""
    if hours is None:
        return None
    start = max(t for t in (ctx.since, arrived, ctx.opened_at) if t is not None)
    return start + timedelta(hours=float(hours))


def day_and_time(ctx: Context, params: dict) -> tuple[str | None, str | None]:
    if params.get("date"):
        day = str(params["date"])
    elif params.get("weekday"):
        day = next_weekday(params["weekday"], ctx.since).isoformat()
    else:
        day = None
    return day, params.get("time")


def at_time(when: str, day: str | None, hhmm: str | None) -> bool:
    local = clock.local(when)
    return (day is None or local.date().isoformat() == day) and (hhmm is None or f"{local:%H:%M}" == hhmm)


def signed_by_writer(ctx: Context, text: str, persona_id) -> bool:
    return is_signed(text, ctx.persona(persona_id))


# The checks themselves live by platform; importing them registers them.
from . import checks_accounts, checks_facebook, checks_handbook  # noqa: E402,F401
