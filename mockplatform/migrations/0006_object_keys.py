"""Worlds made before objects had keys get them: the world's keyed posts and comments, and the
keyed seeds of a scenario running in the workspace, found by their exact seeded text (a text
the trainee has since changed keeps no key; their exercise starts over with 'Återställ').
Nothing is removed or changed; only object_key rows are added."""

from __future__ import annotations


def _post(conn, ws: str, slug: str, text: str):
    return conn.execute(
        "SELECT post.id FROM post JOIN page ON page.id = post.page_id WHERE post.workspace_id = ?"
        " AND page.slug = ? AND post.text = ? ORDER BY post.id LIMIT 1", (ws, slug, text)).fetchone()


def _comment(conn, ws: str, author: str, text: str):
    return conn.execute("SELECT id FROM comment WHERE workspace_id = ? AND author_name = ? AND text = ?"
                        " ORDER BY id LIMIT 1", (ws, author, text)).fetchone()


def _name(conn, ws: str, key: str, kind: str, row) -> None:
    if row is not None:
        conn.execute("INSERT OR IGNORE INTO object_key (workspace_id, key, kind, object_id)"
                     " VALUES (?, ?, ?, ?)", (ws, key, kind, row[0]))


def _keyed(posts: list[tuple], comments: list[tuple], kind: str, data: dict) -> None:
    if not data.get("key"):
        return
    if kind == "post":
        posts.append((data["key"], data.get("page", ""), str(data.get("text", "")).strip()))
    elif kind == "comment":
        comments.append((data["key"], data.get("author", ""), str(data.get("text", "")).strip()))


def migrate(conn) -> None:
    from mockplatform import world
    from mockplatform.training.scenarios import ScenarioError, load_all

    posts: list[tuple] = []
    comments: list[tuple] = []
    for post in world.load().get("posts", []):
        _keyed(posts, comments, "post", post)
        for c in post.get("comments", []):
            _keyed(posts, comments, "comment", {"page": post["page"], **c})
    try:
        scenarios = load_all()
    except (ScenarioError, OSError):  # a broken scenario folder must not stop the upgrade
        scenarios = {}
    running = dict(conn.execute("SELECT workspace_id, scenario_id FROM training_run").fetchall())
    for (ws,) in conn.execute("SELECT id FROM workspace").fetchall():
        mine_posts, mine_comments = list(posts), list(comments)
        scenario = scenarios.get(running.get(ws))
        for item in scenario.start.seed if scenario else []:
            _keyed(mine_posts, mine_comments, item.kind, {"key": item.key, **item.data})
        for key, slug, text in mine_posts:
            _name(conn, ws, key, "post", _post(conn, ws, slug, text))
        for key, author, text in mine_comments:
            _name(conn, ws, key, "comment", _comment(conn, ws, author, text))
