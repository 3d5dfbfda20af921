"""Ines: planning a new account by the handbook's questions (mailed to the communications
unit) and closing an inactive Instagram account with a notice to the unit."""

import json

from mockplatform.ines.planning import QUESTIONS

from .conftest import login, workspace_id
from .instagram_helpers import ig_login

UNIT = "kommunikation@osthammar.example"


def plan_form(**changes):
    form = {"unit": "Kulturskolan", "channel": "Instagramkonto", "notify": "ja",
            "editor1": "johan.berg@osthammar.example", "editor2": "lena.nord@osthammar.example"}
    form |= {key: f"Svar om {word.lower()}" for key, word, _q in QUESTIONS}
    return form | changes


def mails(db, client, to=UNIT):
    return db.execute("SELECT * FROM mail WHERE workspace_id = ? AND to_addr = ?",
                      (workspace_id(client), to)).fetchall()


def test_the_planning_form_asks_the_handbooks_questions(eva):
    html = eva.get("/ines/konton/nytt").get_data(as_text=True)
    for word in ("Syfte", "Mål", "Målgrupp", "Kanal", "Resurser", "Bevakning", "Avsändare", "Risker",
                 "Diarieföring, gallring och arkivering", "Kriskommunikation", "Informationskrav", "Meddela"):
        assert word in html, word
    assert "minst två utsedda redaktörer" in html


def test_a_complete_plan_is_mailed_to_the_communications_unit(eva, db):
    r = eva.post("/ines/konton/nytt", data=plan_form(), follow_redirects=True)
    assert "Planeringen är skickad till marknad- och kommunikationsenheten" in r.get_data(as_text=True)
    [sent] = mails(db, eva)
    assert sent["subject"] == "Nytt konto: Instagramkonto för Kulturskolan"
    assert "Syfte – Varför ska det sociala mediet användas?\nSvar om syfte" in sent["body"]
    assert "johan.berg@osthammar.example, lena.nord@osthammar.example" in sent["body"]
    plan = db.execute("SELECT * FROM account_plan").fetchone()
    assert json.loads(plan["editors"]) == ["johan.berg@osthammar.example", "lena.nord@osthammar.example"]
    assert "Instagramkonto för Kulturskolan" in eva.get("/ines/").get_data(as_text=True)


def test_without_telling_the_unit_the_plan_is_refused_with_the_handbooks_words(eva, db):
    form = plan_form()
    del form["notify"]
    r = eva.post("/ines/konton/nytt", data=form)
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and "måste få information om att ni upprättar ett konto" in html
    assert "Svar om syfte" in html  # nothing typed is lost
    assert mails(db, eva) == [] and db.execute("SELECT count(*) FROM account_plan").fetchone()[0] == 0


def test_one_editor_twice_or_a_missing_answer_is_a_swedish_400(eva, db):
    r = eva.post("/ines/konton/nytt", data=plan_form(editor2="johan.berg@osthammar.example", syfte=""))
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and "Redaktör 2 ska vara en annan person" in html
    assert "Besvara frågan om syfte." in html
    r = eva.post("/ines/konton/nytt", data=plan_form(editor1="kalle@gmail.com", channel="Myspace"))
    assert r.status_code == 400 and "@osthammar.example" in r.get_data(as_text=True)
    assert "Välj vilken typ av socialt medium" in r.get_data(as_text=True)
    assert mails(db, eva) == []


def test_ines_lists_active_accounts_and_flags_too_few_editors(eva):
    html = eva.get("/ines/").get_data(as_text=True)
    assert "Lista över aktiva konton" in html and "@fritidosthammar" in html
    assert "minst två redaktörer behövs" in html  # Östhammars kommun: only Eva publishes


def test_closing_an_instagram_account_tells_the_unit_and_ends_logins(client, db):
    login(client, "eva")
    ig_login(client, "fritidosthammar")
    assert "Avsluta kontot" in client.get("/instagram/installningar/konto").get_data(as_text=True)
    r = client.post("/instagram/installningar/avsluta-kontot", data={})
    assert r.status_code == 400 and "måste få information" in r.get_data(as_text=True)
    assert db.execute("SELECT count(*) FROM account_closure").fetchone()[0] == 0
    flagged = db.execute("SELECT detail FROM action WHERE verb = 'rule.flagged'").fetchone()
    assert json.loads(flagged[0])["rule"] == "meddela-enheten"
    r = client.post("/instagram/installningar/avsluta-kontot", data={"notify": "ja"}, follow_redirects=True)
    assert "Kontot @fritidosthammar är avslutat" in r.get_data(as_text=True)
    [sent] = mails(db, client)
    assert sent["subject"] == "Stängt konto: @fritidosthammar"
    again = ig_login(client, "fritidosthammar")
    assert again.status_code == 400 and "Kontot är avslutat" in again.get_data(as_text=True)
    html = client.get("/ines/").get_data(as_text=True)
    assert "Stängda konton" in html and "@fritidosthammar</li>" in html
