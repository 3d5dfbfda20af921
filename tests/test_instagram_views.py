"""The app's screens: start page, profiles, the menu, settings, search, activity."""

from __future__ import annotations

import re

import pytest

from .conftest import workspace_id
from .instagram_helpers import ig_login

LOGGED_IN_PAGES = ["/instagram/profil", "/instagram/konto/fritidosthammar", "/instagram/installningar",
                   "/instagram/installningar/hjalp", "/instagram/sok", "/instagram/aktivitet",
                   "/instagram/nytt-inlagg"]


@pytest.mark.parametrize("path", LOGGED_IN_PAGES)
def test_logged_out_pages_lead_to_the_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/instagram/logga-in")


@pytest.mark.parametrize("path", LOGGED_IN_PAGES)
def test_every_screen_has_the_tab_bar_and_the_practice_bar(client, path):
    ig_login(client)
    html = client.get(path).get_data(as_text=True)
    assert 'aria-label="Flikar"' in html
    for tab in ("Hem", "Sök", "Ny post", "Aktivitet", "Profil"):
        assert f'aria-label="{tab}"' in html
    assert "Skriv aldrig in ett riktigt lösenord" in html


def test_own_profile_has_the_three_lines_and_the_menu_ends_with_settings(client):
    ig_login(client)
    html = client.get("/instagram/profil").get_data(as_text=True)
    assert 'aria-label="Meny"' in html and 'aria-controls="ig-side-menu"' in html
    menu = html[html.index('id="ig-side-menu"'):html.index("</div>", html.index('id="ig-side-menu"'))]
    items = [chunk.split("</svg>")[1].split("<")[0].strip()
             for chunk in menu.split('role="menuitem"')[1:]]
    assert items[-1] == "Inställningar"
    assert "Östhammars kommun" in html and "Solnedgång över Öregrund" in html
    assert "Veckans boktips" not in html  # only the account's own posts


def test_another_accounts_profile(client):
    ig_login(client)
    html = client.get("/instagram/konto/osthammarsbibliotek").get_data(as_text=True)
    assert "Östhammars bibliotek" in html and "Veckans boktips" in html
    assert 'aria-label="Meny"' not in html
    assert client.get("/instagram/konto/finnsinte").status_code == 404
    own = client.get("/instagram/konto/osthammarskommun")
    assert own.status_code == 302 and own.headers["Location"].endswith("/instagram/profil")


def test_settings_list_the_handbooks_rows_in_order(client):
    ig_login(client)
    html = client.get("/instagram/installningar").get_data(as_text=True)
    rows = ["Notiser", "Sekretess", "Hjälp", "Om", "Inloggningar", "Inloggningsuppgifter",
            "Lägg till konto", "Logga ut"]
    nav = html[html.index('class="ig-settings"'):]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", nav))
    positions = [re.search(rf"(^| ){row}( |$)", text).start() for row in rows]
    assert positions == sorted(positions)
    assert "Logga ut från alla konton" not in html  # only one account logged in


@pytest.mark.parametrize(("slug", "text"), [("hjalp", "samtyckesblankett"), ("om", "övningsversion"),
                                             ("inloggningsuppgifter", "inloggad på 1 konto"),
                                             ("notiser", "inga notiser"), ("sekretess", "offentliga"),
                                             ("sakerhet", "Glömt lösenordet?"), ("konto", "ändras inte")])
def test_settings_pages(client, slug, text):
    ig_login(client)
    response = client.get(f"/instagram/installningar/{slug}")
    assert response.status_code == 200 and text in response.get_data(as_text=True)


def test_unknown_settings_page_is_404(client):
    ig_login(client)
    assert client.get("/instagram/installningar/finns-inte").status_code == 404


def test_search_finds_accounts(client):
    ig_login(client)
    html = client.get("/instagram/sok?q=bibliotek").get_data(as_text=True)
    assert "/instagram/konto/osthammarsbibliotek" in html
    assert "/instagram/konto/fritidosthammar" not in html
    assert "Inga resultat" in client.get("/instagram/sok?q=zzz").get_data(as_text=True)
    assert "Sök efter konton" in client.get("/instagram/sok").get_data(as_text=True)


def test_search_stays_in_the_workspace(app, client, db):
    other = app.test_client()
    other.get("/")
    db.execute("UPDATE ig_account SET username = 'bara_hos_andra' WHERE workspace_id = ?"
               " AND username = 'fritidosthammar'", (workspace_id(other),))
    db.commit()
    ig_login(client)
    assert "bara_hos_andra" not in client.get("/instagram/sok?q=bara").get_data(as_text=True)
    assert client.get("/instagram/konto/bara_hos_andra").status_code == 404


def test_activity_shows_what_the_account_did(client):
    ig_login(client)
    ig_login(client, "osthammarsbibliotek")
    html = client.get("/instagram/aktivitet").get_data(as_text=True)
    assert "Du lade till kontot på telefonen" in html
    client.post("/instagram/byt-konto", data={"account_id": 1})
    assert "Du lade till kontot" not in client.get("/instagram/aktivitet").get_data(as_text=True)


def test_start_page_links_to_instagram(client):
    assert 'href="/instagram/"' in client.get("/").get_data(as_text=True)
