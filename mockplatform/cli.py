"""`mockplatform`: serve the sandbox, reset it, move its time, check the machine."""

from __future__ import annotations

import os
import platform
import shutil
import sqlite3
import sys
from pathlib import Path

import click
from flask.cli import FlaskGroup

from . import create_app
from .clihelp import SvGroup
from .guidecheck.cli import guides
from .handbook.cli import handbook
from .rules.cli import rules
from .server import DEFAULT_THREADS
from .training.cli import scenario

DATA_OPTION = click.option("--data", "data", type=click.Path(file_okay=False),
                           help="Datamapp (SQLite och uppladdade filer). Standard: instance/.")


def make_app(data: str | None = None):
    if data:
        os.environ["MOCKPLATFORM_DATA_DIR"] = str(Path(data).resolve())
    return create_app()


@click.group("mockplatform", cls=SvGroup,
             epilog="Flasks egna utvecklarkommandon (run, shell, routes) nås med "
                    "'mockplatform flask …' eller 'flask --app mockplatform …'.")
def cli():
    """Sandlådan – övningsmiljö och guidetestare för kommunens handbok för sociala medier."""


# Flask's own English commands, for developers only: not in the help, still reachable.
cli.add_command(FlaskGroup(name="flask", create_app=make_app, add_version_option=False, hidden=True,
                           help="Flasks egna kommandon (run, shell, routes) för utvecklare."))


def _interactive() -> bool:
    return sys.stdin.isatty()


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Adress att lyssna på. 0.0.0.0: nåbar från andra enheter i nätverket (utbildning).")
@click.option("--port", default=5000, show_default=True, type=int, help="Port.")
@click.option("--threads", default=DEFAULT_THREADS, show_default=True, type=click.IntRange(1, 64),
              help="Hur många förfrågningar som hanteras samtidigt (per process).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 16),
              help="Antal processer (Linux och macOS, gunicorn): bara bakom en omvänd proxy som "
                   "buffrar, t.ex. nginx.")
@click.option("--behind-proxy", "behind_proxy", type=click.IntRange(0, 5), default=None,
              envvar="MOCKPLATFORM_BEHIND_PROXY",
              help="Antal omvända proxyer framför Sandlådan vars X-Forwarded-*-huvuden ska litas på "
                   "(bara när Sandlådan står bakom en, t.ex. nginx).")
@click.option("--trainer-password", hidden=True, help="Föråldrat: syns för alla i processlistan.")
@DATA_OPTION
def serve(host: str, port: int, threads: int, workers: int, behind_proxy: int | None,
          trainer_password: str | None, data: str | None):
    """Starta Sandlådan (produktionsserver: waitress).

    Tränarlösenordet läses från miljövariabeln MOCKPLATFORM_TRAINER_PASSWORD, annars frågar
    Sandlådan efter det när den startas i ett terminalfönster (Enter = ingen tränarsida)."""
    from .server import run

    if behind_proxy:  # read by create_app (config BEHIND_PROXY), which installs ProxyFix
        os.environ["MOCKPLATFORM_BEHIND_PROXY"] = str(behind_proxy)
    app = make_app(data)
    if trainer_password:
        click.echo("Varning: --trainer-password syns för alla på datorn (i processlistan). Använd "
                   "miljövariabeln MOCKPLATFORM_TRAINER_PASSWORD eller svara på frågan i stället.", err=True)
        app.config["TRAINER_PASSWORD"] = trainer_password
    elif not app.config.get("TRAINER_PASSWORD") and _interactive():
        password = click.prompt("Lösenord till tränarsidan /tranare/ (Enter = ingen tränarsida)",
                                default="", show_default=False, hide_input=True)
        app.config["TRAINER_PASSWORD"] = password or None
    run(app, host, port, threads, workers)


@cli.command("reset")
@click.option("--yes", is_flag=True, help="Fråga inte först.")
@DATA_OPTION
def reset(yes: bool, data: str | None):
    """Töm alla övningsmiljöer: databasen och uppladdade filer."""
    from .db import init_db

    app = make_app(data)
    if not yes:
        click.confirm(f"Tömma alla övningsmiljöer i {app.config['DATA_DIR']}?", abort=True)
    shutil.rmtree(app.config["MEDIA_DIR"], ignore_errors=True)
    Path(app.config["MEDIA_DIR"]).mkdir(parents=True, exist_ok=True)
    init_db(app.config["DATABASE"], fresh=True)
    click.echo("Alla övningsmiljöer är tömda. Nästa besök får en ny, seedad värld.")


