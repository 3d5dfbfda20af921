"""One clock per class, the trainer's: it starts at the scenario's start time, moves only
forward, can stand still (paused), and every member's sandbox time follows it. Inside an
exercise a trainee's own clock only moves forward; inside a class it is not theirs to move."""

from __future__ import annotations

from datetime import timedelta

from .. import actions, clock
from . import timeline
from .days import start_time

SLACK = timedelta(seconds=2)  # clocks read a moment apart are the same time


def guard(db, ws: str, current, target, by: str) -> None:
    """A clock guard (clock.guard): refuses what an exercise does not allow."""
    member = db.execute("SELECT 1 FROM training_member WHERE workspace_id = ?", (ws,)).fetchone()
    if member and by == "user":
        raise ValueError("I en grupp är det utbildaren som styr Sandlådans tid.")
    running = db.execute("SELECT 1 FROM training_run WHERE workspace_id = ?", (ws,)).fetchone()
    if running and target < current - SLACK:
        raise ValueError("Under en övning går tiden bara framåt. Avsluta övningen för att ställa "
                         "tillbaka klockan.")


def begin(scenario):
    """Where a new class's clock starts: the scenario's start time, or now."""
    return start_time(scenario.start.time, clock.real_now()) if scenario.start.time else clock.real_now()


def now(klass):
    """The class's sandbox time."""
    if klass["paused_at"]:
        return clock.parse(klass["paused_at"]) + timedelta(seconds=klass["clock_offset"])
    return clock.real_now() + timedelta(seconds=klass["clock_offset"])


def started(klass):
    return clock.parse(klass["started_at"]) if klass["started_at"] else now(klass)


def _members(db, class_id: int) -> list[str]:
    return [r["workspace_id"] for r in db.execute(
        "SELECT workspace_id FROM training_member WHERE class_id = ? ORDER BY rowid", (class_id,))]


def _follow(db, klass, verb: str, **detail) -> None:
    """Every member's clock to the class's time (and standing still when the class's does)."""
    when = now(klass)
    for ws in _members(db, klass["id"]):
        try:
            clock.set_time(db, ws, when, by="trainer", frozen=bool(klass["paused_at"]))
        except ValueError:  # a member already past the class's time keeps theirs
            continue
        actions.log(verb, platform="training", actor="tränare", db=db, ws=ws, **detail)


def _reload(db, class_id: int):
    return db.execute("SELECT * FROM training_class WHERE id = ?", (class_id,)).fetchone()


def advance(db, klass, delta: timedelta):
    if delta.total_seconds() <= 0:
        raise ValueError("Tiden kan bara flyttas framåt.")
    clock._in_range(now(klass) + delta)
    db.execute("UPDATE training_class SET clock_offset = clock_offset + ? WHERE id = ?",
               (delta.total_seconds(), klass["id"]))
    klass = _reload(db, klass["id"])
    _follow(db, klass, "clock.advanced", seconds=delta.total_seconds())
    return klass


def move_to(db, klass, when):
    """The class's clock forward to ``when`` (a date and time the trainer picked)."""
    if when <= now(klass):
        raise ValueError("Tiden kan bara flyttas framåt: välj en tid efter gruppens klocka.")
    return advance(db, klass, when - now(klass))


def pause(db, klass, paused: bool):
    if bool(klass["paused_at"]) == paused:
        return klass
    if paused:
        db.execute("UPDATE training_class SET paused_at = ? WHERE id = ?",
                   (clock.iso(clock.real_now()), klass["id"]))
    else:  # time flows again from where it stood
        stood = now(klass)
        db.execute("UPDATE training_class SET paused_at = NULL, clock_offset = ? WHERE id = ?",
                   ((stood - clock.real_now()).total_seconds(), klass["id"]))
    klass = _reload(db, klass["id"])
    _follow(db, klass, "clock.paused" if paused else "clock.resumed")
    return klass


def next_event(klass, scenario):
    """The next timeline entry the class has not reached, and when it is due."""
    return timeline.next_due(scenario, started(klass), now(klass))


def fire_next(db, klass, scenario):
    """Move the class's clock to the next timeline entry: it arrives for everyone now."""
    event, due = next_event(klass, scenario)
    if event is None:
        return klass, None
    return advance(db, klass, due - now(klass) + timedelta(seconds=1)), event
