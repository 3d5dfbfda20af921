"""The sandbox core: workspaces, reset, sandbox time, mailbox, log, CSRF, error pages."""

import pytest

from mockplatform import clock, mail, world
from mockplatform.workspaces import COOKIE

from .conftest import login, workspace_id

PAGE = "/facebook/osthammarskommun"


def test_start_page_names_platforms_warns_and_lists_accounts(client):
    html = client.get("/").get_data(as_text=True)
    for word in ("Facebook", "Business Manager", "Instagram", "Övningskonton",
                 "Skriv aldrig in ett riktigt lösenord", "eva.lind@osthammar.example", "ovning-eva"):
        assert word in html


def test_login_page_lists_practice_accounts(client):
    html = client.get("/facebook/logga-in").get_data(as_text=True)
    assert "<h2 id=\"practice-accounts-h\">Övningskonton</h2>" in html
    assert "per.strom@osthammar.example" in html


def test_passwords_are_stored_hashed(client, db):
    rows = db.execute("SELECT password_hash FROM persona").fetchall()
    assert rows and all(not r[0].startswith("ovning") and ":" in r[0] for r in rows)


def test_wrong_password_is_a_swedish_400(client):
    r = client.post("/facebook/logga-in", data={"email": "eva.lind@osthammar.example",
                                                 "password": "fel"})
    assert r.status_code == 400 and "Fel e-postadress eller lösenord" in r.get_data(as_text=True)
    assert "eva.lind@osthammar.example" in r.get_data(as_text=True)  # what was typed is kept


def test_two_browsers_have_separate_worlds(app, db):
    a, b = app.test_client(), app.test_client()
    a.get("/"), b.get("/")
    assert workspace_id(a) != workspace_id(b)
    login(a), login(b)
    a.post(f"{PAGE}/inlagg", data={"text": "Bara i A", "mode": "now"})
    assert "Bara i A" in a.get(f"{PAGE}/").get_data(as_text=True)
    assert "Bara i A" not in b.get(f"{PAGE}/").get_data(as_text=True)


def test_forged_workspace_id_gets_a_fresh_world_on_get(client, db):
    client.set_cookie(COOKIE, "x" * 30)
    r = client.get("/", follow_redirects=True)
    assert r.status_code == 200
    assert workspace_id(client) != "x" * 30
    assert "fanns inte längre" in r.get_data(as_text=True)


def test_forged_workspace_id_cannot_post(client, db):
    client.set_cookie(COOKIE, "not-a-real-workspace-id-123")
    r = client.post(f"{PAGE}/inlagg", data={"text": "Smygpost", "mode": "now"})
    assert r.status_code == 400 and "övningsmiljö hittades inte" in r.get_data(as_text=True)
    assert db.execute("SELECT count(*) FROM post WHERE text = 'Smygpost'").fetchone()[0] == 0


def test_another_workspaces_id_cannot_reach_its_content(app, db):
    a, b = app.test_client(), app.test_client()
    a.get("/"), b.get("/")
    login(a), login(b)
    a.post(f"{PAGE}/inlagg", data={"text": "A:s inlägg", "mode": "now"})
    post_id = db.execute("SELECT id FROM post WHERE text = 'A:s inlägg'").fetchone()[0]
    assert b.get(f"{PAGE}/inlagg/{post_id}/redigera").status_code == 404
    assert b.post(f"{PAGE}/inlagg/{post_id}/redigera", data={"text": "kapat"}).status_code == 404
    assert db.execute("SELECT text FROM post WHERE id = ?", (post_id,)).fetchone()[0] == "A:s inlägg"


def test_missing_csrf_token_is_400_and_text_kept(csrf_client):
    login_page = csrf_client.get("/facebook/logga-in").get_data(as_text=True)
    token = login_page.split('name="csrf_token" value="')[1].split('"')[0]
    csrf_client.post("/facebook/logga-in", data={"email": "eva.lind@osthammar.example",
                                                   "password": "ovning-eva", "csrf_token": token})
    r = csrf_client.post(f"{PAGE}/inlagg", data={"text": "Viktig text", "mode": "now"})
    html = r.get_data(as_text=True)
    assert r.status_code == 400
    assert "säkerhetskoden saknades" in html and "Viktig text" in html


def test_reset_brings_back_the_seeded_world_and_keeps_the_id(eva, db):
    ws = workspace_id(eva)
    eva.post(f"{PAGE}/inlagg", data={"text": "Försvinner", "mode": "now"})
    eva.post("/sandladan/tid", data={"action": "advance", "duration": "3d"})
    r = eva.post("/sandladan/aterstall", follow_redirects=True)
    assert "Övningsmiljön är återställd" in r.get_data(as_text=True)
    assert workspace_id(eva) == ws
    assert db.execute("SELECT count(*) FROM post WHERE text = 'Försvinner'").fetchone()[0] == 0
    assert db.execute("SELECT fb_persona_id, clock_offset FROM workspace WHERE id = ?",
                      (ws,)).fetchone()[:] == (None, 0)
    assert eva.get(f"{PAGE}/").status_code == 302  # logged out again


