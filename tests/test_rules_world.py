"""Precision: the coach must not cry wolf. Every post, comment and reply of the seeded world
and of the scenarios (their seeds and their solutions) passes every rule without a hint."""

from pathlib import Path

import pytest
import yaml

from mockplatform import world
from mockplatform.rules import review

WORLD = world.load()
SCENARIOS = sorted((Path(__file__).parent.parent / "scenarios").glob("*.yaml"))
DOMAIN = WORLD["organisation"]["email_domain"]


def persona(key):
    p = world.persona(WORLD, key)
    return {"name": p["name"], "signature": p.get("signature", ""), "title": p.get("title", "")}


PERSONAS = {p["key"] for p in WORLD["personas"]}


def _walk(node, parent=None):
    """Every mapping with the key it stands under ("post", "comment", …)."""
    if isinstance(node, dict):
        yield parent, node
        for key, value in node.items():
            yield from _walk(value, key)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value, parent)


def texts_of_world():
    for post in WORLD.get("posts", []):
        yield "post", post["text"], post.get("author")
        for c in post.get("comments", []):
            yield "comment", c["text"], None
    for account in WORLD["instagram"]:
        for post in account.get("posts", []):
            yield "upload", post.get("caption", ""), None


def texts_of_scenario(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    who = (data.get("start") or {}).get("persona") or "eva"
    for parent, node in _walk(data):
        if "text" in node and (parent == "comment" or "post_contains" in node
                               or node.get("author") not in PERSONAS and "author" in node):
            yield "comment", node["text"], None                  # a citizen's comment
        elif parent == "post" and "text" in node:                # a seeded post
            yield "post", node["text"], node.get("author")
        fill = node.get("fill")
        if isinstance(fill, dict) and "text" in fill:
            label = fill.get("label", "")
            if label == "Inläggets text":
                yield "post", fill["text"], who
            elif label.startswith(("Svar till", "Kommentera")):
                yield "reply", fill["text"], who
            elif label == "Bildtext":
                yield "upload", fill["text"], None


def _review(kind, text, author):
    if kind == "comment":  # a citizen writes: no sender needed, but personal data would show
        return review("reply", text, {"org_domain": DOMAIN})
    return review(kind, text, {"org_domain": DOMAIN, "persona": persona(author) if author else None})


@pytest.mark.parametrize("kind,text,author", list(texts_of_world()))
def test_seeded_world_passes_without_a_hint(kind, text, author):
    assert _review(kind, text, author) == []


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario_texts_pass_without_a_hint(path):
    for kind, text, author in texts_of_scenario(path):
        assert _review(kind, text, author) == [], (kind, text)


def test_the_scenario_walker_finds_posts_comments_and_replies():
    found = [kind for path in SCENARIOS for kind, _t, _a in texts_of_scenario(path)]
    assert found.count("post") >= 8 and found.count("reply") >= 8 and found.count("comment") >= 8
