"""Så laddar du ner appen: the mock App Store / Google Play."""

from __future__ import annotations

import pytest

from .conftest import workspace_id
from .instagram_helpers import verbs


def _installed(db, ws):
    return db.execute("SELECT app, store FROM phone_app WHERE workspace_id = ?", (ws,)).fetchall()


def test_choose_a_store(client):
    html = client.get("/appbutik/").get_data(as_text=True)
    assert "/appbutik/app-store/" in html and "/appbutik/google-play/" in html
    assert "Apple-enhet" in html and "Android" in html


@pytest.mark.parametrize(("store", "label"), [("app-store", "Sök i App Store"),
                                              ("google-play", "Sök efter appar och spel")])
def test_search_for_instagram(client, store, label):
    html = client.get(f"/appbutik/{store}/?q=instagram").get_data(as_text=True)
    assert label in html
    assert f"/appbutik/{store}/instagram" in html
    assert "Boomerang från Instagram" in html  # look-alikes make the choice real
    assert f"/appbutik/{store}/facebook" not in html
    assert "Inga träffar" in client.get(f"/appbutik/{store}/?q=zzz").get_data(as_text=True)


def test_unknown_store_or_app_is_404(client):
    assert client.get("/appbutik/nokia-store/").status_code == 404
    assert client.get("/appbutik/app-store/tiktok").status_code == 404
    assert client.post("/appbutik/app-store/tiktok/installera").status_code == 404


@pytest.mark.parametrize(("store", "button"), [("app-store", "Hämta"), ("google-play", "Installera")])
def test_install_then_open(client, db, store, button):
    ws = workspace_id(client)
    assert f">{button}</button>" in client.get(f"/appbutik/{store}/instagram").get_data(as_text=True)
    response = client.post(f"/appbutik/{store}/instagram/installera")
    assert response.status_code == 302
    assert [tuple(r) for r in _installed(db, ws)] == [("instagram", store)]
    html = client.get(f"/appbutik/{store}/instagram").get_data(as_text=True)
    assert 'href="/instagram/"' in html and ">Öppna</a>" in html
    client.post(f"/appbutik/{store}/instagram/installera")  # twice is harmless
    assert len(_installed(db, ws)) == 1
    assert verbs(db, ws) == ["instagram.app_installed"]
    assert "Så laddar du ner appen" not in client.get("/instagram/logga-in").get_data(as_text=True)


def test_other_apps_are_not_needed(client, db):
    html = client.get("/appbutik/app-store/boomerang").get_data(as_text=True)
    assert "behövs inte" in html and "installera" not in html
    assert client.post("/appbutik/app-store/boomerang/installera").status_code == 400
    assert _installed(db, workspace_id(client)) == []


def test_install_is_per_workspace_and_undone_by_reset(app, client, db):
    client.post("/appbutik/app-store/instagram/installera")
    other = app.test_client()
    other.get("/")
    assert _installed(db, workspace_id(other)) == []
    client.post("/sandladan/aterstall")
    assert _installed(db, workspace_id(client)) == []
