"""The one place that decides which Chromium Playwright drives.

Order: ``MOCKPLATFORM_BROWSER`` (a path) overrides; else Playwright's own Chromium
when ``playwright install chromium`` has put it there; else a system Chromium/Chrome.
The CLI, the tests and the benchmarks all ask :func:`find_browser`.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "MOCKPLATFORM_BROWSER"
SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
# Flags a closed network needs: no background fetches that would fail and retry.
EXTRA_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-gpu",
]


@dataclass(frozen=True)
class Browser:
    path: str | None  # None: Playwright's own bundled Chromium (no executable_path needed)
    source: str  # "MOCKPLATFORM_BROWSER", "playwright" or "system"

    def launch_args(self) -> dict:
        """Keyword arguments for ``playwright.chromium.launch``."""
        args: dict = {"args": list(EXTRA_ARGS)}
        if self.path:
            args["executable_path"] = self.path
        return args


class BrowserNotFound(RuntimeError):
    pass


@functools.cache
def _playwright_chromium() -> str | None:
    """Path of Playwright's own Chromium if `playwright install chromium` put it there.
    Asked in a child process: Playwright's sync API cannot start inside a running event loop
    (pytest-playwright has one), and this must give the same answer everywhere."""
    code = ("from playwright.sync_api import sync_playwright\n"
            "with sync_playwright() as p: print(p.chromium.executable_path)")
    try:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             timeout=60, check=True).stdout.strip()
    except (subprocess.SubprocessError, OSError):
        return None
    return out if out and Path(out).exists() else None


def find_browser() -> Browser:
    override = os.environ.get(ENV_VAR)
    if override:
        resolved = shutil.which(override) or override
        if not Path(resolved).exists():
            raise BrowserNotFound(f"{ENV_VAR}={override} pekar inte på en fil som finns.")
        return Browser(resolved, ENV_VAR)
    own = _playwright_chromium()
    if own:
        return Browser(None, "playwright")
    for name in SYSTEM_NAMES:
        found = shutil.which(name)
        if found:
            return Browser(found, "system")
    raise BrowserNotFound(
        "Ingen Chromium hittades. Kör 'playwright install chromium', installera "
        f"Debians paket 'chromium', eller sätt {ENV_VAR} till en Chrome/Chromium."
    )


def describe(browser: Browser) -> str:
    where = browser.path or "Playwrights egen Chromium"
    return f"{where} (källa: {browser.source})"


def main() -> int:
    try:
        browser = find_browser()
    except BrowserNotFound as exc:
        print(exc, file=sys.stderr)
        return 1
    print("Webbläsare:", describe(browser))
    return 0


if __name__ == "__main__":
    sys.exit(main())
