"""The trainer dashboard (/tranare/): locked by the password set when the sandbox is served."""

from __future__ import annotations

import functools
import hmac
import secrets

from flask import (
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from .. import clock
from ..db import get_db
from . import bp, catalog, classes

SESSION_KEY = "tranare"
SID_KEY = "tranare_sid"  # a row in trainer_session; 'Logga ut' deletes it


def _password() -> str | None:
    return current_app.config.get("TRAINER_PASSWORD") or None


def _locked_page(status: int, error: str | None = None):
    return render_template("training/trainer_login.html", configured=bool(_password()), error=error), status


def trainer_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        password = _password()
        if not password:
            return _locked_page(403)
        if not hmac.compare_digest(session.get(SESSION_KEY, ""), _token(password)) or not _live_session():
            if request.method == "GET" and not request.path.endswith(".json"):
                return _locked_page(401)
            abort(401, description="Logga in på tränarsidan först.")
        return view(*args, **kwargs)

    return wrapped


def _live_session() -> bool:
    sid = session.get(SID_KEY)
    return bool(sid) and get_db().execute("SELECT 1 FROM trainer_session WHERE id = ?",
                                          (sid,)).fetchone() is not None


def _token(password: str) -> str:
    """What the session remembers: tied to the password, so changing it logs trainers out."""
    return hmac.new(current_app.secret_key.encode(), password.encode(), "sha256").hexdigest()


@bp.post("/tranare/logga-in")
def trainer_login():
    password = _password()
    if not password:
        return _locked_page(403)
    given = request.form.get("password") or ""
    if not hmac.compare_digest(given.encode(), password.encode()):
        return _locked_page(401, "Fel lösenord till tränarsidan. Försök igen.")
    session[SESSION_KEY] = _token(password)
    session[SID_KEY] = secrets.token_urlsafe(24)
    db = get_db()
    db.execute("INSERT INTO trainer_session (id, created_at) VALUES (?, ?)",
               (session[SID_KEY], clock.iso(clock.real_now())))
    db.commit()
    return redirect(url_for("training.trainer"))


@bp.post("/tranare/logga-ut")
def trainer_logout():
    session.pop(SESSION_KEY, None)
    sid = session.pop(SID_KEY, None)
    if sid:  # the server forgets it: a copy of the cookie is worthless from now on
        db = get_db()
        db.execute("DELETE FROM trainer_session WHERE id = ?", (sid,))
        db.commit()
    flash("Du är utloggad från tränarsidan.", "info")
    return redirect(url_for("training.trainer"))


@bp.route("/tranare/", methods=["GET", "POST"])
@trainer_required
def trainer():
    db = get_db()
    error, status = None, 200
    if request.method == "POST":
        name = (request.form.get("name") or "").strip()
        scenario = catalog.get(request.form.get("scenario") or "")
        if not name or len(name) > 80:
            error = "Ge gruppen ett namn (högst 80 tecken)."
        elif scenario is None or not catalog.available(scenario):
            error = "Välj en övning som finns."
        else:
            class_id = classes.create(db, name, scenario.id)
            return redirect(url_for("training.trainer_class", class_id=class_id))
        status = 400
    available = [s for s in catalog.scenarios().values() if catalog.available(s)]
    return render_template("training/trainer.html", classes=classes.all_classes(db), scenarios=available,
                           error=error, form=request.form), status


def _class_and_scenario(class_id: int):
    db = get_db()
    klass = classes.get(db, class_id)
    if klass is None:
        abort(404, description="Gruppen finns inte.")
    scenario = catalog.get(klass["scenario_id"])
    if scenario is None:
        abort(404, description="Gruppens övning finns inte längre.")
    return db, klass, scenario


@bp.get("/tranare/grupp/<int:class_id>/")
@trainer_required
def trainer_class(class_id: int):
    db, klass, scenario = _class_and_scenario(class_id)
    pages = db.execute("SELECT slug, name FROM page GROUP BY slug ORDER BY min(id)").fetchall()
    from . import joining

    return render_template("training/trainer_class.html", klass=klass, scenario=scenario,
                           rows=classes.rows(db, class_id, scenario), pages=pages,
                           join=joining.join_info(klass["code"]))


@bp.get("/tranare/grupp/<int:class_id>/status.json")
@trainer_required
def trainer_status(class_id: int):
    db, _klass, scenario = _class_and_scenario(class_id)
    table = classes.rows(db, class_id, scenario)
    return jsonify(tasks=len(scenario.tasks), trainees=[
        {k: r[k] for k in ("workspace", "name", "tasks", "done", "hints", "mistakes", "minutes")}
        | {"now": clock.iso(r["now"])} for r in table])


@bp.post("/tranare/grupp/<int:class_id>/<any(tid, kommentar, mejl):what>")
@trainer_required
def trainer_inject(class_id: int, what: str):
    db, _klass, _scenario = _class_and_scenario(class_id)
    back = redirect(url_for("training.trainer_class", class_id=class_id))
    form = request.form
    if what == "tid":
        try:
            delta = clock.parse_duration(form.get("duration", ""))
        except ValueError as exc:
            flash(str(exc), "error")
            return back
        classes.advance(db, class_id, delta)
        flash(f"Sandlådans tid är framflyttad {form.get('duration').strip()} för hela gruppen.", "success")
    elif what == "kommentar":
        author, text = (form.get("author") or "").strip(), (form.get("text") or "").strip()
        if not author or not text:
            flash("Skriv både vem som kommenterar och vad kommentaren säger.", "error")
            return back
        n = classes.inject_comment(db, class_id, form.get("page", ""), author[:80], text[:2000])
        flash(f"Kommentaren är tillagd hos {n} deltagare.", "success")
    else:
        subject, body = (form.get("subject") or "").strip(), (form.get("body") or "").strip()
        if not subject:
            flash("Mejlet behöver en ämnesrad.", "error")
            return back
        n = classes.inject_mail(db, class_id, subject[:200], body[:5000], "Utbildaren")
        flash(f"Mejlet har skickats till {n} deltagares inkorg.", "success")
    return back


@bp.post("/tranare/grupp/<int:class_id>/aterstall")
@trainer_required
def trainer_reset(class_id: int):
    db, _klass, scenario = _class_and_scenario(class_id)
    if not classes.reset_member(db, class_id, request.form.get("workspace", ""), scenario):
        abort(404, description="Deltagaren finns inte i gruppen.")
    flash("Deltagarens övningsmiljö är återställd och övningen börjar om.", "success")
    return redirect(url_for("training.trainer_class", class_id=class_id))
