"""What a scenario puts into the world: its items (posts, comments, replies, mails, each maybe
with a key), its timeline of events and its "Lär dig först" part, read from YAML with Swedish
errors that name the place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from ..logtext import shortened
from .days import offset

# What a scenario can seed at its start or let arrive on its timeline.
ITEM_KINDS = {"comment", "post", "mail", "reply"}
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class Item:
    """A post, comment, reply or mail the scenario puts in the world, maybe with a key."""
    kind: str
    data: dict
    key: str | None = None


@dataclass
class Event:
    """A timeline entry: ``item`` arrives when sandbox time passes start + ``at``."""
    index: int
    at: timedelta
    item: Item

    @property
    def key(self) -> str | None:
        return self.item.key

    @property
    def label(self) -> str:
        d, kind = self.item.data, self.item.kind
        if kind == "mail":
            return f"Mejl: {d.get('subject', '')}"
        if kind == "post":
            return f"Inlägg på {d.get('page', '')}: {_short(d.get('text', ''))}"
        who = d.get("author", "")
        return f"{'Svar' if kind == 'reply' else 'Kommentar'} från {who}: {_short(d.get('text', ''))}"


def _short(text: str) -> str:
    return shortened(text, 60)


@dataclass
class Learn:
    """'Lär dig först': the rule in the handbook's words, one example, where it stands."""
    rule: str
    example: str = ""
    handbook: str = ""


def parse_learn(raw, fail) -> Learn | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not raw.get("rule"):
        fail("learn ska ha rule (regeln med handbokens ord) och gärna example och handbook.")
    return Learn(rule=str(raw["rule"]).strip(), example=str(raw.get("example") or "").strip(),
                 handbook=str(raw.get("handbook") or "").strip())


def parse_item(raw, where: str, fail, known: dict[str, str]) -> Item:
    kinds = set(raw) & ITEM_KINDS if isinstance(raw, dict) else set()
    if len(kinds) != 1 or not isinstance(raw[next(iter(kinds))], dict):
        fail(f"{where} ska vara en av {', '.join(sorted(ITEM_KINDS))} med sina fält.")
    kind = kinds.pop()
    data = dict(raw[kind])
    key = data.pop("key", None)
    needs = {"post": ("page", "text"), "comment": ("page", "author", "text"),
             "reply": ("comment", "author", "text"), "mail": ("to", "subject")}[kind]
    missing = [k for k in needs if not data.get(k)]
    if missing:
        fail(f"{where} ({kind}): {', '.join(missing)} saknas.")
    for ref, ref_kind in (("post", "post"), ("comment", "comment")):
        if kind != ref_kind and data.get(ref) and known.get(data[ref]) != ref_kind:
            fail(f"{where}: {ref} '{data[ref]}' är ingen nyckel för ett {ref_kind} som finns tidigare i "
                 "scenariot.")
    if key is not None:
        if not _KEY.match(str(key)):
            fail(f"{where}: key '{key}' får bara innehålla a–z, 0–9 och bindestreck.")
        if key in known:
            fail(f"{where}: key '{key}' finns redan.")
        known[key] = kind
    return Item(kind=kind, data=data, key=key)


def parse_timeline(raw, fail, known: dict[str, str]) -> list[Event]:
    if not isinstance(raw, list):
        fail("'timeline' ska vara en lista med händelser.")
    events = []
    for i, entry in enumerate(raw, 1):
        where = f"timeline nr {i}"
        if not isinstance(entry, dict) or "at" not in entry:
            fail(f"{where}: 'at' saknas (t.ex. at: +15m).")
        try:
            at = offset(entry["at"])
        except ValueError as exc:
            fail(f"{where}: {exc}")
        placed = parse_item({k: v for k, v in entry.items() if k != "at"}, where, fail, known)
        events.append(Event(index=i - 1, at=at, item=placed))
    if [e.at for e in events] != sorted(e.at for e in events):
        fail("timeline: händelserna ska stå i tidsordning.")
    return events
