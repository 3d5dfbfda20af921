"""`mockplatform handbook build`: the whole handbook, HTML and PDF, with fresh pictures."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..guidecheck.cli import BASE_URL, FOLDER, _run, summary, timeouts
from ..guidecheck.results import MARK, exit_code


@click.group("handbook", context_settings={"help_option_names": ["-h", "--help"]})
def handbook():
    """Handboken som helhet: regeltexten och alla guider med nya bilder."""


@handbook.command("build")
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Mappen som handboken (index.html, handbok.pdf och bilderna) skrivs till.")
@click.option("--handbook", "source_file", type=click.Path(dir_okay=False, path_type=Path),
              envvar="MOCKPLATFORM_HANDBOOK",
              help="Handbokens text. Standard: ../shared/handbook/handbok-sociala-medier.txt.")
@timeouts
@BASE_URL
@FOLDER
def build_cmd(out, source_file, timeout, nav_timeout, base_url, folder):
    """Bygg hela handboken som HTML och PDF, med guiderna körda i Sandlådan och nya skärmbilder.

    Felkod 1 om en guide inte stämmer, 3 om en guide inte kunde köras (handboken skrivs ändå,
    med en varning överst)."""
    from . import build, source

    try:
        source.locate(source_file)
    except source.HandbookMissing as exc:
        raise click.UsageError(str(exc)) from None
    html, pdf, results = _run(build.build, out, source_file, folder, base_url=base_url,
                              timeout_ms=timeout, nav_timeout_ms=nav_timeout)
    for r in results:
        if r.outcome != "ok":
            click.echo(f"{MARK[r.outcome]} " + r.failure_text(), err=True)
    click.echo(f"Handboken: {html}\nPDF:       {pdf}\n{summary(results)}")
    sys.exit(exit_code(results))
