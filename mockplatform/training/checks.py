"""Completion checks: named predicates over a workspace's state, parameters from YAML.

``@check("name", required=..., optional=...)`` registers ``fn(db, ws, params, since) -> bool``;
``since`` is the sandbox time the scenario started. Checks read tables and the action log,
never the page."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from .. import clock
from ..dates import WEEKDAYS, next_weekday


@dataclass(frozen=True)
class CheckDef:
    fn: Callable
    required: tuple[str, ...]
    optional: tuple[str, ...]


REGISTRY: dict[str, CheckDef] = {}


def check(name: str, required: tuple[str, ...] = (), optional: tuple[str, ...] = ()):
    def register(fn):
        REGISTRY[name] = CheckDef(fn, required, optional)
        return fn

    return register


def validate_params(name: str, params: dict) -> str | None:
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
    return None


def run(db, ws: str, name: str, params: dict, since) -> bool:
    return bool(REGISTRY[name].fn(db, ws, params, since))


def _contains(text: str, needle: str | None) -> bool:
    return not needle or needle.lower() in (text or "").lower()


def _signed(db, ws: str, text: str, persona_id: int | None) -> bool:
    row = db.execute("SELECT signature FROM persona WHERE workspace_id = ? AND id = ?",
                     (ws, persona_id)).fetchone()
    return bool(row and row["signature"]) and row["signature"].split(",")[0].lower() in text.lower()


def _page_id(db, ws: str, slug: str) -> int | None:
    row = db.execute("SELECT id FROM page WHERE workspace_id = ? AND slug = ?", (ws, slug)).fetchone()
    return row["id"] if row else None


def _posts_since(db, ws: str, slug: str, since, condition: str) -> list:
    """Posts written on the Page since the scenario started (the seeded ones are older)."""
    return db.execute(
        "SELECT * FROM post WHERE workspace_id = ? AND page_id = ? AND deleted_at IS NULL"
        f" AND created_at >= ? AND {condition}", (ws, _page_id(db, ws, slug), clock.iso(since)),
    ).fetchall()


def actions_since(db, ws: str, since, verb: str | None = None) -> list[dict]:
    sql = "SELECT * FROM action WHERE workspace_id = ? AND at >= ?"
    args: list = [ws, clock.iso(since)]
    if verb:
        sql += " AND verb = ?"
        args.append(verb)
    rows = db.execute(sql + " ORDER BY id", args).fetchall()
    return [dict(r) | {"detail": json.loads(r["detail"] or "{}")} for r in rows]


@check("fb_logged_in", required=("persona",))
def fb_logged_in(db, ws, params, since):
    row = db.execute("SELECT persona.key FROM workspace JOIN persona ON persona.id ="
                     " workspace.fb_persona_id WHERE workspace.id = ?", (ws,)).fetchone()
    return bool(row) and row["key"] == params["persona"]


@check("post_published", required=("page",), optional=("contains", "signed", "scheduled"))
def post_published(db, ws, params, since):
    """A post published on the Page since the start; ``scheduled: true`` – one that was
    scheduled and has now been published by sandbox time."""
    for r in _posts_since(db, ws, params["page"], since, "status = 'published'"):
        if not _contains(r["text"], params.get("contains")):
            continue
        if params.get("signed") and not _signed(db, ws, r["text"], r["author_id"]):
            continue
        if params.get("scheduled") and r["publish_at"] <= r["created_at"]:
            continue
        return True
    return False


@check("post_scheduled", required=("page", "time"), optional=("contains", "weekday", "date"))
def post_scheduled(db, ws, params, since):
    """A post scheduled (or already published by the schedule) for the given day and time.
    ``weekday`` means the first such day after the scenario's start."""
    if params.get("date"):
        day = params["date"]
    elif params.get("weekday"):
        day = next_weekday(params["weekday"], since).isoformat()
    else:
        day = None
    for r in _posts_since(db, ws, params["page"], since,
                          "status IN ('scheduled', 'published') AND publish_at > created_at"):
        when = clock.local(r["publish_at"])
        if (day is None or when.date().isoformat() == day) and f"{when:%H:%M}" == params["time"] \
                and _contains(r["text"], params.get("contains")):
            return True
    return False


