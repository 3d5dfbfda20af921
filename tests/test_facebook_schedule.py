"""Scheduling: the date and time rules, the scheduled list, and publishing when time comes."""

from datetime import timedelta

from mockplatform import clock

from .conftest import workspace_id

PAGE = "/facebook/osthammarskommun"


def local_parts(dt):
    local = clock.local(dt)
    return f"{local:%Y-%m-%d}", f"{local:%H:%M}"


def sandbox_now(db, client):
    return clock.now(db, workspace_id(client))


def schedule(client, text, date, time):
    return client.post(f"{PAGE}/inlagg", data={"text": text, "mode": "schedule",
                                                 "date": date, "time": time})


def scheduled(db, client):
    return db.execute("SELECT * FROM post WHERE workspace_id = ? AND status = 'scheduled'"
                      " AND deleted_at IS NULL", (workspace_id(client),)).fetchall()


def test_schedule_then_time_passes_then_published(eva, db):
    date, time = local_parts(sandbox_now(db, eva) + timedelta(days=2))
    r = schedule(eva, "Julmarknad i Öregrund", date, time)
    assert r.status_code == 302
    [post] = scheduled(db, eva)
    assert clock.local(post["publish_at"]).strftime("%Y-%m-%d %H:%M") == f"{date} {time}"
    page = eva.get(f"{PAGE}/").get_data(as_text=True)
    assert "Julmarknad i Öregrund" not in page.split('id="inlagg"')[1].split("</section>")[0]
    tools = eva.get(f"{PAGE}/publiceringsverktyg").get_data(as_text=True)
    assert "Julmarknad i Öregrund" in tools
    r = eva.post("/sandladan/tid", data={"action": "advance", "duration": "2d 1h"})
    assert r.status_code == 302
    assert scheduled(db, eva) == []
    assert "Julmarknad i Öregrund" in eva.get(f"{PAGE}/").get_data(as_text=True)
    log = db.execute("SELECT detail FROM action WHERE verb = 'post.published' AND actor = 'system'"
                     " AND workspace_id = ?", (workspace_id(eva),)).fetchall()
    assert len(log) == 1 and '"scheduled": true' in log[0][0]


def test_time_in_the_past_is_refused_and_text_kept(eva, db):
    date, time = local_parts(sandbox_now(db, eva) - timedelta(hours=1))
    r = schedule(eva, "För sent", date, time)
    html = r.get_data(as_text=True)
    assert r.status_code == 400
    assert "Tiden har redan varit" in html and "För sent" in html
    assert scheduled(db, eva) == []


def test_date_that_does_not_exist_is_refused(eva, db):
    r = schedule(eva, "Skottdag?", "2027-02-30", "09:00")
    assert r.status_code == 400 and "Datumet finns inte" in r.get_data(as_text=True)
    r = schedule(eva, "Fel tid", "2027-03-01", "25:61")
    assert r.status_code == 400 and "Tiden finns inte" in r.get_data(as_text=True)
    r = schedule(eva, "Ingen tid", "", "")
    assert r.status_code == 400 and "Välj både datum och tid" in r.get_data(as_text=True)


def test_too_soon_and_too_far(eva, db):
    now = sandbox_now(db, eva)
    r = schedule(eva, "Strax", *local_parts(now + timedelta(minutes=3)))
    assert r.status_code == 400 and "tidigast tio minuter" in r.get_data(as_text=True)
    r = schedule(eva, "Långt bort", *local_parts(now + timedelta(days=400)))
    assert r.status_code == 400 and "högst sex månader" in r.get_data(as_text=True)


