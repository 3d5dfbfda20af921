"""Rules about uploads, deleting, frequency, old posts, accounts and roles – each with a
case that triggers it and one that must not."""

from datetime import UTC, datetime, timedelta

from mockplatform.rules import refusals, review

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # a Monday, 10:00 Swedish time


def ids(kind, text="", **context):
    return [f.rule_id for f in review(kind, text, context)]


def test_photo_of_a_person_needs_consent_and_a_child_a_guardian():
    adult = review("upload", context={"image": {"shows_person": "adult", "consent": "no"}})
    assert [f.severity for f in adult] == ["refuse"] and "samtyckesblankett" in adult[0].message
    child = review("upload", context={"image": {"shows_person": "child", "consent": "yes",
                                                "guardian_consent": "no"}})
    assert refusals(child) and "målsman" in child[0].message
    assert ids("upload", image={"shows_person": "adult", "consent": "yes"}) == []
    assert ids("upload", image={"shows_person": "child", "guardian_consent": "yes"}) == []
    assert ids("upload", image={"shows_person": "none"}) == []


def test_deleting_without_the_screenshot_routine_is_refused():
    found = review("delete", "KÖP SOLGLASÖGON -70%", {"screenshot_saved": False})
    assert refusals(found) and "Innan radering måste" in found[0].message
    assert found[0].quote == "KÖP SOLGLASÖGON -70%"
    assert ids("delete", "KÖP SOLGLASÖGON", screenshot_saved=True) == []


def test_third_post_of_the_day_and_too_few_in_a_week():
    today = [NOW - timedelta(hours=1), NOW - timedelta(minutes=30)]
    assert "publiceringstakt" in ids("post", "x", page_posts=today, publish_at=NOW)
    assert "publiceringstakt" not in ids("post", "x", page_posts=today[:1], publish_at=NOW)
    yesterday = [NOW - timedelta(days=1), NOW - timedelta(days=1, hours=1)]
    assert "publiceringstakt" not in ids("post", "x", page_posts=yesterday, publish_at=NOW)
    assert "publiceringstakt" in ids("page", page_posts=[NOW - timedelta(days=2)], now=NOW)
    assert "publiceringstakt" not in ids("page", page_posts=yesterday, now=NOW)


def test_posts_older_than_18_months():
    old = {"id": 1, "text": "Sommarens badplatser 2024", "publish_at": NOW - timedelta(days=600)}
    new = {"id": 2, "text": "Julmarknad", "publish_at": NOW - timedelta(days=300)}
    found = [f for f in review("page", context={"posts": [old, new], "now": NOW})
             if f.rule_id == "gallring-18-manader"]
    assert [f.quote for f in found] == ["Sommarens badplatser 2024"]


def test_account_rules_shown_inactive_and_two_editors():
    assert "sidans-regler" in ids("account", has_rules=False, name="fritidosthammar")
    assert "sidans-regler" not in ids("account", has_rules=True)
    assert "inaktivt-konto" in ids("account", now=NOW, last_post_at=NOW - timedelta(days=400))
    assert "inaktivt-konto" in ids("account", now=NOW, last_post_at=None)
    assert "inaktivt-konto" not in ids("account", now=NOW, last_post_at=NOW - timedelta(days=20))
    assert "tva-redaktorer" in ids("page", publishers=1, name="Fritid Östhammar")
    assert "tva-redaktorer" not in ids("page", publishers=2)


def test_administrator_where_a_lower_role_does_the_job():
    found = review("invite", context={"roles": [("Östhammars bibliotek", "Administratör"),
                                                ("Business Manager", "Medarbetare")]})
    assert [f.rule_id for f in found] == ["administrator"]
    assert "Östhammars bibliotek" in found[0].message and found[0].quote == "Administratör"
    assert ids("invite", roles=[("Östhammars bibliotek", "Redaktör")]) == []
