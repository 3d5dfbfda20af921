"""What a missing label is probably called now: ranked by meaning, role and place.

A control is a good suggestion when its name is similar (rapidfuzz), means the same (a small
table of the platforms' usual renames: *Nästa* → "Fortsätt", *dölj* → "Göm"), has the role the
step's words suggest (knappen → button, menyn → menuitem), sits in the open dialog or menu, and
fits the step's own claims ("den blåa knappen … i det högra hörnet"): that is the control that
appeared where the old one was. The sandbox's own bar is never suggested."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..guidecheck import claims as claims_mod
from .parser import normalise

# Words that mean the same on a button or in a menu (each set: one meaning).
MEANINGS = [
    {"nästa", "fortsätt", "gå vidare", "vidare", "framåt"},
    {"dölj", "göm", "dölj kommentar", "göm kommentar", "visa inte"},
    {"ta bort", "radera", "släng", "ta bort kommentar", "ta bort inlägg"},
    {"dela nu", "dela", "publicera", "posta", "lägg upp", "publicera nu"},
    {"logga in", "logga på", "gå in", "fortsätt"},
    {"logga ut", "logga av"},
    {"bjud in", "skicka inbjudan", "skicka", "bjud in person"},
    {"avsluta redigering", "spara", "klar", "spara ändringar", "uppdatera"},
    {"redigera inlägg", "ändra inlägg", "redigera"},
    {"schemalägg", "planera", "tidsinställ", "schemalägg inlägg"},
    {"lägg till", "ny", "skapa", "lägg till person", "lägg till personer"},
    {"inställningar", "alternativ", "preferenser"},
    {"företagsinställningar", "inställningar för företaget", "företagets inställningar"},
    {"glömt lösenordet?", "glömt lösenordet", "återställ lösenord", "nytt lösenord"},
    {"svara", "kommentera", "skriv ett svar"},
    {"lägg till konto", "nytt konto", "byt konto"},
    {"skriv ett inlägg", "vad gör du just nu", "skapa inlägg"},
]
ROLE_WORDS = [(r"knapp", ("button",)), (r"länk", ("link",)), (r"meny", ("menuitem", "button")),
              (r"flik", ("tab",)), (r"ruta", ("button", "textbox", "checkbox")),
              (r"fält", ("textbox", "searchbox", "combobox"))]
ROLE_NAMES = {"button": "knapp", "link": "länk", "menuitem": "menypost", "tab": "flik",
              "textbox": "textfält", "checkbox": "kryssruta", "radio": "alternativ",
              "combobox": "lista", "option": "alternativ", "switch": "reglage",
              "searchbox": "sökfält", "menuitemradio": "menypost", "menuitemcheckbox": "menypost"}


@dataclass
class Candidate:
    role: str
    name: str
    score: float = 0.0
    why: str = ""
    locator: object = None


def _meaning(label: str, name: str) -> bool:
    a, b = normalise(label).strip(" .+…?"), normalise(name).strip(" .+…?")
    return any(a in group and (b in group or any(b.startswith(w) for w in group)) for group in MEANINGS)


def roles_from_words(words: str) -> tuple[str, ...]:
    found: list[str] = []
    for pattern, roles in ROLE_WORDS:
        if re.search(pattern, words or "", re.I):
            found.extend(r for r in roles if r not in found)
    return tuple(found)


def rank(label: str, candidates: list[Candidate], words: str = "", fits=None) -> list[Candidate]:
    """Best first. ``fits(candidate)`` → True when it fits the step's claims (where the old one
    was); ``words`` are the step's words (role hints)."""
    wanted_roles = roles_from_words(words)
    for c in candidates:
        text = fuzz.WRatio(normalise(label), normalise(c.name))
        reasons = []
        score = text
        if _meaning(label, c.name):
            score, reasons = max(score, 80) + 10, ["betyder detsamma"]
        elif text >= 70:
            reasons.append("liknande namn")
        if wanted_roles and c.role in wanted_roles:
            score += 10
        if fits is not None and fits(c):
            score += 35
            reasons.append("sitter där stegets ord säger")
        c.score, c.why = score, ", ".join(reasons)
    return sorted(candidates, key=lambda c: -c.score)


def describe(c: Candidate) -> str:
    role = ROLE_NAMES.get(c.role, c.role)
    return f"”{c.name}” ({role}{'; ' + c.why if c.why else ''})"


def fits_claims(segment_claims):
    """A ``fits`` function from a step's claims, measured on each candidate's element."""
    if not segment_claims:
        return None

    def fits(c: Candidate) -> bool:
        try:
            geo = c.locator.evaluate(claims_mod.MEASURE_JS, None)
        except Exception:  # noqa: BLE001 – a candidate that cannot be measured does not fit
            return False
        geo["container_name"] = ""
        return all(claims_mod.check(claim, geo) is None for claim in segment_claims)

    return fits
