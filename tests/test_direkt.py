"""Registering a comment as allmän handling in Östhammar Direkt's case tool (the diarium)."""

import json

from .conftest import login, workspace_id

PAGE = "/facebook/osthammarskommun"


def comment(db, client, author):
    return db.execute("SELECT * FROM comment WHERE workspace_id = ? AND author_name = ?",
                      (workspace_id(client), author)).fetchone()


def test_a_moderator_registers_a_comment_with_a_diary_number(client, db):
    login(client, "sara")
    mats = comment(db, client, "Mats Öberg")
    page = client.get(f"{PAGE}/").get_data(as_text=True)
    assert 'aria-label="Registrera kommentaren från Mats Öberg som allmän handling"' in page
    form = client.get(f"/direkt/registrera/{mats['id']}").get_data(as_text=True)
    assert "Registrera som allmän handling" in form and "När plogas Storgatan" in form
    assert "Inläggets karaktär" in form and "Ärendemening" in form
    r = client.post(f"/direkt/registrera/{mats['id']}",
                    data={"title": "Fråga om snöröjning i Gimo", "private_contact": "ja"},
                    follow_redirects=True)
    html = r.get_data(as_text=True)
    year = db.execute("SELECT substr(registered_at, 1, 4) FROM diary_entry").fetchone()[0]
    assert f"diarienummer ÖD {year}/0001" in html
    assert f"Allmän handling, diarienummer ÖD {year}/0001" in html
    assert 'aria-label="Registrera kommentaren från Mats Öberg' not in html
    entry = db.execute("SELECT * FROM diary_entry").fetchone()
    assert (entry["comment_id"], entry["private_contact"]) == (mats["id"], 1)
    assert entry["author_name"] == "Mats Öberg"
    action = db.execute("SELECT detail FROM action WHERE verb = 'comment.registered'").fetchone()
    assert json.loads(action[0])["number"] == f"ÖD {year}/0001"
    diarium = client.get("/direkt/").get_data(as_text=True)
    assert "Fråga om snöröjning i Gimo" in diarium and "Mats Öberg" in diarium and "Sara Ek" in diarium


def test_numbers_count_up_and_a_comment_is_registered_once(client, db):
    login(client, "eva")
    for i, author in enumerate(["Mats Öberg", "Karin Sjöberg"], 1):
        c = comment(db, client, author)
        assert client.post(f"/direkt/registrera/{c['id']}", data={"title": f"Ärende {i}"}).status_code == 302
    numbers = [r[0] for r in db.execute("SELECT number FROM diary_entry ORDER BY id")]
    assert [n[-4:] for n in numbers] == ["0001", "0002"]
    again = comment(db, client, "Mats Öberg")
    r = client.post(f"/direkt/registrera/{again['id']}", data={"title": "En gång till"})
    assert "redan registrerad" in r.get_data(as_text=True)
    assert db.execute("SELECT count(*) FROM diary_entry").fetchone()[0] == 2


def test_a_title_is_needed_and_bad_input_is_a_swedish_4xx(client, db):
    login(client, "eva")
    mats = comment(db, client, "Mats Öberg")
    r = client.post(f"/direkt/registrera/{mats['id']}", data={"title": " ", "private_contact": "ja"})
    assert r.status_code == 400 and "Skriv en ärendemening" in r.get_data(as_text=True)
    r = client.post(f"/direkt/registrera/{mats['id']}", data={"title": "x" * 201})
    assert r.status_code == 400 and "för lång" in r.get_data(as_text=True)
    assert client.get("/direkt/registrera/999999").status_code == 404
    assert db.execute("SELECT count(*) FROM diary_entry").fetchone()[0] == 0


def test_only_who_may_moderate_registers(client, db):
    login(client, "maria")  # Analytiker
    mats = comment(db, client, "Mats Öberg")
    assert client.post(f"/direkt/registrera/{mats['id']}", data={"title": "x"}).status_code == 403
    assert "Registrera kommentaren" not in client.get(f"{PAGE}/").get_data(as_text=True)


def test_reset_empties_the_diarium(client, db):
    login(client, "eva")
    mats = comment(db, client, "Mats Öberg")
    client.post(f"/direkt/registrera/{mats['id']}", data={"title": "Snöröjning"})
    client.post("/sandladan/aterstall")
    assert db.execute("SELECT count(*) FROM diary_entry WHERE workspace_id = ?",
                      (workspace_id(client),)).fetchone()[0] == 0
