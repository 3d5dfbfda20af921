"""Entering Business Manager, its start page and Företagsinställningar (Personer, Sidor)."""

from __future__ import annotations

from flask import abort, redirect, render_template, url_for

from .. import personas, roles, workspaces
from ..db import get_db
from ..facebook.auth import login_required
from ..workspaces import world_data
from . import access, bp, forms, model


@bp.context_processor
def business_context():
    return {"role_help": roles.ROLE_HELP, "task_names": roles.TASKS, "access_help": model.ACCESS,
            "admin_warning": forms.ADMIN_WARNING, "min_publishers": model.MIN_PUBLISHERS}


@bp.get("/")
@login_required
def index():
    db, ws, me = get_db(), workspaces.current_id(), personas.current()
    invites = db.execute(
        "SELECT invitation.*, business.name AS business_name FROM invitation JOIN business"
        " ON business.id = invitation.business_id WHERE invitation.workspace_id = ?"
        " AND lower(invitation.email) = lower(?) AND invitation.status = 'pending'"
        " ORDER BY invitation.id DESC", (ws, me["email"]),
    ).fetchall()
    return render_template("business/index.html", businesses=model.businesses_of(db, me["id"]),
                           invites=invites)


@bp.get("/<slug>/")
@login_required
def home(slug: str):
    ctx = access.load(slug)
    return render_template("business/home.html", **_common(ctx),
                           pages=model.pages(ctx.db, ctx.business["id"]),
                           people=model.members(ctx.db, ctx.business["id"]),
                           pending=model.invitations(ctx.db, ctx.business["id"]))


@bp.get("/<slug>/installningar/")
@login_required
def settings(slug: str):
    access.load(slug)
    return redirect(url_for("business.people", slug=slug))


@bp.get("/<slug>/installningar/personer")
@login_required
def people(slug: str):
    ctx = access.load(slug)
    return render_people(ctx, person_id=ctx.me["id"])


@bp.get("/<slug>/installningar/personer/<int:persona_id>")
@login_required
def person(slug: str, persona_id: int):
    ctx = access.load(slug)
    model.member(ctx.db, ctx.ws, ctx.business["id"], persona_id)
    return render_people(ctx, person_id=persona_id)


@bp.get("/<slug>/installningar/inbjudningar/<int:invitation_id>")
@login_required
def invitation(slug: str, invitation_id: int):
    ctx = access.load(slug)
    return render_people(ctx, invitation_id=invitation_id)


@bp.get("/<slug>/installningar/sidor")
@bp.get("/<slug>/installningar/sidor/<int:page_id>")
@login_required
def pages(slug: str, page_id: int | None = None):
    ctx = access.load(slug)
    all_pages = model.pages(ctx.db, ctx.business["id"])
    if page_id is None and all_pages:
        page_id = all_pages[0]["id"]
    selected = next((p for p in all_pages if p["id"] == page_id), None)
    if page_id is not None and selected is None:
        abort(404, description="Sidan finns inte i företaget.")
    return render_template("business/pages.html", **_common(ctx), pages=all_pages,
                           selected=selected,
                           people=model.people_on_page(ctx.db, page_id) if selected else [])


def _common(ctx) -> dict:
    return {"business": ctx.business, "member": ctx.member, "is_admin": ctx.is_admin,
            "my_bm_businesses": model.businesses_of(ctx.db, ctx.me["id"]),
            "bm_pages": model.pages(ctx.db, ctx.business["id"])}


def render_people(ctx, *, person_id: int | None = None, invitation_id: int | None = None,
                  wizard: dict | None = None, change: dict | None = None, status: int = 200):
    """Personer: the list of people and invitations, the selected one's details, and the
    invite wizard (open when ``wizard`` holds a step to show)."""
    bid = ctx.business["id"]
    people = model.members(ctx.db, bid)
    selected = selected_invitation = None
    if invitation_id is not None:
        selected_invitation = model.invitation(ctx.db, ctx.ws, bid, invitation_id)
    elif person_id is not None:
        selected = next((p for p in people if p["id"] == person_id), None)
    if selected:
        selected = selected | {"roles": model.page_roles(ctx.db, bid, selected["id"])}
    return render_template(
        "business/people.html", **_common(ctx), people=people, selected=selected,
        selected_invitation=selected_invitation, pending=model.invitations(ctx.db, bid),
        wizard=wizard, change=change or {}, roles=list(roles.ROLE_TASKS),
        domain=world_data()["organisation"]["email_domain"],
    ), status
