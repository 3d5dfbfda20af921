"""The invite wizard: + Lägg till → e-mail and access → Nästa → a role on each Page → Bjud in.
Every bad input is a Swedish message and a 4xx, and nothing is half-saved."""

import json
import re

import pytest

from .business_helpers import PEOPLE, count, invite, page_id
from .conftest import login, workspace_id

PER = "per.strom@osthammar.example"


def _saved(db):
    return (count(db, "invitation"), count(db, "invitation_page"), count(db, "mail"),
            count(db, "action", "verb = 'invitation.sent'"))


def test_step_one_leads_to_step_two_with_the_pages(eva):
    response = eva.post(f"{PEOPLE}/lagg-till", data={"email": PER, "access": "Medarbetare"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Steg 2 av 2" in html and "data-open-on-load" in html
    for name in ("Östhammars kommun", "Östhammars bibliotek", "Fritid Östhammar", "Besök Östhammar"):
        assert f"Roll på {name}" in html
    assert ">Bjud in</button>" in html
    assert f'name="email" value="{PER}"' in html


def test_step_two_warns_about_administrator_access(eva):
    html = eva.post(f"{PEOPLE}/lagg-till", data={"email": PER, "access": "Administratör"}) \
        .get_data(as_text=True)
    assert "Vi ska vara restriktiva med att sätta den högsta behörighetsnivån administratör" in html


def test_step_two_flags_the_page_with_too_few_publishers(eva):
    html = eva.post(f"{PEOPLE}/lagg-till", data={"email": PER, "access": "Medarbetare"}) \
        .get_data(as_text=True)
    assert "alla konton ska ha minst två utsedda redaktörer" in html


@pytest.mark.parametrize("email, message", [
    ("", "Skriv medarbetarens e-postadress."),
    ("per.strom", "Det ser inte ut som en e-postadress"),
    ("per@@osthammar.example", "Det ser inte ut som en e-postadress"),
    ("per.strom@gmail.com", "bara bjuda in adresser som slutar på @osthammar.example"),
    ("per.strom@osthammar.example.com", "bara bjuda in adresser som slutar på @osthammar.example"),
    (f"{PER}, eva@osthammar.example", "en e-postadress i taget"),
    ("sara.ek@osthammar.example", "Sara Ek är redan med i Östhammars kommun"),
    ("SARA.EK@osthammar.example", "Sara Ek är redan med i Östhammars kommun"),
])
def test_bad_email_in_step_one(eva, db, email, message):
    before = _saved(db)
    response = eva.post(f"{PEOPLE}/lagg-till", data={"email": email, "access": "Medarbetare"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html and "Steg 1 av 2" in html
    assert _saved(db) == before


def test_no_access_chosen(eva, db):
    response = eva.post(f"{PEOPLE}/lagg-till", data={"email": PER, "access": "Kung"})
    assert response.status_code == 400
    assert "Välj vilken behörighet" in response.get_data(as_text=True)


def test_bjud_in_creates_the_invitation_whole(eva, db):
    kommun, fritid = page_id(db, eva, "osthammarskommun"), page_id(db, eva, "fritidosthammar")
    response = invite(eva, PER, {kommun: "Redaktör", fritid: "Anpassad"},
                      tasks={fritid: ["moderera", "statistik", "nonsense"]})
    assert response.status_code == 302
    inv = db.execute("SELECT * FROM invitation WHERE email = ?", (PER,)).fetchone()
    assert inv["status"] == "pending" and inv["access"] == "Medarbetare"
    assert inv["workspace_id"] == workspace_id(eva)
    assert response.location.endswith(f"/installningar/inbjudningar/{inv['id']}")
    pages = {r["page_id"]: (r["role"], json.loads(r["tasks"])) for r in db.execute(
        "SELECT * FROM invitation_page WHERE invitation_id = ?", (inv["id"],))}
    assert pages == {kommun: ("Redaktör", []), fritid: ("Anpassad", ["moderera", "statistik"])}
    mail = db.execute("SELECT * FROM mail WHERE to_addr = ?", (PER,)).fetchone()
    assert mail["link"] == f"/business/inbjudan/{inv['token']}"
    assert "Östhammars kommun: Redaktör" in mail["body"]
    entry = db.execute("SELECT * FROM action WHERE verb = 'invitation.sent'").fetchone()
    detail = json.loads(entry["detail"])
    assert entry["object_id"] == inv["id"] and entry["actor"] == "eva"
    assert {(p["page_id"], p["role"]) for p in detail["pages"]} == {(kommun, "Redaktör"),
                                                                    (fritid, "Anpassad")}
    html = eva.get(response.location).get_data(as_text=True)
    assert "Inbjudan väntar på svar" in html and PER in html


def test_a_second_invitation_to_the_same_address_is_refused(eva, db):
    kommun = page_id(db, eva, "osthammarskommun")
    assert invite(eva, PER, {kommun: "Redaktör"}).status_code == 302
    before = _saved(db)
    response = invite(eva, PER, {kommun: "Moderator"})
    assert response.status_code == 400
    assert "redan en inbjudan" in response.get_data(as_text=True)
    assert _saved(db) == before


@pytest.mark.parametrize("case, message", [
    ("no_page", "Välj minst en sida"),
    ("no_role", "Välj vilken roll personen ska ha på Östhammars kommun"),
    ("bad_role", "Välj vilken roll personen ska ha på Östhammars kommun"),
    ("custom_without_tasks", "Kryssa i minst en uppgift för Anpassad på Östhammars kommun"),
    ("foreign_page", "Den sidan tillhör inte företaget"),
    ("junk_page", "Den sidan tillhör inte företaget"),
])
def test_bad_pages_and_roles_in_step_two(eva, db, case, message):
    kommun = page_id(db, eva, "osthammarskommun")
    data = {"email": PER, "access": "Medarbetare", "action": "send", "page": [str(kommun)],
            f"role-{kommun}": "Redaktör"}
    if case == "no_page":
        data["page"] = []
    elif case == "no_role":
        data[f"role-{kommun}"] = ""
    elif case == "bad_role":
        data[f"role-{kommun}"] = "Superadmin"
    elif case == "custom_without_tasks":
        data[f"role-{kommun}"] = "Anpassad"
    elif case == "foreign_page":
        other = db.execute("SELECT id FROM page WHERE workspace_id != ? LIMIT 1",
                           (workspace_id(eva),)).fetchone()
        data["page"].append(str(other[0] if other else 999999))
    else:
        data["page"].append("drop table")
    before = _saved(db)
    response = eva.post(f"{PEOPLE}/bjud-in", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in html and "Steg 2 av 2" in html
    assert _saved(db) == before


def test_bjud_in_checks_step_one_again(eva, db):
    kommun = page_id(db, eva, "osthammarskommun")
    before = _saved(db)
    response = invite(eva, "someone@example.com", {kommun: "Redaktör"})
    assert response.status_code == 400
    assert "bara bjuda in adresser" in response.get_data(as_text=True)
    assert _saved(db) == before


def test_back_returns_to_step_one_with_the_values(eva, db):
    response = eva.post(f"{PEOPLE}/bjud-in", data={"email": PER, "access": "Administratör",
                                                  "action": "back"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Steg 1 av 2" in html
    assert f'value="{PER}"' in html
    assert re.search(r'value="Administratör" data-role-select[^>]* checked', html)


def test_an_employee_cannot_invite(client, db):
    login(client, "sara")
    kommun = page_id(db, client, "osthammarskommun")
    assert client.post(f"{PEOPLE}/lagg-till", data={"email": PER, "access": "Medarbetare"}) \
        .status_code == 403
    response = invite(client, PER, {kommun: "Administratör"})
    assert response.status_code == 403
    assert "Bara administratörer" in response.get_data(as_text=True)
    assert count(db, "invitation") == 0


def test_a_non_member_cannot_invite(client, db):
    login(client, "per")
    kommun = page_id(db, client, "osthammarskommun")
    assert invite(client, "johan.berg@osthammar.example", {kommun: "Redaktör"}).status_code == 403


def test_not_logged_in_cannot_invite(client, db):
    kommun = page_id(db, client, "osthammarskommun")
    response = invite(client, PER, {kommun: "Redaktör"})
    assert response.status_code == 302 and "logga-in" in response.location
    assert count(db, "invitation") == 0


def test_the_wizard_needs_the_csrf_token(csrf_client):
    response = csrf_client.post(f"{PEOPLE}/bjud-in", data={"email": PER, "access": "Medarbetare"})
    assert response.status_code == 400
    assert "säkerhetskoden saknades" in response.get_data(as_text=True)


def test_a_business_without_pages_invites_to_the_business_only(client, db):
    login(client, "ali")  # Administratör of Roslagens turistsamverkan, which has no Pages
    base = "/business/roslagsturism/installningar/personer"
    html = client.post(f"{base}/lagg-till", data={"email": PER, "access": "Medarbetare"}) \
        .get_data(as_text=True)
    assert "har inga sidor ännu" in html
    response = client.post(f"{base}/bjud-in", data={"email": PER, "access": "Medarbetare",
                                                   "action": "send"})
    assert response.status_code == 302
    assert count(db, "invitation") == 1 and count(db, "invitation_page") == 0
