"""The scenario running in a workspace: starting it (the start state), its stored task states,
hints, and the debrief."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .. import actions, clock, personas, workspaces
from . import evaluate, items, timeline
from .mistakes import Mistake
from .scenarios import Scenario, start_time


@dataclass
class TaskState:
    index: int
    task: object
    done: bool
    hints_used: int
    why: str = ""
    opened: bool = True
    done_at: str | None = None
    first_done_at: str | None = None
    opened_at: str | None = None

    @property
    def number(self) -> int:
        return self.index + 1


@dataclass
class Progress:
    scenario: Scenario
    started_at: object
    tasks: list[TaskState]
    finished: bool
    started_real: str = ""
    finished_real: str | None = None
    newly_done: list[TaskState] = field(default_factory=list)
    newly_undone: list[TaskState] = field(default_factory=list)
    mistakes: list[Mistake] = field(default_factory=list)
    pending: str = ""  # what the last request changed, said on this page (aria-live)

    @property
    def done_count(self) -> int:
        return sum(t.done for t in self.tasks)

    @property
    def current(self) -> TaskState | None:
        return next((t for t in self.tasks if t.opened and not t.done), None)

    @property
    def hints_total(self) -> int:
        return sum(t.hints_used for t in self.tasks)

    @property
    def changes(self) -> str:
        said = [f"Klart: uppgift {t.number}." for t in self.newly_done]
        said += [f"Uppgift {t.number} är inte klar längre: {t.why}" for t in self.newly_undone]
        return " ".join(said)

    @property
    def announce(self) -> str:
        return " ".join(s for s in (self.pending, self.changes) if s)

    @property
    def version(self) -> str:
        """Changes whenever what the coach shows changes (for the poll)."""
        return "|".join(f"{int(t.done)}{int(t.opened)}{t.hints_used}{t.why}" for t in self.tasks)


def start(db, ws: str, scenario: Scenario, *, at=None, now_at=None, frozen: bool = False) -> None:
    """Reset the world to the scenario's start state at ``at`` (default: its start time) and
    begin at task 1. ``now_at``: then move the clock there (a class's time), so every timeline
    entry due by then arrives, exactly as it did for the rest of the class."""
    if at is None and scenario.start.time:
        at = start_time(scenario.start.time, clock.real_now())
    workspaces.reset(db, ws, at=at)
    begin = clock.now(db, ws)
    for item in scenario.start.seed:
        items.place(db, ws, item, begin)
    if scenario.start.persona and scenario.start.logged_in:
        personas.login(db, ws, personas.by_key(db, ws, scenario.start.persona)["id"])
    db.execute("INSERT OR REPLACE INTO training_run (workspace_id, scenario_id, started_at, started_real)"
               " VALUES (?, ?, ?, ?)", (ws, scenario.id, clock.iso(begin), clock.iso(clock.real_now())))
    db.execute("DELETE FROM training_task WHERE workspace_id = ?", (ws,))
    db.execute("UPDATE training_member SET stopped = 0 WHERE workspace_id = ?", (ws,))
    db.executemany("INSERT INTO training_task (workspace_id, task_index) VALUES (?, ?)",
                   [(ws, i) for i in range(len(scenario.tasks))])
    actions.log("training.started", platform="training", actor="system", db=db, ws=ws,
                scenario=scenario.id)
    if now_at is not None and now_at > begin or frozen:
        clock.set_time(db, ws, max(now_at or begin, begin), by="system", frozen=frozen)
    tick(db, ws, clock.now(db, ws))
    evaluate.evaluate(db, ws, scenario, run_row(db, ws))
    db.commit()


def run_row(db, ws: str, *, ended: bool = False):
    """The scenario running in the workspace; ``ended``: also one the trainee has ended."""
    row = db.execute("SELECT * FROM training_run WHERE workspace_id = ?", (ws,)).fetchone()
    return row if row is not None and (ended or not row["ended_real"]) else None


def stop(db, ws: str) -> None:
    """'Avsluta': the coach goes away; what was done stays for the trainer's review."""
    db.execute("UPDATE training_run SET ended_real = ? WHERE workspace_id = ?",
               (clock.iso(clock.real_now()), ws))
    db.commit()


def tick(db, ws: str, now) -> None:
    """The clock hook: the timeline's entries arrive when their time has come."""
    run = run_row(db, ws)
    if run is None:
        return
    from . import catalog

    scenario = catalog.get(run["scenario_id"])
    if scenario is not None:
        timeline.fire_due(db, ws, now, scenario, clock.parse(run["started_at"]))


def refresh(db, ws: str, scenario: Scenario, *, force: bool = False, ended: bool = False) -> Progress | None:
    """The stored state, evaluated again first when something happened since (or ``force``);
    an ended run (``ended``) is read as it was left."""
    run = run_row(db, ws, ended=ended)
    if run is None or run["scenario_id"] != scenario.id:
        return None
    newly: tuple = ((), ())
    if not run["ended_real"] and (force or evaluate.stale(db, ws, run)):
        newly = evaluate.evaluate(db, ws, scenario, run)
        db.commit()
        run = run_row(db, ws, ended=ended)
    return load(db, ws, scenario, run, newly)


def load(db, ws: str, scenario: Scenario, run, newly: tuple = ((), ())) -> Progress:
    rows = {r["task_index"]: r for r in db.execute(
        "SELECT * FROM training_task WHERE workspace_id = ?", (ws,))}
    states = []
    for i, task in enumerate(scenario.tasks):
        row = rows.get(i)
        states.append(TaskState(
            i, task, bool(row and row["done_at"]), row["hints_used"] if row else 0,
            why=row["why"] if row else "", opened=not task.opens_with or bool(row and row["opened_at"]),
            done_at=row["done_at"] if row else None, first_done_at=row["first_done_at"] if row else None,
            opened_at=row["opened_at"] if row else None))
    found = [Mistake(**m) for m in json.loads(run["mistakes"] or "[]")]
    return Progress(scenario, clock.parse(run["started_at"]), states, all(s.done for s in states),
                    run["started_real"], run["finished_real"], [states[i] for i in newly[0]],
                    [states[i] for i in newly[1]], mistakes=found)


def use_hint(db, ws: str, task_index: int, available: int) -> None:
    db.execute("UPDATE training_task SET hints_used = min(hints_used + 1, ?) WHERE workspace_id = ?"
               " AND task_index = ?", (available, ws, task_index))
    db.commit()


@dataclass
class Debrief:
    seconds: int
    hints: int
    mistakes: list
    progress: Progress

    @property
    def duration(self) -> str:
        minutes, seconds = divmod(self.seconds, 60)
        return f"{minutes} min {seconds} s" if minutes else f"{seconds} s"


def debrief(db, ws: str, progress: Progress) -> Debrief:
    end = clock.parse(progress.finished_real) if progress.finished_real else clock.real_now()
    seconds = int((end - clock.parse(progress.started_real)).total_seconds())
    return Debrief(max(seconds, 0), progress.hints_total, progress.mistakes, progress)
