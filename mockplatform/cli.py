"""`mockplatform`: serve the sandbox, reset it, move its time, check the machine."""

from __future__ import annotations

import os
import platform
import shutil
import sys
from pathlib import Path

import click
from flask.cli import FlaskGroup

from . import create_app
from .guidecheck.cli import guides
from .handbook.cli import handbook
from .rules.cli import rules
from .training.cli import scenario

DATA_OPTION = click.option("--data", "data", type=click.Path(file_okay=False),
                           help="Datamapp (SQLite och uppladdade filer). Standard: instance/.")


def make_app(data: str | None = None):
    if data:
        os.environ["MOCKPLATFORM_DATA_DIR"] = str(Path(data).resolve())
    return create_app()


@click.group(cls=FlaskGroup, create_app=make_app, add_version_option=False,
             context_settings={"help_option_names": ["-h", "--help"]})
def cli():
    """Sandlådan – övningsmiljö och guidetestare för kommunens handbok för sociala medier."""


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Adress att lyssna på.")
@click.option("--port", default=5000, show_default=True, type=int, help="Port.")
@click.option("--trainer-password", envvar="MOCKPLATFORM_TRAINER_PASSWORD",
              help="Lösenord till tränarsidan /tranare/.")
@DATA_OPTION
def serve(host: str, port: int, trainer_password: str | None, data: str | None):
    """Starta Sandlådan i webbläsaren."""
    from werkzeug.serving import run_simple

    if trainer_password:
        os.environ["MOCKPLATFORM_TRAINER_PASSWORD"] = trainer_password
    app = make_app(data)
    click.echo(f"Sandlådan körs på http://{host}:{port}/  (avsluta med Ctrl+C)")
    click.echo(f"Data sparas i {app.config['DATA_DIR']}")
    run_simple(host, port, app, threaded=True, use_reloader=False)


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
@DATA_OPTION
def list_workspaces(data: str | None):
    """Lista övningsmiljöerna (id, namn, Sandlådans tid)."""
    from . import clock
    from .db import connect
    from .filters import sv_datetime

    app = make_app(data)
    db = connect(app.config["DATABASE"])
    rows = db.execute("SELECT id, label, created_at FROM workspace ORDER BY created_at").fetchall()
    if not rows:
        click.echo("Inga övningsmiljöer ännu.")
    for r in rows:
        click.echo(f"{r['id']}  {r['label'] or '-':20}  tid: {sv_datetime(clock.now(db, r['id']))}")


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
