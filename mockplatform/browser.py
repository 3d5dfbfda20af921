"""The one place that decides which Chromium Playwright drives.

Order: ``MOCKPLATFORM_BROWSER`` (a path) overrides; else Playwright's own Chromium
when ``playwright install chromium`` has put it there; else a Chromium, Chrome or Edge on PATH;
else one where they are normally installed on Windows (Program Files, Program Files (x86),
LOCALAPPDATA – Edge is on every Windows machine), macOS (/Applications) and Linux (/opt, /snap).
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
SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome",
                "microsoft-edge", "microsoft-edge-stable", "msedge")
# Where installers put them, relative to each base folder of the OS.
WINDOWS_DIRS = ("ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA")
WINDOWS_EXES = ("Google/Chrome/Application/chrome.exe", "Chromium/Application/chrome.exe",
                "Microsoft/Edge/Application/msedge.exe")
MAC_APPS = ("Google Chrome.app/Contents/MacOS/Google Chrome", "Chromium.app/Contents/MacOS/Chromium",
            "Microsoft Edge.app/Contents/MacOS/Microsoft Edge")
LINUX_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
               "/opt/google/chrome/chrome", "/opt/microsoft/msedge/msedge", "/snap/bin/chromium",
               "/var/lib/flatpak/exports/bin/org.chromium.Chromium")
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


def installed(system: str | None = None, env=None, home: Path | None = None,
              root: Path = Path("/")) -> list[Path]:
    """Every normal install location of Chrome, Chromium and Edge on this OS that holds one.
    (Parameters for the tests: another OS, environment, home or file-system root.)"""
    system = system or sys.platform
    env = os.environ if env is None else env
    home = home or Path.home()
    if system.startswith("win"):
        bases = [Path(env[k]) for k in WINDOWS_DIRS if env.get(k)]
        places = [base / exe for base in bases for exe in WINDOWS_EXES]
    elif system == "darwin":
        folders = (root / "Applications", home / "Applications")
        places = [folder / app for folder in folders for app in MAC_APPS]
    else:
        places = [root / p.lstrip("/") for p in LINUX_PATHS]
    return [p for p in places if p.is_file()]


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
    for path in installed():
        return Browser(str(path), "system")
    raise BrowserNotFound(
        "Ingen Chromium, Chrome eller Edge hittades. Kör 'playwright install chromium', installera "
        f"Chrome eller Edge (Debian: paketet 'chromium'), eller sätt {ENV_VAR} till webbläsarens fil."
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
