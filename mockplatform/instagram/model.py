"""Instagram's data: accounts, which of them this workspace's phone is logged in to, posts."""

from __future__ import annotations

from flask import g, url_for
from werkzeug.security import check_password_hash

from .. import clock
from ..db import get_db

MAX_CAPTION = 2200  # Instagram's limit for a caption


def account_by_username(db, ws: str, username: str):
    return db.execute(
        "SELECT * FROM ig_account WHERE workspace_id = ? AND lower(username) = lower(?)",
        (ws, (username or "").strip().lstrip("@")),
    ).fetchone()


def account_by_login(db, ws: str, login: str):
    """An account by its username or its e-mail address (as "Glömt lösenordet?" accepts)."""
    login = (login or "").strip()
    return account_by_username(db, ws, login) or db.execute(
        "SELECT * FROM ig_account WHERE workspace_id = ? AND lower(email) = lower(?)", (ws, login),
    ).fetchone()


def password_ok(account, password: str) -> bool:
    return check_password_hash(account["password_hash"], password or "")


def logged_in(db, ws: str) -> list:
    """The accounts this phone is logged in to, the first one logged in first."""
    return db.execute(
        "SELECT ig_account.*, ig_session.active FROM ig_session JOIN ig_account ON"
        " ig_account.id = ig_session.account_id WHERE ig_session.workspace_id = ?"
        " ORDER BY ig_session.logged_in_at, ig_account.id", (ws,),
    ).fetchall()


def active(db, ws: str):
    return next((a for a in logged_in(db, ws) if a["active"]), None)


def current():
    """The active account of this request's phone, or None. Cached on ``g``."""
    if "ig_account" not in g:
        g.ig_account = active(get_db(), g.workspace["id"])
    return g.ig_account


def start_session(db, ws: str, account_id: int, now) -> None:
    db.execute("UPDATE ig_session SET active = 0 WHERE workspace_id = ?", (ws,))
    db.execute(
        "INSERT INTO ig_session (workspace_id, account_id, logged_in_at, active) VALUES (?, ?, ?, 1)"
        " ON CONFLICT (workspace_id, account_id) DO UPDATE SET active = 1",  # a double submit is harmless
        (ws, account_id, clock.iso(now)),
    )
    g.pop("ig_account", None)


def switch_to(db, ws: str, account_id: int) -> bool:
    """Make a logged-in account the active one. False when the phone is not logged in to it."""
    row = db.execute("SELECT 1 FROM ig_session WHERE workspace_id = ? AND account_id = ?",
                     (ws, account_id)).fetchone()
    if row is None:
        return False
    db.execute("UPDATE ig_session SET active = (account_id = ?) WHERE workspace_id = ?",
               (account_id, ws))
    g.pop("ig_account", None)
    return True


def end_session(db, ws: str, account_id: int) -> None:
    """Log one account out; the most recently logged-in of the others becomes active."""
    db.execute("DELETE FROM ig_session WHERE workspace_id = ? AND account_id = ?", (ws, account_id))
    if not db.execute("SELECT 1 FROM ig_session WHERE workspace_id = ? AND active = 1",
                      (ws,)).fetchone():
        db.execute(
            "UPDATE ig_session SET active = 1 WHERE workspace_id = ? AND account_id = (SELECT"
            " account_id FROM ig_session WHERE workspace_id = ? ORDER BY logged_in_at DESC,"
            " account_id DESC LIMIT 1)", (ws, ws),
        )
    g.pop("ig_account", None)


def end_all_sessions(db, ws: str) -> None:
    db.execute("DELETE FROM ig_session WHERE workspace_id = ?", (ws,))
    g.pop("ig_account", None)


def posts(db, ws: str, account_id: int | None = None) -> list:
    sql = ("SELECT ig_post.*, ig_account.username, ig_account.avatar FROM ig_post JOIN ig_account"
           " ON ig_account.id = ig_post.account_id WHERE ig_post.workspace_id = ?")
    args: list = [ws]
    if account_id is not None:
        sql += " AND ig_post.account_id = ?"
        args.append(account_id)
    return db.execute(sql + " ORDER BY ig_post.created_at DESC, ig_post.id DESC", args).fetchall()


def image_url(post) -> str:
    if post["media_id"]:
        return url_for("sandbox.media_file", media_id=post["media_id"])
    return url_for("static", filename=post["image"]) if post["image"] else ""


def avatar_url(account) -> str:
    return url_for("static", filename=account["avatar"]) if account["avatar"] else ""


def app_installed(db, ws: str, app: str = "instagram"):
    return db.execute("SELECT * FROM phone_app WHERE workspace_id = ? AND app = ?",
                      (ws, app)).fetchone()
