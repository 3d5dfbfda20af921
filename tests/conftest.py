"""Fixtures for unit tests: an app on a temporary data folder, its test client, logins."""

from __future__ import annotations

import pytest

from mockplatform import create_app
from mockplatform.db import connect
from mockplatform.workspaces import COOKIE


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def app(tmp_path):
    return create_app({
        "TESTING": True,
        "DATA_DIR": str(tmp_path),
        "SECRET_KEY": "test",
        "WTF_CSRF_ENABLED": False,
    })


@pytest.fixture
def client(app):
    c = app.test_client()
    c.get("/")  # every browser gets its own seeded world on first visit
    return c


@pytest.fixture
def csrf_client(tmp_path):
    """A client of an app that checks CSRF tokens, as in production."""
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "csrf"), "SECRET_KEY": "t"})
    c = app.test_client()
    c.get("/")
    return c


def workspace_id(client) -> str:
    return client.get_cookie(COOKIE).value


@pytest.fixture
def db(app):
    conn = connect(app.config["DATABASE"])
    yield conn
    conn.close()


PASSWORDS = {"eva": "ovning-eva", "johan": "ovning-johan", "sara": "ovning-sara",
             "ali": "ovning-ali", "maria": "ovning-maria", "lena": "ovning-lena", "per": "ovning-per"}
EMAILS = {k: f"{v}@osthammar.example" for k, v in {
    "eva": "eva.lind", "johan": "johan.berg", "sara": "sara.ek", "ali": "ali.haddad",
    "maria": "maria.holm", "lena": "lena.nord", "per": "per.strom"}.items()}


def login(client, key: str = "eva"):
    response = client.post("/facebook/logga-in",
                           data={"email": EMAILS[key], "password": PASSWORDS[key]})
    assert response.status_code == 302, response.data[:500]
    return response


@pytest.fixture
def eva(client):
    login(client, "eva")
    return client
