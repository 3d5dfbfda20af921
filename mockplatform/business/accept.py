"""The invitation mail's link: logged in on Facebook as the invited person, join the business.
Accepting writes business_member and page_role, so Facebook enforces the roles at once."""

from __future__ import annotations

import json

from flask import abort, flash, g, redirect, render_template, request, url_for

from .. import actions, clock, personas, workspaces
from ..db import get_db
from . import bp, model


def _load(token: str):
    db, ws = get_db(), workspaces.current_id()
    row = db.execute("SELECT invitation.*, business.name AS business_name, business.slug AS"
                     " business_slug FROM invitation JOIN business ON business.id ="
                     " invitation.business_id WHERE invitation.workspace_id = ? AND token = ?",
                     (ws, token)).fetchone()
    if row is None:
        abort(404, description="Inbjudan finns inte i din övningsmiljö. Kontrollera länken i mejlet.")
    inv = dict(row) | {"pages": model.invitation_pages(db, row["id"])}
    invitee = model.persona_by_email(db, ws, inv["email"])
    return db, ws, inv, invitee


def _problem(inv, invitee, me) -> str | None:
    """Why the logged-in person cannot accept (None: they can)."""
    if inv["status"] == "withdrawn":
        return "Inbjudan har dragits tillbaka av en administratör och kan inte längre användas."
    if inv["status"] == "accepted":
        return "Inbjudan är redan accepterad."
    if invitee is None:
        return (f"Det finns inget Facebookkonto för {inv['email']} i övningsvärlden, så ingen "
                "kan svara på den här inbjudan.")
    if me is None:
        return (f"Logga in på Facebook som {invitee['name']} ({invitee['email']}) för att svara "
                "på inbjudan.")
    if me["id"] != invitee["id"]:
        return (f"Du är inloggad som {me['name']}, men inbjudan gäller {invitee['name']} "
                f"({invitee['email']}). Logga in som {invitee['name']} för att svara.")
    return None


@bp.route("/inbjudan/<token>", methods=["GET", "POST"])
def accept(token: str):
    db, ws, inv, invitee = _load(token)
    me = personas.current()
    problem = _problem(inv, invitee, me)
    if request.method == "GET" or problem:
        status = 200 if request.method == "GET" else (409 if inv["status"] != "pending" else 403)
        return render_template("business/accept.html", inv=inv, invitee=invitee, me=me,
                               problem=problem, token=token), status
    _join(db, ws, inv, invitee)
    db.commit()
    flash(f"Välkommen till {inv['business_name']} i Business Manager! Dina roller på sidorna "
          "gäller från och med nu.", "success")
    return redirect(url_for("business.home", slug=inv["business_slug"]))


def _join(db, ws, inv, invitee) -> None:
    existing = model.membership(db, inv["business_id"], invitee["id"])
    if existing is None:
        db.execute("INSERT INTO business_member (business_id, persona_id, access) VALUES (?, ?, ?)",
                   (inv["business_id"], invitee["id"], inv["access"]))
    elif inv["access"] == "Administratör":
        db.execute("UPDATE business_member SET access = 'Administratör' WHERE id = ?",
                   (existing["id"],))
    for p in inv["pages"]:
        db.execute(
            "INSERT INTO page_role (workspace_id, page_id, persona_id, role, tasks)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (page_id, persona_id) DO UPDATE SET"
            " role = excluded.role, tasks = excluded.tasks",
            (ws, p["page_id"], invitee["id"], p["role"], json.dumps(p["tasks"])))
    db.execute("UPDATE invitation SET status = 'accepted', answered_at = ? WHERE id = ?",
               (clock.iso(g.now), inv["id"]))
    actions.log("invitation.accepted", platform="business", object_type="invitation",
                object_id=inv["id"], business_id=inv["business_id"], persona_id=invitee["id"],
                email=inv["email"], access=inv["access"],
                pages=[{"page_id": p["page_id"], "role": p["role"], "tasks": p["tasks"]}
                       for p in inv["pages"]])
