"""One browser for a whole run, one sandbox unless a base URL is given."""

from __future__ import annotations

import contextlib
from pathlib import Path

from playwright.sync_api import sync_playwright

from .. import live
from ..browser import find_browser
from .parser import Guide
from .results import GuideResult
from .runner import Runner


@contextlib.contextmanager
def browser(headed: bool = False, slowmo: float = 0):
    with sync_playwright() as p:
        args = find_browser().launch_args()
        args["args"] = [*args.get("args", []), "--lang=sv-SE"]  # Swedish dates in the pictures
        b = p.chromium.launch(**args, headless=not headed, slow_mo=slowmo)
        try:
            yield b
        finally:
            b.close()


def run(guides: list[Guide], every_guide: list[Guide], base_url: str | None = None,
        out_dir: Path | None = None, trace: bool = False, headed: bool = False,
        slowmo: float = 0, on_step=None, timeout_ms: float = 5000,
        nav_timeout_ms: float = 60000) -> list[GuideResult]:
    """Run ``guides`` (``every_guide`` is where "se *…*" references are looked up)."""
    with contextlib.ExitStack() as stack:
        if base_url is None:
            base_url, _app = stack.enter_context(live.running("sandladan-guider-"))
        b = stack.enter_context(browser(headed, slowmo))
        runner = Runner(b, base_url, every_guide, out_dir=out_dir, trace=trace,
                        timeout_ms=timeout_ms, nav_timeout_ms=nav_timeout_ms, on_step=on_step)
        return [runner.run(g) for g in guides]
