"""Swedish help for the `mockplatform` command: click writes its own words (Usage, Options,
Commands, "Show this message and exit.") in English; here they are Swedish, for every command
added to the group — also those other modules add later, since the tree is walked when the
command runs."""

from __future__ import annotations

import click

HEADINGS = {"Options": "Alternativ", "Commands": "Kommandon", "Arguments": "Argument",
            "Positional arguments": "Argument"}
EXTRAS = {"[default: ": "[standard: ", "default: ": "standard: ", "[required]": "[krävs]",
          "env var: ": "miljövariabel: ", "(dynamic)": "(beräknas)"}
HELP_TEXT = "Visa den här hjälpen och avsluta."
METAVARS = {"integer": "TAL", "float": "TAL", "directory": "MAPP", "file": "FIL", "path": "SÖKVÄG"}


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


class SvGroup(click.Group):
    """A click group whose help, and its commands' help, is in Swedish."""

    def main(self, *args, **kwargs):
        swedish(self)
        return super().main(*args, **kwargs)
