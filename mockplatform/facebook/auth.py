"""The personal Facebook login of a persona, and the guard that views use."""

from __future__ import annotations

import functools

from flask import flash, g, redirect, render_template, request, url_for

from .. import actions, personas, workspaces
from ..db import get_db
from ..redirects import safe_next
from ..sandbox.accounts import practice_accounts
from . import bp


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if personas.current() is None:
            return redirect(url_for("facebook.login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return wrapped


@bp.route("/logga-in", methods=["GET", "POST"])
def login():
    error, status, email = None, 200, ""
    if request.method == "POST":
        db, ws = get_db(), workspaces.current_id()
        email = (request.form.get("email") or "").strip()
        persona = personas.authenticate(db, ws, email, request.form.get("password", ""))
        if persona is None:
            error, status = ("Fel e-postadress eller lösenord. Titta i tabellen Övningskonton "
                             "nedanför."), 400
            if not email:
                error = "Skriv din e-postadress."
        else:
            personas.login(db, ws, persona["id"])
            g.persona = persona
            actions.log("facebook.login", platform="facebook", actor=persona["key"])
            db.commit()
            return redirect(safe_next(request.args.get("next"), url_for("facebook.home")))
    return render_template("facebook/login.html", error=error, email=email,
                           accounts=practice_accounts("facebook")), status


@bp.post("/logga-ut")
def logout():
    db = get_db()
    if personas.current():
        actions.log("facebook.logout", platform="facebook")
    personas.login(db, workspaces.current_id(), None)
    db.commit()
    flash("Du är utloggad.", "info")
    return redirect(url_for("facebook.login"))
