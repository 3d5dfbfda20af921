"""Benchmarks: figures and ratios against a baseline measured in the same run.

    .venv/bin/python bench/run.py      (or: make bench)

Baseline: the cheapest request the app answers (/halsa, no workspace, no template).
Figures: creating a seeded workspace (a trainee's first visit; a class of 30 joins at once),
rendering the busiest Facebook Page, the same Page with 200 extra posts, and the database
size a workspace adds, and one answer of the live coach (POST /regler/granska) for a long reply
on a Page with 200 posts and 100 recent replies to compare it with (it runs as the user types),
and one more answer from a trainee who has already posted and answered 100 times in an exercise.
Targets are the ones a classroom needs; the ratios make them
comparable across machines.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mockplatform import clock, create_app  # noqa: E402
from mockplatform.db import connect  # noqa: E402

# × baseline, at most. A class of 30 joining at once should have its worlds within about a second;
# a Page must stay quick when a trainee has posted a lot.
# The live coach answers at most once per 600 ms pause per typist: a class of 30 typing at once
# is ~50 answers a second, so one answer must stay well under 20 ms: ≤ 60 × /halsa (~8 ms).
# An answer in a running exercise is checked against every task and mistake; after 100 earlier
# posts and answers (a long class) it must still cost only a few pages: ≤ 25 × /halsa (~5 ms).
TARGETS = {"workspace": 100.0, "page": 40.0, "page_200": 120.0, "coach": 60.0, "history": 25.0}


def timed(fn, n: int) -> float:
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def db_size(path: Path) -> int:
    """The database file's size with everything written into it (the server keeps connections
    open, so recent writes may still sit in the write-ahead log)."""
    conn = connect(str(path))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path.stat().st_size


def ok(response):
    assert response.status_code == 200, response.status_code
    return response


def login(client):
    client.get("/")
    client.post("/facebook/logga-in", data={"email": "eva.lind@osthammar.example",
                                             "password": "ovning-eva"})


def answer_after(app, earlier: int) -> float:
    """A trainee in Måndagsmorgon who has already posted and answered ``earlier`` times: one
    more answer (the checks and the mistakes look at the whole exercise each time)."""
    client = app.test_client()
    login(client)
    client.post("/ovningar/mandagsmorgon/starta")
    page = "/facebook/osthammarskommun/"
    for i in range(earlier // 2):
        client.post(page + "inlagg", data={"text": f"Inlägg {i}", "mode": "now"})
    html = ok(client.get(page)).get_data(as_text=True)
    form = re.findall(r'action="(/facebook/osthammarskommun/inlagg/\d+/kommentarer)"', html)[0]
    for i in range(earlier - earlier // 2):
        client.post(form, data={"text": f"Tack {i}! Hälsningar, Eva"})
    ok(client.get(page))
    return timed(lambda: client.post(form, data={"text": "Tack! Vänliga hälsningar, Eva, kommunikatör"}), 20)


def main() -> int:
    data = tempfile.mkdtemp()
    app = create_app({"TESTING": True, "DATA_DIR": data, "SECRET_KEY": "b", "WTF_CSRF_ENABLED": False})
    client = app.test_client()
    client.get("/halsa")
    baseline = timed(lambda: ok(client.get("/halsa")), 300)

    def new_workspace():
        ok(app.test_client().get("/"))

    new_workspace()  # warm the caches (password hashes, templates)
    db_file = Path(app.config["DATABASE"])
    size_before = db_size(db_file)
    workspace = timed(new_workspace, 30)
    per_ws_kb = (db_size(db_file) - size_before) / 30 / 1024

    login(client)
    page = timed(lambda: ok(client.get("/facebook/osthammarskommun/")), 50)
    db = connect(app.config["DATABASE"])
    ws = client.get_cookie("sandladan_ws").value
    page_id = db.execute("SELECT id FROM page WHERE workspace_id = ? AND slug = 'osthammarskommun'",
                         (ws,)).fetchone()[0]
    now = clock.iso(clock.real_now())
    db.executemany("INSERT INTO post (workspace_id, page_id, text, status, publish_at, created_at)"
                   " VALUES (?, ?, ?, 'published', ?, ?)",
                   [(ws, page_id, f"Inlägg {i} " * 20, now, now) for i in range(200)])
    db.commit()
    page_200 = timed(lambda: ok(client.get("/facebook/osthammarskommun/")), 20)
    post_id = db.execute("SELECT id FROM post WHERE page_id = ? LIMIT 1", (page_id,)).fetchone()[0]
    db.executemany("INSERT INTO comment (workspace_id, post_id, author_name, as_page, text, created_at)"
                   " VALUES (?, ?, 'Östhammars kommun', 1, ?, ?)",
                   [(ws, post_id, f"Hej {i}! Tack för din fråga om snöröjningen på gata {i}. Vi kollar "
                     "med gatuenheten och återkommer. Vänliga hälsningar, Eva, kommunikatör", now)
                    for i in range(100)])
    db.commit()
    reply = ("Hej Mats! Du får tillbaka 300 kr. Ring mig på 070-123 45 67 eller mejla "
             "mats@gmail.com. Johan Berg är sjukskriven. " * 12)
    coach = timed(lambda: ok(client.post("/regler/granska", json={
        "kind": "reply", "page": "osthammarskommun", "text": reply})), 50)

    history = answer_after(app, 100)

    rows = [("baseline /halsa", baseline, None), ("new seeded workspace", workspace, "workspace"),
            ("Facebook Page", page, "page"), ("Page with 200 extra posts", page_200, "page_200"),
            ("live coach, long reply", coach, "coach"),
            ("answer after 100 in an exercise", history, "history")]
    print(f"{'what':32} {'median ms':>10} {'× baseline':>11} {'target':>8}")
    worst = 0
    for name, ms, key in rows:
        ratio = ms / baseline
        target = TARGETS.get(key)
        verdict = "" if target is None else ("ok" if ratio <= target else "OVER")
        worst += verdict == "OVER"
        print(f"{name:32} {ms:10.2f} {ratio:11.1f} {('≤' + str(target)) if target else '':>8} {verdict}")
    print(f"database per workspace: {per_ws_kb:.0f} KiB")
    return 1 if worst else 0


if __name__ == "__main__":
    sys.exit(main())
