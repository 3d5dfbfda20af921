"""Accepting an invitation from the mock inbox: only as the invited persona, only once."""

import json

from .business_helpers import BIZ, accept_link, count, invite, page_id, persona_id
from .conftest import login, workspace_id

PER = "per.strom@osthammar.example"


def _invited(client, db, roles=None, tasks=None, access="Medarbetare"):
    login(client, "eva")
    kommun = page_id(db, client, "osthammarskommun")
    assert invite(client, PER, roles or {kommun: "Moderator"}, access=access,
                  tasks=tasks).status_code == 302
    return accept_link(client, PER)


def test_the_link_names_who_to_log_in_as(client, db):
    link = _invited(client, db)
    client.post("/facebook/logga-ut")
    html = client.get(link).get_data(as_text=True)
    assert "Logga in på Facebook som Per Ström (per.strom@osthammar.example)" in html
    assert f"/facebook/logga-in?next={link}" in html


def test_logged_in_as_someone_else_is_told_and_refused(client, db):
    link = _invited(client, db)
    html = client.get(link).get_data(as_text=True)
    assert "Du är inloggad som Eva Lind, men inbjudan gäller Per Ström" in html
    response = client.post(link)
    assert response.status_code == 403
    assert count(db, "business_member", "persona_id = ?", (persona_id(db, client, "per"),)) == 0
    assert db.execute("SELECT status FROM invitation").fetchone()[0] == "pending"


def test_accepting_makes_the_person_a_member_with_the_roles(client, db):
    kommun, fritid = page_id(db, client, "osthammarskommun"), page_id(db, client, "fritidosthammar")
    link = _invited(client, db, {kommun: "Moderator", fritid: "Anpassad"},
                    tasks={fritid: ["skapa_innehall"]})
    login(client, "per")
    html = client.get(link).get_data(as_text=True)
    assert "Gå med i Östhammars kommun</button>" in html
    response = client.post(link)
    assert response.status_code == 302 and response.location.endswith(f"{BIZ}/")
    per = persona_id(db, client, "per")
    member = db.execute("SELECT access FROM business_member WHERE persona_id = ?", (per,)).fetchone()
    assert member["access"] == "Medarbetare"
    rows = {r["page_id"]: (r["role"], json.loads(r["tasks"])) for r in db.execute(
        "SELECT * FROM page_role WHERE persona_id = ?", (per,))}
    assert rows == {kommun: ("Moderator", []), fritid: ("Anpassad", ["skapa_innehall"])}
    inv = db.execute("SELECT * FROM invitation").fetchone()
    assert inv["status"] == "accepted" and inv["answered_at"]
    entry = db.execute("SELECT * FROM action WHERE verb = 'invitation.accepted'").fetchone()
    assert entry["actor"] == "per" and entry["object_id"] == inv["id"]
    assert {p["role"] for p in json.loads(entry["detail"])["pages"]} == {"Moderator", "Anpassad"}
    # Per now reaches the business from Facebook's arrow menu and sees its start page
    assert f'href="{BIZ}/"' in client.get("/facebook/").get_data(as_text=True)
    assert client.get(f"{BIZ}/").status_code == 200


def test_administrator_access_is_given(client, db):
    link = _invited(client, db, access="Administratör")
    login(client, "per")
    client.post(link)
    per = persona_id(db, client, "per")
    assert db.execute("SELECT access FROM business_member WHERE persona_id = ?",
                      (per,)).fetchone()[0] == "Administratör"


def test_an_invitation_is_accepted_once(client, db):
    link = _invited(client, db)
    login(client, "per")
    assert client.post(link).status_code == 302
    response = client.post(link)
    assert response.status_code == 409
    assert "redan accepterad" in response.get_data(as_text=True)
    assert count(db, "action", "verb = 'invitation.accepted'") == 1


def test_a_withdrawn_invitation_cannot_be_accepted(client, db):
    link = _invited(client, db)
    inv = db.execute("SELECT id FROM invitation").fetchone()[0]
    client.post(f"{BIZ}/installningar/inbjudningar/{inv}/dra-tillbaka")
    login(client, "per")
    assert "har dragits tillbaka" in client.get(link).get_data(as_text=True)
    assert client.post(link).status_code == 409
    assert count(db, "business_member", "persona_id = ?", (persona_id(db, client, "per"),)) == 0


def test_an_unknown_token_is_404(client):
    assert client.get("/business/inbjudan/finns-inte").status_code == 404


def test_a_token_from_another_workspace_is_404(app, client, db):
    link = _invited(client, db)
    other = app.test_client()
    other.get("/")
    assert workspace_id(other) != workspace_id(client)
    login(other, "per")
    assert other.get(link).status_code == 404
    assert other.post(link).status_code == 404
    assert db.execute("SELECT status FROM invitation").fetchone()[0] == "pending"


def test_an_address_without_a_persona_can_be_invited_but_nobody_can_accept(client, db):
    login(client, "eva")
    kommun = page_id(db, client, "osthammarskommun")
    assert invite(client, "ny.person@osthammar.example", {kommun: "Redaktör"}).status_code == 302
    link = accept_link(client, "ny.person@osthammar.example")
    assert "inget Facebookkonto för ny.person@osthammar.example" in client.get(link).get_data(
        as_text=True)
    assert client.post(link).status_code == 403
