"""Writes the seeded world into one workspace. Called when a workspace is created or reset."""

from __future__ import annotations

import json
from datetime import datetime

from . import world as world_mod
from .clock import iso


def seed(db, workspace_id: str, world: dict, now: datetime) -> None:
    persona_ids = _personas(db, workspace_id, world)
    page_ids = _pages(db, workspace_id, world, persona_ids)
    _posts(db, workspace_id, world, now, persona_ids, page_ids)
    _businesses(db, workspace_id, world, persona_ids, page_ids)
    _instagram(db, workspace_id, world, now)


def _personas(db, ws, world) -> dict[str, int]:
    ids = {}
    for p in world["personas"]:
        cur = db.execute(
            "INSERT INTO persona (workspace_id, key, name, title, email, password_hash, signature,"
            " avatar) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (ws, p["key"], p["name"], p.get("title", ""), p["email"],
             world_mod.password_hash(p["password"]), p.get("signature", ""), p.get("avatar", "")),
        )
        ids[p["key"]] = cur.lastrowid
    return ids


def _pages(db, ws, world, persona_ids) -> dict[str, int]:
    ids = {}
    for page in world["pages"]:
        cur = db.execute(
            "INSERT INTO page (workspace_id, slug, name, category, about, avatar, cover)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (ws, page["slug"], page["name"], page.get("category", ""), page.get("about", ""),
             page.get("avatar", ""), page.get("cover", "")),
        )
        ids[page["slug"]] = cur.lastrowid
        for who, role in page.get("roles", {}).items():
            name, tasks = (role["role"], role.get("tasks", [])) if isinstance(role, dict) else (role, [])
            db.execute(
                "INSERT INTO page_role (workspace_id, page_id, persona_id, role, tasks)"
                " VALUES (?, ?, ?, ?, ?)",
                (ws, cur.lastrowid, persona_ids[who], name, json.dumps(tasks)),
            )
    return ids


def _posts(db, ws, world, now, persona_ids, page_ids) -> None:
    for post in world.get("posts", []):
        at = iso(now - world_mod.ago(post["ago"]))
        cur = db.execute(
            "INSERT INTO post (workspace_id, page_id, author_id, text, image, link_url, status,"
            " publish_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'published', ?, ?)",
            (ws, page_ids[post["page"]], persona_ids.get(post.get("author")), post.get("text", ""),
             post.get("image", ""), post.get("link", ""), at, at),
        )
        name_object(db, ws, post.get("key"), "post", cur.lastrowid)
        post_id = cur.lastrowid
        for c in post.get("comments", []):
            cur = db.execute(
                "INSERT INTO comment (workspace_id, post_id, author_name, text, kind, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (ws, post_id, c["author"], c["text"], c.get("kind", ""),
                 iso(now - world_mod.ago(c["ago"]))),
            )
            name_object(db, ws, c.get("key"), "comment", cur.lastrowid)


def name_object(db, ws: str, key: str | None, kind: str, object_id: int | None) -> None:
    """Remember an object of the world by its key (world posts and comments, scenario items):
    checks name the object they are about, never 'the first row that contains …'."""
    if key and object_id:
        db.execute("INSERT OR REPLACE INTO object_key (workspace_id, key, kind, object_id)"
                   " VALUES (?, ?, ?, ?)", (ws, key, kind, object_id))


def _businesses(db, ws, world, persona_ids, page_ids) -> None:
    for biz in world["businesses"]:
        cur = db.execute(
            "INSERT INTO business (workspace_id, slug, name) VALUES (?, ?, ?)",
            (ws, biz["slug"], biz["name"]),
        )
        for slug in biz.get("pages", []):
            db.execute("INSERT INTO business_page (business_id, page_id) VALUES (?, ?)",
                       (cur.lastrowid, page_ids[slug]))
        for who, access in biz.get("members", {}).items():
            db.execute(
                "INSERT INTO business_member (business_id, persona_id, access) VALUES (?, ?, ?)",
                (cur.lastrowid, persona_ids[who], access),
            )


def _instagram(db, ws, world, now) -> None:
    for acc in world["instagram"]:
        cur = db.execute(
            "INSERT INTO ig_account (workspace_id, username, full_name, bio, email, password_hash,"
            " avatar) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (ws, acc["username"], acc["full_name"], acc.get("bio", ""), acc["email"],
             world_mod.password_hash(acc["password"]), acc.get("avatar", "")),
        )
        for post in acc.get("posts", []):
            db.execute(
                "INSERT INTO ig_post (workspace_id, account_id, image, caption, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (ws, cur.lastrowid, post.get("image", ""), post.get("caption", ""),
                 iso(now - world_mod.ago(post["ago"]))),
            )
