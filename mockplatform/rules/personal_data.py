"""Personal data in a text: personnummer (validated with the check digit), mobile numbers,
private e-mail addresses and home addresses.

What is deliberately *not* flagged (precision over recall): the organisation's own phone
numbers (a fixed line such as the switchboard "0173-860 00" is work contact data, which the
handbook allows), work e-mail on the organisation's domain, dates ("2026-12-02"), times
("kl. 10–14") and case numbers. A street address is flagged in a reply to someone (it is
likely theirs) or where the text says someone lives there ("bor på"); a venue's address in an
event post is not."""

from __future__ import annotations

import re

import phonenumbers
from personnummer import personnummer

from .base import Rule

PNR = re.compile(r"(?<![\d-])(?:\d{6}|\d{8})[-+ ]?\d{4}(?![\d-])")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
STREET = re.compile(r"(?<!\w)[A-ZÅÄÖ][a-zåäöé]+(?:gatan|vägen|gränd|gränden|stigen|backen|allén"
                    r"|torget|gata|väg|leden|slingan|svängen)\s+\d{1,3}(?:\s?[A-Z]|[a-z])?(?!\w)")
HOME = re.compile(r"\b(bor|boende|bosatt|hemma|hemadress|adress(?:en)?)\b", re.IGNORECASE)
WHY = ("Personuppgifter får inte publiceras utan skriftligt samtycke (GDPR).")


def _phones(text: str):
    for match in phonenumbers.PhoneNumberMatcher(text, "SE"):
        yield match, phonenumbers.number_type(match.number)


def check(text: str, context: dict) -> list[tuple[str, str]]:
    out = []
    phone_spans = []
    for match, kind in _phones(text):
        phone_spans.append((match.start, match.end))
        if kind == phonenumbers.PhoneNumberType.MOBILE:
            out.append((f"texten innehåller ett mobilnummer. Är det någons privata nummer? {WHY} "
                        "Hänvisa hellre till kommunens växel eller Östhammar Direkt.",
                        match.raw_string))
    for m in PNR.finditer(text):
        inside_phone = any(s <= m.start() < e for s, e in phone_spans)
        if not inside_phone and personnummer.valid(m.group(0)):
            out.append((f"texten innehåller ett personnummer. {WHY}", m.group(0)))
    domain = (context.get("org_domain") or "").lower()
    for m in EMAIL.finditer(text):
        if domain and m.group(1).lower().endswith(domain):
            continue
        out.append((f"texten innehåller en privat e-postadress. {WHY}", m.group(0)))
    for m in STREET.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        if context.get("kind") == "reply" or HOME.search(before):
            out.append((f"texten innehåller en adress som kan vara någons hemadress. {WHY}",
                        m.group(0).strip()))
    return out


RULE = Rule(
    id="personuppgifter",
    section="Yttrandefrihet, sekretess och personuppgifter",
    explanation=("Personnummer, mobilnummer, privat e-post och hemadress är personuppgifter. De får "
                 "inte publiceras utan skriftligt samtycke."),
    looks_at=("post", "reply", "upload"),
    check=check,
    handbook_words=("Den utökade personuppgiftslagen, GDPR, innebär bland annat att vi inte får "
                    "publicera denna information om personer utan skriftligt samtycke."),
    catalog=("personuppgifter",),
)
