"""The live coach's endpoint, the hints after saving, the refusals, and every finding
recorded as ``rule.flagged`` in the action log."""

import io
import json

from .conftest import workspace_id
from .instagram_helpers import ig_login, png_bytes

PAGE = "/facebook/osthammarskommun"
SIGN = " Vänliga hälsningar, Eva, kommunikatör på Östhammars kommun"


def flagged(db, client):
    rows = db.execute("SELECT object_type, object_id, detail FROM action WHERE workspace_id = ?"
                      " AND verb = 'rule.flagged' ORDER BY id", (workspace_id(client),)).fetchall()
    return [(r["object_type"], r["object_id"], json.loads(r["detail"])) for r in rows]


def comment(db, client, author):
    return db.execute("SELECT * FROM comment WHERE workspace_id = ? AND author_name = ?",
                      (workspace_id(client), author)).fetchone()


def test_live_review_returns_findings_as_json(eva):
    r = eva.post("/regler/granska", json={"kind": "reply", "page": "osthammarskommun",
                                          "text": "Du får tillbaka pengarna. Ring 070-123 45 67." + SIGN})
    assert r.status_code == 200
    rules = {f["rule"]: f for f in r.get_json()["findings"]}
    assert set(rules) == {"enskilt-arende", "personuppgifter"}
    assert rules["personuppgifter"]["quote"] == "070-123 45 67"
    assert rules["enskilt-arende"]["section"] == "Enskilt ärende"
    ok = eva.post("/regler/granska", json={"kind": "post", "page": "osthammarskommun",
                                           "text": "Julmarknad på lördag i Öregrund!" + SIGN})
    assert ok.get_json() == {"findings": []}
    unsigned = eva.post("/regler/granska", json={"kind": "post", "page": "osthammarskommun",
                                                 "text": "Julmarknad på lördag i Öregrund!"})
    assert [f["rule"] for f in unsigned.get_json()["findings"]] == ["avsandare"]


def test_live_review_bad_input_is_a_swedish_400(eva):
    r = eva.post("/regler/granska", data="inte json", content_type="text/plain")
    assert r.status_code == 400 and "JSON" in r.get_json()["error"]
    r = eva.post("/regler/granska", json={"kind": "dikt", "text": "x"})
    assert r.status_code == 400 and "Okänd sorts text" in r.get_json()["error"]
    r = eva.post("/regler/granska", json={"kind": "post", "text": None})
    assert r.status_code == 400
    r = eva.post("/regler/granska", json={"kind": "post", "text": "x", "page": "finns-inte"})
    assert r.status_code == 404 and "Sidan finns inte" in r.get_json()["error"]


def test_live_review_needs_the_csrf_token(csrf_client):
    r = csrf_client.post("/regler/granska", json={"kind": "post", "text": "x"})
    assert r.status_code == 400


def test_reply_findings_are_flashed_and_recorded(eva, db):
    q = comment(db, eva, "Mats Öberg")
    text = "Hej Mats! Du får tillbaka 300 kr på fakturan." + SIGN
    r = eva.post(f"{PAGE}/inlagg/{q['post_id']}/kommentarer", data={"text": text, "parent_id": q["id"]},
                 follow_redirects=True)
    assert "Tänk på: texten innehåller ett löfte om pengar tillbaka" in r.get_data(as_text=True)
    reply = db.execute("SELECT id FROM comment WHERE parent_id = ?", (q["id"],)).fetchone()
    found = flagged(db, eva)
    assert {(t, i) for t, i, _ in found} == {("comment", reply["id"])}
    assert [(d["rule"], d["quote"]) for _, _, d in found] == [
        ("enskilt-arende", "Du får tillbaka"), ("enskilt-arende", "300 kr")]
    assert found[0][2]["section"] == "Enskilt ärende" and found[0][2]["message"]


