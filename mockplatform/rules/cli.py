"""`mockplatform rules …`: the table of the handbook's rules and where Sandlådan covers them,
and a check that every handbook reference names a section that exists."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import RULES, catalog, handbook

HANDBOOK_OPTION = click.option("--handbok", "handbook_path", type=click.Path(dir_okay=False),
                               help=f"Handbokens textfil. Standard: {handbook.ENV} eller "
                                    "../shared/handbook/ bredvid projektet.")


@click.group("rules")
def rules():
    """Handbokens regler: tabellen över var de lärs ut, coachas och kontrolleras."""


@rules.command("table")
@click.option("--skriv", "write", type=click.Path(dir_okay=False),
              help="Skriv tabellen till filen (t.ex. docs/regler.md) i stället för att visa den.")
@click.option("--kontrollera", "check", type=click.Path(dir_okay=False),
              help="Jämför filen med tabellen; avsluta med fel om den är inaktuell.")
def table(write: str | None, check: str | None):
    """Visa tabellen över handbokens regler (Markdown)."""
    text = catalog.table()
    if check:
        current = Path(check).read_text(encoding="utf-8") if Path(check).exists() else ""
        if current != text:
            click.echo(f"{check} är inaktuell. Kör: mockplatform rules table --skriv {check}", err=True)
            sys.exit(1)
        click.echo(f"{check} stämmer.")
        return
    if write:
        Path(write).parent.mkdir(parents=True, exist_ok=True)
        Path(write).write_text(text, encoding="utf-8")
        click.echo(f"Tabellen är skriven till {write}.")
        return
    click.echo(text, nl=False)


def problems(text: str) -> list[str]:
    """Handbook references that do not exist in the handbook text, in Swedish."""
    out = []
    for e in catalog.ENTRIES:
        if not handbook.has_section(text, e.section):
            out.append(f"Regeln {e.id}: avsnittet ”{e.section}” finns inte i handboken.")
        if not handbook.has_words(text, e.words):
            out.append(f"Regeln {e.id}: orden ”{e.words}” står inte i handboken.")
    for r in RULES.values():
        if not handbook.has_section(text, r.section):
            out.append(f"Regelmodulen {r.id}: avsnittet ”{r.section}” finns inte i handboken.")
        if r.handbook_words and not handbook.has_words(text, r.handbook_words):
            out.append(f"Regelmodulen {r.id}: orden ”{r.handbook_words}” står inte i handboken.")
    for name, data in catalog.scenarios():
        for task in catalog.tasks(data):
            for missing in handbook.missing_sections(task.get("handbook"), text):
                out.append(f"{name}.yaml, uppgift {task.get('id') or task.get('key')}: avsnittet "
                           f"”{missing}” finns inte i handboken.")
    return out


@rules.command("check")
@HANDBOOK_OPTION
def check_references(handbook_path: str | None):
    """Kontrollera att varje hänvisning till handboken finns i handbokens text."""
    try:
        text = handbook.read(handbook_path)
    except handbook.HandbookMissing as exc:
        raise click.ClickException(str(exc)) from None
    found = problems(text)
    for p in found:
        click.echo(p, err=True)
    if found:
        sys.exit(1)
    click.echo("Alla hänvisningar till handboken finns i handbokens text.")
