"""A picture of a person needs a signed consent form; for a child under 13 the guardian
signs. The handbook says *måste*, so the server refuses – on Facebook as on Instagram."""

from __future__ import annotations

from .base import Rule

PERSON_CHOICES = {"none": "Nej, ingen person",
                  "adult": "Ja, en person som är 13 år eller äldre",
                  "child": "Ja, ett barn under 13 år"}
NO_CONSENT = ("Ska du lägga ut en bild på en person måste personen som avbildas skriva under en "
              "samtyckesblankett för bildanvändande. Blanketten finns på intranätet Ines.")
NO_GUARDIAN = ("Är personen på bilden under 13 år måste målsman skriva under "
               "samtyckesblanketten för bildanvändande.")


def read_answers(form) -> tuple[dict, list[str]]:
    """The composer's questions about the picture (the same on Facebook and Instagram)."""
    image = {"shows_person": form.get("shows_person") or "", "consent": form.get("consent") or "",
             "guardian_consent": form.get("guardian_consent") or ""}
    errors = []
    if image["shows_person"] not in PERSON_CHOICES:
        errors.append("Svara på om bilden visar en person.")
    elif image["shows_person"] == "adult" and image["consent"] not in ("yes", "no"):
        errors.append("Svara på om personen på bilden har skrivit under samtyckesblanketten.")
    elif image["shows_person"] == "child" and image["guardian_consent"] not in ("yes", "no"):
        errors.append("Svara på om barnets målsman har skrivit under samtyckesblanketten.")
    return image, errors


def check(text: str, context: dict) -> list[tuple[str, str]]:
    image = context.get("image") or {}
    who = image.get("shows_person")
    if who == "adult" and image.get("consent") != "yes":
        return [(NO_CONSENT, "en person som är 13 år eller äldre")]
    if who == "child" and image.get("guardian_consent") != "yes":
        return [(NO_GUARDIAN, "ett barn under 13 år")]
    return []


RULE = Rule(
    id="bildsamtycke",
    section="Bilder",
    explanation="En bild på en person kräver en underskriven samtyckesblankett; för barn under 13 "
                "år skriver målsman under.",
    looks_at=("upload",),
    check=check,
    severity="refuse",
    handbook_words=("Ska du lägga ut en bild på en person måste en samtyckenblankett för "
                    "bildanvändande skrivas under av personen som avbildas."),
    catalog=("bildsamtycke", "barn-under-13"),
)