@check("post_edited", required=("contains_after",), optional=("contains_before", "image_unchanged"))
def post_edited(db, ws, params, since):
    """A published post edited in place (not deleted and written again); with
    ``image_unchanged`` its image is still there."""
    for act in actions_since(db, ws, since, "post.edited"):
        d = act["detail"]
        if not (_contains(d.get("after"), params["contains_after"])
                and _contains(d.get("before"), params.get("contains_before"))):
            continue
        post = db.execute("SELECT * FROM post WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL",
                          (ws, act["object_id"])).fetchone()
        if post is None or not _contains(post["text"], params["contains_after"]):
            continue
        if params.get("contains_before") and _contains(post["text"], params["contains_before"]):
            continue
        if params.get("image_unchanged") and not (post["image"] or post["media_id"]):
            continue
        return True
    return False


def _citizen_comment(db, ws, contains: str):
    return db.execute(
        "SELECT * FROM comment WHERE workspace_id = ? AND as_page = 0 AND text LIKE ? ORDER BY id",
        (ws, f"%{contains}%"),
    ).fetchall()


@check("comment_answered", required=("comment_contains",), optional=("signed", "within_hours"))
def comment_answered(db, ws, params, since):
    """The Page answered the citizen's comment; ``signed``: with the writer's signature;
    ``within_hours``: within that many hours of sandbox time from the scenario's start."""
    for c in _citizen_comment(db, ws, params["comment_contains"]):
        replies = db.execute(
            "SELECT * FROM comment WHERE workspace_id = ? AND parent_id = ? AND as_page = 1"
            " AND deleted_at IS NULL ORDER BY id", (ws, c["id"]),
        ).fetchall()
        for r in replies:
            if params.get("signed") and not _signed(db, ws, r["text"], r["persona_id"]):
                continue
            limit = params.get("within_hours")
            if limit is not None and clock.parse(r["created_at"]) > since + timedelta(hours=float(limit)):
                continue
            return True
    return False


@check("comment_hidden_not_deleted", required=("comment_contains",))
def comment_hidden_not_deleted(db, ws, params, since):
    rows = _citizen_comment(db, ws, params["comment_contains"])
    return any(r["hidden_at"] and not r["deleted_at"] for r in rows)


@check("comment_deleted", required=("comment_contains",))
def comment_deleted(db, ws, params, since):
    """Deleted (the mock asks for the screenshot to be saved first)."""
    return any(r["deleted_at"] for r in _citizen_comment(db, ws, params["comment_contains"]))


@check("invitation_sent", required=("email", "page", "role"), optional=("access",))
def invitation_sent(db, ws, params, since):
    """An invitation from Business Manager to ``email`` giving ``role`` on ``page`` (the slug)."""
    rows = db.execute(
        "SELECT invitation.access, invitation_page.role FROM invitation"
        " JOIN invitation_page ON invitation_page.invitation_id = invitation.id"
        " JOIN page ON page.id = invitation_page.page_id"
        " WHERE invitation.workspace_id = ? AND lower(invitation.email) = lower(?) AND page.slug = ?"
        " AND invitation.status != 'withdrawn'", (ws, params["email"], params["page"]),
    ).fetchall()
    return any(r["role"] == params["role"] and r["access"] == params.get("access", r["access"])
               for r in rows)


def _ig_sessions(db, ws) -> dict[str, int]:
    rows = db.execute("SELECT ig_account.username, ig_session.active FROM ig_session JOIN ig_account"
                      " ON ig_account.id = ig_session.account_id WHERE ig_session.workspace_id = ?",
                      (ws,)).fetchall()
    return {r["username"]: r["active"] for r in rows}


@check("ig_logged_in", required=("accounts",))
def ig_logged_in(db, ws, params, since):
    accounts = params["accounts"]
    return set([accounts] if isinstance(accounts, str) else accounts) <= set(_ig_sessions(db, ws))


@check("ig_active", required=("account",), optional=("switched",))
def ig_active(db, ws, params, since):
    """The account is the active one; ``switched``: and the trainee switched to it (not just
    logged in last)."""
    if not _ig_sessions(db, ws).get(params["account"]):
        return False
    if not params.get("switched"):
        return True
    return any(a["actor"] == params["account"] for a in actions_since(db, ws, since, "instagram.switched"))
