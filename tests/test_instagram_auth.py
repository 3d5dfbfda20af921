"""Inloggning 1 and 2, switching between accounts, logging out, and "Glömt lösenordet?"."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import workspace_id
from .instagram_helpers import account_id, ig_login, sessions, verbs


def test_logged_out_phone_opens_the_login(client):
    response = client.get("/instagram/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/instagram/logga-in")


def test_login_page_has_the_handbook_controls_and_practice_accounts(client):
    html = client.get("/instagram/logga-in").get_data(as_text=True)
    assert 'placeholder="Användarnamn"' in html and 'name="password"' in html
    assert ">Logga in</button>" in html
    assert "Glömt lösenordet?" in html
    assert "Övningskonton" in html and "ovning-ig-kommun" in html
    assert "Så laddar du ner appen" in html


def test_inloggning_1_logs_in_and_shows_the_start_page(client, db):
    ws = workspace_id(client)
    response = ig_login(client)
    assert response.status_code == 302 and response.headers["Location"].endswith("/instagram/")
    assert sessions(db, ws) == {"osthammarskommun": 1}
    assert verbs(db, ws) == ["instagram.login"]
    html = client.get("/instagram/").get_data(as_text=True)
    assert "osthammarskommun – byt konto" in html
    assert "Veckans boktips" in html  # posts of the accounts one follows


def test_login_is_case_insensitive_for_the_username(client, db):
    assert ig_login(client, "OsthammarsKommun", "ovning-ig-kommun").status_code == 302


@pytest.mark.parametrize(("username", "password", "message"), [
    ("", "x", "Fyll i ditt användarnamn."),
    ("osthammarskommun", "", "Fyll i ditt lösenord."),
    ("finnsinte", "ovning-ig-kommun", "Användarnamnet du angav tillhör inte något konto."),
    ("osthammarskommun", "fel-lösenord", "Lösenordet du angav är fel. Försök igen."),
])
def test_bad_login_gets_instagrams_message_and_keeps_the_username(client, db, username, password,
                                                                   message):
    response = ig_login(client, username, password)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html and 'role="alert"' in html
    if username:
        assert f'value="{username}"' in html
    assert sessions(db, workspace_id(client)) == {}


def test_inloggning_2_adds_an_account_while_the_first_stays_logged_in(client, db):
    ws = workspace_id(client)
    ig_login(client)
    page = client.get("/instagram/lagg-till-konto").get_data(as_text=True)
    assert "Lägg till konto" in page and "Du är fortfarande inloggad på" in page
    response = ig_login(client, "osthammarsbibliotek", path="/instagram/lagg-till-konto")
    assert response.status_code == 302
    assert sessions(db, ws) == {"osthammarskommun": 0, "osthammarsbibliotek": 1}
    assert verbs(db, ws) == ["instagram.login", "instagram.login", "instagram.account_added"]
    detail = db.execute("SELECT detail FROM action WHERE verb = 'instagram.account_added'").fetchone()[0]
    assert json.loads(detail) == {"already_logged_in": ["osthammarskommun"]}


@pytest.mark.parametrize("path", ["/instagram/logga-in", "/instagram/lagg-till-konto"])
def test_the_same_account_twice_is_refused(client, db, path):
    ws = workspace_id(client)
    ig_login(client)
    ig_login(client, "osthammarsbibliotek")
    response = ig_login(client, "osthammarskommun", path=path)
    assert response.status_code == 400
    assert "Du är redan inloggad på det här kontot." in response.get_data(as_text=True)
    assert sessions(db, ws) == {"osthammarskommun": 0, "osthammarsbibliotek": 1}


def test_the_account_menu_lists_every_logged_in_account(client):
    ig_login(client)
    ig_login(client, "fritidosthammar")
    html = client.get("/instagram/").get_data(as_text=True)
    sheet = html[html.index('id="account-sheet"'):]
    assert "osthammarskommun" in sheet and "fritidosthammar" in sheet
    assert sheet.count('name="account_id"') == 2
    assert "Lägg till konto" in sheet


def test_switching_makes_the_tapped_account_active(client, db):
    ws = workspace_id(client)
    ig_login(client)
    ig_login(client, "osthammarsbibliotek")
    first = account_id(db, ws, "osthammarskommun")
    response = client.post("/instagram/byt-konto", data={"account_id": first})
    assert response.status_code == 302
    assert sessions(db, ws) == {"osthammarskommun": 1, "osthammarsbibliotek": 0}
    assert verbs(db, ws)[-1] == "instagram.switched"
    assert "osthammarskommun – byt konto" in client.get("/instagram/").get_data(as_text=True)
    client.post("/instagram/byt-konto", data={"account_id": first})  # the one already in use
    assert verbs(db, ws).count("instagram.switched") == 1


def test_switching_to_an_account_not_logged_in_is_404(client, db):
    ws = workspace_id(client)
    ig_login(client)
    other = account_id(db, ws, "fritidosthammar")
    response = client.post("/instagram/byt-konto", data={"account_id": other})
    assert response.status_code == 404
    assert "Du är inte inloggad på det kontot" in response.get_data(as_text=True)
    assert sessions(db, ws) == {"osthammarskommun": 1}


@pytest.mark.parametrize("value", [None, "", "abc", "1.5", "-1", "9" * 30])
def test_switching_without_an_account_is_400(client, value):
    ig_login(client)
    data = {} if value is None else {"account_id": value}
    assert client.post("/instagram/byt-konto", data=data).status_code == 400


def test_a_session_of_another_workspace_is_never_used(app, client, db):
    other = app.test_client()
    other.get("/")
    other_ws = workspace_id(other)
    ig_login(other)
    ig_login(other, "osthammarsbibliotek")
    # This browser's phone is not logged in, whatever the other one did.
    assert client.get("/instagram/").status_code == 302
    assert client.get("/instagram/profil").status_code == 302
    # The other workspace's account id is not this phone's account.
    their_account = account_id(db, other_ws, "osthammarskommun")
    ig_login(client, "fritidosthammar")
    assert client.post("/instagram/byt-konto", data={"account_id": their_account}).status_code == 404
    assert sessions(db, other_ws) == {"osthammarskommun": 0, "osthammarsbibliotek": 1}


def test_a_forged_workspace_cookie_cannot_log_in(app):
    c = app.test_client()
    c.set_cookie("sandladan_ws", "x" * 30)
    response = ig_login(c)
    assert response.status_code == 400
    assert "övningsmiljö hittades inte" in response.get_data(as_text=True)


def test_logout_logs_out_the_active_account_and_the_other_takes_over(client, db):
    ws = workspace_id(client)
    ig_login(client)
    ig_login(client, "osthammarsbibliotek")
    response = client.post("/instagram/logga-ut")
    assert response.status_code == 302
    assert sessions(db, ws) == {"osthammarskommun": 1}
    html = client.get("/instagram/").get_data(as_text=True)
    assert "Du har loggat ut från osthammarsbibliotek." in html
    assert "osthammarskommun – byt konto" in html
    client.post("/instagram/logga-ut")
    assert sessions(db, ws) == {}
    assert client.get("/instagram/").headers["Location"].endswith("/instagram/logga-in")


def test_logout_of_all_accounts(client, db):
    ws = workspace_id(client)
    ig_login(client)
    ig_login(client, "osthammarsbibliotek")
    assert "Logga ut från alla konton" in client.get("/instagram/installningar").get_data(as_text=True)
    response = client.post("/instagram/logga-ut/alla")
    assert response.headers["Location"].endswith("/instagram/logga-in")
    assert sessions(db, ws) == {}
    detail = json.loads(db.execute("SELECT detail FROM action WHERE verb = 'instagram.logout'")
                        .fetchone()[0])
    assert detail == {"all": True, "accounts": ["osthammarskommun", "osthammarsbibliotek"]}


def test_logout_when_logged_out_does_nothing(client, db):
    ws = workspace_id(client)
    assert client.post("/instagram/logga-ut").status_code == 302
    assert client.post("/instagram/logga-ut/alla").status_code == 302
    assert verbs(db, ws) == []


def test_forms_need_the_csrf_token(csrf_client):
    response = ig_login(csrf_client)
    assert response.status_code == 400
    assert "säkerhetskoden saknades" in response.get_data(as_text=True)


def test_reset_clears_the_phone(client, db):
    ws = workspace_id(client)
    ig_login(client)
    client.post("/sandladan/aterstall")
    assert sessions(db, ws) == {}


# Glömt lösenordet?

def _reset_link(client) -> str:
    inbox = client.get("/sandladan/inkorg").get_data(as_text=True)
    mail_path = re.search(r'href="(/sandladan/inkorg/\d+)"', inbox).group(1)
    mail_html = client.get(mail_path).get_data(as_text=True)
    return re.search(r'href="(/instagram/aterstall/[^"]+)"', mail_html).group(1)


@pytest.mark.parametrize(("login", "message"), [
    ("", "Fyll i ditt användarnamn eller din e-postadress."),
    ("finnsinte", "Vi hittade inget konto"),
])
def test_forgot_password_bad_input(client, db, login, message):
    response = client.post("/instagram/glomt-losenord", data={"login": login})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.execute("SELECT count(*) FROM mail").fetchone()[0] == 0


@pytest.mark.parametrize("login", ["osthammarsbibliotek", "bibliotek.instagram@osthammar.example"])
def test_forgot_password_sends_a_link_to_the_mock_mailbox(client, db, login):
    response = client.post("/instagram/glomt-losenord", data={"login": login})
    assert response.status_code == 200
    assert "bibliotek.instagram@osthammar.example" in response.get_data(as_text=True)
    row = db.execute("SELECT to_addr, sender, link FROM mail").fetchone()
    assert row[0] == "bibliotek.instagram@osthammar.example" and row[1] == "Instagram"
    assert row[2].startswith("/instagram/aterstall/")


def test_reset_link_sets_a_new_password(client, db):
    ws = workspace_id(client)
    client.post("/instagram/glomt-losenord", data={"login": "osthammarsbibliotek"})
    link = _reset_link(client)
    assert "Skapa ett nytt lösenord" in client.get(link).get_data(as_text=True)
    short = client.post(link, data={"password": "abc", "password2": "abc"})
    assert short.status_code == 400 and "minst 6 tecken" in short.get_data(as_text=True)
    mismatch = client.post(link, data={"password": "nytt-losen", "password2": "annat-losen"})
    assert mismatch.status_code == 400 and "stämmer inte överens" in mismatch.get_data(as_text=True)
    done = client.post(link, data={"password": "nytt-losen", "password2": "nytt-losen"})
    assert done.status_code == 302 and "username=osthammarsbibliotek" in done.headers["Location"]
    changed = db.execute("SELECT password_changed, password_hash FROM ig_account WHERE workspace_id = ?"
                         " AND username = 'osthammarsbibliotek'", (ws,)).fetchone()
    assert changed[0] == 1 and "nytt-losen" not in changed[1]
    login_page = client.get("/instagram/logga-in?username=osthammarsbibliotek").get_data(as_text=True)
    assert "ändrat under övningen" in login_page and "ovning-ig-bibliotek" not in login_page
    assert ig_login(client, "osthammarsbibliotek").status_code == 400  # the old password
    assert ig_login(client, "osthammarsbibliotek", "nytt-losen").status_code == 302
    assert "instagram.password_reset" in verbs(db, ws)
    again = client.post(link, data={"password": "tredje-losen", "password2": "tredje-losen"})
    assert again.status_code == 400 and "redan använts" in again.get_data(as_text=True)


def test_reset_link_of_another_workspace_is_404(app, client):
    other = app.test_client()
    other.get("/")
    other.post("/instagram/glomt-losenord", data={"login": "osthammarskommun"})
    link = _reset_link(other)
    assert client.get(link).status_code == 404
    assert client.post(link, data={"password": "hackat-1", "password2": "hackat-1"}).status_code == 404
    assert client.get("/instagram/aterstall/finns-inte").status_code == 404
