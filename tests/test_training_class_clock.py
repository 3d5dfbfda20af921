"""A class as a trainer runs it: the class clock (forward only, pause, the next event now), a
trainee reset onto the class's time, joining again, two people with the same name, removing a
member, and the after-action review with quotes; the CSV carries the same facts."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from mockplatform import clock

from .conftest import workspace_id
from .test_training_dashboard import app, join, new_class, trainer  # noqa: F401 (fixtures)

PAGE = "/facebook/osthammarskommun"


def class_now(client, class_id):
    return clock.parse(client.get(f"/tranare/grupp/{class_id}/status.json").get_json()["now"])


def test_a_trainee_in_a_class_cannot_move_the_clock(app, trainer, db):  # noqa: F811
    _class_id, code = new_class(trainer)
    kim = join(app, code, "Kim")
    ws = workspace_id(kim)
    before = clock.now(db, ws)
    page = kim.get("/sandladan/tid").get_data(as_text=True)
    assert "utbildaren som styr" in page and "Flytta fram" not in page
    r = kim.post("/sandladan/tid", data={"action": "advance", "duration": "2h"})
    assert r.status_code == 400 and "utbildaren" in r.get_data(as_text=True)
    r = kim.post("/sandladan/tid", data={"action": "set", "date": "2001-01-01", "time": "09:00"})
    assert r.status_code == 400
    assert abs((clock.now(db, ws) - before).total_seconds()) < 60


def test_the_class_clock_moves_everyone_forward_and_can_pause(app, trainer, db):  # noqa: F811
    class_id, code = new_class(trainer)
    kim, alva = join(app, code, "Kim"), join(app, code, "Alva")
    start = class_now(trainer, class_id)
    trainer.post(f"/tranare/grupp/{class_id}/tid", data={"duration": "1h"})
    for c in (kim, alva):
        assert abs((clock.now(db, workspace_id(c)) - start - timedelta(hours=1)).total_seconds()) < 60
    trainer.post(f"/tranare/grupp/{class_id}/paus")
    stood = clock.now(db, workspace_id(kim))
    assert trainer.get(f"/tranare/grupp/{class_id}/status.json").get_json()["paused"]
    assert clock.now(db, workspace_id(kim)) == stood  # standing still
    trainer.post(f"/tranare/grupp/{class_id}/fortsatt")
    assert not trainer.get(f"/tranare/grupp/{class_id}/status.json").get_json()["paused"]
    assert clock.now(db, workspace_id(kim)) >= stood


def test_the_next_event_now_arrives_for_everyone_once(app, trainer, db):  # noqa: F811
    class_id, code = new_class(trainer)
    kim, alva = join(app, code, "Kim"), join(app, code, "Alva")
    html = trainer.get(f"/tranare/grupp/{class_id}/").get_data(as_text=True)
    assert "Kommentar från Kalle Nyström" in html
    r = trainer.post(f"/tranare/grupp/{class_id}/nasta", follow_redirects=True)
    assert "Nu händer det: Kommentar från Kalle Nyström" in r.get_data(as_text=True)
    for c in (kim, alva):
        ws = workspace_id(c)
        n = db.execute("SELECT count(*) FROM comment WHERE workspace_id = ? AND text LIKE '%Tallvägen%'",
                       (ws,)).fetchone()[0]
        assert n == 1
        assert c.get("/ovningar/status.json").get_json()["tasks"][4]["open"]
    r = trainer.post(f"/tranare/grupp/{class_id}/nasta", follow_redirects=True)
    assert "inga fler händelser" in r.get_data(as_text=True)


def test_a_reset_trainee_is_put_on_the_class_s_time(app, trainer, db):  # noqa: F811
    class_id, code = new_class(trainer)
    kim = join(app, code, "Kim")
    trainer.post(f"/tranare/grupp/{class_id}/tid", data={"duration": "2h"})
    ws = workspace_id(kim)
    trainer.post(f"/tranare/grupp/{class_id}/aterstall", data={"workspace": ws})
    assert abs((clock.now(db, ws) - class_now(trainer, class_id)).total_seconds()) < 60
    n = db.execute("SELECT count(*) FROM comment WHERE workspace_id = ? AND text LIKE '%Tallvägen%'",
                   (ws,)).fetchone()[0]
    assert n == 1  # what came for the class by now came for them too


def test_joining_again_from_the_same_browser_resumes_the_same_row(app, trainer):  # noqa: F811
    class_id, code = new_class(trainer)
    kim = join(app, code, "Kim")
    ws = workspace_id(kim)
    r = kim.post("/ga-med", data={"code": code, "name": "Kim"}, follow_redirects=True)
    assert "Välkommen tillbaka, Kim" in r.get_data(as_text=True)
    assert workspace_id(kim) == ws
    trainees = trainer.get(f"/tranare/grupp/{class_id}/status.json").get_json()["trainees"]
    assert [t["name"] for t in trainees] == ["Kim"]


def test_two_trainees_with_the_same_name_are_told_apart(app, trainer):  # noqa: F811
    class_id, code = new_class(trainer)
    join(app, code, "Anna")
    other = app.test_client()
    other.get("/")
    r = other.post("/ga-med", data={"code": code, "name": " anna "})
    assert r.status_code == 400 and "Det finns redan en" in r.get_data(as_text=True)
    assert 'value=" anna "' in r.get_data(as_text=True) or "anna" in r.get_data(as_text=True)
    assert other.post("/ga-med", data={"code": code, "name": "Anna S"}).status_code == 302


def test_the_trainer_removes_a_member(app, trainer, db):  # noqa: F811
    class_id, code = new_class(trainer)
    kim = join(app, code, "Kim")
    ws = workspace_id(kim)
    r = trainer.post(f"/tranare/grupp/{class_id}/ta-bort", data={"workspace": ws}, follow_redirects=True)
    assert "Kim är borttagen ur gruppen" in r.get_data(as_text=True)
    assert trainer.get(f"/tranare/grupp/{class_id}/status.json").get_json()["trainees"] == []
    assert not kim.get("/ovningar/status.json").get_json()["running"]
    assert trainer.post(f"/tranare/grupp/{class_id}/ta-bort", data={"workspace": ws}).status_code == 404


def test_the_review_shows_tasks_mistakes_with_quotes_and_what_happened(app, trainer, db):  # noqa: F811
    class_id, code = new_class(trainer)
    kim = join(app, code, "Kim")
    ws = workspace_id(kim)
    birgitta = db.execute("SELECT id, post_id FROM comment WHERE workspace_id = ? AND author_name ="
                          " 'Birgitta Lundqvist'", (ws,)).fetchone()
    kim.post(f"{PAGE}/inlagg/{birgitta['post_id']}/kommentarer",
             data={"text": "Vi kollar på det!", "parent_id": birgitta["id"]})
    trainer.post(f"/tranare/grupp/{class_id}/nasta")
    html = trainer.get(f"/tranare/grupp/{class_id}/deltagare/{ws}").get_data(as_text=True)
    assert "Genomgång: Kim" in html
    assert "Ett svar utan avsändare." in html and "<q>Vi kollar på det!</q>" in html
    assert "svaret till Birgitta Lundqvist" in html and "De inlägg vi skriver ska ha en avsändare" in html
    assert "Kim Lindqvist svarade på en kommentar" in html or "Eva Lind svarade på en kommentar" in html
    assert "I övningen hände något: Kommentar från Kalle Nyström" in html
    assert "Inte klar: Svaret till Birgitta Lundqvist finns, men avsändaren saknas" in html
    table = trainer.get(f"/tranare/grupp/{class_id}/").get_data(as_text=True)
    assert f"/tranare/grupp/{class_id}/deltagare/{ws}" in table
    rows = list(csv.reader(io.StringIO(trainer.get(f"/tranare/grupp/{class_id}/resultat.csv")
                                       .get_data(as_text=True).lstrip("\ufeff"))))
    assert "Ett svar utan avsändare. (”Vi kollar på det!”) – Tilltal" in rows[1][-1]
    assert trainer.get(f"/tranare/grupp/{class_id}/deltagare/nobody").status_code == 404


def test_a_trainee_who_ended_can_still_be_reviewed(app, trainer, db):  # noqa: F811
    class_id, code = new_class(trainer)
    kim = join(app, code, "Kim")
    ws = workspace_id(kim)
    gunnar = db.execute("SELECT id FROM comment WHERE workspace_id = ? AND author_name = 'Gunnar Persson'",
                        (ws,)).fetchone()[0]
    kim.post(f"{PAGE}/kommentarer/{gunnar}/dolj")
    kim.post("/ovningar/avsluta")
    assert not kim.get("/ovningar/status.json").get_json()["running"]
    html = trainer.get(f"/tranare/grupp/{class_id}/deltagare/{ws}").get_data(as_text=True)
    assert "har avslutat övningen" in html and "1 av 5" in html
    row = trainer.get(f"/tranare/grupp/{class_id}/status.json").get_json()["trainees"][0]
    assert row["tasks"][1] is True and row["done"] == 1


def test_the_trainer_s_poll_reads_stored_states_without_running_checks(app, trainer, monkeypatch):  # noqa: F811
    from mockplatform.training import checks

    class_id, code = new_class(trainer)
    for name in ("Kim", "Alva", "Sam"):
        join(app, code, name)
    calls = []
    real = checks.evaluate
    monkeypatch.setattr(checks, "evaluate", lambda *a, **kw: calls.append(1) or real(*a, **kw))
    for _ in range(5):
        assert len(trainer.get(f"/tranare/grupp/{class_id}/status.json").get_json()["trainees"]) == 3
    trainer.get(f"/tranare/grupp/{class_id}/")
    assert calls == []
