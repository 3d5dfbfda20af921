"""The exercise world moves: a scenario's timeline entries arrive when sandbox time passes
them (a clock hook), exactly once each, also when time jumps – placed at the moment they were
due, so a deadline counts from when the comment really came in."""

from __future__ import annotations

from .. import actions, clock
from . import items


def fired(db, ws: str) -> dict[int, dict]:
    return {r["entry_index"]: dict(r) for r in db.execute(
        "SELECT * FROM training_event WHERE workspace_id = ? ORDER BY entry_index", (ws,))}


def arrived(db, ws: str, scenario) -> dict[str, object]:
    """key → sandbox time it arrived, for the entries that have."""
    out = {}
    for index, row in fired(db, ws).items():
        if index < len(scenario.timeline) and scenario.timeline[index].key:
            out[scenario.timeline[index].key] = clock.parse(row["fired_at"])
    return out


def fire_due(db, ws: str, now, scenario, since) -> int:
    """Place every entry whose time has come and has not arrived yet. Returns how many."""
    if not scenario.timeline:
        return 0
    done = set(fired(db, ws))
    count = 0
    for event in scenario.timeline:
        due = since + event.at
        if event.index in done or due > now:
            continue
        cur = db.execute(
            "INSERT OR IGNORE INTO training_event (workspace_id, entry_index, fired_at, fired_real)"
            " VALUES (?, ?, ?, ?)", (ws, event.index, clock.iso(due), clock.iso(clock.real_now())))
        if cur.rowcount == 0:  # another request placed it first
            continue
        object_id = items.place(db, ws, event.item, due)
        actions.log("training.event", platform="training", actor="system", db=db, ws=ws, at=due,
                    object_type=event.item.kind, object_id=object_id, entry=event.index, key=event.key,
                    label=event.label)
        count += 1
    return count


def next_due(scenario, since, now):
    """The next entry that has not come yet, and when it will."""
    for event in scenario.timeline:
        if since + event.at > now:
            return event, since + event.at
    return None, None
