"""The handbook's signature rule (Tilltal): "De inlägg vi skriver ska ha en avsändare", e.g.
"Vänliga hälsningar, Eva, kommunikatör på Östhammars kommun" or "/Eva Lind, kommunikatör".

One function for the checks, the coach and the debrief: a text is signed by a persona when, at
its end, the persona's first name stands as a whole word followed closely by their role or
their unit as whole words. A name inside another word ("Vi b*eva*kar") never counts."""

from __future__ import annotations

import re
from functools import lru_cache

# How far from the end of the text a signature may start, and how far its role may follow the name.
TAIL = 160
NEAR = 70
_STOP = {"på", "i", "vid", "och", "för", "hos", "med"}


def _words(text: str) -> list[str]:
    return re.findall(r"[\wåäöÅÄÖéÉ-]+", text or "")


def _whole(word: str) -> str:
    return rf"(?<![\w-]){re.escape(word)}(?![\w-])"


@lru_cache(maxsize=1024)
def role_words(name: str, signature: str, title: str) -> frozenset[str]:
    """The words that say who the writer is: the title and the unit from the signature (every
    reply is checked on every evaluation; a persona's words are worked out once)."""
    names = {w.lower() for w in _words(name)}
    parts = _words(signature) + _words(title)
    return frozenset(w.lower() for w in parts
                     if w.lower() not in names and w.lower() not in _STOP and len(w) >= 4)


def is_signed(text: str, persona) -> bool:
    """Whether ``text`` ends with a sender: the persona's first name and their role or unit."""
    if not persona or not text:
        return False
    first = (_words(persona["name"]) or [""])[0]
    if not first:
        return False
    tail_start = max(len(text) - TAIL, 0)
    title = persona["title"] if "title" in persona.keys() else ""
    roles = role_words(persona["name"] or "", persona["signature"] or "", title or "")
    for match in re.finditer(_whole(first), text, flags=re.IGNORECASE):
        if match.end() < tail_start:
            continue
        window = text[match.end():match.end() + NEAR]
        if any(re.search(_whole(w), window, flags=re.IGNORECASE) for w in roles):
            return True
    return False
