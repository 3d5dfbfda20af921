"""Answering, hiding and deleting comments; the handbook's signature and screenshot rules."""

from .conftest import login, workspace_id

PAGE = "/facebook/osthammarskommun"


def comment(db, client, author):
    return db.execute("SELECT * FROM comment WHERE workspace_id = ? AND author_name = ?",
                      (workspace_id(client), author)).fetchone()


def test_reply_as_page_with_signature(eva, db):
    q = comment(db, eva, "Mats Öberg")
    r = eva.post(f"{PAGE}/inlagg/{q['post_id']}/kommentarer",
                 data={"text": "Hej Mats! Vi kollar med gatuenheten och återkommer. "
                               "Vänliga hälsningar, Eva, kommunikatör på Östhammars kommun",
                       "parent_id": q["id"]})
    assert r.status_code == 302
    reply = db.execute("SELECT * FROM comment WHERE parent_id = ?", (q["id"],)).fetchone()
    assert reply["as_page"] == 1 and reply["author_name"] == "Östhammars kommun"
    detail = db.execute("SELECT detail FROM action WHERE verb = 'comment.replied'").fetchone()[0]
    assert '"signed": true' in detail
    stats = eva.get(f"{PAGE}/statistik").get_data(as_text=True)
    assert "När plogas Storgatan" not in stats


def test_reply_without_signature_gets_a_tip(eva, db):
    q = comment(db, eva, "Mats Öberg")
    r = eva.post(f"{PAGE}/inlagg/{q['post_id']}/kommentarer", data={"text": "Vi kollar."},
                 follow_redirects=True)
    assert "Tänk på: svaret har ingen avsändare" in r.get_data(as_text=True)
    detail = db.execute("SELECT detail FROM action WHERE verb = 'comment.replied'").fetchone()[0]
    assert '"signed": false' in detail


def test_empty_reply_is_not_saved(eva, db):
    q = comment(db, eva, "Mats Öberg")
    r = eva.post(f"{PAGE}/inlagg/{q['post_id']}/kommentarer", data={"text": " "},
                 follow_redirects=True)
    assert "Skriv ett svar först" in r.get_data(as_text=True)
    assert db.execute("SELECT count(*) FROM comment WHERE parent_id IS NOT NULL").fetchone()[0] == 0


def test_hide_and_show_comment(eva, db, client):
    spam = comment(db, eva, "Billiga Solglasögon AB")
    assert eva.post(f"{PAGE}/kommentarer/{spam['id']}/dolj").status_code == 302
    assert comment(db, eva, "Billiga Solglasögon AB")["hidden_at"]
    assert "Dold – syns bara" in eva.get(f"{PAGE}/").get_data(as_text=True)
    eva.post(f"{PAGE}/kommentarer/{spam['id']}/visa")
    assert comment(db, eva, "Billiga Solglasögon AB")["hidden_at"] is None


def test_hidden_comment_is_not_shown_to_visitors(eva, db):
    spam = comment(db, eva, "Billiga Solglasögon AB")
    eva.post(f"{PAGE}/kommentarer/{spam['id']}/dolj")
    eva.post("/facebook/logga-ut")
    login(eva, "per")
    assert "KÖP SOLGLASÖGON" not in eva.get(f"{PAGE}/").get_data(as_text=True)


def test_delete_requires_the_screenshot_routine(eva, db):
    insult = comment(db, eva, "Peter Wallin")
    url = f"{PAGE}/kommentarer/{insult['id']}/ta-bort"
    assert "skärmdump" in eva.get(url).get_data(as_text=True)
    r = eva.post(url, data={})
    assert r.status_code == 400 and "Innan radering måste innehållet" in r.get_data(as_text=True)
    assert comment(db, eva, "Peter Wallin")["deleted_at"] is None
    assert eva.post(url, data={"screenshot_saved": "ja"}).status_code == 302
    assert comment(db, eva, "Peter Wallin")["deleted_at"]
    assert "inkompetent idiot" not in eva.get(f"{PAGE}/").get_data(as_text=True)


def test_moderator_may_answer_and_hide(client, db):
    login(client, "sara")
    spam = comment(db, client, "Billiga Solglasögon AB")
    assert client.post(f"{PAGE}/kommentarer/{spam['id']}/dolj").status_code == 302
    q = comment(db, client, "Mats Öberg")
    r = client.post(f"{PAGE}/inlagg/{q['post_id']}/kommentarer", data={"text": "Hej! /Sara"})
    assert r.status_code == 302


def test_analyst_may_not_moderate(client, db):
    login(client, "maria")
    spam = comment(db, client, "Billiga Solglasögon AB")
    assert client.post(f"{PAGE}/kommentarer/{spam['id']}/dolj").status_code == 403
    assert comment(db, client, "Billiga Solglasögon AB")["hidden_at"] is None


def test_comment_of_another_page_is_404(eva, db):
    sofia = comment(db, eva, "Sofia Ahlgren")  # on the library's Page
    assert eva.post(f"{PAGE}/kommentarer/{sofia['id']}/dolj").status_code == 404
