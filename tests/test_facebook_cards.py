"""Kept post cards (facebook/cards.py) show exactly what a fresh render shows, after every kind of
change a trainee or the clock can make, and carry the current request's CSRF token."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from markupsafe import escape

from mockplatform import clock
from mockplatform.facebook import cards

from .conftest import login, workspace_id

PAGE = "/facebook/osthammarskommun/"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def shown(client, path=PAGE) -> str:
    html = client.get(path).get_data(as_text=True)
    return re.sub(r"<time datetime=\"[^\"]*\"", "<time", TOKEN.sub('name="csrf_token" value="T"', html))


def fresh(app, client, path=PAGE) -> str:
    app.extensions["sandladan_cards"].clear()
    app.extensions.get("sandladan_comments", {}).clear()
    return shown(client, path)


def comment(db, ws, text):
    return db.execute("SELECT id, post_id FROM comment WHERE workspace_id = ? AND text LIKE ?",
                      (ws, f"%{text}%")).fetchone()


@pytest.fixture
def page(app, eva):
    shown(eva)  # the cards are kept now
    assert app.extensions["sandladan_cards"]
    return eva


def check_same(app, client, path=PAGE):
    client.get(path)  # what was flashed after the change is shown once, here
    kept = shown(client, path)
    assert kept == fresh(app, client, path)
    return kept


def test_a_hidden_then_shown_comment(app, page, db):
    mats = comment(db, workspace_id(page), "Storgatan i Gimo")
    page.post(f"{PAGE}kommentarer/{mats['id']}/dolj")
    assert "Dold – syns bara" in check_same(app, page)
    page.post(f"{PAGE}kommentarer/{mats['id']}/visa")
    assert "Dold – syns bara" not in check_same(app, page)


def test_an_answer_a_deleted_comment_and_a_diary_number(app, page, db):
    ws = workspace_id(page)
    mats = comment(db, ws, "Storgatan i Gimo")
    answer = {"text": "Vi plogar i eftermiddag. Hälsningar, Eva, kommunikatör", "parent_id": mats["id"]}
    comments_kept = set(app.extensions["sandladan_comments"])
    page.post(f"{PAGE}inlagg/{mats['post_id']}/kommentarer", data=answer)
    page.get(PAGE)
    # Only the answer is rendered anew; the post's other comments are used as they were kept.
    assert len(set(app.extensions["sandladan_comments"]) - comments_kept) == 1
    assert "Vi plogar i eftermiddag" in check_same(app, page)
    registered = page.post(f"/direkt/registrera/{mats['id']}", data={"title": "Snöröjning Storgatan"})
    assert registered.status_code == 302
    assert "diarienummer" in check_same(app, page)
    ad = comment(db, ws, "SOLGLASÖGON")
    deleted = page.post(f"{PAGE}kommentarer/{ad['id']}/ta-bort", data={"screenshot_saved": "ja"})
    assert deleted.status_code == 302
    assert "SOLGLASÖGON" not in check_same(app, page)


def test_an_edited_post(app, page, db):
    post_id = comment(db, workspace_id(page), "Storgatan i Gimo")["post_id"]
    text = db.execute("SELECT text FROM post WHERE id = ?", (post_id,)).fetchone()[0]
    page.post(f"{PAGE}inlagg/{post_id}/redigera", data={"text": text + " Uppdaterat kl. 10."})
    assert "Uppdaterat kl. 10." in check_same(app, page)
    assert "Redigerat" in check_same(app, page)


def test_time_moving_on_changes_the_relative_times(app, page, db):
    page.post(PAGE + "inlagg", data={"text": "Ett inlägg utan kommentarer.", "mode": "now"})
    assert ">Just nu</time>" in check_same(app, page)
    ws = workspace_id(page)
    clock.set_time(db, ws, clock.now(db, ws) + timedelta(hours=3), by="system")
    db.commit()
    kept = dict(app.extensions["sandladan_cards"])
    after = shown(page)
    # The same kept cards, with the times as they are now: only the clock moved.
    assert app.extensions["sandladan_cards"] == kept
    assert ">Just nu</time>" not in after and ">3 tim</time>" in after
    assert after == fresh(app, page)


def test_another_persona_in_the_same_world_gets_cards_for_their_role(app, page):
    assert "Dölj kommentaren" in shown(page)
    assert page.post("/facebook/logga-ut").status_code == 302
    login(page, "ali")  # Annonsör on the Page: may not moderate
    html = check_same(app, page)
    assert "Dölj kommentaren" not in html and "Östhammars kommun" in html


def test_the_news_feed_uses_the_same_cards_honestly(app, page):
    check_same(app, page, "/facebook/")


def test_a_kept_card_carries_this_requests_token(app, csrf_client):
    client = csrf_client
    token = TOKEN.search(client.get("/facebook/logga-in").get_data(as_text=True)).group(1)
    client.post("/facebook/logga-in", data={"csrf_token": token, "email": "eva.lind@osthammar.example",
                                             "password": "ovning-eva"})
    client.get(PAGE)  # cards kept with the first request's token put in afterwards
    html = client.get(PAGE).get_data(as_text=True)
    tokens = set(TOKEN.findall(html))
    assert len(tokens) == 1 and cards._MARK not in html
    action = re.search(r'action="(/facebook/osthammarskommun/kommentarer/\d+/dolj)"', html).group(1)
    assert client.post(action, data={"csrf_token": tokens.pop()}).status_code == 302


def test_text_with_the_slot_marker_itself_is_shown_as_written(app, eva):
    # Even someone who knew this process's marker cannot make their text a slot.
    text = f"{cards._MARK}csrf{cards._MARK} och {cards._MARK}2026-11-24T08:00:00+00:00{cards._MARK}"
    eva.post(PAGE + "inlagg", data={"text": text, "mode": "now"})
    written = str(escape(text))
    assert written in shown(eva) and written in shown(eva)  # rendered, then kept
