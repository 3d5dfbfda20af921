"""Run guides in a real browser: one context per guide, a result per step.

A step fails when an italic label is missing or ambiguous, a claim does not hold, or an
action cannot be done. The first failing step stops its guide (later steps would only fail
for the same reason); the rest are reported as not run.
"""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from .. import world
from ..clock import TZ
from . import claims, shots
from .match import Found, Mismatch, resolve
from .parser import Guide, Segment, normalise
from .results import GuideResult, Shot, StepResult

# How a persona logs in before the guide starts: (path, user field, password field, button).
LOGINS = {
    "facebook": ("/facebook/logga-in", "E-postadress", "Lösenord", "Logga in"),
    "instagram": ("/instagram/logga-in", "Användarnamn", "Lösenord", "Logga in"),
}
CONTEXT = {"locale": "sv-SE", "timezone_id": "Europe/Stockholm",
           "viewport": {"width": 1280, "height": 900}}


def fill_value(value: str) -> str:
    """``{date+1}`` → tomorrow's date (ÅÅÅÅ-MM-DD, Swedish time); ``{date}`` → today."""
    def date(m):
        return (datetime.now(TZ) + timedelta(days=int(m.group(1) or 0))).strftime("%Y-%m-%d")
    return re.sub(r"\{date(?:\+(\d+))?\}", date, value)


