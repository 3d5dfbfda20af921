"""Handbook coverage: every step, italic label, role and control on the handbook's pictures is
checked by some guide. CI fails here when the handbook gains a step no guide checks.

The handbook is found next to the repository (../shared/handbook/, as in CI) or through
MOCKPLATFORM_HANDBOOK."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mockplatform.cli import cli
from mockplatform.guidecheck.parser import load_all
from mockplatform.handbook import coverage, source

GUIDES = Path(__file__).resolve().parents[1] / "guides"


@pytest.fixture(scope="module")
def handbook():
    try:
        return source.load()
    except source.HandbookMissing as exc:  # a clear failure, never a silent skip
        pytest.fail(str(exc))


@pytest.fixture(scope="module")
def every_guide():
    return load_all(GUIDES)


def test_every_handbook_step_label_role_and_picture_control_has_a_guide(handbook, every_guide):
    path, blocks = handbook
    items = coverage.compare(blocks, every_guide)
    assert {i.kind for i in items} == set(coverage.KINDS)
    assert not coverage.missing(items), coverage.report(items, path, GUIDES)


def test_the_handbook_is_read_into_steps_pictures_and_roles(handbook):
    _, blocks = handbook
    steps = [b for b in blocks if b.kind == "step"]
    assert steps[0].plain == "Gå in på Östhammars kommuns sida eller den verksamhetenssidan du ska " \
                             "publicera ett inlägg på." and steps[0].section == "Så skapar du ett inlägg"
    assert not any(b.plain.startswith("Ge ett värde") for b in steps)  # the nine tips are no steps
    pictures = [b.plain for b in blocks if b.kind == "picture" and b.section == "Inloggning 1"]
    assert pictures == ["Instagram", "Glömt lösenordet?", "Logga in"]
    assert [b.plain for b in source.roles(blocks)] == ["Administratör", "Redaktör", "Moderator",
                                                       "Annonsör", "Analytiker", "Anpassad"]


def test_without_the_role_guide_the_six_roles_are_reported(handbook, every_guide):
    _, blocks = handbook
    items = coverage.compare(blocks, [g for g in every_guide if g.key != "11-behorighet"])
    gaps = {i.text for i in coverage.missing(items) if i.kind == "behörighet"}
    assert gaps == {"Administratör", "Moderator", "Annonsör", "Analytiker", "Anpassad"}


def test_a_step_without_a_guide_is_reported_with_its_line(handbook, every_guide):
    _, blocks = handbook
    items = coverage.compare(blocks, [g for g in every_guide if not g.key.startswith("03-")])
    steps = [i for i in coverage.missing(items) if i.kind == "steg"]
    assert [i.line for i in steps] == [204, 205, 206, 211, 212, 213]
    assert steps[0].section == "Så schemalägger du ett inlägg"


def test_a_renamed_picture_control_is_not_covered(every_guide):
    text = ("Inloggning 1:\n\n1. Öppna appen Instagram.\n\nInstagram\n\n"
            "[Har du glömt lösenordet?](#)\n\nLogga in\n")
    items = coverage.compare(source.parse(text), every_guide)
    assert [i.text for i in coverage.missing(items)] == ["Har du glömt lösenordet?"]


def test_the_command_prints_what_no_guide_checks_and_fails(tmp_path, handbook):
    folder = tmp_path / "guides"
    folder.mkdir()
    for path in GUIDES.glob("0[1-2]-*.md"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["guides", "coverage", "--dir", str(folder),
                                      "--handbook", str(handbook[0])])
    assert result.exit_code == 1
    assert "✘ steg: 10 av 34 kontrolleras av en guide" in result.output
    assert "rad 222 (Att komma in i business manager): 2. Tryck på pilen i det högra hörnet" in result.output
    full = CliRunner().invoke(cli, ["guides", "coverage", "--handbook", str(handbook[0])])
    assert full.exit_code == 0 and "Allt i handbokens steg kontrolleras av en guide." in full.output


def test_a_missing_handbook_is_a_clear_message(tmp_path):
    result = CliRunner().invoke(cli, ["guides", "coverage", "--handbook", str(tmp_path / "nej.txt")])
    assert result.exit_code == 2 and "handboken finns inte" in result.output
