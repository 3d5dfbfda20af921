"""The seeded world: organisation, personas, Pages, businesses, Instagram accounts, posts and
comments. Data lives in a YAML file (``osthammar.yaml`` by default, ``WORLD_FILE`` overrides)
so another municipality can bring its own."""

from __future__ import annotations

import functools
from datetime import timedelta
from importlib import resources
from pathlib import Path

import yaml
from werkzeug.security import generate_password_hash

from ..clock import parse_duration

ROLES = ("Administratör", "Redaktör", "Moderator", "Annonsör", "Analytiker", "Anpassad")


class WorldError(ValueError):
    pass


@functools.cache
def load(path: str | None = None) -> dict:
    if path:
        text = Path(path).read_text(encoding="utf-8")
    else:
        text = resources.files(__package__).joinpath("osthammar.yaml").read_text(encoding="utf-8")
    world = yaml.safe_load(text)
    validate(world)
    return world


def validate(world: dict) -> None:
    for key in ("organisation", "personas", "pages", "businesses", "instagram"):
        if key not in world:
            raise WorldError(f"Världsfilen saknar avsnittet '{key}'.")
    personas = {p["key"] for p in world["personas"]}
    pages = {p["slug"] for p in world["pages"]}
    for page in world["pages"]:
        for who, role in page.get("roles", {}).items():
            name = role["role"] if isinstance(role, dict) else role
            if who not in personas or name not in ROLES:
                raise WorldError(f"Sidan {page['slug']}: okänd person eller roll {who}={name}.")
    for post in world.get("posts", []):
        if post["page"] not in pages:
            raise WorldError(f"Inlägg på okänd sida {post['page']}.")
        ago(post["ago"])
    for biz in world["businesses"]:
        unknown = set(biz.get("pages", [])) - pages
        if unknown:
            raise WorldError(f"Företaget {biz['slug']} äger okända sidor {sorted(unknown)}.")


def ago(value) -> timedelta:
    return parse_duration(str(value))


@functools.cache
def password_hash(password: str) -> str:
    """Hashing is slow on purpose; the practice passwords are the same in every workspace."""
    return generate_password_hash(password)


def hash_passwords(world: dict) -> None:
    """Work out every practice password's hash now (~0.8 s), not when the first trainee waits."""
    for who in world["personas"] + world["instagram"]:
        password_hash(who["password"])


def persona(world: dict, key: str) -> dict:
    return next(p for p in world["personas"] if p["key"] == key)


def object_keys(world: dict) -> dict[str, str]:
    """The world's named posts and comments: key → kind."""
    out: dict[str, str] = {}
    for post in world.get("posts", []):
        if post.get("key"):
            out[post["key"]] = "post"
        for c in post.get("comments", []):
            if c.get("key"):
                out[c["key"]] = "comment"
    return out
