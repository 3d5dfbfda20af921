"""Closing an account (Inaktiva konton): the communications unit is told, as the handbook
says it must be; a closed account can no longer log in."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for

from .. import actions, clock, mail, rules, workspaces
from ..db import get_db
from ..ines.views import unit_address
from ..rules import coach
from . import bp, model
from .auth import login_required


@bp.route("/installningar/avsluta-kontot", methods=["GET", "POST"])
@login_required
def close_account():
    db, ws, me = get_db(), workspaces.current_id(), model.current()
    error = None
    if request.method == "POST":
        notified = request.form.get("notify") == "ja"
        refused = rules.refusals(rules.review("account", context={
            "account_change": "close", "notified": notified, "name": me["username"]}))
        if refused:
            coach.record(refused, platform="instagram", object_type="ig_account", object_id=me["id"])
            db.commit()
            error = refused[0].message
        else:
            body = (f"Instagramkontot @{me['username']} ({me['full_name']}) är stängt "
                    f"{clock.local(g.now):%Y-%m-%d}.\n\nTa bort det ur listan över aktiva konton på Ines.")
            mail_id = mail.send(db, ws, unit_address(), f"Stängt konto: @{me['username']}", body,
                                url_for("ines.accounts"), sender=me["full_name"])
            db.execute("INSERT INTO account_closure (workspace_id, ig_account_id, closed_at, mail_id)"
                       " VALUES (?, ?, ?, ?)", (ws, me["id"], clock.iso(g.now), mail_id))
            db.execute("DELETE FROM ig_session WHERE workspace_id = ? AND account_id = ?", (ws, me["id"]))
            others = model.logged_in(db, ws)
            if others:
                model.switch_to(db, ws, others[0]["id"])
            actions.log("instagram.account_closed", platform="instagram", actor=me["username"],
                        object_type="ig_account", object_id=me["id"], notified=unit_address())
            db.commit()
            flash(f"Kontot @{me['username']} är avslutat. Marknad- och kommunikationsenheten har fått "
                  "ett meddelande.", "success")
            return redirect(url_for("instagram.home"))
    return render_template("instagram/close.html", error=error, unit=unit_address()), (400 if error else 200)
