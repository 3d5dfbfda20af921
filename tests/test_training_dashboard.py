"""The trainer dashboard: the password lock, classes and joining, the live table, moving time,
injecting comments and mail, resetting a trainee, the CSV export."""

from __future__ import annotations

import csv
import io
import re

import pytest

from mockplatform import clock, create_app
from mockplatform.training import classes

from .conftest import workspace_id

PASSWORD = "hemligt-tranar-ord"


@pytest.fixture
def app(tmp_path):
    return create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "SECRET_KEY": "test",
                       "WTF_CSRF_ENABLED": False, "TRAINER_PASSWORD": PASSWORD})


@pytest.fixture
def trainer(app):
    c = app.test_client()
    c.get("/")
    assert c.post("/tranare/logga-in", data={"password": PASSWORD}).status_code == 302
    return c


def new_class(trainer, scenario="mandagsmorgon", name="Grupp A") -> tuple[int, str]:
    r = trainer.post("/tranare/", data={"name": name, "scenario": scenario})
    assert r.status_code == 302
    class_id = int(re.search(r"/grupp/(\d+)/", r.location).group(1))
    html = trainer.get(r.location).get_data(as_text=True)
    code = re.search(r'<code class="join-code">(\w+)</code>', html).group(1)
    return class_id, code


def join(app, code, name):
    c = app.test_client()
    c.get("/")
    r = c.post("/ga-med", data={"code": code, "name": name})
    assert r.status_code == 302, r.get_data(as_text=True)[:400]
    return c


def test_dashboard_is_locked_without_the_password(app):
    c = app.test_client()
    c.get("/")
    r = c.get("/tranare/")
    assert r.status_code == 401 and "Tränarlösenord" in r.get_data(as_text=True)
    r = c.post("/tranare/logga-in", data={"password": "fel"})
    assert r.status_code == 401 and "Fel lösenord till tränarsidan" in r.get_data(as_text=True)
    assert c.get("/tranare/").status_code == 401  # still locked
    assert c.get("/tranare/grupp/1/status.json").status_code == 401
    assert c.post("/tranare/", data={"name": "x", "scenario": "mandagsmorgon"}).status_code == 401


def test_dashboard_without_a_configured_password_says_how_to_set_it(tmp_path):
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "SECRET_KEY": "t",
                      "WTF_CSRF_ENABLED": False, "TRAINER_PASSWORD": None})
    c = app.test_client()
    c.get("/")
    r = c.get("/tranare/")
    assert r.status_code == 403 and "--trainer-password" in r.get_data(as_text=True)
    assert c.post("/tranare/logga-in", data={"password": ""}).status_code == 403


def test_logout_locks_again(trainer):
    assert trainer.get("/tranare/").status_code == 200
    trainer.post("/tranare/logga-ut")
    assert trainer.get("/tranare/").status_code == 401


def test_create_class_needs_a_name_and_a_scenario(trainer):
    r = trainer.post("/tranare/", data={"name": "", "scenario": "mandagsmorgon"})
    assert r.status_code == 400 and "Ge gruppen ett namn" in r.get_data(as_text=True)
    r = trainer.post("/tranare/", data={"name": "A", "scenario": "finns-inte"})
    assert r.status_code == 400 and "Välj en övning som finns" in r.get_data(as_text=True)


def test_join_codes_are_short_and_unambiguous(app, db):
    codes = {classes.new_code(db) for _ in range(50)}
    assert all(len(c) == 6 and not set(c) & set("0O1IL2Z5S8BG6") for c in codes)
    assert classes.normalise_code(" ac d-efh ") == "ACDEFH"


def test_join_with_a_wrong_code_or_no_name(app, trainer):
    _id, code = new_class(trainer)
    c = app.test_client()
    c.get("/")
    r = c.post("/ga-med", data={"code": "XXXXXX", "name": "Kim"})
    assert r.status_code == 400 and "Koden hittades inte" in r.get_data(as_text=True)
    assert 'value="Kim"' in r.get_data(as_text=True)  # what was typed is kept
    r = c.post("/ga-med", data={"code": code, "name": " "})
    assert r.status_code == 400 and "Skriv ditt namn" in r.get_data(as_text=True)


