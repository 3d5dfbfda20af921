"""Trainee pages: Övningar, starting a scenario, hints, the coach panel's JSON, the debrief,
and joining a trainer's class."""

from __future__ import annotations

from flask import abort, flash, g, jsonify, redirect, render_template, request, session, url_for

from .. import clock, workspaces
from ..db import get_db
from ..redirects import safe_next
from . import bp, catalog, classes, progress

MAX_NAME = 60


def _safe_next(default: str) -> str:
    return safe_next(request.form.get("next"), default)


@bp.before_app_request
def restart_after_reset():
    """A class member who pressed 'Återställ' gets the class's scenario back from task 1."""
    if "workspace" not in g or request.endpoint in (None, "static"):
        return
    db, ws = get_db(), g.workspace["id"]
    if progress.run_row(db, ws) is None:
        member = classes.membership(db, ws)
        scenario = catalog.get(member["scenario_id"]) if member and not member["stopped"] else None
        if scenario:
            classes.start_member(db, classes.get(db, member["class_id"]), ws, scenario)
            g.now = clock.now(db, ws)


@bp.after_app_request
def evaluate_after_action(response):
    """A trainee acted: their task states follow the world now, for the trainer's table too."""
    if request.method != "GET" and "workspace" in g and response.status_code < 500:
        db, ws = get_db(), g.workspace["id"]
        if workspaces.get(db, ws) is not None:
            run = progress.run_row(db, ws)
            scenario = catalog.get(run["scenario_id"]) if run else None
            state = progress.refresh(db, ws, scenario) if scenario is not None else None
            if state is not None and state.changes:  # said on the next page the trainee sees
                session["coach_said"] = (session.get("coach_said", "") + " " + state.changes).strip()[-500:]
    return response


@bp.app_context_processor
def coach_context():
    if "workspace" not in g or request.blueprint == "training" and request.endpoint != "training.index":
        return {"coach": None}
    state = catalog.current_progress()
    if state is not None and request.method == "GET" and request.endpoint != "training.status":
        state.pending = session.pop("coach_said", "")
    return {"coach": state}


@bp.get("/ovningar/")
def index():
    items = [(s, catalog.available(s)) for s in catalog.scenarios().values()]
    return render_template("training/index.html", items=items, running=catalog.current_progress())


@bp.post("/ovningar/<scenario_id>/starta")
def start(scenario_id: str):
    scenario = catalog.get(scenario_id)
    if scenario is None:
        abort(404, description="Övningen finns inte.")
    if not catalog.available(scenario):
        abort(409, description="Den här övningen går inte att göra än: plattformen den behöver finns "
                               "inte i den här versionen av Sandlådan.")
    progress.start(get_db(), workspaces.current_id(), scenario)
    flash(f"Övningen ”{scenario.title}” har börjat. Uppgiften står i panelen Övning.", "success")
    return redirect(scenario.start.url)


@bp.get("/ovningar/status.json")
def status():
    state = catalog.current_progress()
    if state is None:
        return jsonify(running=False)
    current = state.current
    return jsonify(
        running=True, scenario=state.scenario.id, title=state.scenario.title,
        started_at=clock.iso(state.started_at), now=clock.iso(g.now),
        done=state.done_count, total=len(state.tasks), finished=state.finished,
        current=current.number if current else None,
        version=state.version,
        tasks=[{"number": t.number, "id": t.task.id, "instruction": t.task.instruction, "done": t.done,
                "open": t.opened, "why": t.why} for t in state.tasks],
        announce=state.changes,
        debrief=url_for("training.debrief"),
    )


@bp.get("/ovningar/panel")
def panel():
    """The coach panel's inside, for the poll to swap in when a task is done."""
    state = catalog.current_progress()
    if state is None:
        return "", 204
    return render_template("training/_coach_body.html", coach=state)


@bp.post("/ovningar/tips")
def hint():
    state = catalog.current_progress()
    back = _safe_next(url_for("training.index"))
    if state is None or state.current is None:
        flash("Ingen uppgift pågår just nu.", "info")
        return redirect(back)
    current = state.current
    free = 1 if state.scenario.level == "guidad" else 0  # guided: the first hint shows at once
    available = max(len(current.task.hints) - free, 0)
    progress.use_hint(get_db(), workspaces.current_id(), current.index, available)
    return redirect(back + "#coach")


@bp.get("/ovningar/genomgang")
def debrief():
    state = catalog.current_progress()
    if state is None:
        flash("Ingen övning pågår. Välj en övning för att få en genomgång efteråt.", "info")
        return redirect(url_for("training.index"))
    report = progress.debrief(get_db(), workspaces.current_id(), state)
    return render_template("training/debrief.html", report=report, state=state)


@bp.post("/ovningar/avsluta")
def stop():
    db, ws = get_db(), workspaces.current_id()
    progress.stop(db, ws)
    classes.set_stopped(db, ws, True)  # a class member's own choice: no restart after 'Återställ'
    db.commit()
    flash("Övningen är avslutad.", "info")
    return redirect(url_for("training.index"))


@bp.route("/ga-med", methods=["GET", "POST"])
def join():
    error, status_code = None, 200
    code = (request.form.get("code") or request.args.get("kod") or "").strip()
    name = (request.form.get("name") or "").strip()
    if request.method == "POST":
        db = get_db()
        klass = classes.by_code(db, code)
        scenario = catalog.get(klass["scenario_id"]) if klass else None
        here = g.workspace["id"] if "workspace" in g else None
        again = classes.member_of(db, klass["id"], here) if klass else None
        if again is not None and scenario is not None:  # the same browser: the same row
            flash(f"Välkommen tillbaka, {again['name']}! Du fortsätter där du var.", "success")
            return redirect(scenario.start.url)
        if not name:
            error = "Skriv ditt namn, så att utbildaren ser vem du är."
        elif len(name) > MAX_NAME:
            error = f"Namnet är för långt – högst {MAX_NAME} tecken."
        elif klass is None:
            error = "Koden hittades inte. Kontrollera koden som utbildaren visar och försök igen."
        elif scenario is None:
            error = "Gruppens övning finns inte längre. Säg till utbildaren."
        elif classes.name_taken(db, klass["id"], name):
            error = (f"Det finns redan en {name} i gruppen. Lägg till något som skiljer er åt, till "
                     "exempel första bokstaven i efternamnet.")
        if error:
            status_code = 400
        else:
            ws = classes.join(db, klass, name, scenario)
            g.set_workspace_cookie = ws
            flash(f"Välkommen, {name}! Du är med i {klass['name']}. Din första uppgift står i "
                  "panelen Övning.", "success")
            return redirect(scenario.start.url)
    return render_template("training/join.html", error=error, code=code, name=name), status_code
