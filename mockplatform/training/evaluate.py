"""A task's state is the world's state now. Evaluated when a trainee acts (or time moves and
something happens), stored, and read cheaply by the coach's and the trainer's polls: a ✔ that
the trainee undoes goes away again, and the coach says why."""

from __future__ import annotations

import json

from .. import actions, clock
from . import checks, items, mistakes, timeline


def last_action(db, ws: str) -> int:
    row = db.execute("SELECT max(id) AS id FROM action WHERE workspace_id = ?", (ws,)).fetchone()
    return row["id"] or 0


def stale(db, ws: str, run) -> bool:
    """Something happened since the stored state was computed."""
    return last_action(db, ws) > (run["evaluated_action"] or 0)


def evaluate(db, ws: str, scenario, run) -> tuple[list[int], list[int]]:
    """Re-run every task's check against the world as it is; store states, reasons and the
    mistakes. Returns the indexes of the tasks that became done now, and of those undone.

    The checks only read; the writes come after, in one short transaction, so other trainees'
    writes do not wait while this trainee's exercise is looked over."""
    seen = last_action(db, ws)  # what the checks below get to see (at least)
    since = clock.parse(run["started_at"])
    now = clock.now(db, ws)
    objects = items.objects(db, ws)
    arrived = timeline.arrived(db, ws, scenario)
    rows = {r["task_index"]: r for r in db.execute(
        "SELECT * FROM training_task WHERE workspace_id = ?", (ws,))}
    memo: dict = {}  # what this evaluation has read, shared by every check (see checks.Context)
    verdicts = []
    for task in scenario.tasks:
        opened = arrived.get(task.opens_with) if task.opens_with else since
        if opened is None:
            verdict = checks.Verdict(False, "Uppgiften börjar när något händer i övningen.")
        else:
            ctx = checks.Context(db, ws, since, objects, arrived, opened_at=opened, memo=memo)
            verdict = checks.evaluate(ctx, task.check.name, task.check.params)
        verdicts.append((opened, verdict))
    found = [m.as_dict() for m in mistakes.find(db, ws, scenario, since, memo)]
    return _store(db, ws, scenario, run, rows, verdicts, found, now, seen)


def _store(db, ws, scenario, run, rows, verdicts, found, now, seen) -> tuple[list[int], list[int]]:
    if not db.in_transaction:
        db.execute("BEGIN IMMEDIATE")
    # Did anything happen while the checks read? Then this state is already old: leave the
    # run stale, so the next request looks again.
    moved_on = last_action(db, ws) != seen
    newly: list[int] = []
    undone: list[int] = []
    for i, (task, (opened, verdict)) in enumerate(zip(scenario.tasks, verdicts, strict=True)):
        row = rows.get(i)
        was_done = bool(row and row["done_at"])
        done_at = (row["done_at"] if was_done else clock.iso(now)) if verdict.done else None
        first = (row["first_done_at"] if row and row["first_done_at"] else None) or done_at
        if verdict.done and not was_done:
            newly.append(i)
            actions.log("training.task_done", platform="training", actor="system", db=db, ws=ws,
                        scenario=scenario.id, task=i + 1, task_id=task.id)
        elif was_done and not verdict.done:
            undone.append(i)
            actions.log("training.task_undone", platform="training", actor="system", db=db, ws=ws,
                        scenario=scenario.id, task=i + 1, task_id=task.id, why=verdict.why)
        db.execute(
            "INSERT INTO training_task (workspace_id, task_index, hints_used, done_at, first_done_at,"
            " opened_at, why) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id, task_index) DO UPDATE"
            " SET done_at = excluded.done_at, first_done_at = excluded.first_done_at,"
            " opened_at = excluded.opened_at, why = excluded.why",
            (ws, i, row["hints_used"] if row else 0, done_at, first,
             clock.iso(opened) if opened else None, "" if verdict.done else verdict.why))
    all_done = all(verdict.done for _, verdict in verdicts)
    finished = (run["finished_real"] or clock.iso(clock.real_now())) if all_done else None
    db.execute("UPDATE training_run SET mistakes = ?, finished_real = ?, evaluated_action = ?"
               " WHERE workspace_id = ?", (json.dumps(found, ensure_ascii=False), finished,
                                           seen if moved_on else last_action(db, ws), ws))
    return newly, undone
