"""The `mockplatform` command: every command has help; reset, time and workspaces work."""

import concurrent.futures
import contextlib
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import click
import pytest
from click.testing import CliRunner

from mockplatform.cli import cli
from mockplatform.server import multiprocess_available


def run(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


# Words that give English help away (Swedish help never uses them as words).
ENGLISH = {"the", "and", "show", "run", "list", "this", "with", "for", "of", "to", "an",
           "message", "exit", "usage", "options", "commands", "default", "print", "from", "which"}


def _commands(group, path=()):
    for name, command in group.commands.items():
        if command.hidden:
            continue
        yield (*path, name), command
        if hasattr(command, "commands"):
            yield from _commands(command, (*path, name))


def test_every_command_has_swedish_help():
    """Every command, also those added later by other modules, and every option of it."""
    top = run("--help").output
    assert top.startswith("Användning: mockplatform") and "Kommandon:" in top
    commands = list(_commands(cli))
    assert len(commands) > 8
    for path, command in commands:
        result = run(*path, "--help")
        assert result.exit_code == 0, path
        out = result.output
        assert command.help, f"{' '.join(path)} saknar hjälptext"
        assert "Användning:" in out and "Visa den här hjälpen och avsluta." in out, out
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{' '.join(path)} {param.opts[0]} saknar hjälptext"
        described = out.split("\n\n", 1)[1].split("Alternativ:")[0]  # after the usage line
        described += " ".join((p.help or "") for p in command.params if isinstance(p, click.Option))
        words = {w.lower() for w in re.findall(r"[A-Za-zÅÄÖåäö]+", described)}
        english = words & ENGLISH
        assert not english, f"{' '.join(path)}: engelska ord i hjälpen: {sorted(english)}"
        metavars = set(re.findall(r"\b(INTEGER|RANGE|DIRECTORY|FILE|PATH|BOOLEAN|FLOAT)\b", out))
        assert not metavars, f"{' '.join(path)}: engelska platshållare i hjälpen: {sorted(metavars)}"


def test_flasks_own_commands_are_out_of_the_help_but_reachable():
    top = run("--help").output
    listed = re.findall(r"^  (\w+)  +\S", top.split("Kommandon:")[1], re.M)
    assert "serve" in listed
    assert not {"run", "shell", "routes", "flask"} & set(listed)
    routes = run("flask", "routes")
    assert routes.exit_code == 0 and "sandbox.start" in routes.output


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
    from mockplatform.browser import BrowserNotFound, find_browser

    monkeypatch.setenv("MOCKPLATFORM_BROWSER", "/finns/inte/chrome")
    with pytest.raises(BrowserNotFound, match="MOCKPLATFORM_BROWSER"):
        find_browser()
    monkeypatch.setenv("MOCKPLATFORM_BROWSER", sys.executable)
    assert find_browser().source == "MOCKPLATFORM_BROWSER"


def test_mistakes_on_the_command_line_are_told_in_swedish():
    cases = {("nope",): "Kommandot 'nope' finns inte.",
             ("serve", "--port", "x"): "Ogiltigt värde för '--port': 'x' är inget heltal.",
             ("time", "--wor"): "Okänt alternativ: --wor. Menade du '--workspace'?",
             ("scenario", "show"): "Argumentet 'SCENARIO_ID' saknas.",
             ("scenario", "run", "forsta-inlagget", "--window", "stor"): "BREDDxHÖJD",
             ("workspaces", "--data", __file__): "är en fil, inte en mapp.",
             ("workspaces", "--prune", "--days", "0"): "0.0 ligger utanför det tillåtna (x>0)."}
    for args, swedish in cases.items():
        result = CliRunner().invoke(cli, list(args))
        assert result.exit_code == 2, args
        assert swedish in result.output and "Fel: " in result.output, result.output
        assert "Error" not in result.output and "Usage" not in result.output
        assert re.search(r"Skriv 'mockplatform[a-z ]*-h' för hjälp\.", result.output)


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


@contextlib.contextmanager
def serving(tmp_path, *args: str):
    """``mockplatform serve`` in a child process on a free port; yields (port, output) where
    output() ends the server and returns what it printed."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "mockplatform", "serve", "--port", str(port),
                             "--data", str(tmp_path), *args], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    printed: list[str] = []

    def output() -> str:
        if not printed:
            proc.terminate()
            printed.append(proc.communicate(timeout=30)[0])
        return printed[0]

    try:
        yield port, proc, output
    finally:
        output()


def first_answer(port: int, proc, path: str):
    """The server's first answer on ``path``: polls until it listens (a slow machine starts
    slowly), fails if the process dies or two minutes pass."""
    deadline = time.monotonic() + 120
    while True:
        try:
            return urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10)
        except OSError:
            assert time.monotonic() < deadline and proc.poll() is None, "the server did not start"
            time.sleep(0.1)


@pytest.mark.parametrize("args", [(), ("--workers", "2", "--behind-proxy", "1")],
                         ids=["waitress", "gunicorn"])
def test_serve_runs_a_production_server(tmp_path, args):
    if args and not multiprocess_available():
        pytest.skip("gunicorn runs only on Linux and macOS")
    with serving(tmp_path, *args) as (port, proc, output):
        response = first_answer(port, proc, "/halsa")
        assert response.headers["Server"] == "Sandladan"  # not "gunicorn" nor "waitress"
        assert response.headers["X-Frame-Options"] == "DENY"
        out = output()
    assert "Sandlådan körs på http://127.0.0.1:" in out
    assert "development server" not in out.lower() and "WARNING" not in out and "Varning" not in out


def test_slow_uploads_from_phones_do_not_stop_the_server(tmp_path):
    """Six phones sending a photo a kilobyte at a time (a crowded Wi-Fi) while the trainer's page
    is asked for: waitress reads them in its own loop and answers at once. (A gunicorn of 2
    processes x 2 threads, as --workers runs, did not answer at all while they were sending.)"""
    with serving(tmp_path) as (port, proc, output):
        first_answer(port, proc, "/halsa")
        stop = threading.Event()
        all_sending = threading.Barrier(7, timeout=60)  # six phones and this test

        def phone():
            with socket.create_connection(("127.0.0.1", port), timeout=60) as s:
                s.sendall(b"POST /facebook/osthammarskommun/inlagg HTTP/1.1\r\nHost: x\r\n"
                          b"Content-Type: multipart/form-data; boundary=X\r\nContent-Length: 5000000\r\n\r\n")
                all_sending.wait()  # its headers are sent: it holds its connection
                while not stop.wait(0.5):
                    s.sendall(b"x" * 1000)

        threads = [threading.Thread(target=phone) for _ in range(6)]
        for t in threads:
            t.start()
        try:
            all_sending.wait()  # fails (BrokenBarrierError) unless all six got that far
            answer = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30)  # a new world
            assert answer.status == 200 and "Sandlådan" in answer.read().decode()
        finally:
            stop.set()
            for t in threads:
                t.join()
        output()


def test_a_busy_server_does_not_write_a_line_per_queued_request(tmp_path):
    """waitress logs "Task queue depth is N" (English) whenever a request waits for a thread: in a
    busy class that flooded the trainer's window, and a window that stops reading (a full pipe; a
    Windows console where someone selected text) stopped the whole server."""
    with serving(tmp_path, "--threads", "1") as (port, proc, output):
        first_answer(port, proc, "/halsa")
        together = threading.Barrier(30)

        def ask(_):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            together.wait()
            conn.request("GET", "/halsa")
            status = conn.getresponse().status
            conn.close()
            return status

        with concurrent.futures.ThreadPoolExecutor(30) as pool:
            assert list(pool.map(ask, range(30))) == [200] * 30
        out = output()
    assert "queue" not in out.lower()


def test_a_data_folder_that_cannot_be_made_is_named(tmp_path):
    blocker = tmp_path / "fil"
    blocker.write_text("en fil, inte en mapp")
    result = CliRunner().invoke(cli, ["workspaces", "--data", str(blocker / "data")])
    assert result.exit_code == 1 and "Datamappen" in result.output and "--data" in result.output
    assert "Traceback" not in result.output


def test_serve_on_a_port_already_in_use_says_so_in_swedish(tmp_path, monkeypatch):
    monkeypatch.setenv("MOCKPLATFORM_TRAINER_PASSWORD", "x")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--port", str(port), "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert f"Porten {port} används redan" in result.output and "--port" in result.output
    assert "Traceback" not in result.output and "Errno" not in result.output


def raw(port: int, request: bytes) -> tuple[str, dict[str, str], str]:
    """Send bytes no browser library would, read the whole answer: (status line, headers, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        data = b""
        while b"\r\n\r\n" not in data:
            data += sock.recv(65536)
        head, _, body = data.partition(b"\r\n\r\n")
        status, *lines = head.decode("latin-1").split("\r\n")
        headers = dict(line.split(": ", 1) for line in lines)
        while len(body) < int(headers["Content-Length"]):
            body += sock.recv(65536)
    return status, headers, body.decode("utf-8")


SERVERS_OWN = {  # requests a server answers itself, before Flask sees them (or Flask, if it sees them)
    "413": b"POST /facebook/osthammarskommun/inlagg HTTP/1.1\r\nHost: x\r\nContent-Length: 300000000\r\n"
           b"Content-Type: multipart/form-data; boundary=X\r\n\r\n",  # a 300 MB film from a phone
    "400": b"DETTA AR INGEN FORFRAGAN\r\n\r\n",
    "414": b"GET /?" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
}


def assert_swedish_error(answer, code: str):
    status, headers, body = answer
    assert status.split()[1] == code, status
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert f"Felkod {code}" in body and '<html lang="sv">' in body
    assert "generated by" not in body and "Bad Request" not in body and "Too Large" not in body


def test_the_servers_own_error_answers_are_swedish_pages(tmp_path):
    with serving(tmp_path) as (port, proc, _output):
        first_answer(port, proc, "/halsa")
        for code, request in SERVERS_OWN.items():
            assert_swedish_error(raw(port, request), code)
        gzip = b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"  # waitress: 501
        assert_swedish_error(raw(port, gzip), "501")


@pytest.mark.skipif(os.name != "posix", reason="Ctrl+C is a console event on Windows")
@pytest.mark.parametrize("args", [(), ("--workers", "2")], ids=["waitress", "gunicorn"])
def test_ctrl_c_ends_the_server_and_says_so_once(tmp_path, args):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "mockplatform", "serve", "--port", str(port),
                             "--data", str(tmp_path), *args], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            # as in a terminal, whatever this test runner does with Ctrl+C
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        first_answer(port, proc, "/halsa")
        proc.send_signal(signal.SIGINT)
        out = proc.communicate(timeout=60)[0]
    finally:
        proc.kill()
    assert proc.returncode == 0 and out.count("Sandlådan är avslutad.") == 1, out
    assert "Traceback" not in out


def test_a_terminated_multiprocess_server_says_it_has_ended_once(tmp_path):
    if not multiprocess_available():
        pytest.skip("gunicorn runs only on Linux and macOS")
    with serving(tmp_path, "--workers", "2") as (port, proc, output):
        first_answer(port, proc, "/halsa")
        out = output()
    assert out.count("Sandlådan är avslutad.") == 1 and "Traceback" not in out


def test_serve_with_two_workers_answers_from_processes(tmp_path):
    if not multiprocess_available():
        pytest.skip("gunicorn runs only on Linux and macOS")
    with serving(tmp_path, "--workers", "2") as (port, proc, output):  # no proxy: a warning
        page = first_answer(port, proc, "/")
        assert page.status == 200 and page.headers["Content-Security-Policy"]
        assert "sandladan_ws=" in page.headers["Set-Cookie"]
        for code, request in SERVERS_OWN.items():  # gunicorn's own answers are Swedish too
            assert_swedish_error(raw(port, request), code)
        out = output()
    assert "Sandlådan körs på" in out and "development server" not in out.lower()
    assert "Varning: med --workers" in out and "buffrar" in out
