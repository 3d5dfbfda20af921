"""`mockplatform scenario list | show | run`."""

from click.testing import CliRunner

from mockplatform.cli import cli
from mockplatform.training.scenarios import load_all


def run(*args):
    return CliRunner().invoke(cli, ["scenario", *args])


def test_list_prints_one_scenario_a_line_id_first():
    result = run("list")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert [line.split("\t")[0] for line in lines] == list(load_all())
    # What a scenario needs, in words a trainer knows; never an internal endpoint name.
    assert any("bjud-in-redaktor" in line and "(kräver Business Manager)" in line for line in lines)
    assert any("instagram-andra-kontot" in line and "(kräver Instagram)" in line for line in lines)
    assert not any(".index" in line or ".home" in line for line in lines)


def test_show_prints_tasks_hints_handbook_and_checks():
    result = run("show", "schemalagg-evenemang")
    assert result.exit_code == 0
    out = result.output
    assert "Schemalägg inför julmarknaden" in out and "1. Skriv ett inlägg på sidan Besök Östhammar" in out
    assert "Tips: Tryck på knappen med den lilla pilen" in out
    assert "Handboken: Så schemalägger du ett inlägg" in out
    assert "Kontroll: post_scheduled(page=besokosthammar, weekday=fredag, time=09:00" in out


def test_unknown_scenario_is_a_clear_error():
    for args in (("show", "finns-inte"), ("run", "finns-inte", "--autopilot")):
        result = run(*args)
        assert result.exit_code != 0 and "Scenariot 'finns-inte' finns inte" in result.output


def test_run_refuses_a_scenario_whose_platform_is_missing(tmp_path):
    from mockplatform import create_app

    app_endpoints = set(create_app({"TESTING": True, "SECRET_KEY": "x",
                                    "DATA_DIR": str(tmp_path)}).view_functions)
    missing = [s for s in load_all().values() if not set(s.requires) <= app_endpoints]
    for s in missing:
        result = run("run", s.id, "--autopilot")
        assert result.exit_code != 0 and "inte finns i den här versionen" in result.output


def test_trainee_mode_reports_progress_in_the_terminal(monkeypatch, capsys):
    """`scenario run ID` without --autopilot: the terminal follows the trainee's browser."""
    from mockplatform.training import autopilot, cli

    states = iter([
        {"running": True, "done": 0, "total": 2, "current": 1},
        {"running": True, "done": 0, "total": 2, "current": 1},
        {"running": True, "done": 1, "total": 2, "current": 2},
        {"running": True, "done": 2, "total": 2, "current": None, "finished": True},
    ])
    visited = []

    class FakePage:
        def is_closed(self):
            return False

        def goto(self, url):
            visited.append(url)

        def wait_for_event(self, event, timeout):
            assert event == "close"

    monkeypatch.setattr(autopilot, "start_via_ui", lambda page, url, s: visited.append("start"))
    monkeypatch.setattr(autopilot, "status", lambda page, url: next(states))
    monkeypatch.setattr(cli.time, "sleep", lambda s: None)
    cli._follow_trainee(FakePage(), "http://127.0.0.1:1", load_all()["forsta-inlagget"])
    out = capsys.readouterr().out.splitlines()
    assert out == ["Övningen 'Ditt första inlägg' är startad i webbläsaren. Avsluta med Ctrl+C.",
                   "0 av 2 uppgifter klara – nu uppgift 1",
                   "1 av 2 uppgifter klara – nu uppgift 2",
                   "2 av 2 uppgifter klara",
                   "Alla uppgifter klara! Genomgången visas i webbläsaren."]
    assert visited == ["start", "http://127.0.0.1:1/ovningar/genomgang"]
