"""The same reply pasted to several people: a near-duplicate (rapidfuzz) of one of the Page's
replies of the last days. Greetings ("Hej Anna!") and signatures do not make a reply personal,
so they are left out of the comparison."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from .base import Rule, short

GREETING = re.compile(r"^\s*(hej|hejsan|hallå|tack|god morgon)\b[^!,.\n]{0,30}[!,.]?\s*", re.IGNORECASE)
SIMILAR = 90   # rapidfuzz ratio (0–100) from which two replies count as the same
MIN_LENGTH = 40  # "Tack!" twice is not copy-paste


def _core(text: str, persona: dict | None) -> str:
    text = GREETING.sub("", text.strip())
    if persona and persona.get("name"):
        first = persona["name"].split()[0]
        cut = re.search(r"(?:vänliga hälsningar|hälsningar|allt gott)?[\s,!/]*" + re.escape(first)
                        + r"(?!\w)", text, re.IGNORECASE)
        if cut and cut.start() > len(text) // 2:
            text = text[:cut.start()]
    return " ".join(text.lower().split())


def check(text: str, context: dict) -> list[tuple[str, str]]:
    persona = context.get("persona")
    core = _core(text, persona)
    if len(core) < MIN_LENGTH:
        return []
    same = [r for r in context.get("recent_replies", [])
            if fuzz.ratio(core, _core(r, persona)) >= SIMILAR]
    if not same:
        return []
    n = len(same)
    others = "ett annat svar" if n == 1 else f"{n} andra svar"
    return [(f"svaret är nästan likadant som {others} från sidan de senaste dagarna. Skriv ett "
             "personligt svar – annars kan vi uppfattas som oengagerade.", short(text))]


RULE = Rule(
    id="kopierade-svar",
    section="Tilltal",
    explanation="Klistra inte in exakt samma svar till alla: ett personligt utformat svar visar "
                "att vi engagerar oss.",
    looks_at=("reply",),
    check=check,
    handbook_words=("Om vi klistrar in exakt samma svar till alla som ställer liknande frågor, "
                    "riskerar vi att tolkas som oengagerade."),
    catalog=("kopierade-svar",),
)
