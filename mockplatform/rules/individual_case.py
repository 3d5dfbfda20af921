"""Advice or promises with economic consequences, and case details, in public (enskilt
ärende): "du får tillbaka", "ring mig privat", "ditt ärende", an amount promised to someone.
A price in an event post ("Entré 50 kr") is not a case; an amount is flagged only in a reply
that speaks to the person about money of their own."""

from __future__ import annotations

import re

from .base import Rule

ANYWHERE = [
    (r"(?:du|ni) får (?:\w+ )?tillbaka|får (?:du|ni) (?:\w+ )?tillbaka|pengarna tillbaka",
     "ett löfte om pengar tillbaka"),
    (r"(?:du|ni) har rätt till (?:ersättning|bidrag|bistånd|återbetalning|skadestånd|avdrag)"
     r"|(?:vi|kommunen) (?:betalar|ersätter) (?:dig|er|tillbaka)",
     "ett besked om rätt till pengar"),
    (r"ring mig privat|mitt privata (?:nummer|mobilnummer|telefonnummer)|min privata (?:mobil|telefon)"
     r"|sms:?a mig", "en privat kontaktväg"),
    (r"(?:ditt|ert) ärende|(?:din|er) ansökan|(?:ditt|ert) bygglov|(?:ditt|ert) bistånd"
     r"|(?:din|er) faktura|(?:ditt|ert) beslut", "detaljer ur ett enskilt ärende"),
]
AMOUNT = re.compile(r"(?<![\w-])\d[\d  ]*(?:[.,]\d+)?\s?(?:kr|kronor|:-)(?!\w)", re.IGNORECASE)
YOU = re.compile(r"(?<!\w)(du|dig|din|ditt|dina|ni|er|ert|era)(?!\w)", re.IGNORECASE)
MONEY = re.compile(r"tillbaka|återbetal\w*|ersättning\w*|faktura\w*|avgift\w*|bidrag\w*|skuld\w*|"
                   r"hyr\w*|bistånd\w*|avdrag\w*|sänk\w*", re.IGNORECASE)
PATTERNS = [(re.compile(r"(?<!\w)(?:" + p + r")(?!\w)", re.IGNORECASE), what) for p, what in ANYWHERE]


def check(text: str, context: dict) -> list[tuple[str, str]]:
    out = []
    for pattern, what in PATTERNS:
        m = pattern.search(text)
        if m:
            out.append((f"texten innehåller {what}. I ett enskilt ärende ska sociala medier inte "
                        "användas, och råd som kan få ekonomiska konsekvenser kan göra kommunen "
                        "skadeståndsskyldig. Be personen kontakta Östhammar Direkt.", m.group(0)))
    if context.get("kind") == "reply":
        for m in AMOUNT.finditer(text):
            if YOU.search(text) and MONEY.search(text):
                out.append(("svaret nämner ett belopp i personens eget ärende. Ge inga besked om "
                            "pengar i ett socialt medium – hänvisa till Östhammar Direkt.",
                            m.group(0).strip()))
                break
    return out


RULE = Rule(
    id="enskilt-arende",
    section="Enskilt ärende",
    explanation="Ge inga råd eller besked i ett enskilt ärende i sociala medier, särskilt inte om "
                "pengar: flytta det till en annan kanal.",
    looks_at=("post", "reply"),
    check=check,
    handbook_words=("Gör därför inga uttalanden i ett socialt medium som kan uppfattas som råd eller "
                    "upplysningar som kan få ekonomiska konsekvenser."),
    catalog=("enskilt-arende",),
)
