"""Find the one control a guide's words mean. Never "first match wins".

A label matches an accessible name when they are equal after: ignoring case, collapsing
white space, and ignoring non-letters at either end (so *skriv ett inlägg* matches the
button "Skriv ett inlägg …" and *Lägg till* matches "+ Lägg till"). Only controls a person
sees count (see :mod:`seeing`); inside an open modal <dialog>, only the dialog does. Zero
matches and two or more matches are both failures – but only once the page has settled: a
slow page is waited for (the navigation timeout), a wrong page is not.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

from . import seeing, suggest
from .parser import normalise
from .syntax import CONTAINER_ROLES, CONTROL_ROLES, Target

_EDGE = "[^0-9A-Za-zÀ-ÖØ-öø-ÿ]*"
_SNAPSHOT_LINE = re.compile(r"^\s*- '?([a-z]+) \"((?:[^\"\\]|\\.)*)\"", re.MULTILINE)
SANDBOX_BAR = "aside.sandbox-bar"


class Mismatch(Exception):
    """The page does not fit the guide's words: ``expected`` and ``found``, in Swedish.
    ``mark`` is the control suggested instead (circled in the failure screenshot)."""

    def __init__(self, expected: str, found: str, mark: Locator | None = None):
        super().__init__(f"{expected} – {found}")
        self.expected, self.found, self.mark = expected, found, mark


class CouldNotRun(Exception):
    """The sandbox or the browser was too slow or broke: says nothing about the handbook."""


@dataclass
class Found:
    locator: Locator  # exactly one element
    name: str  # its accessible name
    scope: Locator | None = None
    scope_name: str | None = None


@dataclass
class Waits:
    check_ms: float = 5000  # a label, a claim, a text: how long the page may take to show it
    nav_ms: float = 60000  # loads and navigations: generous, a busy machine is not drift
    words: str = ""  # the step's words (role hints for suggestions)
    claims: tuple = ()  # the step's claims (where the old control was)


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


def settle(page: Page, nav_ms: float) -> None:
    """Wait until the page has loaded and the network is quiet; too slow is :class:`CouldNotRun`."""
    try:
        page.wait_for_load_state("load", timeout=nav_ms)
        page.wait_for_load_state("networkidle", timeout=nav_ms)
    except PlaywrightError as exc:
        raise CouldNotRun(f"sidan blev inte klar på {nav_ms / 1000:.0f} s: "
                          f"{str(exc).splitlines()[0]}") from None


def _any_role(where: Locator, pattern, roles) -> Locator:
    parts = [where.get_by_role(r, name=pattern) for r in roles]
    return functools.reduce(lambda a, b: a.or_(b), parts).filter(visible=True)


def snapshot_names(where: Locator, roles=CONTROL_ROLES, timeout: float = 10000) -> list[tuple[str, str]]:
    try:
        snap = where.aria_snapshot(timeout=timeout)
    except PlaywrightError:
        return []
    return [(m.group(1), m.group(2).replace('\\"', '"'))
            for m in _SNAPSHOT_LINE.finditer(snap) if m.group(1) in roles]


def nearest(page: Page, where: Locator, label: str, waits: Waits, roles=CONTROL_ROLES):
    """(message, locator of the best suggestion or None)."""
    bar = {n for _, n in snapshot_names(page.locator(SANDBOX_BAR), roles)} if page else set()
    seen, candidates = set(), []
    whole_page = where.evaluate("e => e.tagName") == "BODY"
    for role, name in snapshot_names(where, roles, waits.nav_ms):
        if (role, name) in seen or (whole_page and name in bar):
            continue
        seen.add((role, name))
        loc = where.get_by_role(role, name=name, exact=True).filter(visible=True).first
        candidates.append(suggest.Candidate(role, name, locator=loc))
    if not candidates:
        return "inga kontroller alls", None
    ranked = suggest.rank(label, candidates, waits.words, suggest.fits_claims(waits.claims))
    good = [c for c in ranked if c.score >= 60][:5]
    if not good:
        return "på sidan finns bland annat: " + ", ".join(f"”{c.name}”" for c in candidates[:8]), None
    return "kanske heter den nu " + ", ".join(suggest.describe(c) for c in good), good[0].locator


def _name_of(one: Locator) -> str:
    names = snapshot_names(one, roles=CONTROL_ROLES + CONTAINER_ROLES)
    return names[0][1] if names else ""


def _perceivable(loc: Locator) -> Locator:
    """The one candidate a person sees, when the others are transparent or hidden."""
    shows = [i for i in range(loc.count()) if loc.nth(i).evaluate(seeing.SHOWS_JS)]
    return loc.nth(shows[0]) if len(shows) == 1 else loc


def exactly_one(page: Page, loc: Locator, what: str, where: Locator, label: str | None,
                waits: Waits, roles=CONTROL_ROLES) -> Locator:
    try:
        expect(loc).to_have_count(1, timeout=waits.check_ms)
        count = 1
    except AssertionError:
        settle(page, waits.nav_ms)  # a slow page is waited for; only then is it a mismatch
        count = loc.count()
    if count > 1:
        one = _perceivable(loc)
        if one is not loc:
            loc, count = one, 1
    if count == 1:
        one = loc
        one.scroll_into_view_if_needed(timeout=waits.nav_ms)
        why = one.evaluate(seeing.PERCEIVE_JS)
        if why:
            raise Mismatch(f"en synlig {what}", f"den finns men syns inte för en människa: {why}")
        return one
    if count == 0:
        found, mark = nearest(page, where, label, waits, roles) if label else ("ingen", None)
        raise Mismatch(f"en synlig {what}", f"ingen; {found}", mark)
    candidates = []
    for el in loc.all():  # listing every candidate for the message, never choosing one
        box = el.bounding_box() or {"x": 0, "y": 0}
        candidates.append(f"”{_name_of(el)}” vid ({round(box['x'])}, {round(box['y'])})")
    raise Mismatch(f"exakt en synlig {what}", f"{count} stycken – tvetydigt: " + ", ".join(candidates))


def scope_of(page: Page, target: Target, waits: Waits) -> tuple[Locator, str]:
    where = root(page)
    modal_open = where.evaluate("e => e.matches('dialog:modal')")
    body = page.locator("body")
    scope_loc = body.get_by_role(target.scope_role)
    if target.scope_text:  # the container's name is the text, or its content holds it
        words = re.compile(re.escape(target.scope_text), re.I)
        scope_loc = body.get_by_role(target.scope_role, name=words).or_(scope_loc.filter(has_text=words))
    if target.scope_has:
        scope_loc = scope_loc.filter(has_text=re.compile(re.escape(target.scope_has), re.I))
    scope_loc = scope_loc.filter(visible=True)
    if modal_open:  # the container is the modal itself or inside it
        scope_loc = scope_loc.and_(page.locator("dialog:modal, dialog:modal *"))
    described = target.scope_role + (f" ”{target.scope_text}”" if target.scope_text else "")
    return exactly_one(page, scope_loc, described, where, None, waits), described


def resolve(page: Page, target: Target | None, label: str | None, waits: Waits,
            by_label: bool = False) -> Found:
    """The one element meant by ``target`` (explicit) or the italic ``label``."""
    where = root(page)
    scope = scope_name = None
    if target and target.scope_role:
        scope, scope_name = scope_of(page, target, waits)
        where = scope
    name = target.name if target and target.name else label
    if target and not target.name and target.role:  # e.g. ``show menu``
        loc = where.get_by_role(target.role).filter(visible=True)
        one = exactly_one(page, loc, target.role, where, None, waits)
        return Found(one, _name_of(one), scope, scope_name)
    if name is None:
        raise Mismatch("en kontroll att peka på", "steget har varken kursiv etikett eller mål")
    if by_label:
        loc = where.get_by_label(name_pattern(name)).filter(visible=True)
        what = f"fält med etiketten ”{name}”"
        roles = ("textbox", "searchbox", "combobox", "checkbox", "radio", "spinbutton", "button")
    else:
        roles = (target.role,) if target and target.role else CONTROL_ROLES
        loc = _any_role(where, name_pattern(name), roles)
        what = f"kontroll med namnet ”{name}”" + (f" ({target.role})" if target and target.role else "")
    one = exactly_one(page, loc, what, where, name, waits, roles if by_label else CONTROL_ROLES)
    return Found(one, _name_of(one) or name, scope, scope_name)