def test_open_change_and_cancel_scheduled_post(eva, db):
    now = sandbox_now(db, eva)
    schedule(eva, "Öppet hus", *local_parts(now + timedelta(days=1)))
    [post] = scheduled(db, eva)
    url = f"{PAGE}/publiceringsverktyg/{post['id']}"
    assert "Öppet hus" in eva.get(url).get_data(as_text=True)
    new_date, new_time = local_parts(now + timedelta(days=3))
    r = eva.post(url, data={"text": "Öppet hus på fredag", "date": new_date, "time": new_time,
                            "action": "save"})
    assert r.status_code == 302
    [post] = scheduled(db, eva)
    assert post["text"] == "Öppet hus på fredag"
    assert local_parts(post["publish_at"]) == (new_date, new_time)
    r = eva.post(url, data={"text": "x", "date": "2020-01-01", "time": "09:00", "action": "save"})
    assert r.status_code == 400 and "Tiden har redan varit" in r.get_data(as_text=True)
    assert eva.post(f"{PAGE}/inlagg/{post['id']}/ta-bort").status_code == 302
    assert scheduled(db, eva) == []


def test_publish_scheduled_now(eva, db):
    schedule(eva, "Direkt ändå", *local_parts(sandbox_now(db, eva) + timedelta(days=1)))
    [post] = scheduled(db, eva)
    eva.post(f"{PAGE}/publiceringsverktyg/{post['id']}",
             data={"text": "Direkt ändå", "date": "", "time": "", "action": "publish"})
    assert scheduled(db, eva) == []
    assert "Direkt ändå" in eva.get(f"{PAGE}/").get_data(as_text=True)


def test_draft_and_backdate(eva, db):
    r = eva.post(f"{PAGE}/inlagg", data={"text": "Ett utkast", "mode": "draft"})
    assert r.status_code == 302
    assert "Ett utkast" in eva.get(f"{PAGE}/publiceringsverktyg?visa=utkast").get_data(as_text=True)
    yesterday = clock.local(sandbox_now(db, eva) - timedelta(days=3)).strftime("%Y-%m-%d")
    r = eva.post(f"{PAGE}/inlagg", data={"text": "Bakåt", "mode": "backdate", "date": yesterday})
    assert r.status_code == 302
    row = db.execute("SELECT * FROM post WHERE text = 'Bakåt'").fetchone()
    assert row["status"] == "published" and clock.local(row["publish_at"]).strftime("%Y-%m-%d") == yesterday
    today = clock.local(sandbox_now(db, eva)).strftime("%Y-%m-%d")
    r = eva.post(f"{PAGE}/inlagg", data={"text": "Idag", "mode": "backdate", "date": today})
    assert r.status_code == 400 and "före i dag" in r.get_data(as_text=True)


def test_unknown_tools_list_is_404(eva):
    assert eva.get(f"{PAGE}/publiceringsverktyg?visa=allt").status_code == 404


def test_statistics_apply_the_handbook_rules(eva, db):
    for i in range(3):
        eva.post(f"{PAGE}/inlagg", data={"text": f"Inlägg {i}", "mode": "now"})
    html = eva.get(f"{PAGE}/statistik").get_data(as_text=True)
    assert "max 1–2 inlägg per dag" in html
    assert "När plogas Storgatan i Gimo?" in html  # an unanswered question is listed


def test_only_questions_are_overdue_after_a_day(eva, db):
    eva.post("/sandladan/tid", data={"action": "advance", "duration": "1d"})
    html = eva.get(f"{PAGE}/statistik").get_data(as_text=True)
    overdue = [li for li in html.split("<li") if "fb-overdue" in li]
    assert any("När plogas Storgatan" in li for li in overdue)
    assert not any("Tack för att ni plogar" in li for li in overdue)


def test_publishing_tools_keep_the_pages_tabs(eva):
    """Publiceringsverktyg shows the same tabs as the Page: Statistik stays for an administrator."""
    import re

    def tabs(html):
        nav = re.search(r'<nav class="fb-admin".*?</nav>', html, re.S).group(0)
        return [t.strip() for t in re.findall(r">([^<>]+?)(?:<span|</a>)", nav)]

    page_tabs = tabs(eva.get(f"{PAGE}/").get_data(as_text=True))
    tools_tabs = tabs(eva.get(f"{PAGE}/publiceringsverktyg").get_data(as_text=True))
    assert "Statistik" in page_tabs and tools_tabs == page_tabs
