"""Changing a person's roles, removing a person, withdrawing an invitation – and the rules."""

import json

from .business_helpers import BIZ, PEOPLE, count, invite, page_id, persona_id
from .conftest import login

PER = "per.strom@osthammar.example"


def _roles_form(db, client, roles: dict[str, str], access="Medarbetare", tasks=None):
    data = {"access": access}
    for slug in ("osthammarskommun", "osthammarsbibliotek", "fritidosthammar", "besokosthammar"):
        data[f"role-{page_id(db, client, slug)}"] = roles.get(slug, "")
    for slug, ts in (tasks or {}).items():
        data[f"tasks-{page_id(db, client, slug)}"] = ts
    return data


def _role(db, persona, page):
    row = db.execute("SELECT role, tasks FROM page_role WHERE persona_id = ? AND page_id = ?",
                     (persona, page)).fetchone()
    return (row["role"], json.loads(row["tasks"])) if row else None


def test_change_a_role(eva, db):
    sara, kommun = persona_id(db, eva, "sara"), page_id(db, eva, "osthammarskommun")
    response = eva.post(f"{PEOPLE}/{sara}/behorighet",
                        data=_roles_form(db, eva, {"osthammarskommun": "Redaktör"}))
    assert response.status_code == 302 and response.location.endswith(f"{PEOPLE}/{sara}")
    assert _role(db, sara, kommun) == ("Redaktör", [])
    entry = db.execute("SELECT * FROM action WHERE verb = 'member.role_changed'").fetchone()
    detail = json.loads(entry["detail"])
    assert entry["object_id"] == sara
    assert detail["pages"] == [{"page_id": kommun, "before": "Moderator", "after": "Redaktör",
                                "tasks": []}]
    # two publishers now: the flag on Östhammars kommun is gone
    assert "minst två utsedda redaktörer" not in eva.get(f"{BIZ}/").get_data(as_text=True)


def test_give_a_new_page_and_custom_tasks(eva, db):
    sara, lib = persona_id(db, eva, "sara"), page_id(db, eva, "osthammarsbibliotek")
    form = _roles_form(db, eva, {"osthammarskommun": "Moderator", "osthammarsbibliotek": "Anpassad"},
                       tasks={"osthammarsbibliotek": ["statistik"]})
    assert eva.post(f"{PEOPLE}/{sara}/behorighet", data=form).status_code == 302
    assert _role(db, sara, lib) == ("Anpassad", ["statistik"])


def test_take_away_a_page(eva, db):
    johan, lib = persona_id(db, eva, "johan"), page_id(db, eva, "osthammarsbibliotek")
    eva.post(f"{PEOPLE}/{johan}/behorighet", data=_roles_form(db, eva, {}))
    assert _role(db, johan, lib) is None
    # the library now has one publisher: the change is flagged
    html = eva.get(f"{PEOPLE}/{johan}").get_data(as_text=True)
    assert "Östhammars bibliotek har nu 1 person som kan publicera" in html


def test_nothing_changed_is_said(eva, db):
    sara = persona_id(db, eva, "sara")
    eva.post(f"{PEOPLE}/{sara}/behorighet",
             data=_roles_form(db, eva, {"osthammarskommun": "Moderator"}))
    assert count(db, "action", "verb = 'member.role_changed'") == 0


def test_bad_change_input_saves_nothing(eva, db):
    sara, kommun = persona_id(db, eva, "sara"), page_id(db, eva, "osthammarskommun")
    for form, message in [
        (_roles_form(db, eva, {"osthammarskommun": "Kung"}), "Välj vilken roll"),
        (_roles_form(db, eva, {"osthammarskommun": "Anpassad"}), "Kryssa i minst en uppgift"),
        (_roles_form(db, eva, {"osthammarskommun": "Redaktör"}, access="Kung"), "Välj Medarbetare"),
    ]:
        response = eva.post(f"{PEOPLE}/{sara}/behorighet", data=form)
        assert response.status_code == 400
        assert message in response.get_data(as_text=True)
        assert _role(db, sara, kommun) == ("Moderator", [])


def test_a_page_keeps_an_administrator(eva, db):
    me, kommun = persona_id(db, eva, "eva"), page_id(db, eva, "osthammarskommun")
    form = _roles_form(db, eva, {"osthammarskommun": "Redaktör", "osthammarsbibliotek": "Administratör",
                                 "fritidosthammar": "Administratör", "besokosthammar": "Administratör"},
                       access="Administratör")
    response = eva.post(f"{PEOPLE}/{me}/behorighet", data=form)
    assert response.status_code == 400
    assert "Östhammars kommun måste ha minst en administratör" in response.get_data(as_text=True)
    assert _role(db, me, kommun) == ("Administratör", [])


