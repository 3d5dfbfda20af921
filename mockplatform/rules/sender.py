"""A post or reply without a sender (the handbook's Tilltal). The test itself is
``signature.is_signed``, the one used by checks, coach and debrief alike."""

from __future__ import annotations

from .base import Rule
from .signature import is_signed


def check(text: str, context: dict) -> list[tuple[str, str]]:
    persona = context.get("persona")
    if not persona or not persona.get("signature") or not text.strip() or is_signed(text, persona):
        return []
    what = "svaret" if context.get("kind") == "reply" else "inlägget"
    return [(f"{what} har ingen avsändare. Avsluta till exempel med ”Vänliga hälsningar, "
             f"{persona['signature']}”.", text.strip().split("\n")[-1][-80:])]


RULE = Rule(
    id="avsandare",
    section="Tilltal",
    explanation="Det vi skriver ska ha en avsändare: namn och roll, t.ex. ”Eva, kommunikatör på "
                "Östhammars kommun”.",
    looks_at=("post", "reply"),
    check=check,
    handbook_words="De inlägg vi skriver ska ha en avsändare.",
    catalog=("avsandare",),
)
