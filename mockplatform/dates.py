"""Weekdays and the one date syntax of guides and scenario solutions.

    {datum}          today (the local date of the base time), ÅÅÅÅ-MM-DD
    {datum+2}        two days later
    {datum:torsdag}  the next Thursday after the base date (never the same day)

Guides count from the moment they run; a scenario's solution from the moment the scenario
started (its sandbox time). Kept apart from training/ so checks and scenarios can both use it
without importing each other."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from . import clock

WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
TOKEN = re.compile(r"\{datum(?:\+(\d+)|:([a-zåäö]+))?\}")
_OLD = re.compile(r"\{date(?:\+\d+)?\}")


class DateError(ValueError):
    pass


def next_weekday(weekday: str, after: datetime) -> date:
    """The date of the next ``weekday`` after the local date of ``after`` (never the same day)."""
    day = clock.local(after).date()
    ahead = (WEEKDAYS.index(weekday) - day.weekday()) % 7 or 7
    return day + timedelta(days=ahead)


def problem(text: str) -> str | None:
    """A Swedish message when ``text`` has a date token that cannot be filled in, else None."""
    old = _OLD.search(text or "")
    if old:
        return f"{old.group(0)} heter nu {old.group(0).replace('date', 'datum')}"
    for m in TOKEN.finditer(text or ""):
        if m.group(2) and m.group(2) not in WEEKDAYS:
            return f"”{m.group(2)}” i {m.group(0)} är ingen veckodag ({', '.join(WEEKDAYS)})"
    return None


def fill(text: str, base: datetime | None = None) -> str:
    """Replace every date token in ``text``, counting from ``base`` (default: now)."""
    when = base or clock.real_now()

    def one(m):
        if m.group(2):
            if m.group(2) not in WEEKDAYS:
                raise DateError(problem(m.group(0)))
            return next_weekday(m.group(2), when).isoformat()
        return (clock.local(when).date() + timedelta(days=int(m.group(1) or 0))).isoformat()

    return TOKEN.sub(one, str(text))
