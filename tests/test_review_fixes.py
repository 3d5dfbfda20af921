"""Defects a review found: each is a 4xx or a safe default now, never a 500 or a redirect out."""

import pytest

from mockplatform.redirects import safe_next
from mockplatform.training.export import to_csv

from .conftest import login


@pytest.mark.parametrize("data", [
    {"action": "set", "date": "9999-12-31", "time": "23:59"},
    {"action": "set", "date": "0001-01-01", "time": "00:00"},
    {"action": "advance", "duration": "9999999999d"},
    {"action": "advance", "duration": "3000000d"},
])
def test_sandbox_time_outside_the_sane_range_is_refused(client, data):
    r = client.post("/sandladan/tid", data=data)
    assert r.status_code == 400
    assert "Sandlådans tid" in r.get_data(as_text=True) or "högst tio år" in r.get_data(as_text=True) \
        or "mellan år" in r.get_data(as_text=True)
    assert client.get("/").status_code == 200  # the workspace still works


@pytest.mark.parametrize("target", ["/\t/evil.example/", "//evil.example", "/\\evil.example",
                                    "https://evil.example/", "/\n/evil.example", "evil.example"])
def test_next_never_leaves_the_sandbox(target):
    assert safe_next(target, "/hem") == "/hem"


def test_next_keeps_local_paths():
    assert safe_next("/facebook/osthammarskommun/?visa=40", "/hem") == "/facebook/osthammarskommun/?visa=40"


def test_login_next_with_a_tab_is_not_an_open_redirect(client):
    r = client.post("/facebook/logga-in?next=/%09/evil.example/",
                    data={"email": "eva.lind@osthammar.example", "password": "ovning-eva"})
    assert r.status_code == 302 and r.location == "/facebook/"


def test_invite_with_a_superscript_digit_is_400_not_500(client):
    login(client, "eva")
    r = client.post("/business/osthammarskommun/installningar/personer/bjud-in",
                    data={"step": "2", "email": "per.strom@osthammar.example", "access": "Medarbetare",
                          "page": "²"})
    assert 400 <= r.status_code < 500


def test_csv_export_does_not_let_a_name_become_a_formula():
    class Task:
        id = "t"
        instruction = "Publicera ett inlägg."

    class Scenario:
        tasks = [Task()]

    row = {"name": "=HYPERLINK(\"http://x\")", "tasks": [True], "done": 1, "hints": 0,
           "mistakes": 0, "minutes": 3}
    text = to_csv([row], Scenario())
    assert "'=HYPERLINK" in text
