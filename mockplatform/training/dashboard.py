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
from ..filters import sv_datetime
from . import bp, catalog, classclock, classes

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
            class_id = classes.create(db, name, scenario)
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
    event, due = classclock.next_event(klass, scenario)
    from . import joining  # joining imports this module's trainer_required

    return render_template("training/trainer_class.html", klass=klass, scenario=scenario,
                           rows=classes.rows(db, class_id, scenario), pages=pages,
                           class_now=classclock.now(klass), next_event=event, next_due=due,
                           task_names=[classes.task_name(t) for t in scenario.tasks],
                           join=joining.join_info(klass["code"]))


@bp.get("/tranare/grupp/<int:class_id>/status.json")
@trainer_required
def trainer_status(class_id: int):
    db, _klass, scenario = _class_and_scenario(class_id)
    table = classes.rows(db, class_id, scenario)
    klass = classes.get(db, class_id)
    return jsonify(tasks=len(scenario.tasks), now=clock.iso(classclock.now(klass)),
                   paused=bool(klass["paused_at"]), trainees=[
        {k: r[k] for k in ("workspace", "name", "tasks", "why", "done", "hints", "mistakes", "minutes")}
        for r in table])


@bp.post("/tranare/grupp/<int:class_id>/<any(tid, klocka, paus, fortsatt, nasta):what>")
@trainer_required
def trainer_clock(class_id: int, what: str):
    """The class clock: forward, pause, go on, or the next timeline entry now."""
    db, klass, scenario = _class_and_scenario(class_id)
    back = redirect(url_for("training.trainer_class", class_id=class_id))
    if what == "tid":
        try:
            classclock.advance(db, klass, clock.parse_duration(request.form.get("duration", "")))
        except ValueError as exc:
            flash(str(exc), "error")
            return back
        flash(f"Sandlådans tid är framflyttad {request.form.get('duration').strip()} för hela gruppen.",
              "success")
    elif what == "klocka":  # forward to a date and time (the Swedish date picker sends ISO)
        try:
            when = clock.parse_local(request.form.get("date", ""), request.form.get("time", ""))
            classclock.move_to(db, klass, when)
        except ValueError as exc:
            flash(str(exc), "error")
            return back
        flash(f"Sandlådans tid är nu {sv_datetime(when, weekday=True)} för hela gruppen.", "success")
    elif what in ("paus", "fortsatt"):
        classclock.pause(db, klass, what == "paus")
        flash("Klockan står still för hela gruppen." if what == "paus" else "Klockan går igen.", "success")
    else:
        klass, event = classclock.fire_next(db, klass, scenario)
        flash(f"Nu händer det: {event.label}" if event else "Det finns inga fler händelser i övningen.",
              "success" if event else "info")
    classes.after_clock(db, class_id)
    return back


@bp.post("/tranare/grupp/<int:class_id>/<any(kommentar, mejl):what>")
@trainer_required
def trainer_inject(class_id: int, what: str):
    db, _klass, _scenario = _class_and_scenario(class_id)
    back = redirect(url_for("training.trainer_class", class_id=class_id))
    form = request.form
    if what == "kommentar":
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
