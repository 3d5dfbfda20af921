"""Ines: the list of active accounts and the planning form for a new account."""

from __future__ import annotations

import json

from flask import flash, g, redirect, render_template, request, url_for

from .. import actions, clock, mail, personas, roles, workspaces
from ..db import get_db
from ..facebook.auth import login_required
from ..workspaces import world_data
from . import bp, planning


def unit_address() -> str:
    org = world_data()["organisation"]
    return org.get("unit_email") or f"kommunikation@{org['email_domain']}"


def closed_accounts(db, ws: str) -> set[int]:
    return {r[0] for r in db.execute("SELECT ig_account_id FROM account_closure WHERE workspace_id = ?",
                                     (ws,))}


@bp.get("/")
@login_required
def accounts():
    db, ws = get_db(), workspaces.current_id()
    pages = [dict(p) | {"publishers": roles.publishers(db, p["id"])} for p in db.execute(
        "SELECT * FROM page WHERE workspace_id = ? ORDER BY name", (ws,))]
    closed = closed_accounts(db, ws)
    ig = db.execute(
        "SELECT ig_account.*, (SELECT max(created_at) FROM ig_post WHERE ig_post.account_id ="
        " ig_account.id) AS last_post FROM ig_account WHERE workspace_id = ? ORDER BY username",
        (ws,)).fetchall()
    year_ago = clock.iso(clock.local(g.now).replace(year=clock.local(g.now).year - 1))
    instagram = [dict(a) | {"inactive": not a["last_post"] or a["last_post"] < year_ago}
                 for a in ig if a["id"] not in closed]
    plans = db.execute("SELECT * FROM account_plan WHERE workspace_id = ? ORDER BY id DESC",
                       (ws,)).fetchall()
    return render_template("ines/accounts.html", pages=pages, instagram=instagram, plans=plans,
                           closed=[a for a in ig if a["id"] in closed], unit=unit_address())


@bp.route("/konton/nytt", methods=["GET", "POST"])
@login_required
def new_account():
    domain = world_data()["organisation"]["email_domain"]
    if request.method == "GET":
        return render_template("ines/plan.html", plan=planning.Plan(), questions=planning.QUESTIONS,
                               channels=planning.CHANNELS, domain=domain, unit=unit_address())
    plan = planning.read(request.form, domain)
    if plan.errors:
        return render_template("ines/plan.html", plan=plan, questions=planning.QUESTIONS,
                               channels=planning.CHANNELS, domain=domain, unit=unit_address()), 400
    db, ws, me = get_db(), workspaces.current_id(), personas.current()
    mail_id = mail.send(db, ws, unit_address(), f"Nytt konto: {plan.channel} för {plan.unit}",
                        planning.mail_body(plan, me["name"]), url_for("ines.accounts"), sender=me["name"])
    cur = db.execute(
        "INSERT INTO account_plan (workspace_id, unit, channel, answers, editors, planned_by, mail_id,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (ws, plan.unit, plan.channel, json.dumps(plan.answers, ensure_ascii=False),
         json.dumps(plan.editors), me["id"], mail_id, clock.iso(g.now)))
    actions.log("account.planned", platform="ines", object_type="account_plan",
                object_id=cur.lastrowid, unit=plan.unit, channel=plan.channel, editors=plan.editors,
                mail_to=unit_address())
    db.commit()
    flash(f"Planeringen är skickad till marknad- och kommunikationsenheten ({unit_address()}).",
          "success")
    return redirect(url_for("ines.accounts"))
