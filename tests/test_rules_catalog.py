"""Coverage that cannot rot: the committed table is the generated one, every handbook rule is
taught, coached or checked (or honestly marked as not yet), and every handbook reference
names a section that exists in the handbook's text."""

from pathlib import Path

from click.testing import CliRunner

from mockplatform.cli import cli
from mockplatform.rules import RULES, catalog, handbook
from mockplatform.rules.cli import problems

DOC = Path(__file__).parent.parent / "docs" / "regler.md"


def test_the_committed_table_is_the_generated_one():
    assert DOC.read_text(encoding="utf-8") == catalog.table(), (
        "docs/regler.md är inaktuell: kör mockplatform rules table --skriv docs/regler.md")


def test_the_catalog_counts_the_handbooks_24_rules_and_every_rule_module_coaches_one():
    assert len(catalog.ENTRIES) == 24 and len({e.id for e in catalog.ENTRIES}) == 24
    ids = {e.id for e in catalog.ENTRIES}
    for rule in RULES.values():
        assert rule.catalog and set(rule.catalog) <= ids, rule.id


def test_every_rule_is_covered_or_honestly_pending():
    cov = catalog.coverage()
    for e in catalog.ENTRIES:
        if e.pending:
            assert not cov[e.id].covered, f"{e.id} täcks nu: ta bort pending i catalog.py"
        else:
            assert cov[e.id].covered, f"{e.id} lärs inte ut, coachas inte och kontrolleras inte"


def test_every_handbook_reference_exists_in_the_handbook():
    assert problems(handbook.read()) == []


def test_a_reference_to_a_section_that_does_not_exist_is_found(tmp_path, monkeypatch):
    text = handbook.read()
    assert handbook.missing_sections("Så skapar du ett inlägg, steg 1–3. Tilltal: avsändare.", text) == []
    assert handbook.missing_sections("Så raderar du en sida, steg 2.", text) == ["Så raderar du en sida"]
    assert handbook.missing_sections({"section": "Kriskommunikation"}, text) == []
    (tmp_path / "x.yaml").write_text(
        "id: x\ntasks:\n  - id: t\n    instruction: Gör något.\n    handbook: 'Påhittad rubrik: text.'\n"
        "    check: {post_published: {page: p}}\n", encoding="utf-8")
    monkeypatch.setenv("MOCKPLATFORM_SCENARIOS_DIR", str(tmp_path))
    assert problems(text) == ["x.yaml, uppgift t: avsnittet ”Påhittad rubrik” finns inte i handboken."]


def test_coverage_follows_the_scenarios(tmp_path, monkeypatch):
    (tmp_path / "x.yaml").write_text(
        "id: kris\nlearn:\n  text: Det är praxis i sociala medier att länka till andras material "
        "snarare än att kopiera.\ntasks:\n  - id: svara\n    instruction: Svara snabbt.\n"
        "    handbook: 'Kriskommunikation: beredskap.'\n"
        "    check: {comment_answered: {comment_contains: x}}\n",
        encoding="utf-8")
    monkeypatch.setenv("MOCKPLATFORM_SCENARIOS_DIR", str(tmp_path))
    cov = catalog.coverage()
    assert cov["kriskommunikation"].taught == ["kris/svara"]
    assert cov["upphovsratt"].taught == ["kris (Lär dig först)"]
    assert cov["svarstid"].checked == ["kris/svara (comment_answered)"]
    assert cov["dolj-hellre-an-radera"].taught == []


def test_cli_writes_and_checks_the_table(tmp_path):
    runner = CliRunner()
    out = tmp_path / "regler.md"
    assert runner.invoke(cli, ["rules", "table", "--skriv", str(out)]).exit_code == 0
    assert runner.invoke(cli, ["rules", "table", "--kontrollera", str(out)]).exit_code == 0
    out.write_text("gammal", encoding="utf-8")
    result = runner.invoke(cli, ["rules", "table", "--kontrollera", str(out)])
    assert result.exit_code == 1 and "inaktuell" in result.output


def test_cli_check_names_a_missing_handbook(tmp_path):
    result = CliRunner().invoke(cli, ["rules", "check", "--handbok", str(tmp_path / "nej.txt")])
    assert result.exit_code == 1 and "Handboken finns inte" in result.output
