"""Logging in (Inloggning 1), adding a second account (Inloggning 2), switching between the
logged-in accounts, logging out."""

from __future__ import annotations

import functools

from flask import abort, flash, g, redirect, render_template, request, url_for

from .. import actions, workspaces
from ..db import get_db
from ..sandbox.accounts import practice_accounts
from . import bp, model

UNKNOWN_USER = ("Användarnamnet du angav tillhör inte något konto. Kontrollera användarnamnet "
                "och försök igen.")
WRONG_PASSWORD = "Lösenordet du angav är fel. Försök igen."
ALREADY_IN = "Du är redan inloggad på det här kontot."
CLOSED = "Kontot är avslutat och går inte att logga in på."


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if model.current() is None:
            return redirect(url_for("instagram.login"))
        return view(*args, **kwargs)

    return wrapped


@bp.context_processor
def instagram_context():
    if "workspace" not in g:
        return {}
    db, ws = get_db(), g.workspace["id"]
    return {"ig_me": model.current(), "ig_accounts": model.logged_in(db, ws),
            "ig_avatar": model.avatar_url, "ig_image": model.image_url}


def _check_login(db, ws, username: str, password: str):
    """The account to log in to, or (None, a Swedish message)."""
    if not username:
        return None, "Fyll i ditt användarnamn."
    if not password:
        return None, "Fyll i ditt lösenord."
    account = model.account_by_username(db, ws, username)
    if account is None:
        return None, UNKNOWN_USER
    if not model.password_ok(account, password):
        return None, WRONG_PASSWORD
    if db.execute("SELECT 1 FROM account_closure WHERE ig_account_id = ?", (account["id"],)).fetchone():
        return None, CLOSED
    if any(a["id"] == account["id"] for a in model.logged_in(db, ws)):
        return None, ALREADY_IN
    return account, None


def _login_form(adding: bool):
    db, ws = get_db(), workspaces.current_id()
    error, status = None, 200
    username = (request.values.get("username") or "").strip()
    if request.method == "POST":
        account, error = _check_login(db, ws, username, request.form.get("password", ""))
        if account is not None:
            others = [a["username"] for a in model.logged_in(db, ws)]
            model.start_session(db, ws, account["id"], g.now)
            actions.log("instagram.login", platform="instagram", actor=account["username"],
                        object_type="ig_account", object_id=account["id"])
            if others:
                actions.log("instagram.account_added", platform="instagram",
                            actor=account["username"], object_type="ig_account",
                            object_id=account["id"], already_logged_in=others)
            db.commit()
            return redirect(url_for("instagram.home"))
        status = 400
    return render_template("instagram/login.html", adding=adding, error=error, username=username,
                           installed=model.app_installed(db, ws),
                           accounts=practice_accounts("instagram")), status


@bp.route("/logga-in", methods=["GET", "POST"])
def login():
    return _login_form(adding=False)


@bp.route("/lagg-till-konto", methods=["GET", "POST"])
def add_account():
    return _login_form(adding=True)


@bp.post("/byt-konto")
def switch():
    db, ws = get_db(), workspaces.current_id()
    account_id = request.form.get("account_id", type=int)
    if account_id is None or not 0 < account_id < 2**63:  # SQLite's INTEGER range
        abort(400, description="Välj ett av kontona du är inloggad på.")
    before = model.current()
    if not model.switch_to(db, ws, account_id):
        abort(404, description="Du är inte inloggad på det kontot på den här telefonen.")
    account = model.current()
    if before is not None and before["id"] == account["id"]:
        return redirect(url_for("instagram.home"))  # tapped the account already in use
    actions.log("instagram.switched", platform="instagram", actor=account["username"],
                object_type="ig_account", object_id=account["id"])
    db.commit()
    return redirect(url_for("instagram.home"))


@bp.post("/logga-ut")
def logout():
    db, ws = get_db(), workspaces.current_id()
    account = model.current()
    if account is not None:
        model.end_session(db, ws, account["id"])
        actions.log("instagram.logout", platform="instagram", actor=account["username"],
                    object_type="ig_account", object_id=account["id"], all=False)
        db.commit()
        flash(f"Du har loggat ut från {account['username']}.", "info")
    return redirect(url_for("instagram.home"))


@bp.post("/logga-ut/alla")
def logout_all():
    db, ws = get_db(), workspaces.current_id()
    names = [a["username"] for a in model.logged_in(db, ws)]
    if names:
        model.end_all_sessions(db, ws)
        actions.log("instagram.logout", platform="instagram", actor=names[0], all=True,
                    accounts=names)
        db.commit()
        flash("Du har loggat ut från alla konton.", "info")
    return redirect(url_for("instagram.login"))