def test_trainees_join_get_their_own_world_and_appear_in_the_table(app, trainer, db):
    class_id, code = new_class(trainer)
    kim = join(app, code.lower(), "Kim")
    ali = join(app, code, "Alva")
    assert workspace_id(kim) != workspace_id(ali)
    assert kim.get("/ovningar/status.json").get_json()["scenario"] == "mandagsmorgon"
    data = trainer.get(f"/tranare/grupp/{class_id}/status.json").get_json()
    assert [t["name"] for t in data["trainees"]] == ["Kim", "Alva"] and data["tasks"] == 5
    # Kim hides the rumour: task 2 turns done on the dashboard, for Kim only.
    ws = workspace_id(kim)
    gunnar = db.execute("SELECT id FROM comment WHERE workspace_id = ? AND text LIKE '%vattnet i Gimo%'",
                        (ws,)).fetchone()[0]
    kim.post(f"/facebook/osthammarskommun/kommentarer/{gunnar}/dolj")
    data = trainer.get(f"/tranare/grupp/{class_id}/status.json").get_json()
    assert data["trainees"][0]["tasks"] == [False, True, False, False, False]
    assert data["trainees"][1]["tasks"] == [False, False, False, False, False]
    html = trainer.get(f"/tranare/grupp/{class_id}/").get_data(as_text=True)
    assert "Kim" in html and "✔ klar" in html


def test_move_time_for_the_whole_class(app, trainer, db):
    class_id, code = new_class(trainer)
    kim, alva = join(app, code, "Kim"), join(app, code, "Alva")
    before = {c: clock.now(db, workspace_id(c)) for c in (kim, alva)}
    r = trainer.post(f"/tranare/grupp/{class_id}/tid", data={"duration": "2h"}, follow_redirects=True)
    assert "framflyttad 2h för hela gruppen" in r.get_data(as_text=True)
    for c, was in before.items():
        moved = (clock.now(db, workspace_id(c)) - was).total_seconds()
        assert 7190 < moved < 7300
    r = trainer.post(f"/tranare/grupp/{class_id}/tid", data={"duration": "snart"}, follow_redirects=True)
    assert "Förstår inte tiden" in r.get_data(as_text=True)


def test_inject_a_comment_and_a_mail_into_every_world(app, trainer, db):
    class_id, code = new_class(trainer)
    kim, alva = join(app, code, "Kim"), join(app, code, "Alva")
    r = trainer.post(f"/tranare/grupp/{class_id}/kommentar",
                     data={"page": "osthammarskommun", "author": "Kim Andersson", "text": "Var är bussen?"},
                     follow_redirects=True)
    assert "tillagd hos 2 deltagare" in r.get_data(as_text=True)
    for c in (kim, alva):
        assert "Var är bussen?" in c.get("/facebook/osthammarskommun/").get_data(as_text=True)
    r = trainer.post(f"/tranare/grupp/{class_id}/kommentar", data={"page": "osthammarskommun", "author": "",
                                                                   "text": ""}, follow_redirects=True)
    assert "Skriv både vem som kommenterar" in r.get_data(as_text=True)
    trainer.post(f"/tranare/grupp/{class_id}/mejl", data={"subject": "Lunch kl. 12", "body": "Vi ses!"})
    for c in (kim, alva):
        assert "Lunch kl. 12" in c.get("/sandladan/inkorg").get_data(as_text=True)


def test_reset_one_trainee_restarts_their_scenario_only(app, trainer, db):
    class_id, code = new_class(trainer)
    kim, alva = join(app, code, "Kim"), join(app, code, "Alva")
    for c in (kim, alva):
        ws = workspace_id(c)
        gunnar = db.execute("SELECT id FROM comment WHERE workspace_id = ? AND text LIKE '%vattnet i Gimo%'",
                            (ws,)).fetchone()[0]
        c.post(f"/facebook/osthammarskommun/kommentarer/{gunnar}/dolj")
    trainer.post(f"/tranare/grupp/{class_id}/aterstall", data={"workspace": workspace_id(kim)})
    data = trainer.get(f"/tranare/grupp/{class_id}/status.json").get_json()
    assert [t["done"] for t in data["trainees"]] == [0, 1]
    assert kim.get("/ovningar/status.json").get_json()["running"]
    r = trainer.post(f"/tranare/grupp/{class_id}/aterstall", data={"workspace": "nagon-annans-miljo-123456"})
    assert r.status_code == 404


def test_aterstall_keeps_the_trainee_in_the_class_and_restarts_the_scenario(app, trainer):
    class_id, code = new_class(trainer)
    kim = join(app, code, "Kim")
    kim.post("/sandladan/aterstall")
    assert kim.get("/ovningar/status.json").get_json()["scenario"] == "mandagsmorgon"
    data = trainer.get(f"/tranare/grupp/{class_id}/status.json").get_json()
    assert [t["name"] for t in data["trainees"]] == ["Kim"]


