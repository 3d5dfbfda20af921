"""The autopilot: plays a scenario's solution in a real browser, through the UI, by accessible
names only. Headless for CI; headed and slow for a trainer's demo, with the target outlined and
a caption on screen."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .. import clock, world
from .scenarios import Scenario, Step, next_weekday

_DATE_TOKEN = re.compile(r"\{datum:([a-zåäö]+)\}")
_HIGHLIGHT = """el => {
  // A red frame in the top layer, around the whole target: never clipped by a dialog or a
  // scrolling box the target sits in, always above a modal. Gone when the target is clicked.
  let box = document.getElementById('autopilot-highlight');
  if (!box) {
    box = document.createElement('div');
    box.id = 'autopilot-highlight';
    box.setAttribute('popover', 'manual');
    box.setAttribute('aria-hidden', 'true');
    box.style.cssText = 'position:fixed;margin:0;padding:0;inset:auto;background:transparent;' +
      'border:4px solid #e53935;border-radius:8px;pointer-events:none;box-sizing:border-box;' +
      'box-shadow:0 0 0 3px rgba(255,255,255,.85)';
    document.body.appendChild(box);
    document.addEventListener('pointerdown', () => box.matches(':popover-open') && box.hidePopover(), true);
  }
  const r = el.getBoundingClientRect(), pad = 7;
  const left = Math.max(0, r.left - pad), top = Math.max(0, r.top - pad);
  box.style.left = left + 'px';
  box.style.top = top + 'px';
  box.style.width = (Math.min(innerWidth, r.right + pad) - left) + 'px';
  box.style.height = (Math.min(innerHeight, r.bottom + pad) - top) + 'px';
  if (box.matches(':popover-open')) box.hidePopover();
  box.showPopover();
}"""
_CAPTION = """text => {
  // A manual popover sits in the top layer, so the caption stays above an open modal dialog.
  let box = document.getElementById('autopilot-caption');
  if (!box) {
    box = document.createElement('div');
    box.id = 'autopilot-caption';
    box.setAttribute('role', 'status');
    box.setAttribute('popover', 'manual');
    box.style.cssText = 'position:fixed;inset:auto auto 24px 50%;margin:0;transform:translateX(-50%);' +
      'border:0;background:rgba(20,20,20,.9);color:#fff;font:600 20px/1.35 system-ui,sans-serif;' +
      'padding:12px 20px;border-radius:10px;max-width:80vw;box-shadow:0 4px 16px rgba(0,0,0,.3)';
    document.body.appendChild(box);
  }
  box.textContent = text;
  if (box.matches(':popover-open')) box.hidePopover();
  box.showPopover();  // again on top of a dialog opened since
}"""


class AutopilotError(RuntimeError):
    pass


@dataclass
class TaskResult:
    number: int
    instruction: str
    passed: bool
    error: str = ""


@dataclass
class Result:
    scenario: Scenario
    tasks: list[TaskResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return len(self.tasks) == len(self.scenario.tasks) and all(t.passed for t in self.tasks)


def _credentials(persona: str) -> tuple[str, str]:
    try:
        p = world.persona(world.load(), persona)
    except StopIteration:
        raise AutopilotError(f"Personen '{persona}' finns inte i övningsvärlden.") from None
    return p["email"], p["password"]


class Player:
    """Plays solution steps on one Playwright page."""

    def __init__(self, page, base_url: str, *, demo: bool = False, pause_ms: int = 0,
                 started_at: datetime | None = None):
        self.page, self.base_url = page, base_url.rstrip("/")
        self.demo, self.pause_ms, self.started_at = demo, pause_ms, started_at

    def resolve(self, text: str) -> str:
        def date_of(match):
            if self.started_at is None:
                raise AutopilotError("Övningens starttid är okänd, så {datum:…} går inte att räkna ut.")
            return next_weekday(match.group(1), self.started_at).isoformat()

        return _DATE_TOKEN.sub(date_of, str(text))

    def caption(self, text: str) -> None:
        if self.demo and text:
            self.page.evaluate(_CAPTION, text)

    def _scope(self, step: Step):
        if not step.within:
            return self.page
        name = step.within.get("name")
        scope = (self.page.get_by_role(step.within["role"], name=name, exact=True) if name
                 else self.page.get_by_role(step.within["role"]))
        if step.within.get("has_text"):
            scope = scope.filter(has_text=step.within["has_text"])
        return scope

    def _act(self, target, do: Callable) -> None:
        if self.demo:
            target.scroll_into_view_if_needed()
            target.evaluate(_HIGHLIGHT)
            self.page.wait_for_timeout(self.pause_ms)  # let the audience see the target
        do(target)

    def play(self, step: Step) -> None:
        page, scope, v = self.page, self._scope(step), step.value
        self.caption(step.caption)
        if step.action == "goto":
            page.goto(self.base_url + self.resolve(v))
        elif step.action == "click":
            self._act(scope.get_by_role(v["role"], name=v["name"], exact=True), lambda t: t.click())
        elif step.action == "fill":
            self._act(scope.get_by_label(v["label"], exact=True), lambda t: t.fill(self.resolve(v["text"])))
        elif step.action == "check":
            self._act(scope.get_by_label(v["label"], exact=True), lambda t: t.check())
        elif step.action == "choose":
            self._act(scope.get_by_label(v["label"], exact=True),
                      lambda t: t.select_option(label=self.resolve(v["option"])))
        elif step.action == "login":
            email, password = _credentials(str(v))
            if "/facebook/logga-in" not in page.url:
                page.goto(self.base_url + "/facebook/logga-in")
            self.caption(step.caption or "Logga in med övningskontot.")
            self._act(page.get_by_label("E-postadress", exact=True), lambda t: t.fill(email))
            self._act(page.get_by_label("Lösenord", exact=True), lambda t: t.fill(password))
            self._act(page.get_by_role("button", name="Logga in", exact=True), lambda t: t.click())
        elif step.action == "advance":
            page.goto(self.base_url + "/sandladan/tid")
            self.caption(step.caption or f"Flytta fram Sandlådans tid {v}.")
            self._act(page.get_by_label("Flytta fram tiden", exact=True), lambda t: t.fill(str(v)))
            self._act(page.get_by_role("button", name="Flytta fram", exact=True), lambda t: t.click())
        elif step.action == "upload":  # a picture of the seeded world (static/world/…)
            path = Path(__file__).resolve().parents[1] / "static" / str(v["file"])
            self._act(scope.get_by_label(v["label"], exact=True), lambda t: t.set_input_files(str(path)))
        elif step.action == "say":
            self.caption(str(v))
            page.wait_for_timeout(self.pause_ms)
        page.wait_for_load_state()


def status(page, base_url: str) -> dict:
    response = page.request.get(base_url.rstrip("/") + "/ovningar/status.json")
    return response.json() if response.ok else {"running": False}


def start_via_ui(page, base_url: str, scenario: Scenario) -> None:
    """Start the scenario the way a trainee does: Övningar → Starta övningen."""
    page.goto(base_url.rstrip("/") + "/ovningar/")
    card = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name=re.compile("^" + re.escape(scenario.title))))
    card.get_by_role("button", name="Starta övningen", exact=True).click()
    page.wait_for_load_state()


def _task_done(page, base_url: str, number: int, timeout_s: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while True:
        state = status(page, base_url)
        tasks = state.get("tasks") or []
        if len(tasks) >= number and tasks[number - 1]["done"]:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)


def run(page, base_url: str, scenario: Scenario, *, demo: bool = False, pause_ms: int = 600,
        report: Callable[[str], None] = lambda _msg: None) -> Result:
    """Start the scenario and play every task's solution; a task passes when its check does."""
    result = Result(scenario)
    missing = [t.id for t in scenario.tasks if not t.solution]
    if missing:
        raise AutopilotError(f"Scenariot '{scenario.id}' saknar lösning för uppgift: {', '.join(missing)}.")
    start_via_ui(page, base_url, scenario)
    state = status(page, base_url)
    if not state.get("running") or state.get("scenario") != scenario.id:
        raise AutopilotError(f"Övningen '{scenario.id}' startade inte.")
    player = Player(page, base_url, demo=demo, pause_ms=pause_ms,
                    started_at=clock.parse(state["started_at"]))
    for number, task in enumerate(scenario.tasks, 1):
        report(f"Uppgift {number}: {task.instruction}")
        player.caption(f"Uppgift {number}: {task.instruction}")
        error = ""
        try:
            for i, step in enumerate(task.solution, 1):
                where = f"steg {i} ({step.action} {step.value})"
                player.play(step)
        except Exception as exc:  # a failed step is reported, not raised: the run goes on
            error = f"{where}: {(str(exc).splitlines() or [type(exc).__name__])[0]}"
        ok = not error and _task_done(page, base_url, number)
        result.tasks.append(TaskResult(number, task.instruction, ok, error or ("" if ok else
                                       f"kontrollen {task.check.name} gick inte igenom")))
        report(f"  {'✔' if ok else '✘'} {error or ('klar' if ok else 'kontrollen gick inte igenom')}")
        if not ok:
            break
    if result.passed:
        player.caption("Klart! Alla uppgifter är gjorda.")
        page.goto(base_url.rstrip("/") + "/ovningar/genomgang")
    return result
