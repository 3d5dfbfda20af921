"""Who may see and change what in a business: members see it, administrators change it."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort

from .. import personas, workspaces
from ..db import get_db
from . import model


@dataclass
class Context:
    db: object
    ws: str
    me: object          # the persona logged in on Facebook
    business: object
    member: object      # the persona's business_member row

    @property
    def is_admin(self) -> bool:
        return self.member["access"] == "Administratör"


def load(slug: str) -> Context:
    """The business of the URL, for a logged-in member (views use facebook's login_required)."""
    db, ws = get_db(), workspaces.current_id()
    me = personas.current()
    business = model.business_by_slug(db, ws, slug)
    member = model.membership(db, business["id"], me["id"])
    if member is None:
        abort(403, description=f"Du ({me['name']}) har inte tillgång till {business['name']} i "
                               "Business Manager. Be en administratör att bjuda in dig.")
    return Context(db, ws, me, business, member)


def load_admin(slug: str, what: str) -> Context:
    ctx = load(slug)
    if not ctx.is_admin:
        abort(403, description=f"Bara administratörer i {ctx.business['name']} kan {what}. "
                               "Du är medarbetare.")
    return ctx
