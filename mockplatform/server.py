"""The production server behind `mockplatform serve` and `make run`: waitress, on every OS.

waitress reads each request and writes each answer in its own loop; a thread only runs the app.
So a phone that uploads a photo slowly over a crowded Wi-Fi holds no thread. gunicorn's threads
read and write themselves: six slow uploads stopped a gunicorn of 2 processes x 2 threads for
everyone, while waitress answered in milliseconds (tests/test_cli.py holds waitress to that).
``--workers N`` (Linux, macOS) runs N gunicorn processes instead, so a class can use more cores:
for a server behind a reverse proxy that buffers requests (nginx does by default).
Two threads: Python runs one thread of a process at a time. With eight, a Page that lets go at
each database read waited for the others again and again: on two cores its p99 was 24-29 ms in a
class of 80 and 67-161 ms in one of 100; with two threads 16-20 and 17-28 ms (bench/classroom.py).
`flask --app mockplatform run` stays for development."""

from __future__ import annotations

import errno
import gc
import logging
import os
import socket

import click

from . import db, network, server_errors

DEFAULT_THREADS = 2


def addresses(host: str, port: int) -> list[str]:
    """What to print: where the trainer opens it, and where others on the network do."""
    local = f"http://127.0.0.1:{port}/" if host in network.ANY or network.is_loopback(host) \
        else f"http://{host}:{port}/"
    out = [local]
    lan = network.reachable_host(host)
    if lan and f"http://{lan}:{port}/" != local:
        out.append(f"http://{lan}:{port}/")
    return out


def multiprocess_available() -> bool:
    return os.name == "posix"


def prepare(app) -> None:
    """Before the first trainee arrives: compile every template, read the world (and hash its
    practice passwords) and the scenarios, render the servers' own error pages, then move all of
    that out of the garbage collector's sight (``gc.freeze``).
    Otherwise a full collection walks every object the app holds, ~20 ms, now and then in the
    middle of somebody's page; with processes, frozen objects also stay shared after the fork."""
    from . import world
    from .training import catalog
    from .workspaces import world_data

    for name in app.jinja_env.list_templates():
        if name.endswith(".html"):
            app.jinja_env.get_template(name)
    with app.app_context():
        world.hash_passwords(world_data())
        catalog.scenarios()
    server_errors.prepare(app)  # the servers' own answers, as Swedish pages
    db.release_kept()  # gunicorn forks next: each worker opens its own connections
    gc.collect()
    gc.freeze()


def check_port(host: str, port: int) -> None:
    """Say in Swedish, before anything starts, when the address cannot be listened on."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        if os.name == "posix":  # as the servers do: a port in TIME_WAIT is free to use
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                why = (f"Porten {port} används redan av ett annat program (kanske en Sandlådan som "
                       "redan körs).")
            elif exc.errno == errno.EACCES or getattr(exc, "winerror", None) == 10013:  # WSAEACCES
                why = f"Porten {port} får bara användas av en administratör. Välj en port över 1023."
            elif exc.errno == errno.EADDRNOTAVAIL or isinstance(exc, socket.gaierror):
                why = f"Adressen {host} finns inte på den här datorn."
            else:
                why = f"Det gick inte att lyssna på {host}:{port} ({exc.strerror or exc})."
            raise click.ClickException(f"{why} Välj en annan med --port eller --host.") from exc


def run(app, host: str, port: int, threads: int = DEFAULT_THREADS, workers: int = 1) -> None:
    app.config["SERVE_HOST"], app.config["SERVE_PORT"] = host, port
    check_port(host, port)
    prepare(app)
    if workers > 1 and not multiprocess_available():
        click.echo("Flera processer (--workers) går inte på Windows; Sandlådan kör med en.", err=True)
        workers = 1
    if workers > 1:
        if not app.config.get("BEHIND_PROXY"):
            click.echo("Varning: med --workers läser serverns trådar själva det deltagarna skickar. "
                       "Några långsamma uppladdningar (en telefon på ett trångt wifi) kan då stoppa "
                       "Sandlådan för alla. Använd --workers bara bakom en omvänd proxy som buffrar "
                       "(t.ex. nginx) och ange --behind-proxy.", err=True)
        _announce(app, host, port)
        _gunicorn(app, host, port, threads, workers)
        return
    from waitress import create_server

    # waitress says "Task queue depth is N" (in English) each time a request waits for a thread:
    # in a busy class a line per request in the trainer's window, and a window that stops reading
    # (a full pipe; a Windows console with text selected) stops the whole server.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    server = create_server(
        app, host=host, port=port, threads=threads, ident="Sandladan",
        # Flask answers 413 itself (in Swedish); waitress's own limits only stop the absurd.
        max_request_body_size=app.config["MAX_CONTENT_LENGTH"] + 1024 * 1024,
        channel_timeout=120, connection_limit=400,
    )
    server_errors.use_in_waitress(server)
    _announce(app, host, port)
    try:
        server.run()  # returns when Ctrl+C stops it (waitress catches the KeyboardInterrupt itself)
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    click.echo("Sandlådan är avslutad.")


def _gunicorn(app, host: str, port: int, threads: int, workers: int) -> None:
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self):
            options = {
                "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
                "workers": workers, "threads": threads,
                "worker_class": server_errors.gunicorn_worker(),  # gthread, its errors in Swedish
                "timeout": 120, "graceful_timeout": 10, "keepalive": 30,
                "limit_request_line": 8190,  # gunicorn's most; longer than Sandlådan's own 414 limit
                "forwarded_allow_ips": "",  # X-Forwarded-* only through --behind-proxy (ProxyFix)
                "accesslog": None, "loglevel": "warning",
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            return app

    master = os.getpid()
    try:
        Server().run()  # returns by SystemExit, in the workers too (they are forked inside it)
    finally:
        if os.getpid() == master:
            click.echo("Sandlådan är avslutad.")


def _announce(app, host: str, port: int) -> None:
    urls = addresses(host, port)
    click.echo(f"Sandlådan körs på {urls[0]}  (avsluta med Ctrl+C)")
    if len(urls) > 1:
        click.echo(f"Deltagare i samma nätverk går till {urls[1]}ga-med")
    elif network.is_loopback(host):
        click.echo("Bara den här datorn når Sandlådan. Starta med --host 0.0.0.0 för en utbildning.")
    click.echo(f"Data sparas i {app.config['DATA_DIR']}")