def test_csv_export_opens_in_swedish_excel(app, trainer, db):
    class_id, code = new_class(trainer)
    kim = join(app, code, "Kim, från Gimo")
    join(app, code, "Alva")
    ws = workspace_id(kim)
    gunnar = db.execute("SELECT id FROM comment WHERE workspace_id = ? AND text LIKE '%vattnet i Gimo%'",
                        (ws,)).fetchone()[0]
    kim.post(f"/facebook/osthammarskommun/kommentarer/{gunnar}/dolj")
    kim.post("/ovningar/tips", data={"next": "/"})
    r = trainer.get(f"/tranare/grupp/{class_id}/resultat.csv")
    assert r.mimetype == "text/csv" and "attachment" in r.headers["Content-Disposition"]
    text = r.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Namn", "1. Svara Birgitta", "2. Dölj ryktet"]
    assert rows[0][-2:] == ["Minuter", "Misstagen"]
    assert rows[1][:7] == ["Kim, från Gimo", "", "klar", "", "", "", "1 av 5"] and rows[1][7] == "1"
    assert re.fullmatch(r"\d+,\d", rows[1][-2])  # decimal comma
    assert rows[2][0] == "Alva" and rows[2][6] == "0 av 5"
    html = trainer.get(f"/tranare/grupp/{class_id}/").get_data(as_text=True)
    assert ">1. Svara Birgitta</th>" in html and "Uppgift 1<" not in html


def test_xlsx_export_names_tasks_and_keeps_names_as_text(app, trainer):
    from openpyxl import load_workbook

    class_id, code = new_class(trainer)
    join(app, code, '=HYPERLINK("http://x","klicka")')
    r = trainer.get(f"/tranare/grupp/{class_id}/resultat.xlsx")
    assert r.status_code == 200 and r.mimetype.endswith("spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(r.data)).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Namn", "1. Svara Birgitta", "2. Dölj ryktet"] and header[-1] == "Misstagen"
    name = sheet.cell(2, 1)
    assert name.value == '=HYPERLINK("http://x","klicka")' and name.data_type == "s"
    assert isinstance(sheet.cell(2, len(header) - 1).value, int | float)  # minutes are a number


def test_unknown_class_is_404(trainer):
    assert trainer.get("/tranare/grupp/999/").status_code == 404


def test_a_class_members_avsluta_ends_the_scenario_until_they_start_one(app, trainer):
    _class_id, code = new_class(trainer)
    trainee = join(app, code, "Kim")
    assert trainee.get("/ovningar/status.json").json["running"] is True
    trainee.post("/ovningar/avsluta")
    assert trainee.get("/ovningar/status.json").json["running"] is False
    assert trainee.get("/ovningar/status.json").json["running"] is False  # not restarted on the next request
    trainee.post("/ovningar/forsta-inlagget/starta")
    assert trainee.get("/ovningar/status.json").json["running"] is True


def test_class_page_shows_the_network_address_code_and_qr(app, trainer, monkeypatch):
    from mockplatform import network

    monkeypatch.setattr(network, "lan_address", lambda: "192.168.1.23")
    app.config.update(SERVE_HOST="0.0.0.0", SERVE_PORT=5000)
    class_id, code = new_class(trainer)
    html = trainer.get(f"/tranare/grupp/{class_id}/").get_data(as_text=True)
    assert f'href="http://192.168.1.23:5000/ga-med?kod={code}"' in html
    assert ">192.168.1.23:5000/ga-med<" in html
    assert "fungerar bara på den här datorn" not in html
    qr = trainer.get(f"/tranare/grupp/{class_id}/qr.svg")
    assert qr.status_code == 200 and qr.mimetype == "image/svg+xml"
    assert b"<svg" in qr.data and b"<path" in qr.data
    assert app.test_client().get(f"/tranare/grupp/{class_id}/qr.svg").status_code in (400, 401)


def test_class_page_says_when_only_this_machine_can_join(app, trainer):
    app.config.update(SERVE_HOST="127.0.0.1", SERVE_PORT=5000)
    class_id, code = new_class(trainer)
    html = trainer.get(f"/tranare/grupp/{class_id}/").get_data(as_text=True)
    assert "fungerar bara på den här datorn" in html and "--host 0.0.0.0" in html
    assert f"/ga-med?kod={code}" in html


def test_public_url_wins(app, trainer):
    app.config["PUBLIC_URL"] = "https://sandladan.osthammar.example/"
    class_id, code = new_class(trainer)
    html = trainer.get(f"/tranare/grupp/{class_id}/").get_data(as_text=True)
    assert f'href="https://sandladan.osthammar.example/ga-med?kod={code}"' in html


def test_join_link_fills_in_the_code_and_focuses_the_name(app):
    c = app.test_client()
    html = c.get("/ga-med?kod=ACDEFH").get_data(as_text=True)
    assert 'value="ACDEFH"' in html
    assert re.search(r'id="join-name"[^>]*autofocus', html)
