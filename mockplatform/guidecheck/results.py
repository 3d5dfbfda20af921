"""What a guide run found: a result per step, with its screenshots, and one per guide."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .parser import Guide, Step


@dataclass
class Shot:
    path: Path
    caption: str


@dataclass
class StepResult:
    step: Step
    status: str = "skipped"  # ok | fail | skipped
    expected: str = ""
    found: str = ""
    shots: list[Shot] = field(default_factory=list)


@dataclass
class GuideResult:
    guide: Guide
    steps: list[StepResult]
    error: str | None = None  # the guide could not start (login, start page)
    seconds: float = 0.0
    trace: Path | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and all(s.status == "ok" for s in self.steps)

    @property
    def failed_step(self) -> StepResult | None:
        return next((s for s in self.steps if s.status == "fail"), None)

    def failure_text(self) -> str:
        g = self.guide
        if self.error:
            return f"{g.path}: guiden ”{g.title}” kunde inte starta: {self.error}"
        s = self.failed_step
        if s is None:
            return ""
        return (f"{g.path}:{s.step.line}: steg {s.step.number}: {s.step.text}\n"
                f"  väntade: {s.expected}\n  hittade: {s.found}")
