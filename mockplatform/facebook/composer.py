"""Reading and checking what the composer sends. Errors are Swedish sentences."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .. import clock
from ..rules import photo_consent
from .model import MAX_TEXT

FEELINGS = ["glad", "stolt", "tacksam", "förväntansfull", "peppad", "firar", "kall"]
MODES = {"now": "Dela nu", "schedule": "Schemalägg", "backdate": "Tillbakadatera",
         "draft": "Spara utkast"}
MIN_AHEAD = timedelta(minutes=10)
MAX_AHEAD = timedelta(days=183)


@dataclass
class Draft:
    text: str = ""
    feeling: str = ""
    mode: str = "now"
    date: str = ""
    time: str = ""
    errors: list[str] = field(default_factory=list)
    publish_at: datetime | None = None
    image: dict = field(default_factory=dict)  # the answers about a person in the photo/video


def read(form, now: datetime, *, has_media: bool = False) -> Draft:
    draft = Draft(
        text=(form.get("text") or "").replace("\r\n", "\n").strip(),
        feeling=form.get("feeling") or "",
        mode=form.get("mode") or "now",
        date=form.get("date") or "",
        time=form.get("time") or "",
    )
    if draft.mode not in MODES:
        draft.errors.append("Okänt sätt att dela inlägget.")
        return draft
    if draft.feeling and draft.feeling not in FEELINGS:
        draft.errors.append("Den känslan finns inte att välja.")
    if has_media:
        draft.image, consent_errors = photo_consent.read_answers(form)
        draft.errors.extend(consent_errors)
    if not draft.text and not has_media:
        draft.errors.append("Inlägget är tomt. Skriv något eller lägg till ett foto eller en video.")
    if len(draft.text) > MAX_TEXT:
        draft.errors.append(f"Inlägget är för långt: {len(draft.text):,} tecken. Högst "
                            f"{MAX_TEXT:,} tecken får plats.".replace(",", " "))
    draft.publish_at = now
    if draft.mode == "schedule":
        when = schedule_time(draft.date, draft.time, now, draft.errors)
        draft.publish_at = when or now
    elif draft.mode == "backdate":
        draft.publish_at = backdate_time(draft.date, now, draft.errors) or now
    return draft


def schedule_time(date: str, time: str, now: datetime, errors: list[str]) -> datetime | None:
    if not date or not time:
        errors.append("Välj både datum och tid för när inlägget ska publiceras.")
        return None
    try:
        when = clock.parse_local(date, time)
    except ValueError as exc:
        errors.append(str(exc))
        return None
    if when <= now:
        errors.append("Tiden har redan varit. Välj en tid som ligger framåt i tiden.")
    elif when < now + MIN_AHEAD:
        errors.append("Ett inlägg kan schemaläggas tidigast tio minuter framåt.")
    elif when > now + MAX_AHEAD:
        errors.append("Ett inlägg kan schemaläggas högst sex månader framåt.")
    return when


def backdate_time(date: str, now: datetime, errors: list[str]) -> datetime | None:
    try:
        when = clock.parse_local(date, "12:00")
    except ValueError as exc:
        errors.append(str(exc))
        return None
    if clock.local(when).date() >= clock.local(now).date():
        errors.append("Ett tillbakadaterat inlägg måste ha ett datum före i dag.")
    elif when.year < 2004:
        errors.append("Datumet är för tidigt – Facebook fanns inte då.")
    return when
