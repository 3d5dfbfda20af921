"""Swedish help for the `mockplatform` command: click writes its own words (Usage, Options,
Commands, "Show this message and exit.") in English; here they are Swedish, for every command
added to the group — also those other modules add later, since the tree is walked when the
command runs."""

from __future__ import annotations

import re
import sys

import click

HEADINGS = {"Options": "Alternativ", "Commands": "Kommandon", "Arguments": "Argument",
            "Positional arguments": "Argument"}
EXTRAS = {"[default: ": "[standard: ", "default: ": "standard: ", "[required]": "[krävs]",
          "env var: ": "miljövariabel: ", "(dynamic)": "(beräknas)"}
HELP_TEXT = "Visa den här hjälpen och avsluta."
METAVARS = {"integer": "TAL", "float": "TAL", "integer range": "TAL", "float range": "TAL",
            "directory": "MAPP", "file": "FIL", "path": "SÖKVÄG", "boolean": "JA|NEJ"}


class SvHelpFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="Användning: ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(HEADINGS.get(heading, heading))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        def sv(text: str) -> str:
            for en, sv_text in EXTRAS.items():
                text = text.replace(en, sv_text)
            return text

        super().write_dl([(a, sv(b)) for a, b in rows], col_max, col_spacing)


class SvContext(click.Context):
    formatter_class = SvHelpFormatter


def _show_help(ctx: click.Context, _param, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(ctx.get_help(), color=ctx.color)
        ctx.exit()


def swedish(command: click.Command) -> None:
    """Give ``command`` and everything under it Swedish help words and a Swedish -h/--help."""
    command.context_class = SvContext
    command.options_metavar = "[ALTERNATIV]"
    if isinstance(command, click.Group):
        command.subcommand_metavar = "KOMMANDO [ARGUMENT]..."
    if command.add_help_option:
        command.add_help_option = False
        command.params.append(click.Option(["-h", "--help"], is_flag=True, expose_value=False,
                                           is_eager=True, callback=_show_help, help=HELP_TEXT))
    for param in command.params:
        kind = getattr(param.type, "name", "")
        if param.metavar is None and kind in METAVARS and not getattr(param, "is_flag", False):
            param.metavar = METAVARS[kind]
    for sub in getattr(command, "commands", {}).values():
        if not sub.hidden:  # Flask's own developer commands stay as Flask made them
            swedish(sub)


# click's own error sentences (English) → Swedish. Our commands write Swedish messages already.
ERRORS = [(re.compile(p), sv) for p, sv in [
    (r"^No such command '([^']+)'\.$", r"Kommandot '\1' finns inte."),
    (r"^No such option:? '?([^'\s]+?)'?\.?$", r"Okänt alternativ: \1"),
    (r"^No such option:? '?([^'\s]+?)'?\.? ", r"Okänt alternativ: \1. "),
    (r"^Option '([^']+)' requires an argument\.$", r"Alternativet '\1' behöver ett värde."),
    (r"^Got unexpected extra arguments? \((.+)\)$", r"Oväntat argument: \1"),
    (r"^Missing command\.$", "Ange ett kommando."),
    (r"^Missing argument '([^']+)'\.$", r"Argumentet '\1' saknas."),
    (r"^Missing option '([^']+)'\.$", r"Alternativet '\1' saknas."),
    (r"^Invalid value for ('[^']+'|[^:]+): ", r"Ogiltigt värde för \1: "),
    (r"'([^']+)' is not a valid integer( range)?\.", r"'\1' är inget heltal."),
    (r"\(Possible options: ([^)]+)\)", r"(Möjliga: \1)"),
    (r"Did you mean ([^?]+)\?", r"Menade du \1?"),
    (r"(\S+) is not in the range ([^.]+)\.", r"\1 ligger utanför det tillåtna (\2)."),
    (r"'([^']+)' is not a valid float( range)?\.", r"'\1' är inget tal."),
    (r"Directory '([^']+)' is a file\.", r"'\1' är en fil, inte en mapp."),
    (r"File '([^']+)' is a directory\.", r"'\1' är en mapp, inte en fil."),
    (r"(?:File|Directory|Path) '([^']+)' does not exist\.", r"'\1' finns inte."),
    (r"(?:File|Directory|Path) '([^']+)' is not (?:writable|readable)\.",
     r"'\1' går inte att använda (behörighet)."),
]]


def _sv_error(text: str) -> str:
    for pattern, swedish_text in ERRORS:
        text = pattern.sub(swedish_text, text)
    return text


def _show(exc: click.ClickException) -> None:
    if isinstance(exc, click.UsageError) and exc.ctx is not None:
        click.echo(exc.ctx.get_usage(), err=True)
        path = exc.ctx.command_path
        click.echo(f"Skriv '{path} -h' för hjälp.\n", err=True)
    click.echo(f"Fel: {_sv_error(exc.format_message())}", err=True)


class SvGroup(click.Group):
    """A click group whose help, errors and every command's help are in Swedish."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        swedish(self)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            _show(exc)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Avbrutet.", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)
