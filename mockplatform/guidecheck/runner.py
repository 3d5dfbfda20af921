"""Run guides in a real browser: one context per guide, a result per step.

Before the guide's own steps comes the login (and the start page), reported as a step of its
own. A step fails when an italic label is missing, ambiguous or not seen, a claim does not
hold, a text does not appear as a result of the step, or an action cannot be done. Too slow
or broken is not a failure but "could not run"; such a guide is run once more. The first
failing step stops its guide; the rest are reported as not run.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

from . import claims, shots
from .engine import Engine, persona_login, problem_of
from .match import CouldNotRun, Found, Mismatch, Waits
from .parser import Guide, Segment, Step, normalise
from .results import GuideResult, Shot, StepResult

CONTEXT = {"locale": "sv-SE", "timezone_id": "Europe/Stockholm",
           "viewport": {"width": 1280, "height": 900}}


def _before_step(guide: Guide) -> Step:
    who = persona_login(guide.persona)[3] if guide.persona else None
    parts = ([f"logga in som {who}"] if who else []) + ([f"öppna {guide.start}"] if guide.start else [])
    text = "Före guiden: " + (" och ".join(parts) or "öppna Sandlådan")
    return Step("före", 1, text, text, [])


class Runner:
    def __init__(self, browser, base_url: str, guides: list[Guide], out_dir: Path | None = None,
                 timeout_ms: float = 5000, trace: bool = False, on_step=None,
                 nav_timeout_ms: float = 60000, retry: bool = True):
        self.browser, self.base_url = browser, base_url.rstrip("/")
        self.by_title = {normalise(g.title): g for g in guides}
        self.by_title.update({g.key: g for g in guides})
        self._including: list[str] = []  # guides being run by "run", to refuse a loop
        self.out_dir, self.trace, self.retry = out_dir, trace, retry
        self.waits = Waits(check_ms=timeout_ms, nav_ms=nav_timeout_ms)
        self.on_step = on_step or (lambda guide, result: None)

    # -- a guide -------------------------------------------------------------------------
    def run(self, guide: Guide) -> GuideResult:
        result = self._attempt(guide)
        if result.outcome == "error" and self.retry:
            first = result.failed_step.found
            result = self._attempt(guide)
            result.retried = first
        return result

    def _attempt(self, guide: Guide) -> GuideResult:
        started = time.monotonic()
        options = dict(CONTEXT)
        if guide.viewport:
            options["viewport"] = {"width": guide.viewport[0], "height": guide.viewport[1]}
            if guide.viewport[0] < 600:  # a phone: touch, mobile layout
                options.update(is_mobile=True, has_touch=True)
        result = GuideResult(guide, [StepResult(s) for s in guide.steps],
                             before=StepResult(_before_step(guide)))
        try:
            context = self.browser.new_context(base_url=self.base_url, **options)
        except PlaywrightError as exc:
            result.before.status, result.before.found = "error", str(problem_of(exc))
            return result
        context.set_default_timeout(self.waits.nav_ms)
        context.set_default_navigation_timeout(self.waits.nav_ms)
        if self.trace and self.out_dir:
            context.tracing.start(title=guide.title, screenshots=True, snapshots=True)
        try:
            engine = Engine(context.new_page(), self.base_url, self.waits)
            self._play(engine, guide, result.before, self._start)
            if result.before.status == "ok":
                for step_result in result.steps:
                    self._play(engine, guide, step_result, self._run_step)
                    if step_result.status != "ok":
                        break
        finally:
            if self.trace and self.out_dir:
                result.trace = self.out_dir / "traces" / f"{guide.key}.zip"
                context.tracing.stop(path=str(result.trace))
            context.close()
            result.seconds = time.monotonic() - started
        return result

    def _start(self, engine: Engine, guide: Guide, result: StepResult) -> None:
        if guide.persona:
            engine.login(guide.persona)
        if guide.start:
            engine.goto(guide.start)

    def _play(self, engine: Engine, guide: Guide, result: StepResult, how) -> None:
        mark = None
        try:
            how(engine, guide, result)
            result.status = "ok"
        except (Mismatch, CouldNotRun, PlaywrightError) as exc:
            problem = problem_of(exc)
            result.within = getattr(exc, "within", "")
            if isinstance(problem, Mismatch):
                result.status, result.expected, result.found = "fail", problem.expected, problem.found
                mark = problem.mark
            else:
                result.status, result.expected = "error", "att Sandlådan och webbläsaren svarar"
                result.found = str(problem)
        pictured = result.shots or result.step.number == "före"  # the login needs no picture
        if self.out_dir is not None and (result.status != "ok" or not pictured):
            self._page_shot(engine.page, guide, result, mark)
        self.on_step(guide, result)

    def _page_shot(self, page, guide: Guide, result: StepResult, mark) -> None:
        position = "före" if result.step.number == "före" else guide.steps.index(result.step) + 1
        failed = result.status != "ok"
        name = f"{guide.key}-steg{position}{'-fel' if failed else ''}.png"
        caption = {"fail": "Sidan när steget inte stämde", "error": "Sidan när steget inte kunde köras"
                   }.get(result.status, "Sidan efter steget")
        try:
            path = shots.page_shot(page, self.out_dir / "shots" / name, mark)
        except PlaywrightError:
            return  # a page too broken to photograph: the words say what happened
        if mark is not None and path is not None:
            caption += " – förslaget inringat i orange"
        if path is not None:
            result.shots.append(Shot(path, caption))

    def _run_step(self, engine: Engine, guide: Guide, result: StepResult) -> None:
        # files are named by position: the handbook numbers some steps twice ("2. … 2. …")
        position = guide.steps.index(result.step) + 1
        self._remember(engine, result.step)
        for n, seg in enumerate(result.step.segments):
            self._run_segment(engine, seg, result, f"{guide.key}-steg{position}-{n + 1}")

    @staticmethod
    def _remember(engine: Engine, step: Step) -> None:
        engine.remember([a.value for seg in step.segments for a in seg.actions
                         if a.verb == "see" and a.target is None])

    # -- a segment: the words before one hidden comment ----------------------------------
    def _run_segment(self, engine: Engine, seg: Segment, result: StepResult | None, shot_base: str,
                     stop_at: str | None = None) -> None:
        if stop_at and any(self._names(seg, stop_at)):
            raise _Stop
        engine.waits = dataclasses.replace(self.waits, words=seg.text, claims=tuple(seg.claims))
        labels = [lab.text for lab in seg.labels if not lab.ref]
        explicit = [a.target for a in seg.actions if a.target is not None and a.target.name]
        paired = {lab: t for lab in labels for t in explicit if normalise(lab) in normalise(t.name)}
        found: dict[str, Found] = {lab: engine.resolve(None, lab) for lab in labels if lab not in paired}
        claims_due = list(seg.claims)
        last_label = next((found[lab] for lab in reversed(labels) if lab in found), None)
        shown: list[Found] = []  # controls that are only pointed at: one picture for them all
        if not seg.actions and found:
            self._claims(last_label, claims_due)
            shown.extend(found.values())
        # the words' claims are about the control their italic label names, else the first target
        aimed = [i for i, a in enumerate(seg.actions) if a.verb not in _NO_TARGET
                 and (a.target is None or a.target in paired.values())]
        claim_at = aimed[0] if aimed else next(
            (i for i, a in enumerate(seg.actions) if a.verb not in _NO_TARGET), None)
        for i, action in enumerate(seg.actions):
            if action.verb != "show":
                self._shot(engine, seg, shown, result, f"{shot_base}-{i}.png")
            if action.verb == "run":
                self._include(engine, action)
            elif action.verb in _NO_TARGET:
                engine.do(action)
            else:
                target = self._target(engine, action, paired, last_label)
                if i == claim_at:
                    self._claims(target, claims_due)
                if action.verb == "show":
                    shown.append(target)
                    continue
                if action.verb == "click":
                    self._shot(engine, seg, [target], result, f"{shot_base}-{i + 1}.png")
                engine.act(action.verb, target, action.value)
                if action.verb != "click":
                    self._shot(engine, seg, [target], result, f"{shot_base}-{i + 1}.png")
        self._shot(engine, seg, shown, result, f"{shot_base}-{len(seg.actions) + 1}.png")

    def _target(self, engine: Engine, action, paired, last_label) -> Found:
        if action.target is None:
            if last_label is None:
                raise Mismatch("en kursiv etikett att klicka på", "steget har ingen")
            return last_label
        found = engine.resolve(action.target, by_label=action.verb in ("fill", "select", "upload", "check"))
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

    def _shot(self, engine: Engine, seg: Segment, targets: list[Found], result, name: str) -> None:
        """One picture with every target circled, as the handbook's; ``targets`` is emptied."""
        if targets and self.out_dir is not None and result is not None:
            path = shots.take(engine.page, [t.locator for t in targets], self.out_dir / "shots" / name,
                              colour=shots.colour_of(seg.text), whole=shots.about_screen(seg.claims))
            result.shots.append(Shot(path, ", ".join(t.name for t in targets)))
        targets.clear()

    # -- "run" / "se *…*": another guide's steps -----------------------------------------
    def _include(self, engine: Engine, action) -> None:
        other = self.by_title.get(normalise(action.value)) or self.by_title.get(action.value)
        if other is None:
            raise Mismatch(f"en guide som heter ”{action.value}”", "ingen sådan guide i mappen")
        if other.title in self._including:
            raise Mismatch(f"att ”{other.title}” inte startar sig själv",
                           "en slinga: " + " → ".join([*self._including, other.title]))
        self._including.append(other.title)
        try:
            self._include_steps(engine, action, other)
        finally:
            self._including.pop()

    def _include_steps(self, engine: Engine, action, other: Guide) -> None:
        steps = other.steps
        if action.start:
            numbers = [step.number for step in steps]
            if action.start not in numbers:
                raise Mismatch(f"steg {action.start} i ”{other.title}”", "guiden har inget sådant steg")
            steps = steps[numbers.index(action.start):]
        outer = engine.waits
        try:
            for step in steps:
                self._remember(engine, step)
                try:
                    for seg in step.segments:
                        self._run_segment(engine, seg, None, "", stop_at=action.until)
                except (Mismatch, CouldNotRun, PlaywrightError) as exc:
                    problem = problem_of(exc)
                    problem.within = getattr(exc, "within", "") or (
                        f"”{other.title}” steg {step.number} ({other.path.name}:{step.line}): {step.text}")
                    raise problem from None
        except _Stop:
            return
        finally:
            engine.waits = outer
        if action.until:
            raise Mismatch(f"att ”{other.title}” når ”{action.until}”", "guiden tog slut innan")

    @staticmethod
    def _names(seg: Segment, stop_at: str):
        for a in seg.actions:
            name = a.target.name if a.target and a.target.name else None
            if name is None and a.verb == "click":
                name = next((lab.text for lab in reversed(seg.labels) if not lab.ref), None)
            yield name is not None and normalise(name) == normalise(stop_at)


_NO_TARGET = ("goto", "see", "login", "advance", "say", "run")


class _Stop(Exception):
    pass
