"""Running a scenario through the sandbox's own routes: start state, task states, hints,
the coach panel, mistakes and the debrief."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from mockplatform import clock

from .conftest import login, workspace_id

PAGE = "/facebook/osthammarskommun"


def start(client, scenario_id):
    r = client.post(f"/ovningar/{scenario_id}/starta")
    assert r.status_code == 302, r.data[:300]
    return r


def status(client):
    return client.get("/ovningar/status.json").get_json()


def post_id(db, ws, text):
    return db.execute("SELECT id FROM post WHERE workspace_id = ? AND text LIKE ? AND deleted_at IS NULL",
                      (ws, f"%{text}%")).fetchone()[0]


def comment_id(db, ws, text):
    return db.execute("SELECT id, post_id FROM comment WHERE workspace_id = ? AND text LIKE ?",
                      (ws, f"%{text}%")).fetchone()


def test_ovningar_lists_every_scenario_and_marks_those_not_yet_possible(client):
    html = client.get("/ovningar/").get_data(as_text=True)
    for title in ("Ditt första inlägg", "Schemalägg inför julmarknaden", "Rätta ett stavfel",
                  "Bjud in en ny redaktör", "Lägg till bibliotekets Instagramkonto", "Måndagsmorgon",
                  "Kris – stormen", "Bilder på barn", "Enskilt ärende", "Nytt konto för Kulturskolan",
                  "Städa upp", "Upphovsrätt och länkar"):
        assert title in html
    assert html.count("Starta övningen") + html.count("Kommer snart") == 12


def test_start_sets_up_the_scenario_s_world(client, db):
    r = start(client, "ratta-stavfel")
    assert r.location == "/facebook/osthammarskommun/"
    ws = workspace_id(client)
    # Logged in as the scenario's persona, at its sandbox time, with its extra content.
    assert db.execute("SELECT fb_persona_id FROM workspace WHERE id = ?", (ws,)).fetchone()[0]
    now = clock.local(clock.now(db, ws))
    assert now.weekday() == 1 and f"{now:%H:%M}" in ("09:30", "09:31")
    assert post_id(db, ws, "nya öppetider")
    state = status(client)
    assert state["running"] and state["done"] == 0 and state["total"] == 2 and state["current"] == 1


def test_starting_again_starts_over(client, db):
    start(client, "ratta-stavfel")
    ws = workspace_id(client)
    pid = post_id(db, ws, "nya öppetider")
    client.post(f"{PAGE}/inlagg/{pid}/redigera", data={"text": "Nya öppettider"})
    assert status(client)["done"] == 1
    start(client, "ratta-stavfel")
    assert status(client)["done"] == 0
    assert db.execute("SELECT count(*) FROM post WHERE workspace_id = ? AND text LIKE '%öppettider%'",
                      (ws,)).fetchone()[0] == 0


def test_coach_panel_shows_task_hints_handbook_and_tick(client, db):
    # No scenario: the panel renders nothing.
    assert 'id="coach"' not in client.get("/").get_data(as_text=True)
    start(client, "ratta-stavfel")
    ws = workspace_id(client)
    html = client.get(PAGE + "/").get_data(as_text=True)
    assert 'id="coach"' in html and "Uppgift 1 av 2" in html and 'aria-live="polite"' in html
    assert "Handboken:</strong> Så redigerar du ett inlägg" in html
    assert "Tryck på de tre prickarna" not in html  # hints only on request at level "tips"
    assert client.post("/ovningar/tips", data={"next": PAGE + "/"}).status_code == 302
    html = client.get(PAGE + "/").get_data(as_text=True)
    assert "Tryck på de tre prickarna" in html and "Rätta ordet" not in html
    pid = post_id(db, ws, "nya öppetider")
    r = client.post(f"{PAGE}/inlagg/{pid}/redigera", data={"text": "Gimo bibliotek har nya öppettider"},
                    follow_redirects=True)
    html = r.get_data(as_text=True)
    assert "Uppgift 2 av 2" in html and 'aria-label="Klar">✔' in html
    assert "Klart: uppgift 1." in html  # announced through the aria-live region


def test_guided_level_shows_the_first_hint_at_once(client):
    start(client, "forsta-inlagget")
    html = client.get("/facebook/logga-in").get_data(as_text=True)
    assert "Gå till Facebook från Sandlådans startsida." in html


def test_hints_are_counted_and_capped(client, db):
    start(client, "ratta-stavfel")
    for _ in range(5):
        client.post("/ovningar/tips", data={"next": "/"})
    used = db.execute("SELECT hints_used FROM training_task WHERE workspace_id = ? AND task_index = 0",
                      (workspace_id(client),)).fetchone()[0]
    assert used == 2  # the task has two hints


def test_unavailable_and_unknown_scenarios_are_refused(app, client, tmp_path):
    """A scenario whose platform this app lacks (here: an endpoint that does not exist) is
    refused with a message; an unknown id is a 404."""
    folder = tmp_path / "scenarios"
    folder.mkdir()
    source = Path(app.root_path).parent / "scenarios" / "04-bjud-in-redaktor.yaml"
    text = source.read_text(encoding="utf-8").replace("requires: [business.index]",
                                                      "requires: [saknas.index]")
    assert "saknas.index" in text
    (folder / "04-bjud-in-redaktor.yaml").write_text(text, encoding="utf-8")
    app.config["SCENARIOS_DIR"] = str(folder)
    r = client.post("/ovningar/bjud-in-redaktor/starta")
    assert r.status_code == 409
    assert "går inte att göra än" in r.get_data(as_text=True)
    assert client.post("/ovningar/finns-inte/starta").status_code == 404


def test_a_full_run_and_its_debrief_with_mistakes(client, db):
    start(client, "mandagsmorgon")
    ws = workspace_id(client)
    birgitta = comment_id(db, ws, "Sophämtningen i Alunda")
    gunnar = comment_id(db, ws, "vattnet i Gimo")
    karin = comment_id(db, ws, "Tack för att ni plogar")
    spam = comment_id(db, ws, "KÖP SOLGLASÖGON")
    # An unsigned answer first (a mistake), then a signed one.
    client.post(f"{PAGE}/inlagg/{birgitta['post_id']}/kommentarer",
                data={"text": "Vi kollar!", "parent_id": birgitta["id"]})
    client.post(f"{PAGE}/inlagg/{birgitta['post_id']}/kommentarer",
                data={"text": "Vi kollar och återkommer. Eva, kommunikatör", "parent_id": birgitta["id"]})
    client.post(f"{PAGE}/kommentarer/{gunnar['id']}/dolj")
    client.post(f"{PAGE}/kommentarer/{spam['id']}/ta-bort", data={"screenshot_saved": "ja"})
    client.post(f"{PAGE}/kommentarer/{karin['id']}/ta-bort", data={"screenshot_saved": "ja"})  # a mistake
    assert status(client)["done"] == 3
    day = (clock.local(clock.now(db, ws)).date() + timedelta(days=1)).isoformat()  # Tuesday
    client.post(f"{PAGE}/inlagg", data={"text": "Sophämtningen tas igen. /Eva Lind, kommunikatör",
                                         "mode": "schedule", "date": day, "time": "07:00"})
    state = status(client)
    assert not state["finished"] and state["done"] == 4
    assert not state["tasks"][4]["open"]  # Kalle's question has not come yet
    client.post("/sandladan/tid", data={"action": "advance", "duration": "30m"})
    state = status(client)
    assert state["tasks"][4]["open"] and "Kalle" in state["tasks"][4]["why"]
    kalle = comment_id(db, ws, "Tallvägen i Alunda")
    client.post(f"{PAGE}/inlagg/{kalle['post_id']}/kommentarer",
                data={"text": "Hej Kalle! Vi kollar. /Eva Lind, kommunikatör", "parent_id": kalle["id"]})
    state = status(client)
    assert state["finished"] and state["done"] == 5
    html = client.get("/ovningar/genomgang").get_data(as_text=True)
    assert "Genomgång: Måndagsmorgon" in html and "5 av 5" in html
    assert "Ett svar utan avsändare." in html and "De inlägg vi skriver ska ha en avsändare" in html
    assert "Du tog bort en kommentar som var tillåten" in html
    assert "Att vi väljer att dölja en kommentar" in html
    assert re.search(r"Misstag<strong>2</strong>", html)


def test_too_many_posts_in_a_day_and_a_deleted_post_are_mistakes(client, db):
    start(client, "forsta-inlagget")
    login(client, "eva")
    for i in range(3):
        client.post(f"{PAGE}/inlagg", data={"text": f"Inlägg {i}", "mode": "now"})
    ws = workspace_id(client)
    client.post(f"{PAGE}/inlagg/{post_id(db, ws, 'Inlägg 0')}/ta-bort", data={"screenshot_saved": "ja"})
    html = client.get("/ovningar/genomgang").get_data(as_text=True)
    assert "Övningen pågår fortfarande" in html
    assert "Du tog bort ett publicerat inlägg" in html and "Bild och länk går inte att ändra" in html
    client.post(f"{PAGE}/inlagg", data={"text": "Inlägg 3", "mode": "now"})
    html = client.get("/ovningar/genomgang").get_data(as_text=True)
    assert "3 inlägg samma dag på Östhammars kommun." in html and "Max 1-2 inlägg per dag" in html


def test_late_answer_is_a_mistake(client, db):
    start(client, "mandagsmorgon")
    ws = workspace_id(client)
    client.post("/sandladan/tid", data={"action": "advance", "duration": "3h"})
    birgitta = comment_id(db, ws, "Sophämtningen i Alunda")
    client.post(f"{PAGE}/inlagg/{birgitta['post_id']}/kommentarer",
                data={"text": "Vi återkommer. Eva, kommunikatör", "parent_id": birgitta["id"]})
    assert status(client)["done"] == 0  # outside the two hours
    html = client.get("/ovningar/genomgang").get_data(as_text=True)
    assert "Svaret kom senare än 2 timmar" in html and "inom ett dygn under kontorstid" in html


def test_stop_ends_the_scenario_and_the_panel_goes(client):
    start(client, "forsta-inlagget")
    client.post("/ovningar/avsluta")
    assert status(client) == {"running": False}
    assert 'id="coach"' not in client.get("/").get_data(as_text=True)
    assert client.get("/ovningar/panel").status_code == 204
    assert client.get("/ovningar/genomgang").status_code == 302


def test_panel_fragment_for_the_poll(client):
    start(client, "forsta-inlagget")
    html = client.get("/ovningar/panel?sida=/facebook/").get_data(as_text=True)
    assert "Uppgift 1 av 2" in html and 'name="next" value="/facebook/"' in html


def test_inviting_with_a_higher_role_than_asked_is_a_mistake(client, db):
    start(client, "bjud-in-redaktor")
    ws = workspace_id(client)
    library = db.execute("SELECT id FROM page WHERE workspace_id = ? AND slug = 'osthammarsbibliotek'",
                         (ws,)).fetchone()[0]
    r = client.post("/business/osthammarskommun/installningar/personer/bjud-in",
                    data={"email": "per.strom@osthammar.example", "access": "Medarbetare",
                          "page": str(library), f"role-{library}": "Administratör", "action": "send"})
    assert r.status_code == 302, r.get_data(as_text=True)[:300]
    state = status(client)
    assert state["done"] == 0  # Administratör is not what the task asked for
    html = client.get("/ovningar/genomgang").get_data(as_text=True)
    assert ("Du bjöd in per.strom@osthammar.example som Administratör på Östhammars bibliotek, men "
            "uppgiften bad om Redaktör.") in html
    assert "Vi ska vara restriktiva med att sätta den högsta behörighetsnivån administratör." in html
