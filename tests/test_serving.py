"""What makes a class's pages cheap must never change what they show: remembered URLs equal
Flask's (also under another mount point), one CSRF token per page that the server accepts, a
kept database connection that carries nothing from one request to the next and follows a
replaced file, and a server that has compiled every template before the first trainee."""

from __future__ import annotations

import gc
import os
import re
import shutil

import flask
import jinja2
import pytest
from werkzeug.routing import BuildError

from mockplatform import create_app, server, templating, world
from mockplatform import db as dbmod

PAGE = "/facebook/osthammarskommun/"


def test_remembered_urls_are_flasks_urls_also_under_another_mount_point(app):
    cases = [("static", {"filename": "css/sandbox.css"}), ("facebook.page", {"slug": "osthammarskommun"}),
             ("facebook.reply", {"slug": "osthammarskommun", "post_id": 7}),
             ("facebook.search", {"q": "bibliotek"})]
    for root in ("", "/sandladan", ""):  # root again: the mount point's answers are kept apart
        with app.test_request_context("/", base_url=f"http://localhost{root}/"):
            for endpoint, values in cases:
                assert templating.url_for(endpoint, **values) == flask.url_for(endpoint, **values)
                assert templating.url_for(endpoint, **values).startswith(root + "/")
            assert templating.url_for("facebook.page", slug="x", _anchor="om").endswith("/x/#om")
            assert templating.url_for("static", filename="a.css", _external=True).startswith("http://")


def test_two_applications_in_one_process_keep_their_own_urls(app, tmp_path):
    """A URL one application built is never answered for another (tests, a second app)."""
    other = create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "annan"), "SECRET_KEY": "t"})
    other.add_url_rule("/bara-har/<slug>/", endpoint="bara_har", view_func=lambda slug: slug)
    with other.test_request_context("/"):
        assert templating.url_for("bara_har", slug="x") == "/bara-har/x/"
    with app.test_request_context("/"), pytest.raises(BuildError):
        templating.url_for("bara_har", slug="x")


def test_no_url_defaults_that_remembered_urls_would_miss(app):
    """templating.url_for keys on the endpoint and its values; a url_defaults or
    url_value_preprocessor function would add values it does not see."""
    assert not any(app.url_default_functions.values())
    assert not any(app.url_value_preprocessors.values())


def test_every_form_on_a_page_carries_the_same_token_and_the_server_accepts_it(csrf_client):
    client = csrf_client
    page = client.get("/facebook/logga-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post("/facebook/logga-in", data={"csrf_token": token, "email": "eva.lind@osthammar.example",
                                                     "password": "ovning-eva"}).status_code == 302
    html = client.get(PAGE).get_data(as_text=True)
    tokens = re.findall(r'name="csrf_token" value="([^"]+)"', html)
    assert len(tokens) > 10 and len(set(tokens)) == 1
    forms = re.findall(r'action="(/facebook/osthammarskommun/inlagg/\d+/kommentarer)"', html)
    answer = client.post(forms[0], data={"csrf_token": tokens[0],
                                         "text": "Tack! Hälsningar, Eva, kommunikatör"})
    assert answer.status_code == 302
    refused = client.post(forms[0], data={"csrf_token": tokens[0][:-2] + "xx", "text": "Tack!"})
    assert refused.status_code == 400


def test_what_a_request_did_not_commit_is_gone_in_the_next(app, client):
    with app.app_context():
        first = dbmod.get_db()
        first.execute("UPDATE page SET name = 'Halvfärdigt' WHERE slug = 'osthammarskommun'")
    with app.app_context():
        again = dbmod.get_db()
        assert again is first  # the thread's connection, kept, and no transaction left open
        assert not again.in_transaction
        names = {r[0] for r in again.execute("SELECT name FROM page WHERE slug = 'osthammarskommun'")}
    assert names and "Halvfärdigt" not in names
    assert "Halvfärdigt" not in client.get("/facebook/sok?q=Halv").get_data(as_text=True)


