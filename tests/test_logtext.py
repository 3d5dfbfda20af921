"""The log in words: every action a sentence a person reads, grouped by platform, in sandbox
time; no codes (verbs, key=value, ids) on the page."""

from __future__ import annotations

import re
from pathlib import Path

from mockplatform import clock, logtext

from .business_helpers import invite, page_id
from .conftest import login, workspace_id

ROOT = Path(__file__).resolve().parents[1] / "mockplatform"
CODE = re.compile(r"\b[a-z_]+\.[a-z_]+\b|\w+=\S|\{'|\[\{|_id\b")


def _log_text(client) -> str:
    html = client.get("/sandladan/logg").get_data(as_text=True)
    main = html[html.index('<main id="main">'):html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_the_log_reads_as_sentences_grouped_by_platform(client, db):
    login(client, "eva")
    client.post("/facebook/osthammarskommun/inlagg", data={"text": "Hej alla", "mode": "now"})
    invite(client, "per.strom@osthammar.example", {page_id(db, client, "osthammarskommun"): "Redaktör"})
    client.post("/sandladan/tid", data={"action": "advance", "duration": "2h 30m"})
    client.post("/sandladan/tid", data={"action": "set", "date": "2030-12-24", "time": "15:00"})
    text = _log_text(client)
    for sentence in ("Eva Lind publicerade ett inlägg på Östhammars kommun.",
                     "Eva Lind bjöd in per.strom@osthammar.example till Östhammars kommun som medarbetare.",
                     "Du flyttade fram Sandlådans tid 2 timmar och 30 minuter.",
                     "Du ställde Sandlådans klocka på 24 december 2030 kl. 15:00."):
        assert sentence in text, text
    # Grouped by platform, Facebook first; each line begins with its sandbox time.
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", client.get("/sandladan/logg").get_data(as_text=True))
    assert headings == ["Facebook", "Business Manager", "Sandlådan"]
    assert re.search(r"\b15:00 Du ställde", text)
    assert "tisdag 24 december 2030" in text
    # No raw verb, no key=value, no ids or Python structures anywhere on the page.
    assert not CODE.search(text.replace("per.strom@osthammar.example", "")), CODE.search(text)


def test_every_verb_the_code_logs_has_a_sentence():
    """A new verb in actions.log(...) needs its line in logtext.SENTENCES."""
    verbs = set()
    for path in ROOT.rglob("*.py"):
        source = path.read_text("utf-8")
        verbs |= set(re.findall(r'actions\.log\(\s*"([a-z_]+\.[a-z_]+)"', source))
        for a, b in re.findall(r'"([a-z_]+\.[a-z_]+)" if [^"]+ else "([a-z_]+\.[a-z_]+)"', source):
            verbs |= {a, b}
        verbs |= set(re.findall(r'"(post\.[a-z_]+)"', source))
    assert len(verbs) > 25
    missing = sorted(v for v in verbs if v not in logtext.SENTENCES)
    assert not missing, f"Lägg till en mening per verb i mockplatform/logtext.py SENTENCES: {missing}"


def test_a_flag_picks_its_own_sentence(app, client, db):
    ws = workspace_id(client)
    pid = page_id(db, client, "osthammarskommun")
    with app.app_context():
        names = logtext.Names(db, ws)
        at = clock.iso(clock.real_now())
        by_schedule = {"verb": "post.published", "platform": "facebook", "actor": "system", "at": at,
                       "detail": {"page_id": pid, "scheduled": True}}
        by_hand = by_schedule | {"actor": "eva", "detail": {"page_id": pid, "scheduled": False}}
        assert logtext.sentence(by_schedule, names) == \
            "Ett schemalagt inlägg publicerades på Östhammars kommun."
        assert logtext.sentence(by_hand, names) == "Eva Lind publicerade ett inlägg på Östhammars kommun."


def test_an_unknown_verb_still_reads_as_a_sentence(app, client, db):
    ws = workspace_id(client)
    with app.app_context():
        names = logtext.Names(db, ws)
        entry = {"verb": "rules.flagged", "platform": "facebook", "actor": "eva",
                 "at": clock.iso(clock.real_now()), "detail": {"rule": "personnummer", "post_id": 3}}
        text = logtext.sentence(entry, names)
    assert text == "Eva Lind gjorde en ändring i Facebook."
    assert "rules" not in text and "=" not in text


def test_adding_a_verb_is_one_line(app, client, db, monkeypatch):
    monkeypatch.setitem(logtext.SENTENCES, "training.timeline",
                        "{author} kommenterade ett inlägg på {page}")
    ws = workspace_id(client)
    pid = page_id(db, client, "osthammarskommun")
    with app.app_context():
        entry = {"verb": "training.timeline", "platform": "training", "actor": "system",
                 "at": clock.iso(clock.real_now()), "detail": {"author": "Kim Andersson", "page_id": pid}}
        assert logtext.sentence(entry, logtext.Names(db, ws)) == \
            "Kim Andersson kommenterade ett inlägg på Östhammars kommun."
