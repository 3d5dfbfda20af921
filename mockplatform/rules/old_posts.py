"""Posts are kept for at most 18 months (GDPR); older ones are to be removed."""

from __future__ import annotations

from datetime import timedelta

from .base import Rule, short

MAX_AGE = timedelta(days=548)  # 18 months


def check(text: str, context: dict) -> list[tuple[str, str]]:
    now = context.get("now")
    if now is None:
        return []
    old = [p for p in context.get("posts", []) if now - p["publish_at"] > MAX_AGE]
    return [("inlägget är äldre än 18 månader och ska raderas enligt rutinen (spara först en "
             "skärmdump).", short(p["text"], 80) or "(inlägg med bild)") for p in old]


RULE = Rule(
    id="gallring-18-manader",
    section="Yttrandefrihet, sekretess och personuppgifter",
    explanation="Inlägg ligger kvar i max 18 månader. Därefter raderas de.",
    looks_at=("page", "account"),
    check=check,
    handbook_words=("Med anledning av GDPR är det beslutat att inlägg på Östhammars kommuns "
                    "Facebooksida och Instagramkonto ligger kvar i max 18 månader. Därefter "
                    "raderas de."),
    catalog=("gallring",),
)
