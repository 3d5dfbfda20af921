"""The action log in words a person reads: "09:14 Eva Lind publicerade ett inlägg på Östhammars
kommun". One sentence per verb; a new verb is one line in SENTENCES. A sentence names fields
of the action's detail in braces ({page}, {email} …); ids are turned into names first (see
Names), and anything unknown becomes a neutral word, never a code."""

from __future__ import annotations

import string
from collections import OrderedDict
from dataclasses import dataclass

from . import clock
from .filters import MONTHS, WEEKDAYS


def shortened(text, n: int) -> str:
    """A text on one line, at most ``n`` characters (cut with "…"): a quote in a list."""
    text = " ".join(str(text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


# verb → sentence. {who} is the person (or Sandlådan/utbildaren) who did it. "verb/flag" is
# the sentence for when the action's detail has that flag set.
SENTENCES: dict[str, str] = {
    "post.published": "{who} publicerade ett inlägg på {page}",
    "post.published/scheduled": "Ett schemalagt inlägg publicerades på {page}",
    "post.published/backdated": "{who} publicerade ett tillbakadaterat inlägg på {page}",
    "post.scheduled": "{who} schemalade ett inlägg på {page} till {publish_at}",
    "post.rescheduled": "{who} flyttade ett schemalagt inlägg på {page} till {publish_at}",
    "post.drafted": "{who} sparade ett utkast på {page}",
    "post.edited": "{who} redigerade ett inlägg på {page}",
    "post.deleted": "{who} tog bort ett inlägg på {page}",
    "comment.replied": "{who} svarade på en kommentar på {page}",
    "comment.hidden": "{who} dolde en kommentar på {page}",
    "comment.unhidden": "{who} visade en dold kommentar igen på {page}",
    "comment.deleted": "{who} tog bort en kommentar på {page}",
    "comment.injected": "{who} lade till en kommentar från {author}",
    "comment.registered": "{who} diarieförde en kommentar på {page} (diarienummer {number})",
    "post.refused": "{who} fick ett inlägg på {page} stoppat: det bröt mot handboken",
    "facebook.login": "{who} loggade in på Facebook",
    "facebook.logout": "{who} loggade ut från Facebook",
    "invitation.sent": "{who} bjöd in {email} till {business} som {access}",
    "invitation.accepted": "{who} accepterade inbjudan till {business}",
    "invitation.withdrawn": "{who} drog tillbaka inbjudan till {email}",
    "member.role_changed": "{who} ändrade behörigheterna för {person} i {business}",
    "member.removed": "{who} tog bort {person} ur {business}",
    "instagram.login": "{who} loggade in på Instagram",
    "instagram.logout": "{who} loggade ut från Instagram",
    "instagram.logout/all": "{who} loggade ut från alla Instagramkonton",
    "instagram.account_added": "{who} lades till som ytterligare ett konto i Instagram",
    "instagram.switched": "Instagram bytte till kontot {who}",
    "instagram.app_installed": "{who} installerade Instagram från {store}",
    "instagram.post_published": "{who} delade ett inlägg på Instagram",
    "instagram.post_refused": "{who} fick ett inlägg stoppat på Instagram",
    "instagram.reset_requested": "{who} bad om ett nytt lösenord till Instagram",
    "instagram.password_reset": "{who} bytte lösenord på Instagram",
    "instagram.account_closed": "Instagramkontot {who} avslutades; kommunikationsenheten fick veta det",
    "account.planned": "{who} skickade planeringen av ett nytt konto ({channel}, {unit}) till "
                       "kommunikationsenheten",
    "clock.advanced": "{who} flyttade fram Sandlådans tid {duration}",
    "clock.set": "{who} ställde Sandlådans klocka på {to}",
    "workspace.reset": "Övningsmiljön återställdes",
    "training.started": "Övningen {scenario} startade",
    "training.task_done": "Uppgift {task} i övningen {scenario} är klar",
    "training.task_undone": "Uppgift {task} i övningen {scenario} är inte längre klar: {why}",
    "training.event": "I övningen hände något: {label}",
    "mail.injected": "{who} skickade ett mejl till inkorgen: {subject}",
    "clock.paused": "{who} pausade Sandlådans klocka",
    "clock.resumed": "{who} startade Sandlådans klocka igen",
    "rule.flagged": "Handboken påminner: {message}",
}
FALLBACK = "{who} gjorde en ändring i {platform}"

PLATFORMS = OrderedDict([("facebook", "Facebook"), ("business", "Business Manager"),
                         ("instagram", "Instagram"), ("ines", "Intranätet Ines"), ("training", "Övningar"),
                         ("sandbox", "Sandlådan")])
ACTORS = {"system": "Sandlådan", "tränare": "Utbildaren", None: "Du"}


class Names:
    """Ids and keys in a workspace's log → the names the user sees on screen (read once)."""

    def __init__(self, db, ws: str):
        def table(sql: str) -> dict:
            return {r[0]: r[1] for r in db.execute(sql, (ws,))}

        self.pages = table("SELECT id, name FROM page WHERE workspace_id = ?")
        self.businesses = table("SELECT id, name FROM business WHERE workspace_id = ?")
        self.personas = table("SELECT key, name FROM persona WHERE workspace_id = ?")
        self.persona_ids = table("SELECT id, name FROM persona WHERE workspace_id = ?")
        self.ig = table("SELECT username, username FROM ig_account WHERE workspace_id = ?")

    def actor(self, key: str | None) -> str:
        if key in ACTORS:
            return ACTORS[key]
        return self.personas.get(key) or self.ig.get(key) or str(key)


class _Blank(dict):
    def __missing__(self, key):
        return {"page": "en sida", "business": "företaget", "person": "en person",
                "email": "en person"}.get(key, "")


def _duration(seconds) -> str:
    minutes = round(float(seconds or 0) / 60)
    days, rest = divmod(minutes, 1440)
    hours, minutes = divmod(rest, 60)
    parts = [f"{days} {'dag' if days == 1 else 'dagar'}" if days else "",
             f"{hours} {'timme' if hours == 1 else 'timmar'}" if hours else "",
             f"{minutes} {'minut' if minutes == 1 else 'minuter'}" if minutes else ""]
    return " och ".join(p for p in parts if p) or "en stund"


def _when(value) -> str:
    try:
        dt = clock.local(value)
    except (TypeError, ValueError):
        return ""
    return f"{dt.day} {MONTHS[dt.month - 1]} {dt.year} kl. {dt:%H:%M}"


def _scenario_title(scenario_id) -> str:
    try:
        from .training import catalog

        found = catalog.get(scenario_id)
    except Exception:  # a log must never fail to show because a scenario file changed
        found = None
    return f"”{found.title}”" if found else ""


def sentence(entry: dict, names: Names) -> str:
    """One log entry (a row of actions.recent) as a Swedish sentence, without its time (the log
    page and the trainer's review both say it this way)."""
    d = entry.get("detail") or {}
    values = _Blank({k: v for k, v in d.items() if isinstance(v, str | int | float)})
    values["who"] = names.actor(entry.get("actor"))
    values["platform"] = PLATFORMS.get(entry.get("platform"), "Sandlådan")
    if "page_id" in d:
        values["page"] = names.pages.get(d["page_id"], "en sida")
    elif entry.get("object_type") == "page":
        values["page"] = names.pages.get(entry.get("object_id"), "en sida")
    if "business_id" in d:
        values["business"] = names.businesses.get(d["business_id"], "företaget")
    if "person" in d:
        values["person"] = names.personas.get(d["person"], "en person")
    elif "persona_id" in d:
        values["person"] = names.persona_ids.get(d["persona_id"], "en person")
    if "access" in d:
        values["access"] = str(d["access"]).lower()
    if "publish_at" in d:
        values["publish_at"] = _when(d["publish_at"])
    if "to" in d:
        values["to"] = _when(d["to"])
    if "seconds" in d:
        values["duration"] = _duration(d["seconds"])
    if "scenario" in d:
        values["scenario"] = _scenario_title(d["scenario"])
    verb = entry.get("verb")
    flagged = [f"{verb}/{flag}" for flag, on in d.items() if on is True and f"{verb}/{flag}" in SENTENCES]
    template = SENTENCES[flagged[0]] if flagged else SENTENCES.get(verb, FALLBACK)
    text = string.Formatter().vformat(template, (), values)
    return " ".join(text.split()) + "."


@dataclass
class Line:
    time: str
    datetime: str
    text: str


@dataclass
class Day:
    title: str
    lines: list[Line]


def grouped(entries: list[dict], names: Names) -> list[tuple[str, list[Day]]]:
    """[(platform name, [Day(title, lines newest first)])], platforms in PLATFORMS order."""
    out: dict[str, dict[str, Day]] = {}
    for e in entries:
        platform = PLATFORMS.get(e.get("platform"), "Sandlådan")
        at = clock.local(e["at"])
        day_title = f"{WEEKDAYS[at.weekday()]} {at.day} {MONTHS[at.month - 1]} {at.year}"
        days = out.setdefault(platform, {})
        days.setdefault(day_title, Day(day_title, [])).lines.append(
            Line(f"{at:%H:%M}", at.isoformat(), sentence(e, names)))
    order = list(PLATFORMS.values())
    return [(p, list(out[p].values())) for p in sorted(out, key=order.index)]
