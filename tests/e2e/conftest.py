"""Browser tests: the sandbox in a thread on 127.0.0.1, Chromium from mockplatform.browser."""

from __future__ import annotations

import threading

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from mockplatform import create_app
from mockplatform.browser import find_browser

# A loaded 2-core CI machine can take longer than Playwright's 5 s default to answer a form;
# waiting longer on the same condition is not a sleep, and a real failure still fails.
expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    return create_app({
        "TESTING": True,
        "DATA_DIR": str(tmp_path_factory.mktemp("e2e-data")),
        "SECRET_KEY": "e2e",
        "TRAINER_PASSWORD": "tranare-e2e",
        "NEW_WORLD_LIMIT": "10000 per minute",  # a whole test session comes from one address
    })


@pytest.fixture(scope="session")
def live_server(live_app):
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, **find_browser().launch_args()}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "sv-SE", "timezone_id": "Europe/Stockholm",
            "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def page(page):
    """Every browser test also checks that the Content-Security-Policy blocked nothing: no page
    may depend on inline scripts, inline styles or anything from outside."""
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    assert violations == [], violations
