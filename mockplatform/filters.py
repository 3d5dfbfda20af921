"""Jinja filters and globals: Swedish dates and times (sv-SE, Europe/Stockholm)."""

from __future__ import annotations

from datetime import datetime

from flask import g

from . import clock

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december"]
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]


def sv_datetime(value: datetime | str | None, weekday: bool = False) -> str:
    """'24 november 2026 kl. 09:00' (with weekday: 'tisdag 24 november 2026 kl. 09:00')."""
    if not value:
        return ""
    dt = clock.local(value)
    text = f"{dt.day} {MONTHS[dt.month - 1]} {dt.year} kl. {dt:%H:%M}"
    return f"{WEEKDAYS[dt.weekday()]} {text}" if weekday else text


def sv_relative(value: datetime | str | None, now: datetime | None = None) -> str:
    """Facebook-style: 'Just nu', '5 min', '3 tim', 'I går kl. 14:05', '2 november kl. 09:00'."""
    if not value:
        return ""
    now = now or g.get("now") or clock.real_now()
    dt = clock.local(value)
    seconds = (now - dt).total_seconds()
    if seconds < 0:
        return sv_datetime(dt)
    if seconds < 60:
        return "Just nu"
    if seconds < 3600:
        return f"{int(seconds // 60)} min"
    if seconds < 86400:
        return f"{int(seconds // 3600)} tim"
    local_now = clock.local(now)
    if (local_now.date() - dt.date()).days == 1:
        return f"I går kl. {dt:%H:%M}"
    if dt.year == local_now.year:
        return f"{dt.day} {MONTHS[dt.month - 1]} kl. {dt:%H:%M}"
    return sv_datetime(dt)


def sv_size(n: int) -> str:
    """A byte limit as a person reads it, never more than it is: '10 MB', '1,5 MB', '500 kB'."""
    for unit, size in (("MB", 1024 * 1024), ("kB", 1024)):
        if n >= size:
            tenths = int(n * 10 // size)  # rounded down: "at most 1,5 MB" must hold
            return f"{tenths // 10}{',' + str(tenths % 10) if tenths % 10 else ''} {unit}"
    return f"{n} byte"


def init_app(app) -> None:
    app.add_template_filter(sv_datetime)
    app.add_template_filter(sv_relative)
    app.add_template_filter(clock.local, "sv_local")  # an aware datetime in Swedish time
    app.jinja_env.globals["sandbox_now"] = lambda: g.get("now")
    # The date pickers' "today" (sandbox time, ÅÅÅÅ-MM-DD): what "2/12" without a year means.
    app.jinja_env.globals["sandbox_today"] = lambda: (
        clock.local(g.now).date().isoformat() if g.get("now") else "")
    app.jinja_env.globals["url_rules"] = app.view_functions  # 'x.y' in url_rules: feature exists

    @app.context_processor
    def world_context():
        from .workspaces import world_data

        org = world_data()["organisation"]
        return {"world_org": org["name"], "world_domain": org["email_domain"]}
