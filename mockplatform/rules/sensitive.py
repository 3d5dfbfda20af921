"""Sensitive personal data (health, religion, ethnicity, union membership, sexual orientation)
about an identifiable person. A topic alone is not flagged ("Föreläsning om diabetes",
"Välkommen på Pride"): only a sentence that also points at a person – a name, "han/hon",
"vår kollega", or in a reply "du/din" (not the general "du som …")."""

from __future__ import annotations

import re

from .base import Rule

CATEGORIES = {
    "hälsa": r"diagnos\w*|sjukskriv\w*|cancer|depression|deprimerad|diabetes|adhd|autism|"
             r"psykisk\w* (?:ohälsa|sjuk\w*)|missbruk\w*|alkoholist|gravid|funktionsnedsättning|"
             r"demen[st]\w*|utbränd\w*|hiv",
    "religion": r"muslim\w*|jude|judisk\w*|kristen|katolik\w*|katolsk\w*|troende|ateist|hindu|"
                r"buddist",
    "etnisk tillhörighet": r"etnisk\w*|romsk\w*|samisk\w*|kurdisk\w*|utländsk bakgrund|invandrare",
    "fackföreningstillhörighet": r"fackligt ansluten|med i facket|fackmedlem|medlem i (?:facket|"
                                 r"Kommunal|Vision|Lärarförbundet|Vårdförbundet|Unionen|Saco)",
    "sexuell läggning": r"homosexuell\w*|bisexuell\w*|gay|lesbisk\w*|transperson\w*|queer",
}
TERMS = re.compile(r"(?<!\w)(" + "|".join(f"(?P<c{i}>{p})" for i, p in enumerate(CATEGORIES.values()))
                   + r")(?!\w)", re.IGNORECASE)
THIRD = re.compile(r"(?<!\w)(han|hon|hen|hans|hennes|hens|honom|henne|vår kollega|kollegan|eleven|"
                   r"patienten|brukaren|barnet|pojken|flickan|mannen|kvinnan)(?!\w)", re.IGNORECASE)
SECOND = re.compile(r"(?<!\w)(du|din|ditt|dina|dig|er|ert|era)(?!\w)(?!\s+som)", re.IGNORECASE)
NAME = re.compile(r"(?<!\w)[A-ZÅÄÖ][a-zåäöé]+ [A-ZÅÄÖ][a-zåäöé]+(?!\w)")
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def check(text: str, context: dict) -> list[tuple[str, str]]:
    out = []
    names = list(CATEGORIES)
    for sentence in SENTENCE.finditer(text):
        s = sentence.group(0).strip()
        term = TERMS.search(s)
        if not term:
            continue
        about_person = THIRD.search(s) or NAME.search(s) or (
            context.get("kind") == "reply" and SECOND.search(s))
        if about_person:
            category = next(names[i] for i in range(len(names)) if term.group(f"c{i}"))
            out.append((f"texten verkar berätta om en persons {category}. Det är en känslig "
                        "personuppgift: för att publicera den ska samtycke finnas.", s))
    return out


RULE = Rule(
    id="kansliga-personuppgifter",
    section="Personuppgifter som medarbetare",
    explanation=("Hälsa, religion, etnisk tillhörighet, fackföreningstillhörighet och sexuell "
                 "läggning om en person publiceras bara med samtycke."),
    looks_at=("post", "reply", "upload"),
    check=check,
    handbook_words=("För publicering av känsliga personuppgifter (religion, etnisk tillhörighet, "
                    "fackföreningstillhörighet, hälsouppgifter, sexuell läggning osv.) ska samtycke "
                    "finnas."),
    catalog=("kansliga-personuppgifter",),
)
