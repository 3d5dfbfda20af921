"""Changing a person's access and Page roles, removing a person, withdrawing an invitation."""

from __future__ import annotations

import json

from flask import abort, flash, g, redirect, request, url_for

from .. import actions, clock, roles
from ..facebook.auth import login_required
from ..rules import coach
from . import access, bp, forms, model
from .views import render_people


@bp.post("/<slug>/installningar/personer/<int:persona_id>/behorighet")
@login_required
def change(slug: str, persona_id: int):
    ctx = access.load_admin(slug, "ändra behörigheter")
    bid = ctx.business["id"]
    person = model.member(ctx.db, ctx.ws, bid, persona_id)
    pages = model.pages(ctx.db, bid)
    new_access = request.form.get("access") or ""
    wanted, _checked, errors = forms.read_assignments(request.form, pages, checkboxes=False)
    if new_access not in model.ACCESS:
        errors["access"] = "Välj Medarbetare eller Administratör."
    before = model.page_roles(ctx.db, bid, persona_id)
    if not errors:
        errors.update(_rules_broken(ctx, person, pages, before, wanted, new_access))
    if errors:
        return render_people(ctx, person_id=persona_id, status=400,
                             change={"errors": errors, "access": new_access, "wanted": wanted})
    changes = _apply(ctx, persona_id, pages, before, wanted)
    if new_access != person["access"]:
        ctx.db.execute("UPDATE business_member SET access = ? WHERE business_id = ? AND persona_id = ?",
                       (new_access, bid, persona_id))
    if not changes and new_access == person["access"]:
        flash("Inget ändrades.", "info")
        return redirect(url_for("business.person", slug=slug, persona_id=persona_id))
    actions.log("member.role_changed", platform="business", object_type="persona",
                object_id=persona_id, business_id=bid, person=person["key"],
                access_before=person["access"], access_after=new_access, pages=changes)
    names = {p["id"]: p["name"] for p in pages}
    given = [(names[c["page_id"]], c["after"]) for c in changes if c["after"]]
    if new_access != person["access"]:
        given.insert(0, (f"{ctx.business['name']} i Business Manager", new_access))
    coach.review_and_record("invite", "", {"roles": given}, platform="business",
                            object_type="persona", object_id=persona_id)
    ctx.db.commit()
    flash(f"Behörigheterna för {person['name']} är sparade.", "success")
    _flag_too_few(ctx, pages, changed={c["page_id"] for c in changes})
    return redirect(url_for("business.person", slug=slug, persona_id=persona_id))


def _rules_broken(ctx, person, pages, before, wanted, new_access) -> dict[str, str]:
    errors = {}
    if (person["access"] == "Administratör" and new_access != "Administratör"
            and model.business_admins(ctx.db, ctx.business["id"]) < 2):
        errors["access"] = (f"{ctx.business['name']} måste ha minst en administratör i "
                            "Business Manager. Gör någon annan till administratör först.")
    for p in pages:
        was = before.get(p["id"], {}).get("role")
        now = wanted.get(p["id"], {}).get("role")
        if was == "Administratör" and now != "Administratör" and model.administrators(ctx.db, p["id"]) < 2:
            errors[f"role-{p['id']}"] = (f"{p['name']} måste ha minst en administratör. Ge någon "
                                         "annan rollen först.")
    return errors


def _apply(ctx, persona_id, pages, before, wanted) -> list[dict]:
    changes = []
    for p in pages:
        old, new = before.get(p["id"]), wanted.get(p["id"])
        if _same(old, new):
            continue
        if new:
            ctx.db.execute(
                "INSERT INTO page_role (workspace_id, page_id, persona_id, role, tasks)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (page_id, persona_id) DO UPDATE SET"
                " role = excluded.role, tasks = excluded.tasks",
                (ctx.ws, p["id"], persona_id, new["role"], json.dumps(new["tasks"])))
        else:
            ctx.db.execute("DELETE FROM page_role WHERE page_id = ? AND persona_id = ?",
                           (p["id"], persona_id))
        changes.append({"page_id": p["id"], "before": old["role"] if old else None,
                        "after": new["role"] if new else None,
                        "tasks": new["tasks"] if new else []})
    return changes


def _same(old, new) -> bool:
    if old is None or new is None:
        return old is new
    return old["role"] == new["role"] and (new["role"] != "Anpassad"
                                           or sorted(old["tasks"]) == new["tasks"])


def _flag_too_few(ctx, pages, changed: set[int]) -> None:
    """Flash every Page with too few publishers; record it as a finding where this change
    touched the Page (a Page that already had one publisher is not this change's doing)."""
    for p in pages:
        count = roles.publishers(ctx.db, p["id"])
        if p["id"] in changed:
            coach.record(coach.review("page", context={"publishers": count, "name": p["name"]}),
                         platform="business", object_type="page", object_id=p["id"], db=ctx.db)
        if count < model.MIN_PUBLISHERS:
            flash(f"{p['name']} har nu {count} person som kan publicera. Handboken: alla konton "
                  "ska ha minst två utsedda redaktörer.", "error")
    ctx.db.commit()


@bp.post("/<slug>/installningar/personer/<int:persona_id>/ta-bort")
@login_required
def remove(slug: str, persona_id: int):
    ctx = access.load_admin(slug, "ta bort personer")
    bid = ctx.business["id"]
    person = model.member(ctx.db, ctx.ws, bid, persona_id)
    if persona_id == ctx.me["id"]:
        abort(400, description="Du kan inte ta bort dig själv ur företaget.")
    pages = model.pages(ctx.db, bid)
    before = model.page_roles(ctx.db, bid, persona_id)
    errors = _rules_broken(ctx, person, pages, before, {}, "Medarbetare")
    if errors:
        abort(400, description=" ".join(errors.values()))
    for page_id in before:
        ctx.db.execute("DELETE FROM page_role WHERE page_id = ? AND persona_id = ?",
                       (page_id, persona_id))
    ctx.db.execute("DELETE FROM business_member WHERE business_id = ? AND persona_id = ?",
                   (bid, persona_id))
    actions.log("member.removed", platform="business", object_type="persona", object_id=persona_id,
                business_id=bid, person=person["key"], access=person["access"],
                pages=[{"page_id": pid, "role": r["role"]} for pid, r in sorted(before.items())])
    ctx.db.commit()
    flash(f"{person['name']} är borttagen ur {ctx.business['name']} och har inte längre någon "
          "roll på företagets sidor.", "success")
    _flag_too_few(ctx, pages, changed=set(before))
    return redirect(url_for("business.people", slug=slug))


@bp.post("/<slug>/installningar/inbjudningar/<int:invitation_id>/dra-tillbaka")
@login_required
def withdraw(slug: str, invitation_id: int):
    ctx = access.load_admin(slug, "dra tillbaka inbjudningar")
    inv = model.invitation(ctx.db, ctx.ws, ctx.business["id"], invitation_id)
    if inv["status"] != "pending":
        abort(409, description="Inbjudan väntar inte längre på svar och kan inte dras tillbaka.")
    ctx.db.execute("UPDATE invitation SET status = 'withdrawn', answered_at = ? WHERE id = ?",
                   (clock.iso(g.now), invitation_id))
    actions.log("invitation.withdrawn", platform="business", object_type="invitation",
                object_id=invitation_id, business_id=ctx.business["id"], email=inv["email"])
    ctx.db.commit()
    flash(f"Inbjudan till {inv['email']} är tillbakadragen. Länken i mejlet fungerar inte längre.",
          "success")
    return redirect(url_for("business.people", slug=slug))
