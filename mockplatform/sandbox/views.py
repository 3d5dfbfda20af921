from __future__ import annotations

from datetime import datetime

from flask import abort, flash, g, jsonify, redirect, render_template, request, send_file, url_for

from .. import actions, clock, mail, media, workspaces
from ..db import get_db
from ..redirects import safe_next
from . import bp
from .accounts import practice_accounts


def _safe_next(default: str) -> str:
    return safe_next(request.form.get("next") or request.args.get("next"), default)


@bp.get("/halsa")
def health():
    return jsonify(status="ok")


@bp.get("/")
def start():
    return render_template("sandbox/start.html", accounts=practice_accounts())


@bp.post("/sandladan/aterstall")
def reset():
    workspaces.reset(get_db(), workspaces.current_id())
    flash("Övningsmiljön är återställd. Allt är som från början.", "success")
    return redirect(_safe_next(url_for("sandbox.start")))


@bp.route("/sandladan/tid", methods=["GET", "POST"])
def sandbox_time():
    db, ws = get_db(), workspaces.current_id()
    error, status = None, 200
    if request.method == "POST":
        try:
            if request.form.get("action") == "advance":
                delta = clock.parse_duration(request.form.get("duration", ""))
                g.now = clock.advance(db, ws, delta)
                actions.log("clock.advanced", platform="sandbox", seconds=delta.total_seconds())
            else:
                when = clock.parse_local(request.form.get("date", ""), request.form.get("time", ""))
                g.now = clock.set_time(db, ws, when)
                actions.log("clock.set", platform="sandbox", to=clock.iso(when))
            db.commit()
            flash(f"Sandlådans tid är nu {_fmt(g.now)}.", "success")
            return redirect(_safe_next(url_for("sandbox.sandbox_time")))
        except ValueError as exc:
            error, status = str(exc), 400
    local_now = clock.local(g.now)
    return render_template("sandbox/time.html", error=error, date=f"{local_now:%Y-%m-%d}",
                           time=f"{local_now:%H:%M}", form=request.form,
                           locked=clock.locked_reason(db, ws)), status


def _fmt(dt: datetime) -> str:
    from ..filters import sv_datetime

    return sv_datetime(dt, weekday=True)


@bp.get("/sandladan/inkorg")
def inbox():
    db, ws = get_db(), workspaces.current_id()
    return render_template("sandbox/inbox.html", mails=mail.inbox(db, ws), selected=None)


@bp.get("/sandladan/inkorg/<int:mail_id>")
def read_mail(mail_id: int):
    db, ws = get_db(), workspaces.current_id()
    selected = mail.get(db, ws, mail_id)
    if selected is None:
        abort(404, description="Mejlet finns inte i din inkorg.")
    if not selected["read_at"]:
        db.execute("UPDATE mail SET read_at = ? WHERE id = ?", (clock.iso(g.now), mail_id))
        db.commit()
    return render_template("sandbox/inbox.html", mails=mail.inbox(db, ws), selected=selected)


@bp.get("/sandladan/logg")
def action_log():
    db, ws = get_db(), workspaces.current_id()
    return render_template("sandbox/log.html", entries=actions.recent(db, ws, limit=200))


@bp.get("/media/<media_id>")
def media_file(media_id: str):
    row = media.get(get_db(), workspaces.current_id(), media_id)
    if row is None:
        abort(404, description="Filen finns inte i din övningsmiljö.")
    return send_file(media.path(row), mimetype=row["mime"], max_age=3600)


@bp.app_context_processor
def sandbox_context():
    if "workspace" not in g:
        return {}
    unread = get_db().execute(
        "SELECT count(*) FROM mail WHERE workspace_id = ? AND read_at IS NULL",
        (g.workspace["id"],),
    ).fetchone()[0]
    return {"unread_mail": unread}