def test_a_replaced_database_file_is_read_as_the_new_file(app, tmp_path):
    """An operator who puts a backup in place while the server runs gets the backup, not the
    old file through a connection that was kept open."""
    other = create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "other"), "SECRET_KEY": "t"})
    other.test_client().get("/")
    with other.app_context():
        conn = dbmod.get_db()
        conn.execute("UPDATE workspace SET label = 'Från säkerhetskopian'")
        conn.commit()
    dbmod.backup(other.config["DATABASE"], str(tmp_path / "kopia.sqlite"))
    path = app.config["DATABASE"]
    with app.app_context():
        kept = dbmod.get_db()
        assert kept.execute("SELECT count(*) FROM workspace WHERE label IS NOT NULL").fetchone()[0] == 0
    shutil.copyfile(tmp_path / "kopia.sqlite", path + ".ny")
    os.replace(path + ".ny", path)
    with app.app_context():
        now = dbmod.get_db()
        labels = {r[0] for r in now.execute("SELECT label FROM workspace")}
    assert now is not kept and "Från säkerhetskopian" in labels


def test_the_server_compiles_every_template_before_the_first_trainee(app):
    app.jinja_env.cache.clear()
    world.password_hash.cache_clear()
    try:
        server.prepare(app)
        assert gc.get_freeze_count() > 0
        assert getattr(dbmod._kept, "conn", None) is None  # no SQLite connection crosses the fork
    finally:
        gc.unfreeze()
    pages = [n for n in app.jinja_env.list_templates() if n.endswith(".html")]
    cached = {key[1] for key in app.jinja_env.cache.keys()}
    assert len(pages) > 50 and set(pages) <= cached
    # The first trainee's world needs no password hashing (~0.8 s) any more.
    misses = world.password_hash.cache_info().misses
    with app.app_context():
        app.test_client().get("/")
    assert world.password_hash.cache_info().misses == misses


def test_a_template_error_stops_the_server_at_start_not_at_a_trainees_page(tmp_path):
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "trasig.html").write_text("{% if %}", encoding="utf-8")
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "d"), "SECRET_KEY": "t"})
    app.jinja_env.loader = jinja2.ChoiceLoader([app.jinja_env.loader, jinja2.FileSystemLoader(str(broken))])
    try:
        with pytest.raises(jinja2.TemplateSyntaxError) as caught:
            server.prepare(app)
    finally:
        gc.unfreeze()
    assert caught.value.name == "trasig.html"


def test_the_live_coachs_attributes_point_at_its_hints_and_escape_what_they_are_given(app):
    from mockplatform.rules.markup import attrs, hints

    with app.test_request_context("/"):
        html = str(attrs("reply", 'svar-"1"', page="<sida>"))
        box = str(hints('svar-"1"'))
    assert 'data-rules-kind="reply"' in html and 'data-rules-url="/regler/granska"' in html
    assert 'data-rules-out="svar-&#34;1&#34;"' in html and 'aria-describedby="svar-&#34;1&#34;"' in html
    assert 'data-rules-page="&lt;sida&gt;"' in html
    assert 'id="svar-&#34;1&#34;"' in box and 'role="status"' in box and 'aria-live="polite"' in box
    with app.test_request_context("/"):
        assert "data-rules-page" not in str(attrs("post", "ut"))


def test_templates_read_a_rows_columns_and_otherwise_behave_as_jinja(app):
    conn = dbmod.connect(":memory:")
    row = conn.execute("SELECT 7 AS id, 'Hej' AS text").fetchone()
    render = app.jinja_env.from_string
    text = "{{ r.id }} {{ r.text }} {{ r.keys()|join(',') }} {{ r.missing is undefined }}"
    assert render(text).render(r=row) == "7 Hej id,text True"
    # Plain dicts as Jinja has them: the method first, then the key.
    assert render("{{ d.items()|list|length }} {{ d.text }}").render(d={"items": 3, "text": "x"}) == "2 x"
