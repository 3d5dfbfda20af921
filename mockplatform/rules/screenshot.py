"""Before a published post or a comment is deleted, its content and sender are saved with a
screenshot sent to the communications unit. The handbook says *måste*: the server refuses."""

from __future__ import annotations

from .base import Rule

WORDS = ("Innan radering måste innehållet och information om dess avsändare sparas ner genom en "
         "skärmdump och skickas till marknad- och kommunikationsenheten.")


def check(text: str, context: dict) -> list[tuple[str, str]]:
    if context.get("screenshot_saved"):
        return []
    return [(WORDS + " Kryssa i rutan när du har gjort det.", text.strip()[:80] or "(bild)")]


RULE = Rule(
    id="skarmdump",
    section="Otillåtna inlägg och kommentarer",
    explanation="Spara en skärmdump av innehållet och avsändaren innan du raderar något.",
    looks_at=("delete",),
    check=check,
    severity="refuse",
    handbook_words=WORDS,
    catalog=("skarmdump",),
)
