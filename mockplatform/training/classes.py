"""Classes: a trainer's group with a join code; each trainee has a workspace of their own."""

from __future__ import annotations

import json
import secrets

from .. import actions, clock, mail, workspaces
from . import classclock, items, progress

# Short and unambiguous: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, G/6.
CODE_LETTERS = "ACDEFHJKMNPRTUVWXY3479"
CODE_LENGTH = 6


def new_code(db) -> str:
    while True:
        code = "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))
        if not db.execute("SELECT 1 FROM training_class WHERE code = ?", (code,)).fetchone():
            return code


def normalise_code(text: str) -> str:
    return "".join((text or "").split()).upper().replace("-", "")


def create(db, name: str, scenario) -> int:
    """A class whose clock starts at the scenario's start time."""
    begin = classclock.begin(scenario)
    cur = db.execute(
        "INSERT INTO training_class (name, code, scenario_id, created_at, started_at, clock_offset)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (name, new_code(db), scenario.id, clock.iso(clock.real_now()), clock.iso(begin),
         (begin - clock.real_now()).total_seconds()))
    db.commit()
    return cur.lastrowid


def by_code(db, code: str):
    return db.execute("SELECT * FROM training_class WHERE code = ?", (normalise_code(code),)).fetchone()


def get(db, class_id: int):
    return db.execute("SELECT * FROM training_class WHERE id = ?", (class_id,)).fetchone()


def all_classes(db):
    return db.execute(
        "SELECT training_class.*, (SELECT count(*) FROM training_member m WHERE m.class_id ="
        " training_class.id) AS members FROM training_class ORDER BY id DESC").fetchall()


def same_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def name_taken(db, class_id: int, name: str, except_ws: str | None = None) -> bool:
    return any(same_name(m["name"]) == same_name(name) and m["workspace_id"] != except_ws
               for m in members(db, class_id))


def member_of(db, class_id: int, ws: str | None):
    if not ws:
        return None
    return db.execute("SELECT * FROM training_member WHERE class_id = ? AND workspace_id = ?",
                      (class_id, ws)).fetchone()


def start_member(db, klass, ws: str, scenario) -> None:
    """The class's scenario from its start, then on the class's clock: every timeline entry due
    by now arrives, as it did for the others."""
    progress.start(db, ws, scenario, at=classclock.started(klass), now_at=classclock.now(klass),
                   frozen=bool(klass["paused_at"]))


def join(db, klass, name: str, scenario) -> str:
    """A new workspace for the trainee, in the class, with the class's scenario started."""
    ws = workspaces.create(db, label=name)
    db.execute("INSERT INTO training_member (workspace_id, class_id, name, joined_at) VALUES (?, ?, ?, ?)",
               (ws, klass["id"], name, clock.iso(clock.real_now())))
    start_member(db, klass, ws, scenario)
    return ws


def members(db, class_id: int):
    return db.execute("SELECT * FROM training_member WHERE class_id = ? ORDER BY rowid",
                      (class_id,)).fetchall()


def set_stopped(db, ws: str, stopped: bool) -> None:
    db.execute("UPDATE training_member SET stopped = ? WHERE workspace_id = ?", (int(stopped), ws))


def membership(db, ws: str):
    return db.execute("SELECT training_member.*, training_class.scenario_id FROM training_member JOIN"
                      " training_class ON training_class.id = training_member.class_id"
                      " WHERE workspace_id = ?", (ws,)).fetchone()


