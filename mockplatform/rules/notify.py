"""Starting or closing an account: the communications unit must be told. The handbook says
*måste*, so the server refuses (the planning form and closing an account)."""

from __future__ import annotations

from .base import Rule

WORDS = ("Marknad och kommunikationsenheten måste få information om att ni upprättar ett konto "
         "alternativt stänger ett konto.")


def check(text: str, context: dict) -> list[tuple[str, str]]:
    change = context.get("account_change")  # "start" or "close"
    if change not in ("start", "close") or context.get("notified"):
        return []
    return [(WORDS, context.get("name") or "kontot")]


RULE = Rule(
    id="meddela-enheten",
    section="Lista över aktiva konton",
    explanation="Den som startar eller stänger ett konto meddelar marknad- och kommunikationsenheten.",
    looks_at=("account",),
    check=check,
    severity="refuse",
    handbook_words=WORDS,
    catalog=("meddela",),
)
