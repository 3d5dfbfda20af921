"""The production server behind `mockplatform serve` and `make run`: waitress (pure Python,
runs on Windows, macOS and Linux alike). `flask --app mockplatform run` stays for development."""

from __future__ import annotations

import click

from . import network

DEFAULT_THREADS = 8


def addresses(host: str, port: int) -> list[str]:
    """What to print: where the trainer opens it, and where others on the network do."""
    local = f"http://127.0.0.1:{port}/" if host in network.ANY or network.is_loopback(host) \
        else f"http://{host}:{port}/"
    out = [local]
    lan = network.reachable_host(host)
    if lan and f"http://{lan}:{port}/" != local:
        out.append(f"http://{lan}:{port}/")
    return out


def run(app, host: str, port: int, threads: int = DEFAULT_THREADS) -> None:
    from waitress import create_server

    app.config["SERVE_HOST"], app.config["SERVE_PORT"] = host, port
    server = create_server(
        app, host=host, port=port, threads=threads, ident="Sandladan",
        # Flask answers 413 itself (in Swedish); waitress's own limits only stop the absurd.
        max_request_body_size=app.config["MAX_CONTENT_LENGTH"] + 1024 * 1024,
        channel_timeout=120, connection_limit=400,
    )
    urls = addresses(host, port)
    click.echo(f"Sandlådan körs på {urls[0]}  (avsluta med Ctrl+C)")
    if len(urls) > 1:
        click.echo(f"Deltagare i samma nätverk går till {urls[1]}ga-med")
    elif network.is_loopback(host):
        click.echo("Bara den här datorn når Sandlådan. Starta med --host 0.0.0.0 för en utbildning.")
    click.echo(f"Data sparas i {app.config['DATA_DIR']}")
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("Sandlådan är avslutad.")
    finally:
        server.close()
