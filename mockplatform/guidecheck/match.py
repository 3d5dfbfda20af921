"""Find the one control a guide's words mean. Never "first match wins".

A label matches an accessible name when they are equal after: ignoring case, collapsing
white space, and ignoring non-letters at either end (so *skriv ett inlägg* matches the
button "Skriv ett inlägg …" and *Lägg till* matches "+ Lägg till"). Only visible elements
with a control role count; inside an open modal <dialog>, only the dialog does. Zero
matches and two or more matches are both failures.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

from .parser import normalise
from .syntax import CONTROL_ROLES, Target

_EDGE = "[^0-9A-Za-zÀ-ÖØ-öø-ÿ]*"
_SNAPSHOT_LINE = re.compile(r"^\s*- '?([a-z]+) \"((?:[^\"\\]|\\.)*)\"", re.MULTILINE)


class Mismatch(Exception):
    """The page does not fit the guide's words: ``expected`` and ``found``, in Swedish."""

    def __init__(self, expected: str, found: str):
        super().__init__(f"{expected} – {found}")
        self.expected, self.found = expected, found


@dataclass
class Found:
    locator: Locator  # exactly one element
    name: str  # its accessible name
    scope: Locator | None = None
    scope_name: str | None = None


def _js_escape(text: str) -> str:
    return re.sub(r"([.*+?^${}()|\[\]\\/])", r"\\\1", text)


def name_pattern(label: str) -> re.Pattern:
    body = r"\s+".join(_js_escape(w) for w in label.split())
    return re.compile(f"^{_EDGE}{body}{_EDGE}$", re.IGNORECASE)


def same_label(label: str, name: str) -> bool:
    """The Python twin of :func:`name_pattern` (used for names read back from the page)."""
    return bool(re.fullmatch(f"{_EDGE}{re.escape(normalise(label))}{_EDGE}", normalise(name)))


def root(page: Page) -> Locator:
    """The open modal dialog (everything behind it is inert), else the whole page."""
    modal = page.locator("dialog:modal")
    return modal if modal.count() == 1 else page.locator("body")


def _is_modal(where: Locator) -> bool:
    return where.evaluate("e => e.matches('dialog:modal')")


def _any_role(where: Locator, pattern, roles) -> Locator:
    parts = [where.get_by_role(r, name=pattern) for r in roles]
    return functools.reduce(lambda a, b: a.or_(b), parts).filter(visible=True)


def snapshot_names(where: Locator, roles=CONTROL_ROLES) -> list[tuple[str, str]]:
    try:
        snap = where.aria_snapshot(timeout=2000)
    except PlaywrightError:
        return []
    return [(m.group(1), m.group(2).replace('\\"', '"'))
            for m in _SNAPSHOT_LINE.finditer(snap) if m.group(1) in roles]


def nearest(where: Locator, label: str, roles=CONTROL_ROLES) -> str:
    names = list(dict.fromkeys(name for _, name in snapshot_names(where, roles)))
    if not names:
        return "inga kontroller alls"
    by_norm = {normalise(n): n for n in names}
    close = difflib.get_close_matches(normalise(label), list(by_norm), n=5, cutoff=0.35)
    shown = [by_norm[c] for c in close] or names[:8]
    what = "närmast liknande" if close else "på sidan finns bland annat"
    return f"{what}: " + ", ".join(f"”{n}”" for n in shown)


def _name_of(one: Locator) -> str:
    names = snapshot_names(one, roles=_ALL_ROLES)
    return names[0][1] if names else ""


_ALL_ROLES = CONTROL_ROLES + ("article", "menu", "menubar", "dialog", "region", "navigation",
                              "main", "banner", "complementary", "list", "listitem", "listbox",
                              "form", "group", "tablist", "heading", "img")


def _exactly_one(loc: Locator, what: str, where: Locator, label: str | None, timeout: float,
                 roles=CONTROL_ROLES) -> Locator:
    try:
        expect(loc).to_have_count(1, timeout=timeout)
        return loc
    except AssertionError:
        count = loc.count()
    if count == 1:  # it settled just now
        return loc
    if count == 0:
        found = nearest(where, label, roles) if label else "ingen"
        raise Mismatch(f"en synlig {what}", f"ingen; {found}")
    candidates = []
    for el in loc.all():  # listing every candidate for the message, never choosing one
        box = el.bounding_box() or {"x": 0, "y": 0}
        candidates.append(f"”{_name_of(el)}” vid ({round(box['x'])}, {round(box['y'])})")
    raise Mismatch(f"exakt en synlig {what}",
                   f"{count} stycken – tvetydigt: " + ", ".join(candidates))


def resolve(page: Page, target: Target | None, label: str | None, timeout: float,
            by_label: bool = False) -> Found:
    """The one element meant by ``target`` (explicit) or the italic ``label``."""
    where = root(page)
    modal_open = where is not None and _is_modal(where)
    scope = scope_name = None
    if target and target.scope_role:
        body = page.locator("body")
        scope_loc = body.get_by_role(target.scope_role)
        if target.scope_text:  # the container's name is the text, or its content holds it
            words = re.compile(re.escape(target.scope_text), re.I)
            scope_loc = body.get_by_role(target.scope_role, name=words).or_(
                scope_loc.filter(has_text=words))
        scope_loc = scope_loc.filter(visible=True)
        if modal_open:  # the container is the modal itself or inside it
            scope_loc = scope_loc.and_(page.locator("dialog:modal, dialog:modal *"))
        described = target.scope_role + (f" ”{target.scope_text}”" if target.scope_text else "")
        scope = _exactly_one(scope_loc, described, where, None, timeout)
        scope_name, where = described, scope
    name = target.name if target and target.name else label
    if target and not target.name and target.role:  # e.g. ``show menu``
        loc = where.get_by_role(target.role).filter(visible=True)
        one = _exactly_one(loc, target.role, where, None, timeout)
        return Found(one, _name_of(one), scope, scope_name)
    if name is None:
        raise Mismatch("en kontroll att peka på", "steget har varken kursiv etikett eller mål")
    if by_label:
        loc = where.get_by_label(name_pattern(name)).filter(visible=True)
        what = f"fält med etiketten ”{name}”"
    else:
        roles = (target.role,) if target and target.role else CONTROL_ROLES
        loc = _any_role(where, name_pattern(name), roles)
        what = f"kontroll med namnet ”{name}”" + (f" ({target.role})" if target and target.role else "")
    one = _exactly_one(loc, what, where, name, timeout)
    return Found(one, _name_of(one) or name, scope, scope_name)
