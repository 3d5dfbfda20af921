"""The after-action review: one trainee of a class, their tasks, each mistake with the words it
is about and the handbook's rule, and what they did relative to the scenario's events – in
sandbox time and real time. Also removing a trainee from the class."""

from __future__ import annotations

import json

from flask import abort, flash, redirect, render_template, request, url_for

from .. import clock, logtext
from ..db import get_db
from . import bp, catalog, classes, progress
from .dashboard import trainer_required


def timeline_rows(db, ws: str, since) -> list[dict]:
    """What the trainee did and what happened to them since the start, in the log's words."""
    names = logtext.Names(db, ws)
    rows = db.execute("SELECT * FROM action WHERE workspace_id = ? AND at >= ? ORDER BY at, id",
                      (ws, clock.iso(since))).fetchall()
    out = []
    for r in rows:
        entry = dict(r) | {"detail": json.loads(r["detail"] or "{}")}
        out.append({"sandbox": clock.local(r["at"]), "real": clock.local(r["real_at"]),
                    "minutes": (clock.parse(r["at"]) - since).total_seconds() / 60,
                    "text": logtext.sentence(entry, names),
                    "event": r["verb"] == "training.event", "task": r["verb"].startswith("training.task"),
                    "trainer": r["actor"] == "tränare"})
    return out


@bp.get("/tranare/grupp/<int:class_id>/deltagare/<ws>")
@trainer_required
def trainer_review(class_id: int, ws: str):
    db = get_db()
    klass = classes.get(db, class_id)
    member = classes.member_of(db, class_id, ws) if klass else None
    scenario = catalog.get(klass["scenario_id"]) if klass else None
    if member is None or scenario is None:
        abort(404, description="Deltagaren finns inte i gruppen.")
    state = progress.refresh(db, ws, scenario, ended=True)
    report = progress.debrief(db, ws, state) if state else None
    events = timeline_rows(db, ws, state.started_at) if state else []
    return render_template("training/review.html", klass=klass, member=member, scenario=scenario,
                           state=state, report=report, events=events)


@bp.post("/tranare/grupp/<int:class_id>/ta-bort")
@trainer_required
def trainer_remove(class_id: int):
    db = get_db()
    member = classes.member_of(db, class_id, request.form.get("workspace", ""))
    if member is None or not classes.remove_member(db, class_id, member["workspace_id"]):
        abort(404, description="Deltagaren finns inte i gruppen.")
    flash(f"{member['name']} är borttagen ur gruppen.", "success")
    return redirect(url_for("training.trainer_class", class_id=class_id))
