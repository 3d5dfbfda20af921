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


def _serve(monkeypatch, tmp_path, *args, env=None, interactive=False, input=None):
    import mockplatform.cli as cli_module
    import mockplatform.server as server_module

    started = {}
    monkeypatch.setattr(server_module, "run", lambda app, host, port, threads, workers: started.update(
        app=app, host=host, port=port, threads=threads, workers=workers))
    monkeypatch.setattr(cli_module, "_interactive", lambda: interactive)
    monkeypatch.delenv("MOCKPLATFORM_TRAINER_PASSWORD", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--data", str(tmp_path), *args], env=env, input=input)
    assert result.exit_code == 0, result.output
    return result, started


def test_serve_takes_the_trainer_password_from_the_environment(monkeypatch, tmp_path):
    result, started = _serve(monkeypatch, tmp_path, "--host", "0.0.0.0", "--threads", "12",
                             env={"MOCKPLATFORM_TRAINER_PASSWORD": "från-miljön"})
    assert started["app"].config["TRAINER_PASSWORD"] == "från-miljön"
    assert (started["host"], started["threads"]) == ("0.0.0.0", 12)
    assert "Varning" not in result.output and "Lösenord" not in result.output


def test_serve_asks_for_the_password_in_a_terminal(monkeypatch, tmp_path):
    result, started = _serve(monkeypatch, tmp_path, interactive=True, input="hemligt\n")
    assert "Lösenord till tränarsidan" in result.output and "hemligt" not in result.output
    assert started["app"].config["TRAINER_PASSWORD"] == "hemligt"


def test_the_old_password_flag_still_works_but_warns(monkeypatch, tmp_path):
    result, started = _serve(monkeypatch, tmp_path, "--trainer-password", "gammalt")
    assert started["app"].config["TRAINER_PASSWORD"] == "gammalt"
    assert "Varning: --trainer-password syns för alla" in result.output
    assert "--trainer-password" not in run("serve", "--help").output


def test_serve_runs_a_production_server(tmp_path):
    import socket
    import subprocess
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "mockplatform", "serve", "--port", str(port),
                             "--data", str(tmp_path)], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                response = urllib.request.urlopen(f"http://127.0.0.1:{port}/halsa", timeout=5)
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, "the server did not start"
                time.sleep(0.1)
        assert response.headers["Server"] == "Sandladan"  # waitress, named
        assert response.headers["X-Frame-Options"] == "DENY"
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0]
    assert "Sandlådan körs på http://127.0.0.1:" in out
    assert "development server" not in out.lower() and "WARNING" not in out


def test_serve_with_two_workers_answers_from_processes(tmp_path):
    import socket
    import subprocess
    import time
    import urllib.request

    import pytest

    from mockplatform.server import multiprocess_available

    if not multiprocess_available():
        pytest.skip("gunicorn runs only on Linux and macOS")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "mockplatform", "serve", "--port", str(port),
                             "--workers", "2", "--data", str(tmp_path)], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10)
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, "the server did not start"
                time.sleep(0.1)
        assert page.status == 200 and page.headers["Content-Security-Policy"]
        assert "sandladan_ws=" in page.headers["Set-Cookie"]
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0]
    assert "Sandlådan körs på" in out and "development server" not in out.lower()
