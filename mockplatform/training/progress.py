"""The scenario running in a workspace: starting it (the start state), task states, hints,
and the debrief."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import actions, clock, mail, personas, workspaces
from ..world import ago
from . import checks, mistakes
from .scenarios import Scenario, start_time


@dataclass
class TaskState:
    index: int
    task: object
    done: bool
    hints_used: int

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

    @property
    def done_count(self) -> int:
        return sum(t.done for t in self.tasks)

    @property
    def current(self) -> TaskState | None:
        return next((t for t in self.tasks if not t.done), None)

    @property
    def hints_total(self) -> int:
        return sum(t.hints_used for t in self.tasks)


def start(db, ws: str, scenario: Scenario) -> None:
    """Reset the world to the scenario's start state and begin at task 1."""
    at = start_time(scenario.start.time, clock.real_now()) if scenario.start.time else None
    workspaces.reset(db, ws, at=at)
    now = clock.now(db, ws)
    for item in scenario.start.seed:
        _seed_item(db, ws, item, now)
    if scenario.start.persona and scenario.start.logged_in:
        personas.login(db, ws, personas.by_key(db, ws, scenario.start.persona)["id"])
    db.execute("INSERT OR REPLACE INTO training_run (workspace_id, scenario_id, started_at, started_real)"
               " VALUES (?, ?, ?, ?)", (ws, scenario.id, clock.iso(now), clock.iso(clock.real_now())))
    db.execute("DELETE FROM training_task WHERE workspace_id = ?", (ws,))
    db.execute("UPDATE training_member SET stopped = 0 WHERE workspace_id = ?", (ws,))
    db.executemany("INSERT INTO training_task (workspace_id, task_index) VALUES (?, ?)",
                   [(ws, i) for i in range(len(scenario.tasks))])
    actions.log("training.started", platform="training", actor="system", db=db, ws=ws,
                scenario=scenario.id)
    db.commit()


def _seed_item(db, ws: str, item: dict, now) -> None:
    kind, data = next((k, v) for k, v in item.items())
    when = clock.iso(now - ago(str(data.get("ago", "0m"))))
    if kind == "mail":
        mail.send(db, ws, data["to"], data["subject"], data.get("body", ""),
                  sender=data.get("sender", "Sandlådan"))
        return
    page = db.execute("SELECT id FROM page WHERE workspace_id = ? AND slug = ?",
                      (ws, data["page"])).fetchone()
    if kind == "post":
        author = personas.by_key(db, ws, data["author"]) if data.get("author") else None
        db.execute(
            "INSERT INTO post (workspace_id, page_id, author_id, text, image, status, publish_at, created_at)"
            " VALUES (?, ?, ?, ?, ?, 'published', ?, ?)",
            (ws, page["id"], author["id"] if author else None, data["text"].strip(), data.get("image", ""),
             when, when),
        )
        return
    add_comment(db, ws, page["id"], data["author"], data["text"], data.get("kind", ""), when,
                post_contains=data.get("post_contains"))


def add_comment(db, ws: str, page_id: int, author: str, text: str, kind: str, when: str,
                post_contains: str | None = None) -> int | None:
    """A citizen's comment on the Page's latest published post (or the one containing a text)."""
    post = db.execute(
        "SELECT id FROM post WHERE workspace_id = ? AND page_id = ? AND status = 'published'"
        " AND deleted_at IS NULL AND text LIKE ? ORDER BY publish_at DESC LIMIT 1",
        (ws, page_id, f"%{post_contains or ''}%"),
    ).fetchone()
    if post is None:
        return None
    cur = db.execute("INSERT INTO comment (workspace_id, post_id, author_name, text, kind, created_at)"
                     " VALUES (?, ?, ?, ?, ?, ?)", (ws, post["id"], author, text, kind, when))
    return cur.lastrowid


def run_row(db, ws: str):
    return db.execute("SELECT * FROM training_run WHERE workspace_id = ?", (ws,)).fetchone()


def stop(db, ws: str) -> None:
    db.execute("DELETE FROM training_run WHERE workspace_id = ?", (ws,))
    db.execute("DELETE FROM training_task WHERE workspace_id = ?", (ws,))
    db.commit()


def refresh(db, ws: str, scenario: Scenario) -> Progress | None:
    """Evaluate the checks of tasks not yet done; record the ones that now pass."""
    run = run_row(db, ws)
    if run is None or run["scenario_id"] != scenario.id:
        return None
    since = clock.parse(run["started_at"])
    rows = {r["task_index"]: r for r in db.execute(
        "SELECT * FROM training_task WHERE workspace_id = ?", (ws,))}
    states, newly = [], []
    for i, task in enumerate(scenario.tasks):
        row = rows.get(i)
        done = bool(row and row["done_at"])
        if not done and checks.run(db, ws, task.check.name, task.check.params, since):
            done = True
            db.execute("INSERT OR REPLACE INTO training_task (workspace_id, task_index, hints_used, done_at)"
                       " VALUES (?, ?, ?, ?)", (ws, i, row["hints_used"] if row else 0,
                                                 clock.iso(clock.now(db, ws))))
            actions.log("training.task_done", platform="training", actor="system", db=db, ws=ws,
                        scenario=scenario.id, task=i + 1)
        state = TaskState(i, task, done, row["hints_used"] if row else 0)
        states.append(state)
        if done and not (row and row["done_at"]):
            newly.append(state)
    finished_real = run["finished_real"]
    if all(s.done for s in states) and not finished_real:
        finished_real = clock.iso(clock.real_now())
        db.execute("UPDATE training_run SET finished_real = ? WHERE workspace_id = ?", (finished_real, ws))
    if newly or finished_real != run["finished_real"]:
        db.commit()
    return Progress(scenario, since, states, all(s.done for s in states), run["started_real"],
                    finished_real, newly)


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
    found = mistakes.find(db, ws, progress.scenario, progress.started_at)
    return Debrief(max(seconds, 0), progress.hints_total, found, progress)
