"""The `mockplatform` command: every command has help; reset, time and workspaces work."""

import sys

from click.testing import CliRunner

from mockplatform.cli import cli


def run(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_every_command_has_help():
    result = run("--help")
    assert result.exit_code == 0
    for name, command in cli.commands.items():
        if name in ("run", "shell", "routes"):  # Flask's own
            continue
        assert command.help, f"{name} has no help text"
        assert run(name, "--help").exit_code == 0


def test_workspaces_time_and_reset(tmp_path, monkeypatch):
    monkeypatch.setenv("MOCKPLATFORM_DATA_DIR", str(tmp_path))  # restored after the test
    from mockplatform import create_app

    app = create_app()
    client = app.test_client()
    client.get("/")
    out = run("workspaces", "--data", str(tmp_path)).output
    ws = out.split()[0]
    assert len(ws) >= 20
    out = run("time", "--workspace", ws, "--set", "2027-06-01 09:00", "--data", str(tmp_path)).output
    assert "1 juni 2027 kl. 09:00" in out
    out = run("time", "--all", "--advance", "2h", "--data", str(tmp_path)).output
    assert "kl. 11:00" in out
    bad = CliRunner().invoke(cli, ["time", "--workspace", "nope", "--data", str(tmp_path)])
    assert bad.exit_code != 0 and "finns inte" in bad.output
    out = run("reset", "--yes", "--data", str(tmp_path)).output
    assert "tömda" in out
    assert "Inga övningsmiljöer" in run("workspaces", "--data", str(tmp_path)).output


def test_doctor_finds_and_launches_the_browser(tmp_path):
    """The real console entry point, in its own process (as a user runs it)."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "mockplatform", "doctor", "--data", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Provstart    ok" in result.stdout and "källa:" in result.stdout


def test_browser_override_must_exist(monkeypatch):
    import pytest

    from mockplatform.browser import BrowserNotFound, find_browser

    monkeypatch.setenv("MOCKPLATFORM_BROWSER", "/finns/inte/chrome")
    with pytest.raises(BrowserNotFound, match="MOCKPLATFORM_BROWSER"):
        find_browser()
    monkeypatch.setenv("MOCKPLATFORM_BROWSER", sys.executable)
    assert find_browser().source == "MOCKPLATFORM_BROWSER"
