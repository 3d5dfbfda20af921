"""Classes: a trainer's group with a join code; each trainee has a workspace of their own."""

from __future__ import annotations

import secrets

from .. import actions, clock, mail, workspaces
from . import progress

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


def create(db, name: str, scenario_id: str) -> int:
    cur = db.execute("INSERT INTO training_class (name, code, scenario_id, created_at) VALUES (?, ?, ?, ?)",
                     (name, new_code(db), scenario_id, clock.iso(clock.real_now())))
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


def join(db, klass, name: str, scenario) -> str:
    """A new workspace for the trainee, in the class, with the class's scenario started."""
    ws = workspaces.create(db, label=name)
    db.execute("INSERT INTO training_member (workspace_id, class_id, name, joined_at) VALUES (?, ?, ?, ?)",
               (ws, klass["id"], name, clock.iso(clock.real_now())))
    progress.start(db, ws, scenario)
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
    """One row per trainee: name, each task's state, hints, mistakes, time."""
    out = []
    for m in members(db, class_id):
        ws = m["workspace_id"]
        now = clock.tick(db, ws)
        state = progress.refresh(db, ws, scenario)
        if state is None:
            out.append({"workspace": ws, "name": m["name"], "tasks": [None] * len(scenario.tasks),
                        "done": 0, "hints": 0, "mistakes": 0, "minutes": None, "now": now})
            continue
        report = progress.debrief(db, ws, state)
        out.append({"workspace": ws, "name": m["name"], "tasks": [t.done for t in state.tasks],
                    "done": state.done_count, "hints": report.hints, "mistakes": len(report.mistakes),
                    "minutes": round(report.seconds / 60, 1), "finished": state.finished, "now": now})
    db.commit()
    return out


def advance(db, class_id: int, delta) -> None:
    for m in members(db, class_id):
        clock.advance(db, m["workspace_id"], delta)
        actions.log("clock.advanced", platform="training", actor="tränare", db=db,
                    ws=m["workspace_id"], seconds=delta.total_seconds())
    db.commit()


def inject_comment(db, class_id: int, page_slug: str, author: str, text: str) -> int:
    """A citizen's comment on the Page's latest post in every trainee's world. Returns how many."""
    count = 0
    for m in members(db, class_id):
        ws = m["workspace_id"]
        page = db.execute("SELECT id FROM page WHERE workspace_id = ? AND slug = ?",
                          (ws, page_slug)).fetchone()
        if page is None:
            continue
        cid = progress.add_comment(db, ws, page["id"], author, text, "question", clock.iso(clock.now(db, ws)))
        if cid:
            actions.log("comment.injected", platform="training", actor="tränare", db=db, ws=ws,
                        object_type="comment", object_id=cid, author=author)
            count += 1
    db.commit()
    return count


def inject_mail(db, class_id: int, subject: str, body: str, sender: str) -> int:
    """A message in every trainee's Inkorg, to the persona the scenario plays (or Eva)."""
    count = 0
    for m in members(db, class_id):
        ws = m["workspace_id"]
        row = db.execute("SELECT email FROM persona WHERE workspace_id = ? ORDER BY id LIMIT 1",
                         (ws,)).fetchone()
        if row:
            mail.send(db, ws, row["email"], subject, body, sender=sender)
            count += 1
    db.commit()
    return count


def reset_member(db, class_id: int, ws: str, scenario) -> bool:
    member = db.execute("SELECT 1 FROM training_member WHERE class_id = ? AND workspace_id = ?",
                        (class_id, ws)).fetchone()
    if member is None:
        return False
    progress.start(db, ws, scenario)  # resets the world and starts over at task 1
    return True
