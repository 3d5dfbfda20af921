"""What a step's words promise: "tryck/klicka/välj" presses or chooses, "skriv/fyll" writes.
A step whose actions do not keep the promise is a parse error, not a step that silently
presses nothing."""

from __future__ import annotations

import re

TAP = re.compile(r"\b(tryck|trycka|trycker|klicka|klickar|välj|välja|väljer)\b", re.IGNORECASE)
WRITE = re.compile(r"\b(skriv|skriva|skriver|fyll|fylla|fyller)\b", re.IGNORECASE)
# What the words promise, and the actions that keep the promise (``show``: the guide
# deliberately only points the control out, as in "du kan … genom att trycka på …").
PROMISES = [(TAP, "trycker eller väljer", {"click", "select", "fill", "check", "upload", "run",
                                           "show", "login"}),
            (WRITE, "skriver", {"fill", "run", "login"})]


def broken_promise(text: str, labels: list[str], verbs: list[str]) -> str | None:
    """Why the words and the actions disagree (Swedish), or None when they agree."""
    words = text
    for label in labels:  # the words of a label are the control's name, not an instruction
        words = words.replace(label, " ")
    for pattern, doing, keeps in PROMISES:
        m = pattern.search(words)
        if m and not set(verbs) & keeps:
            acts = ", ".join(verbs) or "inga"
            return (f"orden säger ”{m.group(0)}” men åtgärderna ({acts}) {doing} inte – lägg till "
                    f"t.ex. {'click' if doing != 'skriver' else 'fill'} i kommentaren (eller show, om "
                    "guiden bara ska peka ut kontrollen)")
    return None
