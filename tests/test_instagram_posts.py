"""Publishing a post with an image and a caption, and the handbook's rule on consent."""

from __future__ import annotations

import io
import json

import pytest

from .conftest import workspace_id
from .instagram_helpers import ig_login, png_bytes, verbs
from .video_helpers import tiny_mp4


def _post(client, *, image=True, data=None, filename="bild.png", content=None):
    form = {"caption": "Sommarlovet börjar!", "shows_person": "none"} | (data or {})
    if image:
        form["image"] = (io.BytesIO(content if content is not None else png_bytes()), filename)
    return client.post("/instagram/nytt-inlagg", data=form, content_type="multipart/form-data")


def _posts(db, ws):
    return db.execute("SELECT * FROM ig_post WHERE workspace_id = ? AND media_id IS NOT NULL",
                      (ws,)).fetchall()


@pytest.fixture
def phone(client):
    ig_login(client)
    return client


def test_composer_asks_about_people_and_consent(phone):
    html = phone.get("/instagram/nytt-inlagg").get_data(as_text=True)
    assert "Visar bilden en person?" in html
    assert "samtyckesblankett för bildanvändande" in html and "målsman" in html
    assert ">Dela</button>" in html


def test_publishing_a_picture_without_people(phone, db):
    ws = workspace_id(phone)
    response = _post(phone)
    assert response.status_code == 302 and response.headers["Location"].endswith("/instagram/profil")
    [post] = _posts(db, ws)
    assert post["caption"] == "Sommarlovet börjar!" and post["shows_person"] == "none"
    assert post["consent"] is None
    profile = phone.get("/instagram/profil").get_data(as_text=True)
    assert "Inlägget är delat." in profile and f"/media/{post['media_id']}" in profile
    assert phone.get(f"/media/{post['media_id']}").status_code == 200
    assert verbs(db, ws)[-1] == "instagram.post_published"


@pytest.mark.parametrize("data", [{"shows_person": "adult", "consent": "yes"},
                                  {"shows_person": "child", "guardian_consent": "yes"}])
def test_publishing_a_picture_of_a_person_with_signed_consent(phone, db, data):
    ws = workspace_id(phone)
    assert _post(phone, data=data).status_code == 302
    [post] = _posts(db, ws)
    assert post["shows_person"] == data["shows_person"] and post["consent"] == 1
    detail = json.loads(db.execute("SELECT detail FROM action WHERE verb = 'instagram.post_published'")
                        .fetchone()[0])
    assert detail == {"shows_person": data["shows_person"], "consent": True}


@pytest.mark.parametrize(("data", "reason", "text"), [
    ({"shows_person": "adult", "consent": "no"}, "no_consent",
     "måste personen som avbildas skriva under en samtyckesblankett"),
    ({"shows_person": "child", "guardian_consent": "no"}, "no_guardian_consent",
     "under 13 år måste målsman skriva under"),
    # The adult's own signature is not enough for a child.
    ({"shows_person": "child", "consent": "yes", "guardian_consent": "no"}, "no_guardian_consent",
     "målsman"),
])
def test_without_consent_the_post_is_not_published(phone, db, data, reason, text):
    ws = workspace_id(phone)
    response = _post(phone, data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Inlägget publicerades inte." in html and text in html
    assert "Sommarlovet börjar!" in html  # the caption is kept
    assert _posts(db, ws) == []
    assert db.execute("SELECT count(*) FROM media WHERE workspace_id = ?", (ws,)).fetchone()[0] == 0
    row = db.execute("SELECT verb, detail FROM action WHERE workspace_id = ? ORDER BY id DESC",
                     (ws,)).fetchone()
    assert row[0] == "instagram.post_refused" and json.loads(row[1])["reason"] == reason


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"data": {"shows_person": ""}}, "Svara på om bilden visar en person."),
    ({"data": {"shows_person": "robot"}}, "Svara på om bilden visar en person."),
    ({"data": {"shows_person": "adult"}}, "Svara på om personen på bilden har skrivit under"),
    ({"data": {"shows_person": "child"}}, "Svara på om barnets målsman har skrivit under"),
    ({"image": False}, "Välj en bild att dela."),
    ({"content": b"%PDF-1.4 inte en bild", "filename": "dokument.pdf"}, "Filen är inte en bild"),
    ({"content": b"", "filename": "tom.png"}, "Filen är tom."),
    ({"content": tiny_mp4(), "filename": "film.mp4"},
     "Här går det bara att lägga upp bilder."),
    ({"data": {"caption": "x" * 2201}}, "Bildtexten är för lång"),
])
def test_bad_input_is_a_clear_message_and_nothing_is_saved(phone, db, kwargs, message):
    ws = workspace_id(phone)
    response = _post(phone, **kwargs)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html and 'role="alert"' in html
    assert _posts(db, ws) == []
    assert "instagram.post_published" not in verbs(db, ws)


def test_logged_out_phone_cannot_publish(client, db):
    response = _post(client)
    assert response.status_code == 302 and response.headers["Location"].endswith("/instagram/logga-in")
    assert _posts(db, workspace_id(client)) == []


def test_the_post_goes_to_the_active_account(phone, db):
    ws = workspace_id(phone)
    ig_login(phone, "fritidosthammar")
    _post(phone)
    [post] = _posts(db, ws)
    owner = db.execute("SELECT username FROM ig_account WHERE id = ?", (post["account_id"],)).fetchone()
    assert owner[0] == "fritidosthammar"
