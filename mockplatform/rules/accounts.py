"""Rules about an account as a whole: the rules of the account shown, not inactive for over a
year, at least two people who can publish."""

from __future__ import annotations

from datetime import timedelta

from .base import Rule

YEAR = timedelta(days=365)


def states_rules(text: str) -> bool:
    """An account's description that says which rules apply ("Regler: …")."""
    return "regler" in (text or "").lower()


def _rules_shown(text: str, context: dict) -> list[tuple[str, str]]:
    if context.get("has_rules", True):
        return []
    return [("det framgår inte vilka regler som gäller på kontot. Skriv in reglerna (vad som "
             "döljs eller tas bort) där besökarna ser dem.", context.get("name", "kontot"))]


def _inactive(text: str, context: dict) -> list[tuple[str, str]]:
    last, now = context.get("last_post_at"), context.get("now")
    if now is None or "last_post_at" not in context:
        return []
    if last is None or now - last > YEAR:
        return [("kontot har varit inaktivt i över ett år och ska avslutas. Meddela marknad- och "
                 "kommunikationsenheten när det är stängt.", context.get("name", "kontot"))]
    return []


def _publishers(text: str, context: dict) -> list[tuple[str, str]]:
    count = context.get("publishers")
    if count is None or count >= 2:
        return []
    who = "person" if count == 1 else "personer"
    return [(f"{context.get('name', 'sidan')} har {count} {who} som kan publicera. Alla konton ska "
             "ha minst två utsedda redaktörer och ersättare vid frånvaro.",
             f"{count} {who} kan publicera")]


PAGE_RULES = Rule(
    id="sidans-regler", section="Otillåtna inlägg och kommentarer",
    explanation="På varje konto ska det tydligt framgå vilka regler som gäller.",
    looks_at=("account", "page"), check=_rules_shown,
    handbook_words="På samtliga konton på Facebook ska det tydligt framgå vilka regler som gäller.",
    catalog=("sidans-regler",),
)
INACTIVE = Rule(
    id="inaktivt-konto", section="Inaktiva konton",
    explanation="Konton som varit inaktiva i över ett år ska avslutas, och enheten meddelas.",
    looks_at=("account",), check=_inactive,
    handbook_words="Alla konton som har varit inaktiva i över ett år ska avslutas.",
    catalog=("inaktiva-konton",),
)
PUBLISHERS = Rule(
    id="tva-redaktorer", section="Att tänka på om du ska starta ett sociala medier-konto",
    explanation="Alla konton ska ha minst två utsedda redaktörer och ersättare vid frånvaro.",
    looks_at=("page", "invite"), check=_publishers,
    handbook_words="Alla konton ska ha minst två utsedda redaktörer och ersättare vid frånvaro.",
    catalog=("tva-redaktorer",),
)
