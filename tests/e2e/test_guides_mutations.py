"""Changes a platform redesign could make, on a copy of the real sandbox with one template or
list changed: the unchanged guides must now fail – at the right step, naming what changed."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from jinja2 import ChoiceLoader, DictLoader
from werkzeug.serving import make_server

from mockplatform import create_app, roles
from mockplatform.guidecheck.parser import load_all
from mockplatform.guidecheck.runner import Runner

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "mockplatform" / "templates"


@pytest.fixture(scope="module")
def every_guide():
    return {g.key: g for g in load_all(ROOT / "guides")}


def _without_csp(wsgi_app):
    def serve(environ, start_response):
        def start(status, headers, *rest):
            kept = [(k, v) for k, v in headers if k.lower() != "content-security-policy"]
            return start_response(status, kept, *rest)
        return wsgi_app(environ, start)
    return serve


@pytest.fixture
def mutated(tmp_path):
    """Start a sandbox whose ``template`` has ``old`` replaced by ``new``; yields a starter."""
    servers = []

    def start(template: str | None = None, old: str = "", new: str = "") -> str:
        app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path / f"d{len(servers)}"),
                          "SECRET_KEY": "mutation"})
        if template:
            text = (TEMPLATES / template).read_text(encoding="utf-8")
            assert old in text, f"{old!r} finns inte i {template}"
            app.jinja_env.loader = ChoiceLoader([DictLoader({template: text.replace(old, new)}),
                                                 app.jinja_env.loader])
        if "style=" in new:  # an inline style needs the CSP lifted (a redesign would ship it in CSS)
            app.wsgi_app = _without_csp(app.wsgi_app)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()


def check(browser, url, every_guide, key):
    return Runner(browser, url, list(every_guide.values())).run(every_guide[key])


def test_a_role_dropped_from_the_invite_fails_the_role_guide(browser, mutated, every_guide, monkeypatch):
    monkeypatch.delitem(roles.ROLE_HELP, "Moderator")
    result = check(browser, mutated(), every_guide, "11-behorighet")
    failed = result.failed_step
    assert result.outcome == "fail" and failed.step.number == "2"
    assert failed.expected == "alternativet ”Moderator” i ”Roll på Östhammars kommun”"
    assert "”Redaktör”" in failed.found and "”Annonsör”" in failed.found


def test_a_renamed_forgotten_password_link_fails_inloggning_1(browser, mutated, every_guide):
    url = mutated("instagram/login.html", ">Glömt lösenordet?<", ">Har du tappat bort lösenordet?<")
    failed = check(browser, url, every_guide, "08-inloggning-1").failed_step
    assert failed.step.number == "2" and "”Glömt lösenordet?” (link)" in failed.expected
    assert "”Har du tappat bort lösenordet?” (länk" in failed.found


def test_a_renamed_facebook_login_button_fails_the_login_step_not_with_a_timeout(browser, mutated,
                                                                               every_guide):
    url = mutated("facebook/login.html", ">Logga in</button>", ">Fortsätt</button>")
    result = check(browser, url, every_guide, "01-sa-skapar-du-ett-inlagg")
    assert result.outcome == "fail" and result.failed_step is result.before
    assert result.before.step.text == "Före guiden: logga in som Eva Lind"
    assert "”Logga in” (button)" in result.before.expected
    assert "kanske heter den nu ”Fortsätt” (knapp" in result.before.found
    assert "Timeout" not in result.failure_text()


def test_a_dead_invite_button_fails_although_the_dialog_shows_the_address(browser, mutated, every_guide):
    live = '<button type="submit" name="action" value="send" class="bm-btn bm-btn--blue">Bjud in</button>'
    dead = '<button type="button" class="bm-btn bm-btn--blue">Bjud in</button>'
    url = mutated("business/_invite_dialog.html", live, dead)
    failed = check(browser, url, every_guide, "05-dela-ut-business-manager-behorighet").failed_step
    assert failed.step.number == "4"
    assert "”per.strom@osthammar.example”" in failed.expected
    assert failed.found == "den stod där redan innan steget – inget nytt visar den"


def test_a_transparent_share_button_is_not_seen_and_not_blue(browser, mutated, every_guide):
    old = 'class="btn btn-primary" data-submit-now>'
    new = 'class="btn btn-primary" style="opacity:0" data-submit-now>'
    url = mutated("facebook/_composer.html", old, new)
    failed = check(browser, url, every_guide, "01-sa-skapar-du-ett-inlagg").failed_step
    assert failed.step.number == "3"
    assert "genomskinlig (opacity 0)" in failed.found