@cli.command("workspaces")
@click.option("--prune", is_flag=True, help="Ta bort övningsmiljöer som ingen har använt på länge.")
@click.option("--days", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Hur många dagar utan användning (standard: WORKSPACE_IDLE_DAYS, 30).")
@DATA_OPTION
def list_workspaces(prune: bool, days: float | None, data: str | None):
    """Lista övningsmiljöerna (id, namn, Sandlådans tid) eller ta bort oanvända (--prune)."""
    from . import clock
    from . import prune as pruning
    from .db import connect
    from .filters import sv_datetime

    app = make_app(data)
    db = connect(app.config["DATABASE"])
    if prune:
        limit = days if days is not None else float(app.config["WORKSPACE_IDLE_DAYS"])
        if not limit:  # WORKSPACE_IDLE_DAYS = 0: nothing is removed unless the operator says when
            raise click.UsageError("Automatisk borttagning är avstängd (WORKSPACE_IDLE_DAYS = 0). "
                                   "Ange hur många dagar, t.ex. --days 30.")
        removed = pruning.prune(db, app.config["MEDIA_DIR"], limit)
        noun = "övningsmiljö" if len(removed) == 1 else "övningsmiljöer"
        click.echo(f"Tog bort {len(removed)} {noun} som inte har använts på {limit:g} dagar.")
        return
    rows = db.execute("SELECT id, label, created_at FROM workspace ORDER BY created_at").fetchall()
    if not rows:
        click.echo("Inga övningsmiljöer ännu.")
    for r in rows:
        click.echo(f"{r['id']}  {r['label'] or '-':20}  tid: {sv_datetime(clock.now(db, r['id']))}")


@cli.command("backup")
@click.argument("target", type=click.Path(dir_okay=False))
@DATA_OPTION
def backup_cmd(target: str, data: str | None):
    """Gör en säkerhetskopia av databasen till FIL (går bra medan Sandlådan körs)."""
    from .db import backup

    app = make_app(data)
    if Path(target).exists():
        raise click.BadParameter(f"{target} finns redan. Välj ett nytt filnamn.", param_hint="FIL")
    if not Path(target).resolve().parent.is_dir():
        raise click.BadParameter(f"Mappen {Path(target).resolve().parent} finns inte.", param_hint="FIL")
    try:
        backup(app.config["DATABASE"], target)
    except (sqlite3.Error, OSError) as exc:
        raise click.ClickException(f"Säkerhetskopian kunde inte sparas i {target}. Går det att skriva i "
                                   "mappen, och finns det plats på disken? Ingen halv kopia ligger kvar.") \
            from exc
    click.echo(f"Säkerhetskopian är sparad i {target}. Uppladdade bilder och filmer ligger i "
               f"{app.config['MEDIA_DIR']} – kopiera den mappen också.")


@cli.command("time")
@click.option("--workspace", "workspace_id", help="Övningsmiljöns id (se 'mockplatform workspaces').")
@click.option("--all", "all_", is_flag=True, help="Alla övningsmiljöer.")
@click.option("--set", "set_to", metavar="'ÅÅÅÅ-MM-DD TT:MM'", help="Ställ klockan (svensk tid).")
@click.option("--advance", metavar="2h|30m|1d", help="Flytta fram klockan.")
@DATA_OPTION
def time_cmd(workspace_id, all_, set_to, advance, data):
    """Visa, ställ eller flytta fram Sandlådans tid."""
    from . import clock
    from .db import connect
    from .filters import sv_datetime

    app = make_app(data)
    db = connect(app.config["DATABASE"])
    ids = [r[0] for r in db.execute("SELECT id FROM workspace")] if all_ else [workspace_id]
    if not all_ and not workspace_id:
        raise click.UsageError("Ange --workspace ID eller --all.")
    for ws in ids:
        if db.execute("SELECT 1 FROM workspace WHERE id = ?", (ws,)).fetchone() is None:
            raise click.BadParameter(f"Övningsmiljön {ws} finns inte.", param_hint="--workspace")
        try:
            if set_to:
                date, _, hhmm = set_to.partition(" ")
                clock.set_time(db, ws, clock.parse_local(date, hhmm), by="trainer")
            if advance:
                clock.advance(db, ws, clock.parse_duration(advance), by="trainer")
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
        with app.app_context():
            now = clock.tick(db, ws)
        db.commit()
        click.echo(f"{ws}: {sv_datetime(now, weekday=True)}")


@cli.command("doctor")
@DATA_OPTION
def doctor(data: str | None):
    """Visa versioner, datamapp och vilken webbläsare som används – och starta den på riktigt."""
    from importlib.metadata import version

    from .browser import BrowserNotFound, describe, find_browser

    app = make_app(data)
    click.echo(f"Python       {platform.python_version()} ({sys.executable})")
    for pkg in ("flask", "playwright", "pillow"):
        click.echo(f"{pkg:12} {version(pkg)}")
    click.echo(f"Datamapp     {app.config['DATA_DIR']}")
    try:
        browser = find_browser()
    except BrowserNotFound as exc:
        click.echo(f"Webbläsare   saknas: {exc}")
        sys.exit(1)
    click.echo(f"Webbläsare   {describe(browser)}")
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            b = p.chromium.launch(**browser.launch_args())
            page = b.new_page()
            page.set_content("<title>ok</title>")
            click.echo(f"Provstart    ok: {b.version} ({page.title()})")
            b.close()
    except Exception as exc:  # report, do not crash: this is a diagnosis command
        click.echo(f"Provstart    misslyckades: {exc}")
        sys.exit(1)


cli.add_command(guides)
cli.add_command(handbook)
cli.add_command(scenario)
cli.add_command(rules)


def main():
    cli(prog_name="mockplatform")
