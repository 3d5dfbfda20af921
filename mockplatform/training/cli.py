"""`mockplatform scenario list | show ID | run ID [--autopilot] [--headed] [--slowmo MS]`."""

from __future__ import annotations

import re
import sys
import time
from contextlib import contextmanager

import click

from .. import live
from .scenarios import ScenarioError, load_all


def _scenarios():
    try:
        return load_all()
    except ScenarioError as exc:
        raise click.ClickException(str(exc)) from None


def _get(scenario_id: str):
    found = _scenarios().get(scenario_id)
    if found is None:
        raise click.ClickException(f"Scenariot '{scenario_id}' finns inte. Se 'mockplatform scenario list'.")
    return found


@click.group("scenario")
def scenario():
    """Övningsscenarier: lista, visa, kör (själv eller med autopilot)."""


@scenario.command("list")
def list_cmd():
    """En rad per scenario: id, titel, nivå, antal uppgifter."""
    for s in _scenarios().values():
        needs = f"  (kräver {s.requires_words})" if s.requires else ""
        n = len(s.tasks)
        click.echo(f"{s.id}\t{s.title} · {s.level_name} · {n} {'uppgift' if n == 1 else 'uppgifter'}{needs}")


@scenario.command("show")
@click.argument("scenario_id")
def show(scenario_id: str):
    """Visa ett scenario: start, uppgifter, tips, handbok och kontroller."""
    s = _get(scenario_id)
    click.echo(f"{s.title}  [{s.id}, {s.level_name}]")
    if s.summary:
        click.echo(s.summary)
    start = s.start
    click.echo(f"Start: person {start.persona or '–'}{' (inloggad)' if start.logged_in else ''}, "
               f"tid {start.time or 'nu'}, {len(start.seed)} extra saker i världen, sida {start.url}")
    for i, t in enumerate(s.tasks, 1):
        click.echo(f"\n{i}. {t.instruction}")
        for h in t.hints:
            click.echo(f"   Tips: {h}")
        if t.handbook:
            click.echo(f"   Handboken: {t.handbook}")
        params = ", ".join(f"{k}={v}" for k, v in t.check.params.items())
        click.echo(f"   Kontroll: {t.check.name}({params})")
        click.echo(f"   Lösning: {len(t.solution)} steg" if t.solution else "   Lösning: saknas ännu")


@contextmanager
def _sandbox(base_url: str | None):
    """The given sandbox, or one of its own (see mockplatform.live)."""
    if base_url:
        yield base_url.rstrip("/"), None
        return
    with live.running("sandladan-scenario-") as (url, app):
        yield url, app


@scenario.command("run")
@click.argument("scenario_id")
@click.option("--autopilot", is_flag=True, help="Webbläsaren spelar lösningen själv.")
@click.option("--headed", is_flag=True, help="Visa webbläsaren (demo för en utbildning).")
@click.option("--slowmo", type=int, default=0, metavar="MS", help="Vänta så här många ms mellan stegen.")
@click.option("--base-url", help="En Sandlåda som redan körs, t.ex. http://127.0.0.1:5000.")
@click.option("--window", metavar="BREDDxHÖJD", callback=lambda _c, _p, v: _window_size(v),
              help="Fönstrets storlek, t.ex. 1366x768. Standard: hela skärmen (med --headed).")
def run_cmd(scenario_id: str, autopilot: bool, headed: bool, slowmo: int, base_url: str | None,
            window: tuple[int, int] | None):
    """Kör ett scenario: för en deltagare (webbläsaren öppnas) eller med --autopilot."""
    from ..browser import BrowserNotFound, find_browser

    s = _get(scenario_id)
    try:
        browser_args = find_browser().launch_args()
    except BrowserNotFound as exc:
        raise click.ClickException(str(exc)) from None
    with _sandbox(base_url) as (url, app):
        if app is not None and not set(s.requires) <= set(app.view_functions):
            raise click.ClickException(f"Scenariot '{s.id}' kräver {s.requires_words}, som inte "
                                       "finns i den här versionen av Sandlådan.")
        _run_in_browser(s, url, autopilot=autopilot, headless=autopilot and not headed, headed=headed,
                        slowmo=slowmo, browser_args=browser_args, window=window)


def _window_size(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    match = re.fullmatch(r"\s*(\d{3,5})\s*[x×X]\s*(\d{3,5})\s*", value)
    if not match:
        raise click.BadParameter(f"Skriv storleken som BREDDxHÖJD, t.ex. 1366x768 (inte ”{value}”).")
    return int(match[1]), int(match[2])


def window_settings(headless: bool, window: tuple[int, int] | None) -> tuple[list[str], dict]:
    """Launch arguments and context options for the demo window. A shown window fits the screen
    it opens on (or --window), and the page follows the window, so the caption at the bottom is
    always in view; Swedish and no translate bubble over the top right corner."""
    args = ["--disable-features=Translate", "--lang=sv-SE"]
    context = {"locale": "sv-SE", "timezone_id": "Europe/Stockholm"}
    if headless:
        w, h = window or (1280, 860)
        return args, context | {"viewport": {"width": w, "height": h}}
    args.append(f"--window-size={window[0]},{window[1]}" if window else "--start-maximized")
    return args, context | {"no_viewport": True}


def _run_in_browser(s, url: str, *, autopilot: bool, headless: bool, headed: bool, slowmo: int,
                    browser_args: dict, window: tuple[int, int] | None = None) -> None:
    from playwright.sync_api import sync_playwright

    from . import autopilot as pilot

    extra_args, context_options = window_settings(headless, window)
    launch = dict(browser_args, args=[*browser_args.get("args", []), *extra_args])
    with sync_playwright() as p:
        browser = p.chromium.launch(headless=headless, slow_mo=slowmo, **launch)
        context = browser.new_context(**context_options)
        page = context.new_page()
        click.echo(f"Sandlådan: {url}")
        if autopilot:
            try:
                result = pilot.run(page, url, s, demo=headed, pause_ms=max(slowmo, 300) if headed else 0,
                                   report=click.echo)
            except pilot.AutopilotError as exc:
                raise click.ClickException(str(exc)) from None
            finally:
                browser.close()
            passed = sum(t.passed for t in result.tasks)
            click.echo(f"Autopiloten: {passed} av {len(s.tasks)} uppgifter klara"
                       + ("." if result.passed else " – övningen gick INTE igenom."))
            sys.exit(0 if result.passed else 1)
        _follow_trainee(page, url, s)
        browser.close()


def _follow_trainee(page, url: str, s) -> None:
    """Open the scenario for a trainee and report progress here until done or the window closes."""
    from . import autopilot as pilot

    pilot.start_via_ui(page, url, s)
    click.echo(f"Övningen '{s.title}' är startad i webbläsaren. Avsluta med Ctrl+C.")
    seen = -1
    try:
        while not page.is_closed():
            state = pilot.status(page, url)
            done = state.get("done", 0)
            if done != seen:
                seen = done
                current = state.get("current")
                click.echo(f"{done} av {state.get('total')} uppgifter klara"
                           + (f" – nu uppgift {current}" if current else ""))
            if state.get("finished"):
                click.echo("Alla uppgifter klara! Genomgången visas i webbläsaren.")
                page.goto(url + "/ovningar/genomgang")
                page.wait_for_event("close", timeout=0)
                return
            time.sleep(2)
    except KeyboardInterrupt:
        click.echo("Avbrutet.")
    except Exception:  # the trainee closed the browser window
        click.echo("Webbläsaren stängdes.")
