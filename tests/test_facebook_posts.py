"""Creating, editing, deleting posts through the Facebook routes, with every bad input."""

import io
import re

from PIL import Image

from .conftest import login, workspace_id
from .video_helpers import tiny_mp4

PAGE = "/facebook/osthammarskommun"


def png_bytes(size=(40, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def posts(db, client, status="published"):
    return db.execute(
        "SELECT * FROM post WHERE workspace_id = ? AND status = ? AND deleted_at IS NULL"
        " ORDER BY id", (workspace_id(client), status)).fetchall()


def test_page_shows_composer_box_for_admin(eva):
    html = eva.get(f"{PAGE}/").get_data(as_text=True)
    assert "Skriv ett inlägg" in html
    assert 'id="composer"' in html and "<dialog" in html


def test_share_now_publishes_and_logs(eva, db):
    before = len(posts(db, eva))
    r = eva.post(f"{PAGE}/inlagg", data={"text": "Hej från Eva", "mode": "now"})
    assert r.status_code == 302
    after = posts(db, eva)
    assert len(after) == before + 1 and after[-1]["text"] == "Hej från Eva"
    page = eva.get(f"{PAGE}/").get_data(as_text=True)
    assert "Hej från Eva" in page
    verbs = [r["verb"] for r in db.execute("SELECT verb FROM action WHERE workspace_id = ?",
                                              (workspace_id(eva),))]
    assert "post.published" in verbs


def test_link_in_text_becomes_link_card(eva, db):
    eva.post(f"{PAGE}/inlagg", data={"text": "Läs mer: https://www.osthammar.example/x.", "mode": "now"})
    assert posts(db, eva)[-1]["link_url"] == "https://www.osthammar.example/x"


def test_empty_post_is_refused_with_swedish_message(eva, db):
    before = len(posts(db, eva))
    r = eva.post(f"{PAGE}/inlagg", data={"text": "   ", "mode": "now"})
    assert r.status_code == 400
    assert "Inlägget är tomt" in r.get_data(as_text=True)
    assert len(posts(db, eva)) == before


def test_100_kb_text_is_refused_and_kept(eva, db):
    text = "å" * 100_000
    r = eva.post(f"{PAGE}/inlagg", data={"text": text, "mode": "now"})
    html = r.get_data(as_text=True)
    assert r.status_code == 400
    assert "Inlägget är för långt" in html
    assert text in html  # the composer is re-opened with the user's text
    assert "data-open-on-load" in html


def test_image_upload_is_published(eva, db):
    r = eva.post(f"{PAGE}/inlagg", data={"text": "Med bild", "mode": "now",
                                          "media": (io.BytesIO(png_bytes()), "bild.png"),
                                          "shows_person": "none"},
                 content_type="multipart/form-data")
    assert r.status_code == 302
    post = posts(db, eva)[-1]
    assert post["media_id"]
    media = eva.get(f"/media/{post['media_id']}")
    assert media.status_code == 200 and media.mimetype == "image/png"


def test_image_only_post_is_allowed(eva, db):
    r = eva.post(f"{PAGE}/inlagg", data={"text": "", "mode": "now",
                                          "media": (io.BytesIO(png_bytes()), "bild.png"),
                                          "shows_person": "none"},
                 content_type="multipart/form-data")
    assert r.status_code == 302


def test_non_image_upload_is_refused_and_text_kept(eva, db):
    before = len(posts(db, eva))
    r = eva.post(f"{PAGE}/inlagg", data={"text": "Min text", "mode": "now",
                                          "media": (io.BytesIO(b"%PDF-1.4 not an image"), "x.png"),
                                          "shows_person": "none"},
                 content_type="multipart/form-data")
    html = r.get_data(as_text=True)
    assert r.status_code == 400
    assert "varken en bild eller en film" in html and "Min text" in html
    assert len(posts(db, eva)) == before


def test_oversized_image_is_refused_and_text_kept(app, eva, db):
    app.config["MAX_IMAGE_BYTES"] = 1000
    r = eva.post(f"{PAGE}/inlagg", data={"text": "Stor bild", "mode": "now",
                                          "media": (io.BytesIO(png_bytes((600, 600))), "stor.png"),
                                          "shows_person": "none"},
                 content_type="multipart/form-data")
    html = r.get_data(as_text=True)
    assert r.status_code == 413
    assert "Bilden är för stor" in html and "Stor bild" in html


def test_video_upload_is_accepted_when_its_container_parses(eva, db):
    mp4 = tiny_mp4()
    r = eva.post(f"{PAGE}/inlagg", data={"text": "Film", "mode": "now",
                                          "media": (io.BytesIO(mp4), "film.mp4"),
                                          "shows_person": "none"},
                 content_type="multipart/form-data")
    assert r.status_code == 302
    media = db.execute("SELECT kind, mime FROM media WHERE id = ?",
                       (posts(db, eva)[-1]["media_id"],)).fetchone()
    assert tuple(media) == ("video", "video/mp4")


def test_unknown_feeling_and_mode_are_refused(eva):
    assert eva.post(f"{PAGE}/inlagg", data={"text": "x", "mode": "sometime"}).status_code == 400
    r = eva.post(f"{PAGE}/inlagg", data={"text": "x", "mode": "now", "feeling": "arg"})
    assert r.status_code == 400 and "känslan finns inte" in r.get_data(as_text=True)


def test_feeling_is_shown_on_the_post(eva):
    eva.post(f"{PAGE}/inlagg", data={"text": "Fredag!", "mode": "now", "feeling": "glad"})
    assert "känner sig glad." in eva.get(f"{PAGE}/").get_data(as_text=True)


def test_edit_changes_text_only(eva, db):
    post = posts(db, eva)[0]  # the seeded snow post, with an image
    r = eva.post(f"{PAGE}/inlagg/{post['id']}/redigera", data={"text": "Rättad text"})
    assert r.status_code == 302
    row = db.execute("SELECT * FROM post WHERE id = ?", (post["id"],)).fetchone()
    assert row["text"] == "Rättad text" and row["edited_at"] and row["image"] == post["image"]
    assert "Redigerat" in eva.get(f"{PAGE}/").get_data(as_text=True)


def test_edit_view_says_image_and_link_cannot_change(eva, db):
    post = posts(db, eva)[0]
    html = eva.get(f"{PAGE}/inlagg/{post['id']}/redigera").get_data(as_text=True)
    assert "Avsluta redigering" in html
    assert "Bild och länk går inte att ändra efter att du har publicerat ett inlägg" in html
    assert 'type="file"' not in html.split('id="edit-post"')[1].split("</dialog>")[0]


def test_server_refuses_changing_image_or_link(eva, db):
    post = posts(db, eva)[0]
    r = eva.post(f"{PAGE}/inlagg/{post['id']}/redigera",
                 data={"text": "Ny", "media": (io.BytesIO(png_bytes()), "ny.png")},
                 content_type="multipart/form-data")
    assert r.status_code == 400
    assert "Bild och länk går inte att ändra" in r.get_data(as_text=True)
    r = eva.post(f"{PAGE}/inlagg/{post['id']}/redigera",
                 data={"text": "Ny", "link_url": "https://annan.example"})
    assert r.status_code == 400
    assert db.execute("SELECT text FROM post WHERE id = ?", (post["id"],)).fetchone()[0] == post["text"]


def test_edit_to_empty_text_on_text_only_post_is_refused(eva, db):
    eva.post(f"{PAGE}/inlagg", data={"text": "Bara text", "mode": "now"})
    post = posts(db, eva)[-1]
    r = eva.post(f"{PAGE}/inlagg/{post['id']}/redigera", data={"text": ""})
    assert r.status_code == 400 and "kan inte bli tomt" in r.get_data(as_text=True)


def test_delete_post_asks_then_deletes(eva, db):
    post = posts(db, eva)[0]
    assert "Ta bort inlägg?" in eva.get(f"{PAGE}/inlagg/{post['id']}/ta-bort").get_data(as_text=True)
    refused = eva.post(f"{PAGE}/inlagg/{post['id']}/ta-bort")
    assert refused.status_code == 400 and "Innan radering måste" in refused.get_data(as_text=True)
    assert post["id"] in [p["id"] for p in posts(db, eva)]
    assert eva.post(f"{PAGE}/inlagg/{post['id']}/ta-bort",
                    data={"screenshot_saved": "ja"}).status_code == 302
    assert post["id"] not in [p["id"] for p in posts(db, eva)]
    assert eva.get(f"{PAGE}/inlagg/{post['id']}/redigera").status_code == 404


def test_unknown_page_and_post_are_404(eva):
    assert eva.get("/facebook/finnsinte/").status_code == 404
    assert eva.get(f"{PAGE}/inlagg/999999/redigera").status_code == 404


def test_pages_require_login(client):
    r = client.get(f"{PAGE}/")
    assert r.status_code == 302 and "/facebook/logga-in" in r.location
    assert client.post(f"{PAGE}/inlagg", data={"text": "x"}).status_code == 302


def test_role_without_publishing_has_no_composer_and_post_is_403(client, db):
    login(client, "maria")  # Analytiker
    html = client.get(f"{PAGE}/").get_data(as_text=True)
    assert "Skriv ett inlägg" not in html and "Åtgärder för inlägget" not in html
    r = client.post(f"{PAGE}/inlagg", data={"text": "Får inte", "mode": "now"})
    assert r.status_code == 403
    assert "Analytiker" in r.get_data(as_text=True)
    assert not [p for p in posts(db, client) if p["text"] == "Får inte"]


def test_moderator_cannot_edit_but_can_see_statistics(client, db):
    login(client, "sara")
    post = posts(db, client)[0]
    assert client.post(f"{PAGE}/inlagg/{post['id']}/redigera", data={"text": "x"}).status_code == 403
    assert client.get(f"{PAGE}/statistik").status_code == 200


def test_person_without_role_sees_page_as_visitor(client):
    login(client, "per")
    html = client.get(f"{PAGE}/").get_data(as_text=True)
    assert "Östhammars kommun" in html and "Skriv ett inlägg" not in html
    assert client.get(f"{PAGE}/statistik").status_code == 403


def test_search_finds_pages(eva):
    html = eva.get("/facebook/sok?q=bibliotek").get_data(as_text=True)
    results = html.split('<main id="main">')[1]
    assert "Östhammars bibliotek" in results and re.search(r"Fritid Östhammar", results) is None


def test_page_shows_newest_posts_and_more_on_request(eva, db):
    for i in range(25):
        eva.post(f"{PAGE}/inlagg", data={"text": f"Nummer {i:02d}\n\nEva, kommunikatör på Östhammars kommun",
                                         "mode": "now"})
    html = eva.get(f"{PAGE}/").get_data(as_text=True)
    assert "Nummer 24" in html and "Nummer 05" in html and "Nummer 04" not in html
    assert "Visa fler inlägg" in html
    more = eva.get(f"{PAGE}/?visa=40").get_data(as_text=True)
    assert "Nummer 04" in more and "Snöröjningen" in more
    assert eva.get(f"{PAGE}/?visa=nonsens").status_code == 200
