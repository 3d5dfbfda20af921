"""`mockplatform guides check | export | list`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .parser import GuideError, guide_files, load_all, normalise, parse_file
from .results import EXIT, MARK, WORDS, exit_code


def default_folder() -> Path:
    here = Path.cwd() / "guides"
    return here if here.is_dir() else Path(__file__).resolve().parents[2] / "guides"


FOLDER = click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path),
                      default=None, help="Mappen med guiderna. Standard: guides/.")
BASE_URL = click.option("--base-url", metavar="URL",
                        help="Kör mot en Sandlåda som redan är igång, i stället för en egen.")


def _load(folder: Path | None):
    folder = folder or default_folder()
    if not guide_files(folder):
        raise click.UsageError(f"Inga guider (*.md) i {folder}.")
    try:
        return load_all(folder)
    except GuideError as exc:
        click.echo(f"Fel i guidefil: {exc}", err=True)
        sys.exit(2)


def _pick(every, names: tuple[str, ...]):
    if not names:
        return every
    chosen = []
    for name in names:
        path = Path(name)
        if path.suffix == ".md" and path.exists():
            try:
                wanted = parse_file(path)
            except GuideError as exc:
                click.echo(f"Fel i guidefil: {exc}", err=True)
                sys.exit(2)
            chosen.append(next((g for g in every if g.path.resolve() == path.resolve()), wanted))
            continue
        match = [g for g in every if name in (g.key, g.path.name) or normalise(name) == normalise(g.title)]
        if not match:
            raise click.BadParameter(f"ingen guide heter ”{name}”. Se 'mockplatform guides list'.",
                                     param_hint="GUIDE")
        chosen.extend(match)
    return chosen


def _run(function, *args, **kwargs):
    """Run guides; a browser that cannot start is a clear message, not a traceback."""
    from playwright.sync_api import Error as PlaywrightError

    from ..browser import BrowserNotFound

    try:
        return function(*args, **kwargs)
    except (BrowserNotFound, PlaywrightError) as exc:
        click.echo(f"Webbläsaren kunde inte startas: {str(exc).splitlines()[0]}", err=True)
        click.echo("Guiderna kunde inte köras – det säger inget om handboken.", err=True)
        sys.exit(EXIT["error"])


def _progress(guide, result):
    number = "" if result.step.number == "före" else f"{result.step.number}. "
    click.echo(f"  {MARK[result.status]} {number}{result.step.text[:90]}")
    if result.within:
        click.echo(f"      i: {result.within}")
    if result.status == "fail":
        click.echo(f"      väntade: {result.expected}\n      hittade: {result.found}")
    elif result.status == "error":
        click.echo(f"      kunde inte köras: {result.found}")


def summary(results) -> str:
    counts = {o: sum(r.outcome == o for r in results) for o in ("ok", "fail", "error")}
    text = f"{counts['ok']} av {len(results)} guider stämmer."
    if counts["fail"]:
        text += f" {counts['fail']} {WORDS['fail']}."
    if counts["error"]:
        text += (f" {counts['error']} {WORDS['error']} (Sandlådan eller webbläsaren var för "
                 "långsam eller gick sönder – det säger inget om handboken).")
    return text


TIMEOUTS = [
    click.option("--timeout", default=5000, show_default=True, type=int, metavar="MS",
                 envvar="MOCKPLATFORM_GUIDE_TIMEOUT",
                 help="Hur länge en etikett, ett påstående eller en text får dröja innan steget "
                      "inte stämmer."),
    click.option("--nav-timeout", default=60000, show_default=True, type=int, metavar="MS",
                 envvar="MOCKPLATFORM_GUIDE_NAV_TIMEOUT",
                 help="Hur länge en sida får ladda. Tar det längre kunde guiden inte köras "
                      "(felkod 3), det är inget fel i handboken."),
]


def timeouts(f):
    for option in reversed(TIMEOUTS):
        f = option(f)
    return f


@click.group("guides", context_settings={"help_option_names": ["-h", "--help"]})
def guides():
    """Handbokens steg-för-steg-guider som körbara tester (mappen guides/)."""


@guides.command("check")
@click.argument("names", metavar="[GUIDE]...", nargs=-1)
@click.option("--headed", is_flag=True, help="Visa webbläsaren medan guiderna körs.")
@click.option("--slowmo", default=0, type=int, metavar="MS", help="Vänta så här många ms mellan stegen.")
@click.option("--report", type=click.Path(file_okay=False, path_type=Path),
              help="Skriv JUnit-XML, en HTML-rapport med skärmbilder och Playwright-spår hit.")
@timeouts
@BASE_URL
@FOLDER
def check(names, headed, slowmo, report, timeout, nav_timeout, base_url, folder):
    """Kör guiderna i en riktig webbläsare.

    Felkod 0: handboken stämmer. 1: ett steg stämmer inte längre. 2: en guidefil är trasig.
    3: en guide kunde inte köras (för långsamt eller trasigt – säger inget om handboken; en
    sådan guide körs en gång till innan den räknas)."""
    from . import reports, session

    every = _load(folder)
    chosen = _pick(every, names)
    current = {}

    def on_step(guide, result):
        if current.get("g") is not guide:
            current["g"] = guide
            click.echo(f"{guide.title}  ({guide.path})")
        _progress(guide, result)

    results = _run(session.run, chosen, every, base_url=base_url, out_dir=report,
                   trace=bool(report), headed=headed, slowmo=slowmo, on_step=on_step,
                   timeout_ms=timeout, nav_timeout_ms=nav_timeout)
    click.echo("")
    for r in results:
        if r.retried:
            click.echo(f"{MARK['error']} {r.guide.path}: kunde först inte köras ({r.retried}); "
                       f"kördes en gång till: {WORDS[r.outcome]}.", err=True)
        if r.outcome != "ok":
            click.echo(f"{MARK[r.outcome]} " + r.failure_text(), err=True)
    if report:
        written = reports.write_all(results, report)
        click.echo(f"Rapport: {written['html']}  ·  JUnit: {written['junit']}")
    click.echo(summary(results))
    sys.exit(exit_code(results))


@guides.command("export")
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Mappen som kapitlet (index.html och bilder) skrivs till.")
@timeouts
@BASE_URL
@FOLDER
def export_cmd(out, timeout, nav_timeout, base_url, folder):
    """Skriv guiderna som ett handbokskapitel (HTML) med nya, inringade skärmbilder."""
    from .export import export

    every = _load(folder)
    page, results = _run(export, every, out, base_url=base_url, timeout_ms=timeout,
                         nav_timeout_ms=nav_timeout)
    for r in results:
        if r.outcome != "ok":
            click.echo(f"{MARK[r.outcome]} " + r.failure_text(), err=True)
    click.echo(f"Kapitlet: {page}")
    sys.exit(exit_code(results))


@guides.command("list")
@FOLDER
def list_cmd(folder):
    """Lista guiderna: fil, titel, antal steg och vem som är inloggad."""
    for g in _load(folder):
        click.echo(f"{g.path.name:40} {g.title}  ({len(g.steps)} steg, persona: {g.persona or 'ingen'})")


@guides.command("coverage")
@click.option("--handbook", "handbook", type=click.Path(dir_okay=False, path_type=Path),
              envvar="MOCKPLATFORM_HANDBOOK",
              help="Handbokens text. Standard: ../shared/handbook/handbok-sociala-medier.txt "
                   "bredvid projektets mapp.")
@FOLDER
def coverage_cmd(handbook, folder):
    """Visa vad i handboken ingen guide kontrollerar (steg, etiketter, behörigheter, bilder).

    Felkod 1 när något saknar guide – så att CI märker ett nytt steg i handboken."""
    from ..handbook import coverage, source

    every = _load(folder)
    try:
        path, blocks = source.load(handbook)
    except source.HandbookMissing as exc:
        raise click.UsageError(str(exc)) from None
    items = coverage.compare(blocks, every)
    click.echo(coverage.report(items, path, folder or default_folder()))
    sys.exit(1 if coverage.missing(items) else 0)
