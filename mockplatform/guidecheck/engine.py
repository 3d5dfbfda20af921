"""One step engine for guides and scenario solutions: plays one action on a page.

The guide checker (``runner``) and the scenario autopilot (``training.autopilot``) both play
their steps here: one vocabulary (``syntax.VERBS``), one login, one date syntax
(``mockplatform.dates``). What does not fit is :class:`Mismatch` (the handbook is out of date);
what was too slow or broke is :class:`CouldNotRun` (says nothing about the handbook).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from .. import dates, world
from . import seeing
from .match import CouldNotRun, Found, Mismatch, Waits, normalise, resolve, root, scope_of, settle
from .syntax import Action, Target, parse_actions

# How a persona logs in, in the guides' own words: the labels go through the label matcher.
LOGINS = {
    "facebook": ("/facebook/logga-in", 'fill "E-postadress" "{user}"; fill "Lösenord" "{password}"; '
                                       'click button "Logga in"'),
    "instagram": ("/instagram/logga-in", 'fill "Användarnamn" "{user}"; fill "Lösenord" "{password}"; '
                                         'click button "Logga in"'),
}
ADVANCE = 'goto /sandladan/tid; fill "Flytta fram tiden" "{amount}"; click button "Flytta fram"'
BY_LABEL = ("fill", "select", "upload", "check")
_BROKEN = ("net::ERR", "has been closed", "Target closed", "Navigation failed", "crashed")


def problem_of(exc: Exception) -> Exception:
    """A Playwright error as what it means: too slow or broken, or a step that cannot be done."""
    if isinstance(exc, (Mismatch, CouldNotRun)):
        return exc
    first = (str(exc).splitlines() or [type(exc).__name__])[0]
    if isinstance(exc, PlaywrightTimeout) or any(b in first for b in _BROKEN):
        return CouldNotRun(first)
    return Mismatch("att åtgärden går att göra", first)


def persona_login(persona: str) -> tuple[str, str, str, str]:
    """(login path, user, password, who) for ``eva`` or ``instagram:osthammarskommun``."""
    platform, _, key = persona.rpartition(":")
    platform = platform or "facebook"
    if platform not in LOGINS:
        raise Mismatch(f"ett sätt att logga in på {platform}", "inget i guidecheck.engine.LOGINS")
    data = world.load(None)
    try:
        if platform == "facebook":
            who = world.persona(data, key)
            return LOGINS[platform][0], who["email"], who["password"], who.get("name", key)
        account = next(a for a in data[platform] if a["username"] == key)
    except (StopIteration, KeyError):
        raise Mismatch(f"personen ”{persona}” i övningsvärlden", "ingen sådan person") from None
    return LOGINS[platform][0], account["username"], account["password"], f"{key} på Instagram"


class Engine:
    def __init__(self, page, base_url: str, waits: Waits | None = None,
                 base_time: datetime | None = None,
                 before_act: Callable | None = None, say: Callable[[str], None] | None = None):
        self.page, self.base_url = page, base_url.rstrip("/")
        self.waits = waits or Waits()
        self.base_time = base_time
        self.before_act = before_act or (lambda locator: None)
        self.say = say or (lambda text: None)

    def dated(self, text: str) -> str:
        return dates.fill(text, self.base_time)

    # -- verbs ---------------------------------------------------------------------------
    def goto(self, path: str) -> None:
        try:
            response = self.page.goto(self.base_url + self.dated(path), timeout=self.waits.nav_ms)
        except PlaywrightError as exc:
            raise CouldNotRun(f"{path} laddades inte: {str(exc).splitlines()[0]}") from None
        if response is not None and response.status >= 500:
            raise CouldNotRun(f"Sandlådan svarade {response.status} på {path}")
        if response is not None and response.status >= 400:
            raise Mismatch(f"att sidan {path} finns", f"Sandlådan svarar {response.status}")

    def resolve(self, target: Target | None, label: str | None = None, by_label=False) -> Found:
        return resolve(self.page, target, label, self.waits, by_label=by_label)

    def act(self, verb: str, found: Found, value: str | None = None) -> None:
        loc, nav = found.locator, self.waits.nav_ms
        self.before_act(loc)
        if verb == "click":
            loc.click(timeout=nav)
            self.page.wait_for_load_state("load", timeout=nav)
        elif verb == "fill":
            loc.fill(self.dated(value), timeout=nav)
        elif verb == "check":
            loc.check(timeout=nav)
        elif verb == "select":
            self._select(found, self.dated(value))
        elif verb == "upload":
            loc.set_input_files(str(Path(value)), timeout=nav)

    def _select(self, found: Found, option: str) -> None:
        options = found.locator.evaluate(
            "s => s.options ? [...s.options].map(o => (o.label || o.textContent).trim()) : null")
        if options is None:
            raise Mismatch(f"en rullista ”{found.name}”", "fältet är ingen rullista")
        chosen = [o for o in options if normalise(o) == normalise(option)]
        if not chosen:
            listed = ", ".join(f"”{o}”" for o in options if o) or "inga alternativ"
            raise Mismatch(f"alternativet ”{option}” i ”{found.name}”", f"listan har: {listed}")
        found.locator.select_option(label=chosen[0], timeout=self.waits.nav_ms)

    def see(self, text: str, where: Target | None = None) -> None:
        """``text`` shows as a result of the step (new since it began), or inside ``where``."""
        text = self.dated(text)
        if where is not None:
            scope, described = scope_of(self.page, where, self.waits)
            loc = scope.get_by_text(text).filter(visible=True)
            try:
                expect(loc).not_to_have_count(0, timeout=self.waits.check_ms)
            except AssertionError:
                raise Mismatch(f"texten ”{text}” i {described}", "den syns inte där") from None
            return
        state = self._fresh(text)
        if state["fresh"]:
            return
        settle(self.page, self.waits.nav_ms)
        state = self._fresh(text)
        if state["fresh"]:
            return
        if state["old"]:
            raise Mismatch(f"att texten ”{text}” syns som följd av steget",
                           "den stod där redan innan steget – inget nytt visar den")
        raise Mismatch(f"texten ”{text}” synlig på sidan", "den syns inte")

    def _fresh(self, text: str) -> dict:
        try:
            self.page.wait_for_function(f"t => ({seeing.NEW_JS})(t).fresh > 0", arg=text,
                                        timeout=self.waits.check_ms)
        except PlaywrightTimeout:
            pass
        return self.page.evaluate(seeing.NEW_JS, text)

    def remember(self, texts: list[str]) -> None:
        """Note which elements already show ``texts`` (the start of a step)."""
        if texts:
            self.page.evaluate(seeing.BEFORE_JS, [self.dated(t) for t in texts])

    def login(self, persona: str) -> None:
        path, user, password, who = persona_login(persona)
        self.goto(path)
        esc = {"user": user.replace('"', ""), "password": password.replace('"', "")}
        for action in parse_actions(LOGINS[path.split("/")[1]][1].format(**esc)):
            self.do(action)
        if self.page.url.split("?")[0].rstrip("/").endswith(path.rstrip("/")):
            raise Mismatch(f"att {who} blir inloggad", "inloggningssidan visas igen")

    def advance(self, amount: str) -> None:
        for action in parse_actions(ADVANCE.format(amount=str(amount).replace('"', ""))):
            self.do(action)

    def do(self, action: Action) -> Found | None:
        """Play one action by itself (a scenario's solution step, the login)."""
        verb = action.verb
        if verb == "goto":
            self.goto(action.value)
        elif verb == "see":
            self.see(action.value, action.target)
        elif verb == "login":
            self.login(action.value)
        elif verb == "advance":
            self.advance(action.value)
        elif verb == "say":
            self.say(action.value)
        elif verb in ("click", "show", *BY_LABEL):
            found = self.resolve(action.target, by_label=verb in BY_LABEL)
            if verb != "show":
                self.act(verb, found, action.value)
            return found
        else:
            raise Mismatch(f"en åtgärd som går att spela här ({verb})", "run hör bara till guider")
        return None


__all__ = ["Engine", "CouldNotRun", "Mismatch", "problem_of", "root"]
