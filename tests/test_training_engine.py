"""The issue's observed cases, through the sandbox's own routes: a tick follows the world now
(done, then undone), checks name their object, correct answers in other words count, the
exercise clock only moves forward, and the timeline's entries arrive exactly once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mockplatform import actions, clock
from mockplatform.db import connect
from mockplatform.training import checks, items

from .conftest import workspace_id
from .test_training_progress import PAGE, comment_id, post_id, start, status


def tasks(client):
    return {t["id"]: t for t in status(client)["tasks"]}


def test_a_fixed_typo_edited_back_un_ticks_and_the_coach_says_why(client, db):
    start(client, "ratta-stavfel")
    ws = workspace_id(client)
    pid = post_id(db, ws, "nya öppetider")
    text = db.execute("SELECT text FROM post WHERE id = ?", (pid,)).fetchone()[0]
    client.post(f"{PAGE}/inlagg/{pid}/redigera", data={"text": text.replace("öppetider", "öppettider")})
    assert tasks(client)["redigera"]["done"]
    client.post(f"{PAGE}/inlagg/{pid}/redigera", data={"text": text})
    state = tasks(client)["redigera"]
    assert not state["done"] and "fortfarande ”öppetider”" in state["why"]
    html = client.get("/ovningar/genomgang").get_data(as_text=True)
    assert "Inte klar: Inlägget innehåller fortfarande" in html and "0 av 2" in html
    assert "inte klar längre" in client.get(PAGE + "/").get_data(as_text=True)  # said aloud (aria-live)


def test_correcting_the_word_in_another_post_does_not_tick(client, db):
    start(client, "ratta-stavfel")
    ws = workspace_id(client)
    client.post("/facebook/besokosthammar/inlagg", data={"text": "Nya öppetider i gästhamnen", "mode": "now"})
    other = post_id(db, ws, "öppetider i gästhamnen")
    client.post(f"/facebook/besokosthammar/inlagg/{other}/redigera",
                data={"text": "Nya öppettider i gästhamnen"})
    assert not tasks(client)["redigera"]["done"]


def test_hidden_then_shown_again_un_ticks(client, db):
    start(client, "mandagsmorgon")
    gunnar = comment_id(db, workspace_id(client), "vattnet i Gimo")
    client.post(f"{PAGE}/kommentarer/{gunnar['id']}/dolj")
    assert tasks(client)["dolj"]["done"]
    client.post(f"{PAGE}/kommentarer/{gunnar['id']}/visa")
    assert not tasks(client)["dolj"]["done"]
    assert "syns fortfarande" in tasks(client)["dolj"]["why"]


def test_a_scheduled_post_moved_to_the_wrong_day_un_ticks(client, db):
    start(client, "mandagsmorgon")
    ws = workspace_id(client)
    tuesday = (clock.local(clock.now(db, ws)).date() + timedelta(days=1)).isoformat()
    wednesday = (clock.local(clock.now(db, ws)).date() + timedelta(days=2)).isoformat()
    client.post(f"{PAGE}/inlagg", data={"text": "Soptömningen i Alunda tas igen. /Eva Lind, kommunikatör",
                                         "mode": "schedule", "date": tuesday, "time": "07:00"})
    assert tasks(client)["schemalagg"]["done"]  # "Soptömningen" is what the task means too
    pid = post_id(db, ws, "Soptömningen i Alunda")
    client.post(f"{PAGE}/publiceringsverktyg/{pid}", data={"text": "Soptömningen i Alunda tas igen.",
                                                           "date": wednesday, "time": "07:00",
                                                           "action": "schedule"})
    assert not tasks(client)["schemalagg"]["done"]


def test_publishing_the_scheduled_post_by_hand_is_not_publishing_by_the_schedule(client, db):
    start(client, "schemalagg-evenemang")
    ws = workspace_id(client)
    friday = checks.next_weekday("fredag", clock.now(db, ws)).isoformat()
    client.post("/facebook/besokosthammar/inlagg", data={
        "text": "Julmarknad i Öregrund på lördag! /Eva Lind, kommunikatör", "mode": "schedule",
        "date": friday, "time": "09:00"})
    pid = post_id(db, ws, "Julmarknad i Öregrund")
    client.post(f"/facebook/besokosthammar/publiceringsverktyg/{pid}",
                data={"text": "Julmarknad i Öregrund på lördag!", "action": "publish"})
    state = tasks(client)["publiceras"]
    assert not state["done"] and "direkt" in state["why"]


def test_a_top_level_comment_that_names_the_person_is_an_answer(client, db):
    start(client, "ratta-stavfel")
    ws = workspace_id(client)
    anna = comment_id(db, ws, "verkligen Gimo bibliotek")
    client.post(f"{PAGE}/inlagg/{anna['post_id']}/kommentarer", data={
        "text": "Hej Anna! Bilden är från Öregrund. Vänliga hälsningar, Eva, kommunikatör på "
                "Östhammars kommun"})
    assert tasks(client)["svara"]["done"]


def test_biblioteksbussen_is_about_the_bokbuss(client):
    start(client, "forsta-inlagget")
    from .conftest import login
    login(client, "eva")
    client.post(f"{PAGE}/inlagg", data={"mode": "now", "text": (
        "Biblioteksbussen kommer till Gräsö på torsdag!\n\nVänliga hälsningar, Eva, kommunikatör på "
        "Östhammars kommun")})
    assert tasks(client)["publicera"]["done"]


def test_the_trainee_cannot_set_the_clock_back_during_an_exercise(client, db):
    start(client, "mandagsmorgon")
    ws = workspace_id(client)
    before = clock.now(db, ws)
    yesterday = clock.local(before - timedelta(days=1))
    r = client.post("/sandladan/tid", data={"action": "set", "date": f"{yesterday:%Y-%m-%d}",
                                            "time": f"{yesterday:%H:%M}"})
    assert r.status_code == 400 and "bara framåt" in r.get_data(as_text=True)
    assert clock.now(db, ws) >= before
    assert client.post("/sandladan/tid", data={"action": "advance", "duration": "1h"}).status_code == 302


def test_timeline_entries_arrive_once_when_time_passes_them_even_in_a_jump(client, db):
    start(client, "mandagsmorgon")
    ws = workspace_id(client)
    assert "kalle-plogning" not in items.objects(db, ws)
    client.post("/sandladan/tid", data={"action": "advance", "duration": "10m"})
    assert "kalle-plogning" not in items.objects(db, ws)
    client.post("/sandladan/tid", data={"action": "advance", "duration": "3h"})  # jumps past +30m
    client.get(PAGE + "/")
    client.get(PAGE + "/")
    rows = db.execute("SELECT * FROM comment WHERE workspace_id = ? AND text LIKE '%Tallvägen%'",
                      (ws,)).fetchall()
    assert len(rows) == 1  # exactly once
    run = db.execute("SELECT started_at FROM training_run WHERE workspace_id = ?", (ws,)).fetchone()
    arrived = clock.parse(rows[0]["created_at"]) - clock.parse(run["started_at"])
    assert arrived == timedelta(minutes=30)  # placed when it was due, not when time was read
    # The deadline counts from its arrival: an answer now, 3 h later, is too late.
    client.post(f"{PAGE}/inlagg/{rows[0]['post_id']}/kommentarer", data={
        "text": "Hej Kalle! Vi kollar. /Eva Lind, kommunikatör", "parent_id": rows[0]["id"]})
    state = tasks(client)["svara-nytt"]
    assert not state["done"] and "för sent" in state["why"]


@pytest.mark.parametrize("polls", [5])
def test_polls_read_the_stored_state_without_running_the_checks(client, monkeypatch, polls):
    start(client, "mandagsmorgon")
    client.get("/ovningar/status.json")
    calls = []
    real = checks.evaluate
    monkeypatch.setattr(checks, "evaluate", lambda *a, **kw: calls.append(1) or real(*a, **kw))
    for _ in range(polls):
        assert client.get("/ovningar/status.json").get_json()["running"]
        client.get("/ovningar/panel")
    assert calls == []


def test_learn_first_shows_the_rule_before_the_practice_and_again_in_the_debrief(client):
    html = client.get("/ovningar/").get_data(as_text=True)
    assert html.count("<summary>Lär dig först</summary>") >= 12
    start(client, "forsta-inlagget")
    page = client.get("/facebook/logga-in").get_data(as_text=True)
    coach = page[page.index('id="coach"'):]
    assert '<details class="learn coach__learn" open>' in coach and "ska ha en avsändare" in coach
    debrief = client.get("/ovningar/genomgang").get_data(as_text=True)
    assert "Regeln du övade" in debrief and "Handboken: Tilltal" in debrief


def _during_the_checks(monkeypatch, work):
    """Run ``work`` while an evaluation is between reading the world and storing what it found."""
    from mockplatform.training import evaluate, mistakes

    real = mistakes.find

    def find_then_work(*args, **kwargs):
        found = real(*args, **kwargs)
        work()
        return found

    monkeypatch.setattr(evaluate.mistakes, "find", find_then_work)


def test_other_trainees_can_write_while_an_exercise_is_checked(client, db, app, monkeypatch):
    start(client, "mandagsmorgon")
    other = connect(app.config["DATABASE"])
    other.execute("PRAGMA busy_timeout = 0")
    written = []

    def another_trainee_posts():
        other.execute("BEGIN IMMEDIATE")  # fails at once ('database is locked') if the lock is held
        other.execute("UPDATE workspace SET label = 'annan' WHERE id != ?", (workspace_id(client),))
        other.commit()
        written.append(True)

    _during_the_checks(monkeypatch, another_trainee_posts)
    client.post(PAGE + "/inlagg", data={"text": "Snöröjningen pågår i hela kommunen.", "mode": "now"})
    other.close()
    assert written


def test_what_happens_while_the_checks_read_is_looked_at_on_the_next_poll(client, db, app, monkeypatch):
    start(client, "mandagsmorgon")
    ws = workspace_id(client)
    gunnar = comment_id(db, ws, "vattnet i Gimo")
    other = connect(app.config["DATABASE"])

    def hidden_meanwhile():  # e.g. the same trainee's second tab
        other.execute("UPDATE comment SET hidden_at = ? WHERE id = ?",
                      (clock.iso(clock.now(other, ws)), gunnar["id"]))
        actions.log("comment.hidden", platform="facebook", object_type="comment", object_id=gunnar["id"],
                    db=other, ws=ws)
        other.commit()

    _during_the_checks(monkeypatch, hidden_meanwhile)
    client.post(PAGE + "/inlagg", data={"text": "Vi plogar hela dagen.", "mode": "now"})
    monkeypatch.undo()
    other.close()
    assert tasks(client)["dolj"]["done"]  # the poll saw that the stored state was already old
