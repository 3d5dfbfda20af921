"""Glömt lösenordet?: a link to the account's e-mail in the mock mailbox, and a new password.
Only the hash is stored; the practice-accounts table then says "ändrat under övningen"."""

from __future__ import annotations

import secrets

from flask import abort, flash, g, redirect, render_template, request, url_for
from werkzeug.security import generate_password_hash

from .. import actions, clock, mail, workspaces
from ..db import get_db
from . import bp, model

MIN_PASSWORD = 6


@bp.route("/glomt-losenord", methods=["GET", "POST"])
def forgot_password():
    db, ws = get_db(), workspaces.current_id()
    error, login_value, sent_to = None, (request.form.get("login") or "").strip(), None
    if request.method == "POST":
        account = model.account_by_login(db, ws, login_value) if login_value else None
        if not login_value:
            error = "Fyll i ditt användarnamn eller din e-postadress."
        elif account is None:
            error = "Vi hittade inget konto med det användarnamnet eller den e-postadressen."
        else:
            token = secrets.token_urlsafe(16)
            db.execute("INSERT INTO ig_reset (workspace_id, account_id, token, created_at)"
                       " VALUES (?, ?, ?, ?)", (ws, account["id"], token, clock.iso(g.now)))
            link = url_for("instagram.reset_password", token=token)
            mail.send(db, ws, account["email"], "Återställ ditt lösenord på Instagram",
                      f"Hej {account['username']}!\n\nVi har fått en begäran om att återställa "
                      "ditt lösenord på Instagram. Öppna länken för att välja ett nytt lösenord."
                      "\n\nBad du inte om det här kan du strunta i mejlet.", link=link,
                      sender="Instagram")
            actions.log("instagram.reset_requested", platform="instagram",
                        actor=account["username"], object_type="ig_account",
                        object_id=account["id"])
            db.commit()
            sent_to = account["email"]
    status = 400 if error else 200
    return render_template("instagram/forgot.html", error=error, login_value=login_value,
                           sent_to=sent_to), status


@bp.route("/aterstall/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    db, ws = get_db(), workspaces.current_id()
    reset = db.execute(
        "SELECT ig_reset.*, ig_account.username FROM ig_reset JOIN ig_account ON ig_account.id ="
        " ig_reset.account_id WHERE ig_reset.workspace_id = ? AND ig_reset.token = ?", (ws, token),
    ).fetchone()
    if reset is None:
        abort(404, description="Länken för att återställa lösenordet finns inte i din övningsmiljö.")
    if reset["used_at"]:
        abort(400, description="Länken har redan använts. Be om en ny länk under Glömt lösenordet?")
    error = None
    if request.method == "POST":
        new, again = request.form.get("password", ""), request.form.get("password2", "")
        if len(new) < MIN_PASSWORD:
            error = f"Lösenordet måste vara minst {MIN_PASSWORD} tecken långt."
        elif new != again:
            error = "Lösenorden stämmer inte överens. Skriv samma lösenord två gånger."
        else:
            db.execute("UPDATE ig_account SET password_hash = ?, password_changed = 1 WHERE id = ?",
                       (generate_password_hash(new), reset["account_id"]))
            db.execute("UPDATE ig_reset SET used_at = ? WHERE id = ?",
                       (clock.iso(g.now), reset["id"]))
            actions.log("instagram.password_reset", platform="instagram",
                        actor=reset["username"], object_type="ig_account",
                        object_id=reset["account_id"])
            db.commit()
            flash("Ditt lösenord är ändrat. Logga in med det nya lösenordet.", "success")
            return redirect(url_for("instagram.login", username=reset["username"]))
    return render_template("instagram/reset.html", reset=reset, error=error), 400 if error else 200