def test_a_signed_ordinary_reply_records_nothing(eva, db):
    q = comment(db, eva, "Mats Öberg")
    eva.post(f"{PAGE}/inlagg/{q['post_id']}/kommentarer",
             data={"text": "Hej Mats! Vi kollar med gatuenheten och återkommer." + SIGN,
                   "parent_id": q["id"]})
    assert flagged(db, eva) == []


def test_the_same_reply_to_two_people_is_flagged_the_second_time(eva, db):
    text = ("Tack för din fråga! Snöröjningen sker enligt vår plan och gång- och cykelvägar "
            "prioriteras först." + SIGN)
    for author in ("Mats Öberg", "Karin Sjöberg"):
        q = comment(db, eva, author)
        eva.post(f"{PAGE}/inlagg/{q['post_id']}/kommentarer",
                 data={"text": f"Hej {author.split()[0]}! " + text, "parent_id": q["id"]})
    assert [d["rule"] for _, _, d in flagged(db, eva)] == ["kopierade-svar"]


def test_post_and_edit_findings_are_recorded(eva, db):
    eva.post(f"{PAGE}/inlagg", data={"text": "https://www.osthammar.example/bygglov", "mode": "now"})
    post = db.execute("SELECT id FROM post WHERE text LIKE '%bygglov%'").fetchone()
    assert {d["rule"] for t, i, d in flagged(db, eva) if (t, i) == ("post", post["id"])} == {
        "avsandare", "lank-med-varfor"}
    eva.post(f"{PAGE}/inlagg/{post['id']}/redigera",
             data={"text": "Nu kan du söka bygglov digitalt – snabbare och utan papper! Läs hur: "
                           "https://www.osthammar.example/bygglov. Hans nummer: 070-123 45 67." + SIGN})
    assert [d["rule"] for _, _, d in flagged(db, eva)][-1] == "personuppgifter"


def _photo(client, **answers):
    return client.post(f"{PAGE}/inlagg", data={"text": "Från förskolans luciatåg", "mode": "now",
                                               "media": (io.BytesIO(png_bytes()), "lucia.png"),
                                               **answers}, content_type="multipart/form-data")


def test_facebook_composer_asks_about_people_in_the_picture(eva, db):
    html = eva.get(f"{PAGE}/").get_data(as_text=True)
    assert "Visar bilden en person?" in html and "Har barnets målsman skrivit under" in html
    r = _photo(eva)
    assert r.status_code == 400 and "Svara på om bilden visar en person" in r.get_data(as_text=True)


def test_facebook_refuses_a_child_without_the_guardians_consent(eva, db):
    r = _photo(eva, shows_person="child", guardian_consent="no")
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and "Inlägget publicerades inte" in html and "målsman" in html
    assert "Från förskolans luciatåg" in html  # the text is kept
    assert db.execute("SELECT count(*) FROM post WHERE text LIKE 'Från förskolans%'").fetchone()[0] == 0
    assert [d["rule"] for _, _, d in flagged(db, eva)] == ["bildsamtycke"]
    assert _photo(eva, shows_person="child", guardian_consent="yes").status_code == 302
    assert db.execute("SELECT count(*) FROM post WHERE text LIKE 'Från förskolans%'").fetchone()[0] == 1


def test_deleting_a_post_without_the_screenshot_is_refused_and_recorded(eva, db):
    post = db.execute("SELECT id FROM post WHERE text LIKE '%Snöröjningen%'").fetchone()
    r = eva.post(f"{PAGE}/inlagg/{post['id']}/ta-bort")
    assert r.status_code == 400 and "skärmdump" in r.get_data(as_text=True)
    assert [(t, i, d["rule"]) for t, i, d in flagged(db, eva)] == [("post", post["id"], "skarmdump")]
    assert "screenshot_saved" in eva.get(f"{PAGE}/inlagg/{post['id']}/ta-bort").get_data(as_text=True)


