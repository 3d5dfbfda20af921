"""Docs-style checks: every guide in guides/ parses; every CLI command explains itself."""

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from mockplatform.cli import cli
from mockplatform.guidecheck.parser import guide_files, parse_file

GUIDES = guide_files(Path(__file__).resolve().parents[1] / "guides")


def test_there_are_guides():
    assert len(GUIDES) >= 3


@pytest.mark.parametrize("path", GUIDES, ids=lambda p: p.stem)
def test_every_guide_parses_and_every_step_has_words(path):
    guide = parse_file(path)
    assert guide.title and guide.steps
    assert all(step.text for step in guide.steps)


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("path, command", list(_commands(cli)), ids=lambda v: " ".join(v)
                         if isinstance(v, tuple) else "")
def test_every_cli_command_has_help(path, command):
    assert (command.help or "").strip(), f"{' '.join(path)} saknar hjälptext"
    result = CliRunner().invoke(cli, [*path, "--help"])
    first_line = " ".join(command.help.strip().splitlines()[0].split())
    assert result.exit_code == 0 and first_line in " ".join(result.output.split())


def test_guides_list_names_every_guide():
    result = CliRunner().invoke(cli, ["guides", "list"])
    assert result.exit_code == 0
    for path in GUIDES:
        assert path.name in result.output
