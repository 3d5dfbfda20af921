"""Choose the store, search for Instagram, install it, open it: the handbook's two steps."""

from __future__ import annotations

from flask import abort, g, redirect, render_template, request, url_for

from .. import actions, clock, workspaces
from ..db import get_db
from . import bp

STORES = {
    "app-store": {"name": "App Store", "device": "Apple-enhet (iPhone)", "install": "Hämta",
                  "search_label": "Sök i App Store"},
    "google-play": {"name": "Google Play", "device": "Android-telefon", "install": "Installera",
                    "search_label": "Sök efter appar och spel"},
}
# The store's catalogue: the right app and a few that look alike, so the choice is real.
APPS = {
    "instagram": {"name": "Instagram", "developer": "Instagram, Inc.", "category": "Foto och video",
                  "about": "Dela foton och videor med vänner och följare.", "opens": "instagram.home"},
    "boomerang": {"name": "Boomerang från Instagram", "developer": "Instagram, Inc.",
                  "category": "Foto och video", "about": "Gör korta filmer som spelas fram och tillbaka."},
    "layout": {"name": "Layout från Instagram", "developer": "Instagram, Inc.",
               "category": "Foto och video", "about": "Sätt ihop flera bilder till en."},
    "facebook": {"name": "Facebook", "developer": "Facebook, Inc.", "category": "Sociala nätverk",
                 "about": "Håll kontakten med vänner och familj."},
}


def _store(store: str) -> dict:
    if store not in STORES:
        abort(404, description="Den appbutiken finns inte. Välj App Store eller Google Play.")
    return STORES[store] | {"slug": store}


def _app(slug: str) -> dict:
    if slug not in APPS:
        abort(404, description="Appen finns inte i appbutiken.")
    return APPS[slug] | {"slug": slug}


def _installed(db, ws) -> dict:
    rows = db.execute("SELECT * FROM phone_app WHERE workspace_id = ?", (ws,)).fetchall()
    return {r["app"]: r for r in rows}


@bp.get("/")
def choose():
    return render_template("appstore/choose.html", stores=STORES)


@bp.get("/<store>/")
def store_home(store: str):
    shop = _store(store)
    q = (request.args.get("q") or "").strip()
    results = [_app(s) for s, a in APPS.items() if q and q.casefold() in a["name"].casefold()]
    return render_template("appstore/store.html", store=shop, q=q, results=results,
                           installed=_installed(get_db(), workspaces.current_id()))


@bp.get("/<store>/<app>")
def app_page(store: str, app: str):
    return render_template("appstore/app.html", store=_store(store), app=_app(app),
                           installed=_installed(get_db(), workspaces.current_id()))


@bp.post("/<store>/<app>/installera")
def install(store: str, app: str):
    shop, item = _store(store), _app(app)
    if "opens" not in item:
        abort(400, description=f"{item['name']} behövs inte för handboken. Sök efter Instagram.")
    db, ws = get_db(), workspaces.current_id()
    if app not in _installed(db, ws):
        db.execute("INSERT INTO phone_app (workspace_id, app, store, installed_at) VALUES (?, ?, ?, ?)",
                   (ws, app, store, clock.iso(g.now)))
        actions.log("instagram.app_installed", platform="instagram",
                    object_type="app", store=shop["name"], app=app)
        db.commit()
    return redirect(url_for("appstore.app_page", store=store, app=app))