def test_the_business_keeps_an_administrator(eva, db):
    me = persona_id(db, eva, "eva")
    form = _roles_form(db, eva, {s: "Administratör" for s in ("osthammarskommun", "osthammarsbibliotek",
                                                              "fritidosthammar", "besokosthammar")})
    response = eva.post(f"{PEOPLE}/{me}/behorighet", data=form)
    assert response.status_code == 400
    assert "måste ha minst en administratör i Business Manager" in response.get_data(as_text=True)


def test_remove_a_person(eva, db):
    sara, kommun = persona_id(db, eva, "sara"), page_id(db, eva, "osthammarskommun")
    response = eva.post(f"{PEOPLE}/{sara}/ta-bort")
    assert response.status_code == 302
    assert count(db, "business_member", "persona_id = ?", (sara,)) == 0
    assert _role(db, sara, kommun) is None
    entry = db.execute("SELECT * FROM action WHERE verb = 'member.removed'").fetchone()
    assert entry["object_id"] == sara
    assert json.loads(entry["detail"])["pages"] == [{"page_id": kommun, "role": "Moderator"}]
    # and Facebook refuses her now
    login(eva, "sara")
    assert eva.post("/facebook/osthammarskommun/kommentarer/1/dolj").status_code == 403


def test_cannot_remove_oneself(eva, db):
    me = persona_id(db, eva, "eva")
    response = eva.post(f"{PEOPLE}/{me}/ta-bort")
    assert response.status_code == 400
    assert "inte ta bort dig själv" in response.get_data(as_text=True)
    assert count(db, "business_member", "persona_id = ?", (me,)) == 2  # both businesses


def test_withdraw_an_invitation(eva, db):
    kommun = page_id(db, eva, "osthammarskommun")
    invite(eva, PER, {kommun: "Redaktör"})
    inv = db.execute("SELECT id FROM invitation").fetchone()[0]
    response = eva.post(f"{BIZ}/installningar/inbjudningar/{inv}/dra-tillbaka")
    assert response.status_code == 302
    assert db.execute("SELECT status FROM invitation").fetchone()[0] == "withdrawn"
    assert count(db, "action", "verb = 'invitation.withdrawn' AND object_id = ?", (inv,)) == 1
    assert "Väntande inbjudningar" not in eva.get(PEOPLE).get_data(as_text=True)
    again = eva.post(f"{BIZ}/installningar/inbjudningar/{inv}/dra-tillbaka")
    assert again.status_code == 409
    # a new invitation may be sent after withdrawing
    assert invite(eva, PER, {kommun: "Moderator"}).status_code == 302


def test_employees_cannot_change_remove_or_withdraw(client, db):
    login(client, "eva")
    kommun = page_id(db, client, "osthammarskommun")
    invite(client, PER, {kommun: "Redaktör"})
    inv = db.execute("SELECT id FROM invitation").fetchone()[0]
    login(client, "sara")
    johan = persona_id(db, client, "johan")
    assert client.post(f"{PEOPLE}/{johan}/behorighet", data=_roles_form(db, client, {})).status_code == 403
    assert client.post(f"{PEOPLE}/{johan}/ta-bort").status_code == 403
    assert client.post(f"{BIZ}/installningar/inbjudningar/{inv}/dra-tillbaka").status_code == 403
    assert count(db, "business_member", "persona_id = ?", (johan,)) == 1
    assert db.execute("SELECT status FROM invitation").fetchone()[0] == "pending"


def test_ids_from_another_workspace_are_404(app, client, db):
    login(client, "eva")
    kommun = page_id(db, client, "osthammarskommun")
    invite(client, PER, {kommun: "Redaktör"})
    inv = db.execute("SELECT id FROM invitation").fetchone()[0]
    sara = persona_id(db, client, "sara")
    other = app.test_client()
    other.get("/")
    login(other, "eva")
    assert other.get(f"{BIZ}/installningar/inbjudningar/{inv}").status_code == 404
    assert other.post(f"{BIZ}/installningar/inbjudningar/{inv}/dra-tillbaka").status_code == 404
    assert other.get(f"{PEOPLE}/{sara}").status_code == 404
    assert other.post(f"{PEOPLE}/{sara}/ta-bort").status_code == 404
    assert other.post(f"{PEOPLE}/{sara}/behorighet", data={"access": "Medarbetare"}).status_code == 404
    # and a Page of the first workspace cannot be given in the second
    response = invite(other, PER, {kommun: "Redaktör"})
    assert response.status_code == 400
    assert db.execute("SELECT status FROM invitation WHERE id = ?", (inv,)).fetchone()[0] == "pending"
    assert count(db, "business_member", "persona_id = ?", (sara,)) == 1
    assert count(db, "invitation") == 1
