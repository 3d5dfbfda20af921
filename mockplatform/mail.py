"""A small mock mailbox for the practice e-mail addresses (invitations, password resets)."""

from __future__ import annotations

from . import clock


def send(db, ws: str, to_addr: str, subject: str, body: str, link: str | None = None,
         sender: str = "Facebook") -> int:
    cur = db.execute(
        "INSERT INTO mail (workspace_id, to_addr, sender, subject, body, link, sent_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (ws, to_addr.lower(), sender, subject, body, link, clock.iso(clock.now(db, ws))),
    )
    return cur.lastrowid


def inbox(db, ws: str, to_addr: str | None = None) -> list:
    if to_addr:
        return db.execute(
            "SELECT * FROM mail WHERE workspace_id = ? AND to_addr = ? ORDER BY id DESC",
            (ws, to_addr.lower()),
        ).fetchall()
    return db.execute("SELECT * FROM mail WHERE workspace_id = ? ORDER BY id DESC", (ws,)).fetchall()


def get(db, ws: str, mail_id: int):
    return db.execute("SELECT * FROM mail WHERE workspace_id = ? AND id = ?",
                      (ws, mail_id)).fetchone()
