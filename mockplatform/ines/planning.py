"""The handbook's questions before starting an account ("Att tänka på om du ska starta ett
sociala medier-konto"), read and checked. Errors are Swedish, keyed by field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..rules import refusals, review

QUESTIONS = [  # (field, the handbook's word, the handbook's question)
    ("syfte", "Syfte", "Varför ska det sociala mediet användas?"),
    ("mal", "Mål", "Vad är målet med kommunikationen?"),
    ("malgrupp", "Målgrupp", "Vilka frågor ska i huvudsak kommuniceras, hänger det ihop med budskap i "
                             "andra kanaler, finns det risk för att budskap krockar?"),
    ("resurser", "Resurser", "Har ni bedömt vilka insatser som behövs i tid och resurser för att upprätta "
                             "och hålla det sociala mediet under uppsikt?"),
    ("bevakning", "Bevakning", "Vem/vilka sköter bevakning och uppdatering?"),
    ("avsandare", "Avsändare", "Framgår det tydligt att avsändaren är Östhammars kommun?"),
    ("risker", "Risker", "Är ni uppdaterade på vad som gäller kring sekretess och GDPR?"),
    ("diarieforing", "Diarieföring, gallring och arkivering", "Hur ser rutinerna ut?"),
    ("kris", "Kriskommunikation", "Hur använder ni mediet vid kris, hur hänger det ihop med övriga "
                                  "informationsinsatser?"),
    ("information", "Informationskrav", "Har ni fått med all övergripande information som ska finnas?"),
]
CHANNELS = ["Facebooksida", "Instagramkonto", "Annat socialt medium"]
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
MAX_ANSWER = 2000
TWO_EDITORS = "Alla konton ska ha minst två utsedda redaktörer och ersättare vid frånvaro."


@dataclass
class Plan:
    unit: str = ""
    channel: str = ""
    answers: dict[str, str] = field(default_factory=dict)
    editors: list[str] = field(default_factory=lambda: ["", ""])
    notify: bool = False
    errors: dict[str, str] = field(default_factory=dict)


def read(form, domain: str) -> Plan:
    plan = Plan(unit=(form.get("unit") or "").strip(), channel=form.get("channel") or "",
                answers={k: (form.get(k) or "").strip() for k, _w, _q in QUESTIONS},
                editors=[(form.get(f"editor{i}") or "").strip().lower() for i in (1, 2)],
                notify=form.get("notify") == "ja")
    if not plan.unit:
        plan.errors["unit"] = "Skriv vilken verksamhet eller enhet som vill starta kontot."
    if plan.channel not in CHANNELS:
        plan.errors["channel"] = "Välj vilken typ av socialt medium ni ska använda (Kanal)."
    for key, word, _question in QUESTIONS:
        if not plan.answers[key]:
            plan.errors[key] = f"Besvara frågan om {word.lower()}."
        elif len(plan.answers[key]) > MAX_ANSWER:
            plan.errors[key] = f"Svaret om {word.lower()} är för långt – högst {MAX_ANSWER} tecken."
    for i, email in enumerate(plan.editors, 1):
        if not email:
            plan.errors[f"editor{i}"] = f"{TWO_EDITORS} Skriv redaktör {i}:s e-postadress."
        elif not EMAIL.match(email) or not email.endswith("@" + domain.lower()):
            plan.errors[f"editor{i}"] = f"Skriv en e-postadress som slutar på @{domain}."
    if all(plan.editors) and plan.editors[0] == plan.editors[1]:
        plan.errors["editor2"] = f"{TWO_EDITORS} Redaktör 2 ska vara en annan person än redaktör 1."
    refused = refusals(review("account", context={"account_change": "start", "notified": plan.notify,
                                                  "name": plan.unit}))
    if refused:
        plan.errors["notify"] = refused[0].message
    return plan


def mail_body(plan: Plan, who: str) -> str:
    lines = [f"{who} har planerat ett nytt konto för {plan.unit}.", "", f"Kanal: {plan.channel}", ""]
    for key, word, question in QUESTIONS:
        lines += [f"{word} – {question}", plan.answers[key], ""]
    lines += ["Redaktörer: " + ", ".join(plan.editors), "",
              "Lägg till kontot i listan över aktiva konton på Ines när det är upprättat."]
    return "\n".join(lines)