class Runner:
    def __init__(self, browser, base_url: str, guides: list[Guide], out_dir: Path | None = None,
                 timeout_ms: float = 5000, trace: bool = False, on_step=None):
        self.browser, self.base_url = browser, base_url.rstrip("/")
        self.by_title = {normalise(g.title): g for g in guides}
        self._including: list[str] = []  # guides being run by "run", to refuse a loop
        self.by_title.update({g.key: g for g in guides})
        self.out_dir, self.timeout, self.trace = out_dir, timeout_ms, trace
        self.on_step = on_step or (lambda guide, result: None)

    # -- a guide -------------------------------------------------------------------------
    def run(self, guide: Guide) -> GuideResult:
        started = time.monotonic()
        options = dict(CONTEXT)
        if guide.viewport:
            options["viewport"] = {"width": guide.viewport[0], "height": guide.viewport[1]}
            if guide.viewport[0] < 600:  # a phone: touch, mobile layout
                options.update(is_mobile=True, has_touch=True)
        context = self.browser.new_context(base_url=self.base_url, **options)
        context.set_default_timeout(self.timeout)
        result = GuideResult(guide, [StepResult(s) for s in guide.steps])
        if self.trace and self.out_dir:
            context.tracing.start(title=guide.title, screenshots=True, snapshots=True)
        try:
            page = context.new_page()
            try:
                self._login(page, guide.persona)
                if guide.start:
                    page.goto(guide.start)
            except (Mismatch, PlaywrightError) as exc:
                result.error = str(exc).splitlines()[0]
                return result
            for step_result in result.steps:
                self._run_step(page, guide, step_result)
                self.on_step(guide, step_result)
                if step_result.status == "fail":
                    break
        finally:
            if self.trace and self.out_dir:
                result.trace = self.out_dir / "traces" / f"{guide.key}.zip"
                context.tracing.stop(path=str(result.trace))
            context.close()
            result.seconds = time.monotonic() - started
        return result

    def _login(self, page, persona: str | None) -> None:
        if persona is None:
            return
        platform, _, key = persona.rpartition(":")
        platform = platform or "facebook"
        if platform not in LOGINS:
            raise Mismatch(f"ett sätt att logga in på {platform}", "inget i guidecheck.runner.LOGINS")
        data = world.load(None)
        if platform == "facebook":
            who = world.persona(data, key)
            user = who["email"]
        else:
            who = next(a for a in data[platform] if a["username"] == key)
            user = who["username"]
        path, user_label, password_label, button = LOGINS[platform]
        page.goto(path)
        page.get_by_label(user_label, exact=True).fill(user)
        page.get_by_label(password_label, exact=True).fill(who["password"])
        page.get_by_role("button", name=button, exact=True).click()
        page.wait_for_load_state()
        if page.url.rstrip("/").endswith(path.rstrip("/")):
            raise Mismatch(f"att {persona} blir inloggad", "inloggningssidan igen")

    def _run_step(self, page, guide: Guide, result: StepResult) -> None:
        # files are named by position: the handbook numbers some steps twice ("2. … 2. …")
        position = guide.steps.index(result.step) + 1
        try:
            for n, seg in enumerate(result.step.segments):
                shot_base = f"{guide.key}-steg{position}-{n + 1}"
                self._run_segment(page, seg, result, shot_base)
            result.status = "ok"
        except Mismatch as exc:
            result.status, result.expected, result.found = "fail", exc.expected, exc.found
        except PlaywrightError as exc:
            result.status = "fail"
            result.expected = "att åtgärden går att göra"
            result.found = str(exc).splitlines()[0]
        if self.out_dir is None:
            return
        if result.status == "fail":  # what the page showed instead
            self._plain_shot(page, result, f"{guide.key}-steg{position}-fel.png",
                             "Sidan när steget inte stämde")
        elif not result.shots:  # a step without a control to point at (e.g. "se *…*")
            self._plain_shot(page, result, f"{guide.key}-steg{position}.png", "Sidan efter steget")

    def _plain_shot(self, page, result: StepResult, name: str, caption: str) -> None:
        path = self.out_dir / "shots" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path))
        result.shots.append(Shot(path, caption))

    # -- a segment: the words before one hidden comment ----------------------------------
    def _run_segment(self, page, seg: Segment, result: StepResult | None, shot_base: str,
                     stop_at: str | None = None) -> None:
        if stop_at and any(self._names(seg, stop_at)):
            raise _Stop
        labels = [lab.text for lab in seg.labels if not lab.ref]
        explicit = [a.target for a in seg.actions if a.target is not None and a.target.name]
        paired = {lab: t for lab in labels for t in explicit if normalise(lab) in normalise(t.name)}
        found: dict[str, Found] = {}
        for lab in labels:
            if lab not in paired:
                found[lab] = resolve(page, None, lab, self.timeout)
        claims_due = list(seg.claims)
        last_label = next((found[lab] for lab in reversed(labels) if lab in found), None)
        shown: list[Found] = []  # controls that are only pointed at: one picture for them all
        if not seg.actions and found:
            self._claims(last_label, claims_due)
            shown.extend(found.values())
        for i, action in enumerate(seg.actions):
            if action.verb != "show":
                self._shot(page, shown, result, f"{shot_base}-{i}.png")
            if action.verb == "goto":
                page.goto(action.value)
            elif action.verb == "see":
                self._see(page, fill_value(action.value))
            elif action.verb == "run":
                self._include(page, action)
            else:
                target = self._target(page, action, paired, last_label)
                self._claims(target, claims_due)
                claims_due = []
                if action.verb == "show":
                    shown.append(target)
                elif action.verb == "click":
                    self._shot(page, [target], result, f"{shot_base}-{i + 1}.png")
                    target.locator.click()
                    page.wait_for_load_state()
                elif action.verb == "fill":
                    target.locator.fill(fill_value(action.value))
                    self._shot(page, [target], result, f"{shot_base}-{i + 1}.png")
                elif action.verb == "select":
                    target.locator.select_option(label=action.value)
                elif action.verb == "upload":
                    target.locator.set_input_files(str(Path(action.value)))
        self._shot(page, shown, result, f"{shot_base}-{len(seg.actions) + 1}.png")

    def _see(self, page, text: str) -> None:
        loc = page.get_by_text(re.compile(re.escape(text), re.I)).filter(visible=True)
        try:
            expect(loc).not_to_have_count(0, timeout=self.timeout)
        except AssertionError:
            raise Mismatch(f"texten ”{text}” synlig på sidan", "den syns inte") from None

    def _target(self, page, action, paired, last_label) -> Found:
        by_label = action.verb in ("fill", "select", "upload")
        if action.target is None:
            if last_label is None:
                raise Mismatch("en kursiv etikett att klicka på", "steget har ingen")
            return last_label
        found = resolve(page, action.target, None, self.timeout, by_label=by_label)
        for lab, t in paired.items():
            if t is action.target and normalise(lab) not in normalise(found.name or t.name):
                raise Mismatch(f"att kontrollens namn innehåller ”{lab}”", f"namnet ”{found.name}”")
        return found

    def _claims(self, target: Found, due) -> None:
        if not due:
            return
        target.locator.scroll_into_view_if_needed()
        scope = target.scope.element_handle() if target.scope else None
        geo = target.locator.evaluate(claims.MEASURE_JS, scope)
        geo["container_name"] = target.scope_name or ""
        for claim in due:
            problem = claims.check(claim, geo)
            if problem:
                raise Mismatch(f"”{target.name}” {claim.describe()} (”{claim.phrase}”)", problem)

    def _shot(self, page, targets: list[Found], result: StepResult | None, name: str) -> None:
        """One screenshot with every target circled; ``targets`` is emptied."""
        if targets and self.out_dir is not None and result is not None:
            path = shots.take(page, [t.locator for t in targets], self.out_dir / "shots" / name)
            result.shots.append(Shot(path, ", ".join(t.name for t in targets)))
        targets.clear()

    def _include(self, page, action) -> None:
        other = self.by_title.get(normalise(action.value)) or self.by_title.get(action.value)
        if other is None:
            raise Mismatch(f"en guide som heter ”{action.value}”", "ingen sådan guide i mappen")
        including = self._including
        if other.title in including:
            raise Mismatch(f"att ”{other.title}” inte startar sig själv",
                           "en slinga: " + " → ".join([*including, other.title]))
        including.append(other.title)
        try:
            self._include_steps(page, action, other)
        finally:
            including.pop()

    def _include_steps(self, page, action, other) -> None:
        steps = other.steps
        if action.start:
            numbers = [step.number for step in steps]
            if action.start not in numbers:
                raise Mismatch(f"steg {action.start} i ”{other.title}”", "guiden har inget sådant steg")
            steps = steps[numbers.index(action.start):]
        try:
            for step in steps:
                try:
                    for seg in step.segments:
                        self._run_segment(page, seg, None, "", stop_at=action.until)
                except Mismatch as exc:
                    raise Mismatch(f"{exc.expected} (i ”{other.title}” steg {step.number}, "
                                      f"{other.path.name}:{step.line})", exc.found) from None
        except _Stop:
            return
        if action.until:
            raise Mismatch(f"att ”{other.title}” når ”{action.until}”", "guiden tog slut innan")

    @staticmethod
    def _names(seg: Segment, stop_at: str):
        for a in seg.actions:
            name = a.target.name if a.target and a.target.name else None
            if name is None and a.verb == "click":
                name = next((lab.text for lab in reversed(seg.labels) if not lab.ref), None)
            yield name is not None and normalise(name) == normalise(stop_at)


class _Stop(Exception):
    pass
