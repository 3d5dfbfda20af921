"""The one signature test: does a text end with its writer's name and role?

The handbook (Tilltal): "De inlägg vi skriver ska ha en avsändare", e.g. "Vänliga hälsningar,
Eva, kommunikatör på Östhammars kommun". Signed means the writer's first name (or full name)
as a whole word, followed within a short distance by a word of the role: the title, or the
part of the persona's signature after the name ("kommunikatör", "Östhammars kommun"). A name
inside another word never counts ("Vi bevakar vädret" is not signed by Eva)."""

from __future__ import annotations

import re

NEAR = 60  # characters between the name and the role


def _word(phrase: str) -> str:
    return r"(?<!\w)" + r"\s+".join(re.escape(p) for p in phrase.split()) + r"(?!\w)"


def role_words(persona: dict) -> list[str]:
    """The role as the persona's signature and title say it: 'kommunikatör', 'Östhammars
    kommun', 'kommunikatör på Östhammars kommun'."""
    signature = (persona.get("signature") or "").strip()
    _name, _, rest = signature.partition(",")
    words = []
    for part in [rest, persona.get("title") or ""]:
        part = part.strip(" ,.")
        if not part:
            continue
        words.append(part)
        words.extend(p.strip() for p in re.split(r"\s+(?:på|vid|i)\s+", part) if p.strip())
    return [w for w in dict.fromkeys(words) if len(w) > 2]


def names(persona: dict) -> list[str]:
    full = (persona.get("name") or "").strip()
    first = full.split()[0] if full else ""
    sig_name = (persona.get("signature") or "").partition(",")[0].strip()
    return [n for n in dict.fromkeys([full, sig_name, first]) if n]


def is_signed(text: str, persona: dict | None) -> bool:
    if not text or not persona:
        return False
    roles = role_words(persona)
    if not roles:
        return False
    role_re = re.compile("|".join(_word(r) for r in roles), re.IGNORECASE)
    for name in names(persona):
        for m in re.finditer(_word(name), text, re.IGNORECASE):
            hit = role_re.search(text, m.end())
            if hit and hit.start() - m.end() <= NEAR:
                return True
    return False