def test_sandbox_time_set_and_advance(client, db):
    ws = workspace_id(client)
    r = client.post("/sandladan/tid", data={"action": "set", "date": "2027-05-14", "time": "08:30"})
    assert r.status_code == 302
    assert clock.local(clock.now(db, ws)).strftime("%Y-%m-%d %H:%M") == "2027-05-14 08:30"
    client.post("/sandladan/tid", data={"action": "advance", "duration": "1d 2h"})
    assert clock.local(clock.now(db, ws)).strftime("%Y-%m-%d %H") == "2027-05-15 10"
    html = client.get("/").get_data(as_text=True)
    assert "15 maj 2027" in html


@pytest.mark.parametrize("data,message", [
    ({"action": "advance", "duration": "snart"}, "Förstår inte tiden"),
    ({"action": "set", "date": "2027-13-01", "time": "08:00"}, "Datumet finns inte"),
    ({"action": "set", "date": "2027-01-01", "time": "25:00"}, "Tiden finns inte"),
    ({"action": "set", "date": "31 februari 2027", "time": "08:00"}, "Datumet finns inte"),
])
def test_bad_sandbox_time_is_400(client, data, message):
    r = client.post("/sandladan/tid", data=data)
    assert r.status_code == 400 and message in r.get_data(as_text=True)


@pytest.mark.parametrize("date,time", [("2027-05-14", "08:30"), ("14 maj 2027", "0830"),
                                       ("14 Maj 2027", "8:30"), ("14 maj 2027", "kl. 8.30")])
def test_sandbox_time_reads_iso_and_swedish_order(client, db, date, time):
    """The date picker sends ISO; without JavaScript the field is sent as a Swede typed it."""
    ws = workspace_id(client)
    r = client.post("/sandladan/tid", data={"action": "set", "date": date, "time": time})
    assert r.status_code == 302
    assert clock.local(clock.now(db, ws)).strftime("%Y-%m-%d %H:%M") == "2027-05-14 08:30"


def test_mailbox_shows_and_marks_mail_read(client, db, app):
    ws = workspace_id(client)
    with app.app_context():
        mid = mail.send(db, ws, "per.strom@osthammar.example", "Inbjudan", "Hej Per", "/")
        db.commit()
    html = client.get("/sandladan/inkorg").get_data(as_text=True)
    assert "Inbjudan" in html and 'class="badge">1<' in html
    assert "Hej Per" in client.get(f"/sandladan/inkorg/{mid}").get_data(as_text=True)
    assert db.execute("SELECT read_at FROM mail WHERE id = ?", (mid,)).fetchone()[0]
    assert client.get("/sandladan/inkorg/99999").status_code == 404


def test_action_log_page_lists_what_happened(eva):
    eva.post(f"{PAGE}/inlagg", data={"text": "Loggat", "mode": "now"})
    html = eva.get("/sandladan/logg").get_data(as_text=True)
    assert "Eva Lind publicerade ett inlägg på Östhammars kommun." in html
    assert "Eva Lind loggade in på Facebook." in html


def test_media_of_another_workspace_is_404(client):
    assert client.get("/media/abcdef0123456789abcdef01").status_code == 404


def test_unknown_url_is_a_swedish_404(client):
    r = client.get("/finns/inte")
    assert r.status_code == 404 and "Sidan finns inte" in r.get_data(as_text=True)


def test_health_does_not_create_workspaces(app, db):
    c = app.test_client()
    assert c.get("/halsa").json == {"status": "ok"}
    assert c.get_cookie(COOKIE) is None


def test_world_file_is_validated(tmp_path):
    bad = tmp_path / "world.yaml"
    bad.write_text("organisation: {name: X, email_domain: x.example}\npersonas: []\npages:\n"
                   "  - {slug: a, name: A, roles: {nobody: Redaktör}}\nbusinesses: []\ninstagram: []\n")
    with pytest.raises(world.WorldError, match="okänd person"):
        world.load(str(bad))


def test_wrong_method_is_a_swedish_405(client):
    r = client.put("/facebook/logga-in")
    assert r.status_code == 405 and "Det går inte att göra så här" in r.get_data(as_text=True)


def test_ids_beyond_sqlites_range_are_404_not_500(eva):
    huge = "9" * 30
    assert eva.get(f"/sandladan/inkorg/{huge}").status_code == 404
    assert eva.get(f"{PAGE}/inlagg/{huge}/redigera").status_code == 404
    assert eva.post(f"{PAGE}/kommentarer/{huge}/dolj").status_code == 404


def test_login_redirect_keeps_a_clean_next(client):
    r = client.get("/facebook/osthammarskommun/")
    assert r.location.endswith("next=/facebook/osthammarskommun/")
