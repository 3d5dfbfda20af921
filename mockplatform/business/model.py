"""Queries of Business Manager, all scoped to one workspace: businesses, their Pages, people,
invitations, and the handbook's rule of at least two people who can publish on each Page."""

from __future__ import annotations

import json

from flask import abort

from .. import roles

MIN_PUBLISHERS = 2  # the handbook: "Alla konton ska ha minst två utsedda redaktörer"
ACCESS = {
    "Medarbetare": "Kan arbeta med de sidor och roller som en administratör ger personen.",
    "Administratör": "Har full kontroll över företaget: kan lägga till och ta bort personer, "
                     "ändra behörigheter och hantera alla sidor.",
}


def businesses_of(db, persona_id: int):
    return db.execute(
        "SELECT business.*, business_member.access FROM business JOIN business_member"
        " ON business_member.business_id = business.id WHERE business_member.persona_id = ?"
        " ORDER BY business.id", (persona_id,),
    ).fetchall()


def business_by_slug(db, ws: str, slug: str):
    row = db.execute("SELECT * FROM business WHERE workspace_id = ? AND slug = ?",
                     (ws, slug)).fetchone()
    if row is None:
        abort(404, description="Företaget finns inte i din övningsmiljö.")
    return row


def membership(db, business_id: int, persona_id: int):
    return db.execute("SELECT * FROM business_member WHERE business_id = ? AND persona_id = ?",
                      (business_id, persona_id)).fetchone()


def pages(db, business_id: int) -> list[dict]:
    """The business's Pages, each with how many people can publish and whether that is too few."""
    rows = db.execute(
        "SELECT page.* FROM page JOIN business_page ON business_page.page_id = page.id"
        " WHERE business_page.business_id = ? ORDER BY page.id", (business_id,),
    ).fetchall()
    out = []
    for r in rows:
        count = roles.publishers(db, r["id"])
        out.append(dict(r) | {"publishers": count, "too_few": count < MIN_PUBLISHERS})
    return out


def members(db, business_id: int) -> list[dict]:
    rows = db.execute(
        "SELECT persona.id, persona.key, persona.name, persona.title, persona.email,"
        " business_member.access FROM business_member JOIN persona"
        " ON persona.id = business_member.persona_id WHERE business_member.business_id = ?"
        " ORDER BY persona.name", (business_id,),
    ).fetchall()
    return [dict(r) for r in rows]


def member(db, ws: str, business_id: int, persona_id: int) -> dict:
    row = db.execute(
        "SELECT persona.id, persona.key, persona.name, persona.title, persona.email,"
        " business_member.access FROM business_member JOIN persona"
        " ON persona.id = business_member.persona_id WHERE business_member.business_id = ?"
        " AND persona.id = ? AND persona.workspace_id = ?", (business_id, persona_id, ws),
    ).fetchone()
    if row is None:
        abort(404, description="Personen finns inte i företaget.")
    return dict(row)


def page_roles(db, business_id: int, persona_id: int) -> dict[int, dict]:
    """page_id -> {role, tasks} for the person's roles on the business's Pages."""
    rows = db.execute(
        "SELECT page_role.page_id, page_role.role, page_role.tasks FROM page_role"
        " JOIN business_page ON business_page.page_id = page_role.page_id"
        " WHERE business_page.business_id = ? AND page_role.persona_id = ?",
        (business_id, persona_id),
    ).fetchall()
    return {r["page_id"]: {"role": r["role"], "tasks": sorted(roles.tasks_for(r["role"], r["tasks"]))}
            for r in rows}


def people_on_page(db, page_id: int) -> list[dict]:
    rows = db.execute(
        "SELECT persona.id, persona.name, page_role.role, page_role.tasks FROM page_role"
        " JOIN persona ON persona.id = page_role.persona_id WHERE page_role.page_id = ?"
        " ORDER BY persona.name", (page_id,),
    ).fetchall()
    return [dict(r) | {"publishes": "skapa_innehall" in roles.tasks_for(r["role"], r["tasks"])}
            for r in rows]


def invitations(db, business_id: int, status: str = "pending") -> list[dict]:
    rows = db.execute("SELECT * FROM invitation WHERE business_id = ? AND status = ?"
                      " ORDER BY id DESC", (business_id, status)).fetchall()
    return [dict(r) | {"pages": invitation_pages(db, r["id"])} for r in rows]


def invitation(db, ws: str, business_id: int, invitation_id: int) -> dict:
    row = db.execute("SELECT * FROM invitation WHERE workspace_id = ? AND business_id = ? AND id = ?",
                     (ws, business_id, invitation_id)).fetchone()
    if row is None:
        abort(404, description="Inbjudan finns inte.")
    return dict(row) | {"pages": invitation_pages(db, row["id"])}


def invitation_pages(db, invitation_id: int) -> list[dict]:
    rows = db.execute(
        "SELECT invitation_page.*, page.name AS page_name, page.slug AS page_slug"
        " FROM invitation_page JOIN page ON page.id = invitation_page.page_id"
        " WHERE invitation_id = ? ORDER BY page.id", (invitation_id,),
    ).fetchall()
    return [dict(r) | {"tasks": json.loads(r["tasks"] or "[]")} for r in rows]


def persona_by_email(db, ws: str, email: str):
    return db.execute("SELECT * FROM persona WHERE workspace_id = ? AND lower(email) = lower(?)",
                      (ws, email)).fetchone()


def administrators(db, page_id: int) -> int:
    return db.execute("SELECT count(*) FROM page_role WHERE page_id = ? AND role = 'Administratör'",
                      (page_id,)).fetchone()[0]


def business_admins(db, business_id: int) -> int:
    return db.execute("SELECT count(*) FROM business_member WHERE business_id = ?"
                      " AND access = 'Administratör'", (business_id,)).fetchone()[0]
