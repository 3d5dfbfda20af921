"""The coach's server side: the context a rule needs, read from the workspace's tables;
recording each finding in the action log (``rule.flagged``); showing hints after saving."""

from __future__ import annotations

from datetime import timedelta

from flask import flash

from .. import actions, clock
from ..workspaces import world_data
from . import RULES, review
from .base import Finding

ABOUT = {"post": "inlägget", "comment": "svaret", "ig_post": "bildtexten", "ig_account": "kontot",
         "invitation": "inbjudan", "persona": "behörigheten", "page": "sidan"}

RECENT = timedelta(days=3)  # replies compared for copy-paste


def persona(row) -> dict | None:
    if row is None:
        return None
    return {"name": row["name"], "signature": row["signature"], "title": row["title"]}


def base_context(me) -> dict:
    return {"persona": persona(me), "org_domain": world_data()["organisation"]["email_domain"]}


def for_post(db, ws: str, page, me, publish_at, exclude_id: int | None = None) -> dict:
    rows = db.execute(
        "SELECT publish_at FROM post WHERE workspace_id = ? AND page_id = ? AND deleted_at IS NULL"
        " AND status IN ('published', 'scheduled') AND id IS NOT ?", (ws, page["id"], exclude_id),
    ).fetchall()
    return base_context(me) | {"page_posts": [clock.parse(r["publish_at"]) for r in rows],
                        "publish_at": publish_at}


def for_reply(db, ws: str, page, me, now, exclude_id: int | None = None) -> dict:
    rows = db.execute(
        "SELECT comment.text FROM comment JOIN post ON post.id = comment.post_id"
        " WHERE comment.workspace_id = ? AND post.page_id = ? AND comment.as_page = 1"
        " AND comment.deleted_at IS NULL AND comment.created_at >= ? AND comment.id IS NOT ?",
        (ws, page["id"], clock.iso(now - RECENT), exclude_id),
    ).fetchall()
    return base_context(me) | {"recent_replies": [r["text"] for r in rows]}


def for_page(db, ws: str, page, now, publishers: int) -> dict:
    rows = db.execute(
        "SELECT id, text, publish_at FROM post WHERE workspace_id = ? AND page_id = ?"
        " AND deleted_at IS NULL AND status = 'published'", (ws, page["id"]),
    ).fetchall()
    posts = [{"id": r["id"], "text": r["text"], "publish_at": clock.parse(r["publish_at"])}
             for r in rows]
    return {"now": now, "name": page["name"], "posts": posts, "publishers": publishers,
            "page_posts": [p["publish_at"] for p in posts], "has_rules": True}


def for_account(account, posts, now, has_rules: bool) -> dict:
    times = [clock.parse(p["created_at"]) for p in posts]
    return {"now": now, "name": account["username"], "has_rules": has_rules,
            "last_post_at": max(times) if times else None,
            "posts": [{"id": p["id"], "text": p["caption"], "publish_at": t}
                      for p, t in zip(posts, times, strict=True)]}


def record(findings: list[Finding], *, platform: str, object_type: str, object_id: int | None,
           db=None, **detail) -> None:
    detail.setdefault("about", ABOUT.get(object_type, ""))
    for f in findings:
        actions.log("rule.flagged", platform=platform, object_type=object_type,
                    object_id=object_id, db=db, rule=f.rule_id, quote=f.quote, section=f.section,
                    message=f.message, severity=f.severity,
                    rule_text=RULES[f.rule_id].handbook_words, **detail)


def flash_hints(findings: list[Finding]) -> None:
    for f in findings:
        if f.severity == "hint":
            flash(f"Tänk på: {f.message} (”{f.quote}”)", "info")


def review_and_record(kind: str, text: str, context: dict, *, platform: str, object_type: str,
                      object_id: int | None, flash_them: bool = True) -> list[Finding]:
    findings = review(kind, text, context)
    record(findings, platform=platform, object_type=object_type, object_id=object_id)
    if flash_them:
        flash_hints(findings)
    return findings
