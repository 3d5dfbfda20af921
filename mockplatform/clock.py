"""Sandbox time, one clock per workspace: real time plus an offset that can be set and
moved forward. Features register ``on_tick`` hooks (e.g. publishing due posts), which run
on every request and whenever the clock moves."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/Stockholm")
# Sandbox time stays within these years: far enough for any exercise, never near datetime's limits.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
MAX_STEP = timedelta(days=3650)
_tick_hooks: list[Callable] = []
_guards: list[Callable] = []


def real_now() -> datetime:
    return datetime.now(UTC)


def iso(dt: datetime) -> str:
    """Stored form: UTC, seconds precision, ISO 8601."""
    return dt.astimezone(UTC).replace(microsecond=0).isoformat()


def parse(value: str) -> datetime:
    return datetime.fromisoformat(value).astimezone(UTC)


def local(dt: datetime | str) -> datetime:
    if isinstance(dt, str):
        dt = parse(dt)
    return dt.astimezone(TZ)


def now(db, workspace_id: str) -> datetime:
    row = db.execute("SELECT clock_offset, clock_frozen FROM workspace WHERE id = ?",
                     (workspace_id,)).fetchone()
    if row and row["clock_frozen"]:
        return parse(row["clock_frozen"])
    offset = row["clock_offset"] if row else 0.0
    return real_now() + timedelta(seconds=offset)


def guard(fn: Callable) -> Callable:
    """Register ``fn(db, workspace_id, current, target, by)``: raises ValueError (Swedish) when
    the clock may not move there. ``by`` is 'user', 'trainer' or 'system'."""
    if fn not in _guards:
        _guards.append(fn)
    return fn


def locked_reason(db, workspace_id: str) -> str | None:
    """Why the user may not move this workspace's clock at all (e.g. a class's clock), or None."""
    try:
        _check_guards(db, workspace_id, now(db, workspace_id) + timedelta(minutes=1), "user")
    except ValueError as exc:
        return str(exc)
    return None


def _check_guards(db, workspace_id: str, target: datetime, by: str) -> None:
    current = now(db, workspace_id)
    for fn in _guards:
        fn(db, workspace_id, current, target, by)


def on_tick(fn: Callable) -> Callable:
    """Register ``fn(db, workspace_id, now)``: called when a workspace's time is read or moved."""
    if fn not in _tick_hooks:
        _tick_hooks.append(fn)
    return fn


def tick(db, workspace_id: str) -> datetime:
    current = now(db, workspace_id)
    for fn in _tick_hooks:
        fn(db, workspace_id, current)
    return current


def _in_range(when: datetime) -> None:
    if not EARLIEST <= when < LATEST:
        raise ValueError(f"Sandlådans tid måste ligga mellan år {EARLIEST.year} och {LATEST.year - 1}.")


def set_time(db, workspace_id: str, when: datetime, *, by: str = "user",
             frozen: bool | None = None) -> datetime:
    """Set sandbox time; time keeps flowing from there (or stands still: ``frozen``;
    ``None`` keeps whether it stood still)."""
    _in_range(when)
    if by != "system":
        _check_guards(db, workspace_id, when, by)
    if frozen is None:
        row = db.execute("SELECT clock_frozen FROM workspace WHERE id = ?", (workspace_id,)).fetchone()
        frozen = bool(row and row["clock_frozen"])
    offset = (when - real_now()).total_seconds()
    db.execute("UPDATE workspace SET clock_offset = ?, clock_frozen = ? WHERE id = ?",
               (offset, iso(when) if frozen else None, workspace_id))
    return tick(db, workspace_id)


def advance(db, workspace_id: str, delta: timedelta, *, by: str = "user") -> datetime:
    if delta.total_seconds() < 0:
        raise ValueError("Tiden i sandlådan kan bara flyttas framåt.")
    return set_time(db, workspace_id, now(db, workspace_id) + delta, by=by)


_DURATION = re.compile(r"(\d+)\s*(d|h|m|min|dag|dagar|tim|t)\b", re.IGNORECASE)
_UNITS = {"d": "days", "dag": "days", "dagar": "days", "h": "hours", "tim": "hours", "t": "hours",
          "m": "minutes", "min": "minutes"}


def parse_duration(text: str) -> timedelta:
    """'2d 3h', '90m', '1 dag' → timedelta. Raises ValueError with a Swedish message."""
    text = (text or "").strip()
    parts = _DURATION.findall(text)
    if not parts or _DURATION.sub("", text).strip():
        raise ValueError(f"Förstår inte tiden ”{text}”. Skriv till exempel 2h, 30m eller 1d.")
    total = timedelta()
    try:
        for amount, unit in parts:
            total += timedelta(**{_UNITS[unit.lower()]: int(amount)})
    except OverflowError:
        total = MAX_STEP * 2
    if total > MAX_STEP:
        raise ValueError("Så långt går det inte att flytta tiden: högst tio år åt gången.")
    return total


def parse_local(date_str: str, time_str: str) -> datetime:
    """A date (ÅÅÅÅ-MM-DD) and a time (TT:MM) in Swedish time → aware UTC datetime.
    Raises ValueError with a Swedish message for dates that do not exist."""
    try:
        day = datetime.strptime((date_str or "").strip(), "%Y-%m-%d")
    except ValueError:
        raise ValueError("Datumet finns inte. Skriv det som ÅÅÅÅ-MM-DD.") from None
    try:
        clock_time = datetime.strptime((time_str or "").strip(), "%H:%M").time()
    except ValueError:
        raise ValueError("Tiden finns inte. Skriv den som TT:MM, till exempel 09:00.") from None
    when = datetime.combine(day.date(), clock_time, tzinfo=TZ)
    if not EARLIEST.year <= when.year < LATEST.year:
        raise ValueError(f"Välj ett datum mellan år {EARLIEST.year} och {LATEST.year - 1}.")
    return when.astimezone(UTC)
