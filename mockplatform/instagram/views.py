"""The app's screens: the start page (feed), profiles, settings, search and activity."""

from __future__ import annotations

from flask import abort, g, redirect, render_template, request, url_for

from .. import actions, workspaces
from ..db import get_db
from ..rules import coach, review
from ..rules.accounts import states_rules
from . import bp, model
from .auth import login_required

# The settings list of 2019, top to bottom: slug → (icon, title, what the page says). Hjälp,
# Om and Inloggningsuppgifter have pages of their own in the template; the others say briefly
# what the setting is and that the sandbox leaves it as it is.
SETTINGS_PAGES = {
    "folj-och-bjud-in": ("people", "Följ och bjud in vänner",
                         "Här bjuder man in vänner att följa kontot. Sandlådan skickar inga inbjudningar."),
    "notiser": ("bell", "Notiser", "Här väljer man vilka notiser telefonen visar. Sandlådan skickar "
                "inga notiser."),
    "sekretess": ("lock", "Sekretess", "Kommunens konton är offentliga: alla kan se inläggen. "
                  "Ändra inte det här."),
    "sakerhet": ("shield", "Säkerhet", "Här byter man lösenord. I Sandlådan gör du det med "
                 "Glömt lösenordet? på inloggningssidan."),
    "annonser": ("megaphone", "Annonser", "Kommunen annonserar inte på Instagram från de här kontona."),
    "konto": ("user", "Konto", "Kontots uppgifter (namn, e-post, beskrivning) ändras inte i övningen."),
    "hjalp": ("help", "Hjälp", ""),
    "om": ("info", "Om", ""),
    "inloggningsuppgifter": ("", "Inloggningsuppgifter", ""),
}


@bp.get("/")
def home():
    if model.current() is None:
        return redirect(url_for("instagram.login"))
    return render_template("instagram/feed.html", posts=model.posts(get_db(), workspaces.current_id()))


@bp.get("/profil")
@login_required
def my_profile():
    return _profile(model.current(), own=True)


@bp.get("/konto/<username>")
@login_required
def profile(username: str):
    account = model.account_by_username(get_db(), workspaces.current_id(), username)
    if account is None:
        abort(404, description="Kontot finns inte.")
    if account["id"] == model.current()["id"]:
        return redirect(url_for("instagram.my_profile"))
    return _profile(account, own=False)


def _profile(account, own: bool):
    posts = model.posts(get_db(), workspaces.current_id(), account["id"])
    findings = review("account", context=coach.for_account(account, posts, g.now, states_rules(
        account["bio"]))) if own else []
    return render_template("instagram/profile.html", account=account, posts=posts, own=own,
                           findings=findings)


@bp.get("/installningar")
@login_required
def settings():
    return render_template("instagram/settings.html", pages=SETTINGS_PAGES)


@bp.get("/installningar/<slug>")
@login_required
def settings_page(slug: str):
    if slug not in SETTINGS_PAGES:
        abort(404, description="Den inställningen finns inte.")
    _icon, title, text = SETTINGS_PAGES[slug]
    return render_template("instagram/settings_page.html", slug=slug, title=title, text=text)


@bp.get("/sok")
@login_required
def search():
    q = (request.args.get("q") or "").strip().lstrip("@")
    found = []
    if q:
        found = get_db().execute(
            "SELECT * FROM ig_account WHERE workspace_id = ? AND (username LIKE ? OR full_name LIKE ?)"
            " ORDER BY username", (workspaces.current_id(), f"%{q}%", f"%{q}%"),
        ).fetchall()
    return render_template("instagram/search.html", q=q, found=found)


@bp.get("/aktivitet")
@login_required
def activity():
    me = model.current()
    entries = [e for e in actions.recent(get_db(), workspaces.current_id(), limit=200)
               if e["platform"] == "instagram" and e["actor"] == me["username"]][:30]
    return render_template("instagram/activity.html", entries=entries)
