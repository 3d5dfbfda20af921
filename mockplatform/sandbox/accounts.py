"""The practice accounts shown under 'Övningskonton' on the start page and login pages."""

from __future__ import annotations

from flask import g

from ..db import get_db
from ..workspaces import world_data


def practice_accounts(platform: str = "facebook") -> list[dict]:
    """Name, login and practice password of every account of a platform in this workspace.
    The passwords come from the world file; a password changed in practice is marked."""
    world = world_data()
    db, ws = get_db(), g.workspace["id"]
    if platform == "instagram":
        changed = {r["username"] for r in db.execute(
            "SELECT username FROM ig_account WHERE workspace_id = ? AND password_changed = 1",
            (ws,))}
        return [{"name": a["full_name"], "login": a["username"], "password": a["password"],
                 "changed": a["username"] in changed, "note": ""} for a in world["instagram"]]
    roles = _roles_by_persona(db, ws)
    changed = {r["key"] for r in db.execute(
        "SELECT key FROM persona WHERE workspace_id = ? AND password_changed = 1", (ws,))}
    return [{"name": p["name"], "login": p["email"], "password": p["password"],
             "changed": p["key"] in changed, "note": p.get("title", ""),
             "roles": roles.get(p["key"], [])} for p in world["personas"]]


def _roles_by_persona(db, ws) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in db.execute(
        "SELECT persona.key, page.name, page_role.role FROM page_role"
        " JOIN persona ON persona.id = page_role.persona_id"
        " JOIN page ON page.id = page_role.page_id WHERE page_role.workspace_id = ?"
        " ORDER BY page.id", (ws,)):
        out.setdefault(r["key"], []).append(f"{r['role']} på {r['name']}")
    return out
