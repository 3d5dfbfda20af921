"""Helpers for the Business Manager tests: ids of the seeded world, the wizard, the mailbox."""

from __future__ import annotations

import re

from .conftest import EMAILS, login, workspace_id

BIZ = "/business/osthammarskommun"
PEOPLE = f"{BIZ}/installningar/personer"


def page_id(db, client, slug: str) -> int:
    return db.execute("SELECT id FROM page WHERE workspace_id = ? AND slug = ?",
                      (workspace_id(client), slug)).fetchone()[0]


def persona_id(db, client, key: str) -> int:
    return db.execute("SELECT id FROM persona WHERE workspace_id = ? AND key = ?",
                      (workspace_id(client), key)).fetchone()[0]


def invite(client, email: str, roles: dict[int, str], access: str = "Medarbetare",
           tasks: dict[int, list[str]] | None = None):
    """Step 2 of the wizard (Bjud in) with a role on each Page."""
    data = {"email": email, "access": access, "action": "send", "page": [str(p) for p in roles]}
    for pid, role in roles.items():
        data[f"role-{pid}"] = role
    for pid, ts in (tasks or {}).items():
        data[f"tasks-{pid}"] = ts
    return client.post(f"{PEOPLE}/bjud-in", data=data)


def accept_link(client, email: str) -> str:
    inbox = client.get("/sandladan/inkorg").get_data(as_text=True)
    mail_id = re.findall(r"/sandladan/inkorg/(\d+)", inbox)[0]
    mail = client.get(f"/sandladan/inkorg/{mail_id}").get_data(as_text=True)
    assert email in mail
    return re.search(r'href="(/business/inbjudan/[^"]+)"', mail).group(1)


def give_role(client, db, role: str, slug: str = "osthammarskommun", who: str = "per",
              tasks: list[str] | None = None) -> int:
    """Eva invites the persona with the role on the Page; the persona accepts. Leaves the
    persona logged in. Returns the Page id."""
    login(client, "eva")
    pid = page_id(db, client, slug)
    email = EMAILS[who]
    response = invite(client, email, {pid: role}, tasks={pid: tasks} if tasks else None)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    link = accept_link(client, email)
    login(client, who)
    assert client.post(link).status_code == 302
    return pid


def count(db, table: str, where: str = "1", params: tuple = ()) -> int:
    return db.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0]