def test_instagram_caption_findings_are_recorded(client, db):
    ig_login(client)
    html = client.get("/instagram/nytt-inlagg").get_data(as_text=True)
    assert 'data-rules-kind="upload"' in html and 'aria-live="polite"' in html
    client.post("/instagram/nytt-inlagg", data={
        "caption": "Grattis Anna, 19900101-0017!", "shows_person": "none",
        "image": (io.BytesIO(png_bytes()), "bild.png")}, content_type="multipart/form-data")
    assert [(t, d["rule"], d["quote"]) for t, _, d in flagged(db, client)] == [
        ("ig_post", "personuppgifter", "19900101-0017")]


def test_findings_since_the_scenario_start_are_mistakes_in_the_debrief(client, db):
    from .conftest import login
    assert client.post("/ovningar/mandagsmorgon/starta").status_code == 302
    login(client, "eva")
    q = comment(db, client, "Birgitta Lundqvist")
    client.post(f"{PAGE}/inlagg/{q['post_id']}/kommentarer", data={
        "text": "Hej Birgitta! Ring mig privat på 070-123 45 67 så fixar vi det." + SIGN,
        "parent_id": q["id"]})
    html = client.get("/ovningar/genomgang").get_data(as_text=True)
    assert "Texten innehåller ett mobilnummer" in html and "<q>070-123 45 67</q>" in html
    assert "<q>Ring mig privat</q>" in html and "Handboken, ”Enskilt ärende”" in html
    assert "Gör därför inga uttalanden i ett socialt medium" in html


def test_administrator_in_an_invitation_is_recorded(eva, db):
    from .business_helpers import invite, page_id
    r = invite(eva, "per.strom@osthammar.example", access="Administratör",
               roles={page_id(db, eva, "osthammarsbibliotek"): "Administratör"})
    assert r.status_code == 302
    found = [d for t, _, d in flagged(db, eva) if t == "invitation"]
    assert [d["rule"] for d in found] == ["administrator", "administrator"]
    assert "Östhammars bibliotek" in found[1]["message"] and found[1]["quote"] == "Administratör"


def test_statistics_list_the_pages_rules_to_think_of(eva, db):
    html = eva.get("/facebook/osthammarsbibliotek/statistik").get_data(as_text=True)
    assert "Tänk på:" in html and "1 inlägg de senaste sju dagarna: minst två inlägg per vecka" in html
    assert "kan publicera. Alla konton ska ha minst två" not in html  # Johan and Eva publish
    html = eva.get(f"{PAGE}/statistik").get_data(as_text=True)
    assert "Östhammars kommun har 1 person som kan publicera. Alla konton ska ha minst två" in html
    assert "minst två inlägg per vecka" not in html


def test_instagram_profile_states_its_rules_and_is_active(client, db):
    ig_login(client)
    html = client.get("/instagram/profil").get_data(as_text=True)
    assert "Regler: personangrepp, hets, reklam" in html and "Tänk på:" not in html
    ws = workspace_id(client)
    db.execute("UPDATE ig_account SET bio = 'Officiellt konto.' WHERE workspace_id = ?", (ws,))
    db.execute("UPDATE ig_post SET created_at = '2024-01-01T10:00:00+00:00' WHERE workspace_id = ?", (ws,))
    db.commit()
    html = client.get("/instagram/profil").get_data(as_text=True)
    assert "Tänk på:" in html and "det framgår inte vilka regler" in html.lower()
    assert "inaktivt i över ett år" in html and "äldre än 18 månader" in html


def test_a_role_change_records_too_few_editors_only_where_it_caused_it(eva, db):
    from .business_helpers import PEOPLE, page_id, persona_id
    johan, bibliotek = persona_id(db, eva, "johan"), page_id(db, eva, "osthammarsbibliotek")
    # Johan loses Redaktör on the library: Eva alone publishes there now. Östhammars kommun had
    # one publisher before and is not touched: no finding about it.
    r = eva.post(f"{PEOPLE}/{johan}/behorighet",
                 data={"access": "Medarbetare", f"role-{bibliotek}": "Moderator"})
    assert r.status_code == 302
    pages = [(t, i, d["rule"]) for t, i, d in flagged(db, eva) if t == "page"]
    assert pages == [("page", bibliotek, "tva-redaktorer")]
