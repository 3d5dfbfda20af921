"""The invite wizard: + Lägg till → e-mail and business access → Nästa → a role on each Page →
Bjud in. Each step is checked on the server; the invitation is created whole at Bjud in."""

from __future__ import annotations

import json
import secrets

from flask import flash, g, redirect, request, url_for

from .. import actions, clock, mail
from ..facebook.auth import login_required
from ..rules import coach
from ..workspaces import world_data
from . import access, bp, forms, model
from .views import render_people


def _domain() -> str:
    return world_data()["organisation"]["email_domain"]


@bp.post("/<slug>/installningar/personer/lagg-till")
@login_required
def invite_person(slug: str):
    """Step 1 → step 2 (or step 1 again with what was wrong)."""
    ctx = access.load_admin(slug, "lägga till personer")
    invite = forms.read_person(request.form, ctx.db, ctx.ws, ctx.business, _domain())
    if invite.errors:
        return render_people(ctx, person_id=ctx.me["id"], wizard={"step": 1, "invite": invite},
                             status=400)
    return render_people(ctx, person_id=ctx.me["id"], wizard={"step": 2, "invite": invite})


@bp.post("/<slug>/installningar/personer/bjud-in")
@login_required
def invite_send(slug: str):
    """Step 2: Bjud in (or Tillbaka to step 1). Everything is checked again here."""
    ctx = access.load_admin(slug, "bjuda in personer")
    invite = forms.read_person(request.form, ctx.db, ctx.ws, ctx.business, _domain())
    pages = model.pages(ctx.db, ctx.business["id"])
    invite.assignments, invite.checked, page_errors = forms.read_assignments(request.form, pages)
    if request.form.get("action") == "back" or invite.errors:
        return render_people(ctx, person_id=ctx.me["id"], wizard={"step": 1, "invite": invite},
                             status=400 if invite.errors else 200)
    if page_errors:
        invite.errors.update(page_errors)
        return render_people(ctx, person_id=ctx.me["id"], wizard={"step": 2, "invite": invite},
                             status=400)
    invitation_id = _create(ctx, invite, pages)
    ctx.db.commit()
    flash(f"Inbjudan till {invite.email} är skickad. Den visas som väntande tills personen "
          "har svarat.", "success")
    return redirect(url_for("business.invitation", slug=slug, invitation_id=invitation_id))


def _create(ctx, invite: forms.Invite, pages: list[dict]) -> int:
    """The invitation, its Pages and roles, the mail and the log entry: one transaction."""
    token = secrets.token_urlsafe(24)
    cur = ctx.db.execute(
        "INSERT INTO invitation (workspace_id, business_id, email, access, token, status,"
        " invited_by, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)",
        (ctx.ws, ctx.business["id"], invite.email, invite.access, token, ctx.me["id"],
         clock.iso(g.now)),
    )
    invitation_id = cur.lastrowid
    names = {p["id"]: p["name"] for p in pages}
    lines = []
    for page_id, a in sorted(invite.assignments.items()):
        ctx.db.execute("INSERT INTO invitation_page (invitation_id, page_id, role, tasks)"
                       " VALUES (?, ?, ?, ?)", (invitation_id, page_id, a["role"],
                                                json.dumps(a["tasks"])))
        lines.append(f"– {names[page_id]}: {a['role']}")
    body = (f"Hej!\n\n{ctx.me['name']} har bjudit in dig till {ctx.business['name']} i Business "
            f"Manager som {invite.access.lower()}.\n\n"
            + ("Du får tillgång till:\n" + "\n".join(lines) if lines else "Du får tillgång till företaget.")
            + "\n\nÖppna länken och logga in med ditt Facebookkonto för att gå med.")
    link = url_for("business.accept", token=token)
    mail.send(ctx.db, ctx.ws, invite.email,
              f"{ctx.me['name']} har bjudit in dig till {ctx.business['name']}", body, link,
              sender="Facebook Business Manager")
    actions.log("invitation.sent", platform="business", object_type="invitation",
                object_id=invitation_id, business_id=ctx.business["id"], email=invite.email,
                access=invite.access,
                pages=[{"page_id": pid, "role": a["role"], "tasks": a["tasks"]}
                       for pid, a in sorted(invite.assignments.items())])
    given = [(f"{ctx.business['name']} i Business Manager", invite.access)] + [
        (names[pid], a["role"]) for pid, a in sorted(invite.assignments.items())]
    coach.review_and_record("invite", "", {"roles": given}, platform="business",
                            object_type="invitation", object_id=invitation_id)
    return invitation_id
