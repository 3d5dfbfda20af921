"""Shared helpers for the Instagram unit tests."""

from __future__ import annotations

import io

from PIL import Image

PASSWORDS = {"osthammarskommun": "ovning-ig-kommun", "osthammarsbibliotek": "ovning-ig-bibliotek",
             "fritidosthammar": "ovning-ig-fritid"}


def ig_login(client, username: str = "osthammarskommun", password: str | None = None,
             path: str = "/instagram/logga-in"):
    return client.post(path, data={"username": username,
                                   "password": PASSWORDS[username] if password is None else password})


def png_bytes(color=(200, 30, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 40), color).save(buf, "PNG")
    return buf.getvalue()


def sessions(db, ws: str) -> dict[str, int]:
    """username → active flag of every account the workspace's phone is logged in to."""
    return {r[0]: r[1] for r in db.execute(
        "SELECT ig_account.username, ig_session.active FROM ig_session JOIN ig_account"
        " ON ig_account.id = ig_session.account_id WHERE ig_session.workspace_id = ?", (ws,))}


def account_id(db, ws: str, username: str) -> int:
    return db.execute("SELECT id FROM ig_account WHERE workspace_id = ? AND username = ?",
                      (ws, username)).fetchone()[0]


def verbs(db, ws: str) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT verb FROM action WHERE workspace_id = ? AND platform = 'instagram' ORDER BY id", (ws,))]
