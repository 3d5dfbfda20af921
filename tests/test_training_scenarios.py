"""Scenario files: every one in scenarios/ loads and validates; bad files get clear Swedish
messages that name the file and the place."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from mockplatform import clock
from mockplatform.training import scenarios
from mockplatform.training.scenarios import ScenarioError, load_file, parse, start_time

FILES = sorted(scenarios.default_dir().glob("*.yaml"))


def test_there_are_at_least_six_scenarios_with_unique_ids():
    loaded = scenarios.load_all()
    assert len(FILES) >= 6 and len(loaded) == len(FILES)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_scenario_file_loads_and_validates(path: Path):
    sc = load_file(path)
    assert sc.title and sc.tasks and sc.level in scenarios.LEVELS
    for task in sc.tasks:
        assert task.instruction and task.handbook, f"{path.name}: {task.id} needs a handbook reference"
        assert task.hints, f"{path.name}: {task.id} needs at least one hint"
    # Without required platforms, every task has a solution for the autopilot.
    if not sc.requires:
        assert all(t.solution for t in sc.tasks)


def test_the_issue_s_six_flows_are_covered():
    checks_used = {t.check.name for s in scenarios.load_all().values() for t in s.tasks}
    assert {"post_published", "post_scheduled", "post_edited", "invitation_sent", "ig_logged_in",
            "ig_active", "comment_answered", "comment_hidden", "comment_deleted"} <= checks_used
    # …and one scenario combines several flows under sandbox time pressure.
    combined = [s for s in scenarios.load_all().values()
                if len({t.check.name for t in s.tasks}) >= 3
                and any(t.check.params.get("within_hours") for t in s.tasks)]
    assert combined


GOOD = {
    "id": "prov", "title": "Prov", "level": "tips",
    "tasks": [{"instruction": "Gör något", "check": {"fb_logged_in": {"persona": "eva"}},
               "solution": [{"login": "eva"}]}],
}


def bad(**changes):
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    data.update(changes)
    return data


@pytest.mark.parametrize("data, message", [
    ([1, 2], "ska innehålla ett scenario"),
    (bad(id=None), "nyckeln 'id' saknas"),
    (bad(id="Med Mellanslag"), "får bara innehålla"),
    (bad(level="expert"), "level 'expert' finns inte. Välj en av: guidad, tips, fri"),
    (bad(tasks=[{"instruction": "x"}]), "uppgift 1: nyckeln 'check' saknas"),
    (bad(tasks=[{"instruction": "x", "check": {"post_publiserad": {}}}]),
     "uppgift 1: kontrollen 'post_publiserad' finns inte"),
    (bad(tasks=[{"instruction": "x", "check": {"post_published": {}}}]), "parameter saknas: page"),
    (bad(tasks=[{"instruction": "x", "check": {"fb_logged_in": {"persona": "eva"}},
                 "solution": [{"click": "#dela-nu"}]}]), "click behöver role och name"),
    (bad(tasks=[{"instruction": "x", "check": {"fb_logged_in": {"persona": "eva"}},
                 "solution": [{"dubbelklicka": 1}]}]), "okänt steg"),
    (bad(start={"persona": "kalle"}), "start.persona 'kalle' finns inte"),
    (bad(start={"time": "nästa vecka"}), "start.time: förstår inte"),
    (bad(start={"time": "fridag 09:00"}), "'fridag' är ingen veckodag"),
    (bad(start={"url": "https://example.com"}), "ska vara en sökväg i Sandlådan"),
    (bad(start={"seed": [{"tårta": {}}]}), "start.seed nr 1"),
])
def test_bad_scenarios_get_clear_swedish_messages(data, message):
    with pytest.raises(ScenarioError) as err:
        parse(data, "prov.yaml")
    assert str(err.value).startswith("prov.yaml: ") and message in str(err.value)


def test_invalid_yaml_names_the_line(tmp_path):
    path = tmp_path / "trasig.yaml"
    path.write_text("id: x\ntitle: [oavslutad\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"trasig.yaml: filen är inte giltig YAML \(rad \d+\)"):
        load_file(path)


def test_duplicate_ids_are_refused(tmp_path):
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(yaml.safe_dump(GOOD, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ScenarioError, match="b.yaml: id 'prov' finns redan i a.yaml"):
        scenarios.load_all(tmp_path)


def test_start_time_is_the_next_such_weekday_in_swedish_time():
    tuesday_noon = datetime(2026, 11, 24, 11, 0, tzinfo=UTC)
    monday = clock.local(start_time("måndag 10:00", tuesday_noon))
    assert (monday.date().isoformat(), f"{monday:%H:%M}") == ("2026-11-30", "10:00")
    same_day = clock.local(start_time("tisdag 09:00", tuesday_noon))
    assert same_day.date().isoformat() == "2026-12-01"  # never today: a week ahead
    fixed = clock.local(start_time("2026-12-24 15:00", tuesday_noon))
    assert f"{fixed:%Y-%m-%d %H:%M}" == "2026-12-24 15:00"


def test_a_solution_step_may_be_written_as_in_the_guides():
    from mockplatform.training.autopilot import to_action

    data = yaml.safe_load("""
id: en-rad
title: En rad
level: fri
tasks:
  - instruction: Publicera.
    hints: [Tryck på Dela nu.]
    handbook: Så skapar du ett inlägg.
    check: {post_published: {page: osthammarskommun}}
    solution:
      - click button "Dela nu" in dialog "Skapa inlägg"
      - choose: {label: Roll, option: Redaktör}
""")
    first, second = (to_action(s) for s in parse(data).tasks[0].solution)
    assert (first.verb, first.target.name, first.target.role) == ("click", "Dela nu", "button")
    assert (first.target.scope_role, first.target.scope_text) == ("dialog", "Skapa inlägg")
    assert (second.verb, second.target.name, second.value) == ("select", "Roll", "Redaktör")
    data["tasks"][0]["solution"] = ['klicka "Dela nu"']
    with pytest.raises(ScenarioError, match="lösningens steg 1: okänd åtgärd ”klicka”"):
        parse(data)


def test_every_part_of_the_sandbox_has_a_name_a_trainer_knows(app):
    # 'scenario list' says what a scenario needs in words: every blueprint needs its name.
    assert set(app.blueprints) <= set(scenarios.PARTS), sorted(set(app.blueprints) - set(scenarios.PARTS))
