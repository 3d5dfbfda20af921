"""Upgrading keeps data: numbered migrations, adopting a database made before them, backups."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading
from importlib import resources
from pathlib import Path

import pytest

from mockplatform import create_app, migrations
from mockplatform import db as dbmod
from mockplatform.training import catalog, classes

from .conftest import workspace_id

PASSWORD = "tranar-ord"


def make_app(data_dir):
    return create_app({"TESTING": True, "DATA_DIR": str(data_dir), "SECRET_KEY": "test",
                       "WTF_CSRF_ENABLED": False, "TRAINER_PASSWORD": PASSWORD})


def fill(app) -> dict:
    """Two workspaces with a post each, a class with two members and a task result."""
    solo = app.test_client()
    solo.get("/")
    with app.app_context():
        db = dbmod.get_db()
        scenario = catalog.get("mandagsmorgon")
        class_id = classes.create(db, "Grupp Uppsala", scenario)
        klass = classes.get(db, class_id)
        ws_a = classes.join(db, klass, "Anna", scenario)
        ws_b = classes.join(db, klass, "Björn", scenario)
        db.execute("UPDATE training_task SET done_at = '2026-01-05T09:10:00+00:00', hints_used = 2"
                   " WHERE workspace_id = ? AND task_index = 0", (ws_a,))
        db.execute("UPDATE post SET text = 'Mitt eget inlägg' WHERE id = (SELECT min(id) FROM post"
                   " WHERE workspace_id = ?)", (workspace_id(solo),))
        db.commit()
        return {"solo": workspace_id(solo), "a": ws_a, "b": ws_b, "class": class_id, "code": klass["code"]}


def make_legacy(path) -> None:
    """Replace the database at ``path`` by exactly what the code before migrations left behind
    with the same rows: today's schema (0001), no user_version, the schema's hash in table meta."""
    path = str(path)
    dbmod.release_kept()  # the server that made it has stopped: nothing holds the file open
    filled = path + ".filled"
    shutil.move(path, filled)
    for suffix in ("-wal", "-shm"):
        Path(path + suffix).unlink(missing_ok=True)
    legacy = sqlite3.connect(path)
    legacy.executescript(resources.files("mockplatform.migrations").joinpath("0001_initial.sql")
                         .read_text(encoding="utf-8"))
    legacy.execute("INSERT INTO meta(key, value) VALUES ('schema', ?)", (migrations.LEGACY_SCHEMA_HASH,))
    legacy.execute("ATTACH DATABASE ? AS filled", (filled,))
    legacy.execute("PRAGMA foreign_keys = OFF")
    for (table,) in legacy.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'").fetchall():
        cols = [c[1] for c in legacy.execute(f'PRAGMA main.table_info("{table}")')]
        names = ", ".join(f'"{c}"' for c in cols)
        legacy.execute(f'INSERT OR REPLACE INTO main."{table}" ({names})'
                       f' SELECT {names} FROM filled."{table}"')
    legacy.commit()
    legacy.execute("DETACH DATABASE filled")
    assert legacy.execute("PRAGMA user_version").fetchone()[0] == 0
    legacy.execute("PRAGMA journal_mode = WAL")
    legacy.close()


def test_migration_1_is_the_schema_the_old_code_hashed():
    text = resources.files("mockplatform.migrations").joinpath("0001_initial.sql").read_text(encoding="utf-8")
    assert hashlib.sha256(text.encode()).hexdigest()[:16] == migrations.LEGACY_SCHEMA_HASH


def test_a_new_database_is_at_the_latest_version(tmp_path):
    app = make_app(tmp_path)
    conn = dbmod.connect(app.config["DATABASE"])
    assert migrations.version(conn) == migrations.latest() >= 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_upgrading_a_database_from_before_migrations_keeps_everything(tmp_path):
    app = make_app(tmp_path)
    ids = fill(app)
    make_legacy(app.config["DATABASE"])
    assert "last_seen" not in [c[1] for c in sqlite3.connect(app.config["DATABASE"])
                               .execute("PRAGMA table_info(workspace)")]

    upgraded = make_app(tmp_path)  # starting again is the upgrade
    conn = dbmod.connect(upgraded.config["DATABASE"])
    assert migrations.version(conn) == migrations.latest()
    count = conn.execute("SELECT count(*) FROM workspace WHERE id IN (?, ?, ?)",
                         (ids["solo"], ids["a"], ids["b"])).fetchone()[0]
    assert count == 3
    assert conn.execute("SELECT text FROM post WHERE workspace_id = ? AND text = 'Mitt eget inlägg'",
                        (ids["solo"],)).fetchone() is not None
    members = [r["name"] for r in conn.execute("SELECT name FROM training_member WHERE class_id = ?"
                                              " ORDER BY rowid", (ids["class"],))]
    assert members == ["Anna", "Björn"]
    task = conn.execute("SELECT done_at, hints_used FROM training_task WHERE workspace_id = ? AND"
                        " task_index = 0", (ids["a"],)).fetchone()
    assert tuple(task) == ("2026-01-05T09:10:00+00:00", 2)
    assert list(tmp_path.glob("*.fore-uppgradering-*")) == []
    assert conn.execute("SELECT count(*) FROM workspace WHERE last_seen IS NULL").fetchone()[0] == 0

    # The trainer still sees the class and its members; the trainee keeps their world.
    trainer = upgraded.test_client()
    trainer.get("/")
    trainer.post("/tranare/logga-in", data={"password": PASSWORD})
    html = trainer.get(f"/tranare/grupp/{ids['class']}/").get_data(as_text=True)
    assert "Anna" in html and "Björn" in html and ids["code"] in html
    solo = upgraded.test_client()
    solo.set_cookie("sandladan_ws", ids["solo"])
    solo.get("/")
    assert solo.get_cookie("sandladan_ws").value == ids["solo"]


def test_starting_twice_changes_nothing(tmp_path):
    app = make_app(tmp_path)
    ids = fill(app)
    make_app(tmp_path)
    conn = dbmod.connect(app.config["DATABASE"])
    assert conn.execute("SELECT count(*) FROM training_member").fetchone()[0] == 2
    assert conn.execute("SELECT 1 FROM workspace WHERE id = ?", (ids["solo"],)).fetchone()


def test_a_later_migration_runs_forward_and_a_failing_one_changes_nothing(tmp_path, monkeypatch):
    app = make_app(tmp_path)
    fill(app)
    path = app.config["DATABASE"]
    first = migrations.available()
    extra = tmp_path / "0004_note.sql"
    extra.write_text("ALTER TABLE workspace ADD COLUMN note TEXT NOT NULL DEFAULT 'ny';")
    broken = tmp_path / "0005_broken.sql"
    broken.write_text("ALTER TABLE workspace ADD COLUMN other TEXT;\nTHIS IS NOT SQL;")

    class Sql(migrations.Migration):
        def apply(self, conn):
            text = (tmp_path / self.name).read_text()
            conn.executescript(f"BEGIN IMMEDIATE;\n{text}\n;PRAGMA user_version = {self.number};")
            conn.commit()

    n = len(first)
    monkeypatch.setattr(migrations, "available", lambda: [*first, Sql(n + 1, "0004_note.sql"),
                                                         Sql(n + 2, "0005_broken.sql")])
    with pytest.raises(sqlite3.OperationalError):
        dbmod.init_db(path)
    conn = dbmod.connect(path)
    assert migrations.version(conn) == n + 1
    columns = [c[1] for c in conn.execute("PRAGMA table_info(workspace)")]
    assert "note" in columns and "other" not in columns
    assert conn.execute("SELECT count(*) FROM workspace WHERE note = 'ny'").fetchone()[0] >= 3


def test_an_unknown_old_schema_is_copied_aside_before_rebuilding(tmp_path):
    path = tmp_path / "sandladan.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                       "INSERT INTO meta VALUES ('schema', 'aaaaaaaaaaaaaaaa');"
                       "CREATE TABLE workspace (id TEXT PRIMARY KEY, label TEXT);"
                       "INSERT INTO workspace VALUES ('gammal-miljo-123456789012', 'Gammal');")
    conn.close()
    make_app(tmp_path)
    copies = list(tmp_path.glob("sandladan.sqlite.fore-uppgradering-*.sqlite"))
    assert len(copies) == 1
    old = sqlite3.connect(copies[0])
    assert old.execute("SELECT label FROM workspace").fetchone()[0] == "Gammal"


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    app = make_app(tmp_path)
    conn = sqlite3.connect(app.config["DATABASE"])
    conn.execute(f"PRAGMA user_version = {migrations.latest() + 1}")
    conn.commit()
    with pytest.raises(migrations.MigrationError, match="nyare version av Sandlådan"):
        make_app(tmp_path)


def test_a_damaged_database_is_named_in_swedish_not_a_traceback(tmp_path):
    from click.testing import CliRunner

    from mockplatform.cli import cli

    (tmp_path / "sandladan.sqlite").write_bytes(b"inte en databas " * 400)
    with pytest.raises(migrations.MigrationError, match="skadad eller ingen SQLite-databas"):
        make_app(tmp_path)
    result = CliRunner().invoke(cli, ["workspaces", "--data", str(tmp_path)])
    assert result.exit_code == 1 and "Fel:" in result.output and "säkerhetskopia" in result.output
    assert "Traceback" not in result.output
    assert (tmp_path / "sandladan.sqlite").read_bytes() == b"inte en databas " * 400  # left as it was


def test_backup_is_consistent_while_others_write(tmp_path):
    app = make_app(tmp_path)
    ids = fill(app)
    path = app.config["DATABASE"]
    stop = threading.Event()

    def writer():
        conn = dbmod.connect(path)
        n = 0
        while not stop.is_set():
            conn.execute("INSERT INTO mail (workspace_id, to_addr, sender, subject, body, sent_at)"
                         " VALUES (?, 'a@b', 'x', ?, '', '2026')", (ids["solo"], f"m{n}"))
            conn.commit()
            n += 1
        conn.close()

    t = threading.Thread(target=writer)
    t.start()
    try:
        target = tmp_path / "kopia.sqlite"
        dbmod.backup(path, str(target))
    finally:
        stop.set()
        t.join()
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT count(*) FROM training_member").fetchone()[0] == 2
    assert copy.execute("PRAGMA user_version").fetchone()[0] == migrations.latest()


def test_backup_command_copies_the_database(tmp_path):
    from click.testing import CliRunner

    from mockplatform.cli import cli

    app = make_app(tmp_path / "data")
    fill(app)
    target = tmp_path / "kopia.sqlite"
    result = CliRunner().invoke(cli, ["backup", str(target), "--data", str(tmp_path / "data")])
    assert result.exit_code == 0, result.output
    assert "Säkerhetskopian är sparad" in result.output
    assert sqlite3.connect(target).execute("SELECT count(*) FROM training_member").fetchone()[0] == 2
    again = CliRunner().invoke(cli, ["backup", str(target), "--data", str(tmp_path / "data")])
    assert again.exit_code != 0 and "finns redan" in again.output
    nowhere = CliRunner().invoke(cli, ["backup", str(tmp_path / "saknas" / "k.sqlite"),
                                       "--data", str(tmp_path / "data")])
    assert nowhere.exit_code != 0 and "finns inte" in nowhere.output
    assert "Traceback" not in nowhere.output and not (tmp_path / "saknas").exists()


def test_a_failed_backup_leaves_no_half_copy(tmp_path, monkeypatch):
    app = make_app(tmp_path / "data")
    fill(app)
    target = tmp_path / "kopia.sqlite"

    class FullDisk:  # the source connection; the disk fills while the copy is written
        def __init__(self, path):
            self.conn = sqlite3.connect(path)

        def backup(self, dest):
            dest.execute("CREATE TABLE half (x)")
            dest.commit()
            raise sqlite3.OperationalError("database or disk is full")

        def close(self):
            self.conn.close()

    mine = tmp_path / "kopia.sqlite.delvis"  # the user's own file, by a name a copy might take
    mine.write_text("mina anteckningar")
    monkeypatch.setattr(dbmod, "connect", FullDisk)
    with pytest.raises(sqlite3.OperationalError):
        dbmod.backup(app.config["DATABASE"], str(target))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "kopia.sqlite.delvis"]
    assert mine.read_text() == "mina anteckningar"


def test_worlds_from_before_keys_get_their_objects_named(tmp_path):
    from mockplatform.training import items

    app = make_app(tmp_path)
    ids = fill(app)
    make_legacy(app.config["DATABASE"])  # no object_key rows: they came with the training engine
    upgraded = make_app(tmp_path)
    conn = dbmod.connect(upgraded.config["DATABASE"])
    named = items.objects(conn, ids["a"])
    by = "SELECT id FROM comment WHERE workspace_id = ? AND author_name = ?"
    spam = conn.execute(by, (ids["a"], "Billiga Solglasögon AB")).fetchone()[0]
    gunnar = conn.execute(by, (ids["a"], "Gunnar Persson")).fetchone()[0]
    assert named["solglasogon-reklam"] == ("comment", spam)        # the world's own key
    assert named["gunnar-rykte"] == ("comment", gunnar)            # the running scenario's seed
    solo = items.objects(conn, ids["solo"])
    assert "foreningsbidrag" in solo and "snorojning" not in solo  # the trainee rewrote that post
    # The class member's exercise goes on: hiding the rumour ticks its task.
    anna = upgraded.test_client()
    anna.set_cookie("sandladan_ws", ids["a"])
    anna.post(f"/facebook/osthammarskommun/kommentarer/{gunnar}/dolj")
    tasks = {t["id"]: t for t in anna.get("/ovningar/status.json").get_json()["tasks"]}
    assert tasks["dolj"]["done"]
