"""What a guide run found: a result per step, with its screenshots, and one per guide.

Three outcomes, three exit codes (``EXIT``): the handbook fits (0), a step no longer fits (1),
the guide could not be run – the sandbox or the browser was too slow or broke (3). A broken
guide file is 2. "Could not run" is never worded as "stämmer inte": it says nothing about the
handbook."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .parser import Guide, Step

EXIT = {"ok": 0, "fail": 1, "broken_file": 2, "error": 3}
WORDS = {"ok": "stämmer", "fail": "stämmer inte längre", "error": "kunde inte köras",
         "skipped": "kördes inte"}
MARK = {"ok": "✔", "fail": "✘", "error": "⚠", "skipped": "–"}


@dataclass
class Shot:
    path: Path
    caption: str


@dataclass
class StepResult:
    step: Step
    status: str = "skipped"  # ok | fail | error | skipped
    expected: str = ""
    found: str = ""
    within: str = ""  # "i ”Så skapar du ett inlägg” steg 3 (01-….md:9)" for an included step
    shots: list[Shot] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"steg-{self.step.line}"


@dataclass
class GuideResult:
    guide: Guide
    steps: list[StepResult]
    before: StepResult | None = None  # the login and start page before the guide's own steps
    seconds: float = 0.0
    trace: Path | None = None
    retried: str = ""  # why the first attempt could not run, when it was run again

    @property
    def all_steps(self) -> list[StepResult]:
        return ([self.before] if self.before else []) + self.steps

    @property
    def outcome(self) -> str:
        statuses = {s.status for s in self.all_steps}
        return "fail" if "fail" in statuses else "error" if "error" in statuses else "ok"

    @property
    def ok(self) -> bool:
        return self.outcome == "ok" and all(s.status == "ok" for s in self.all_steps)

    @property
    def failed_step(self) -> StepResult | None:
        return next((s for s in self.all_steps if s.status in ("fail", "error")), None)

    def failure_text(self) -> str:
        g, s = self.guide, self.failed_step
        if s is None:
            return ""
        where = f"{g.path}:{s.step.line}: " + (f"steg {s.step.number}: " if s is not self.before else "")
        head = f"{where}{s.step.text}"
        if s.status == "error":
            return (f"{head}\n  kunde inte köras (Sandlådan eller webbläsaren var för långsam eller "
                    f"gick sönder – det säger inget om handboken): {s.found}")
        inner = f"\n  i: {s.within}" if s.within else ""
        return f"{head}{inner}\n  väntade: {s.expected}\n  hittade: {s.found}"


def exit_code(results: list[GuideResult]) -> int:
    outcomes = {r.outcome for r in results}
    return EXIT["fail"] if "fail" in outcomes else EXIT["error"] if "error" in outcomes else EXIT["ok"]