def rows(db, class_id: int, scenario) -> list[dict]:
    """One row per trainee, read from the stored task states (computed when each trainee acts):
    name, each task's state and reason, hints, mistakes, time."""
    members_runs = db.execute(
        "SELECT m.workspace_id, m.name, m.stopped, r.started_real, r.finished_real, r.ended_real, r.mistakes,"
        " r.scenario_id"
        " FROM training_member m LEFT JOIN training_run r ON r.workspace_id = m.workspace_id"
        " WHERE m.class_id = ? ORDER BY m.rowid", (class_id,)).fetchall()
    tasks: dict[str, dict[int, object]] = {}
    for t in db.execute("SELECT t.* FROM training_task t JOIN training_member m ON m.workspace_id ="
                        " t.workspace_id WHERE m.class_id = ?", (class_id,)):
        tasks.setdefault(t["workspace_id"], {})[t["task_index"]] = t
    now = clock.real_now()
    out = []
    for m in members_runs:
        ws = m["workspace_id"]
        row = {"workspace": ws, "name": m["name"], "stopped": bool(m["stopped"])}
        if m["scenario_id"] != scenario.id:
            out.append(row | {"tasks": [None] * len(scenario.tasks), "why": [""] * len(scenario.tasks),
                              "done": 0, "hints": 0, "mistakes": 0, "mistake_list": [], "minutes": None,
                              "finished": False})
            continue
        mine = tasks.get(ws, {})
        done = [bool(mine.get(i) and mine[i]["done_at"]) for i in range(len(scenario.tasks))]
        stopped_at = m["finished_real"] or m["ended_real"]
        end = clock.parse(stopped_at) if stopped_at else now
        found = json.loads(m["mistakes"] or "[]")
        out.append(row | {
            "tasks": done, "why": [mine[i]["why"] if mine.get(i) else "" for i in range(len(scenario.tasks))],
            "done": sum(done), "hints": sum(t["hints_used"] for t in mine.values()),
            "mistakes": len(found), "mistake_list": found,
            "minutes": round(max((end - clock.parse(m["started_real"])).total_seconds(), 0) / 60, 1),
            "finished": all(done)})
    return out


def _each_member(db, class_id: int, fn) -> int:
    """Do ``fn(ws)`` in every member's world, then bring their task states up to date."""
    from . import catalog

    count = 0
    for m in members(db, class_id):
        ws = m["workspace_id"]
        if fn(ws):
            count += 1
        run = progress.run_row(db, ws)
        scenario = catalog.get(run["scenario_id"]) if run else None
        if scenario:
            progress.refresh(db, ws, scenario)
    db.commit()
    return count


def inject_comment(db, class_id: int, page_slug: str, author: str, text: str) -> int:
    """A citizen's comment on the Page's latest post in every trainee's world. Returns how many."""
    def one(ws):
        page = db.execute("SELECT id FROM page WHERE workspace_id = ? AND slug = ?",
                          (ws, page_slug)).fetchone()
        if page is None:
            return False
        cid = items.add_comment(db, ws, page["id"], author, text, "question", clock.iso(clock.now(db, ws)))
        if cid:
            actions.log("comment.injected", platform="training", actor="tränare", db=db, ws=ws,
                        object_type="comment", object_id=cid, author=author)
        return bool(cid)

    return _each_member(db, class_id, one)


def inject_mail(db, class_id: int, subject: str, body: str, sender: str) -> int:
    """A message in every trainee's Inkorg, to the persona the scenario plays (or Eva)."""
    def one(ws):
        row = db.execute("SELECT email FROM persona WHERE workspace_id = ? ORDER BY id LIMIT 1",
                         (ws,)).fetchone()
        if row:
            mail.send(db, ws, row["email"], subject, body, sender=sender)
            actions.log("mail.injected", platform="training", actor="tränare", db=db, ws=ws, subject=subject)
        return bool(row)

    return _each_member(db, class_id, one)


def after_clock(db, class_id: int) -> None:
    """After the class's clock moved: every member's tasks evaluated against their world."""
    _each_member(db, class_id, lambda ws: True)


def reset_member(db, class_id: int, ws: str, scenario) -> bool:
    """Start one trainee over: the scenario's world, on the class's time."""
    klass = get(db, class_id)
    if klass is None or member_of(db, class_id, ws) is None:
        return False
    start_member(db, klass, ws, scenario)
    return True


def remove_member(db, class_id: int, ws: str) -> bool:
    """Out of the class (their practice world stays theirs, without the class's scenario)."""
    if member_of(db, class_id, ws) is None:
        return False
    db.execute("DELETE FROM training_member WHERE class_id = ? AND workspace_id = ?", (class_id, ws))
    progress.stop(db, ws)
    db.execute("UPDATE workspace SET clock_frozen = NULL WHERE id = ?", (ws,))
    db.commit()
    return True


def task_name(task) -> str:
    """A task's name for a table (its ``name:``, or its instruction's first sentence, short)."""
    return getattr(task, "title", "") or task.id


def mistakes_text(found: list[dict]) -> str:
    return " | ".join(f"{m['text']}" + (f" (”{m['quote']}”)" if m.get("quote") else "")
                      + (f" – {m['section']}" if m.get("section") else "") for m in found)
