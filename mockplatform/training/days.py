"""Days and times in scenarios: 'måndag 10:00', the next such weekday, '+15m' offsets."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from .. import clock
from ..dates import WEEKDAYS, next_weekday  # one home for weekdays: guides and scenarios share it

_TIME = re.compile(r"^(?:(?P<weekday>[a-zåäö]+)|(?P<date>\d{4}-\d{2}-\d{2}))\s+(?P<hhmm>\d{1,2}:\d{2})$")


def start_time(spec: str, now: datetime) -> datetime:
    """'fredag 09:00' → the next Friday (after today) at 09:00 Swedish time;
    '2026-12-04 09:00' → that moment. Raises ValueError with a Swedish message."""
    match = _TIME.match((spec or "").strip().lower())
    if not match:
        raise ValueError(f"förstår inte '{spec}'. Skriv t.ex. 'måndag 09:00' eller '2026-12-07 09:00'.")
    if match["date"]:
        return clock.parse_local(match["date"], match["hhmm"])
    if match["weekday"] not in WEEKDAYS:
        raise ValueError(f"'{match['weekday']}' är ingen veckodag ({', '.join(WEEKDAYS)}).")
    return clock.parse_local(next_weekday(match["weekday"], now).isoformat(), match["hhmm"])


def offset(spec) -> timedelta:
    """A timeline offset from the scenario's start: '+15m', '+2h', '+1d 2h', '0m'."""
    text = str(spec or "").strip()
    if not text:
        raise ValueError("tiden saknas. Skriv t.ex. +15m eller +2h.")
    try:
        return clock.parse_duration(text.lstrip("+").strip())
    except ValueError:
        raise ValueError(f"förstår inte '{text}'. Skriv t.ex. +15m, +2h eller +1d.") from None
