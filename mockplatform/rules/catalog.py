"""Every rule and piece of advice of the handbook (the review of issue 10 counted 24), each
with its section and its words as the handbook writes them – and where Sandlådan teaches it
(a scenario task or a "Lär dig först" text), coaches it (a rule module) or checks it (a
scenario check). ``coverage()`` reads the rule modules and the scenario files, so the table
(``mockplatform rules table`` → docs/regler.md) cannot drift from what exists."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import RULES, handbook


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    section: str                      # a heading of the handbook
    words: str                        # the handbook's words ("…" between pieces)
    cues: tuple[str, ...] = ()        # words in a task that show it teaches this (not just the section)
    checks: tuple[str, ...] = ()      # scenario checks that verify it ("name" or "name:param")
    pending: str = ""                 # not covered yet, and why (the test keeps this honest)


ENTRIES: list[Entry] = [
    Entry("grafisk-profil", "Följ den grafiska profilen", "Den grafiska profilen",
          "Den grafiska profilen hjälper oss att bli mer synliga", ("grafisk",)),
    Entry("svarstid", "Svara inom ett dygn", "Närvaro, engagemang och bevakning",
          "Generellt ska frågor besvaras snabbt, inom ett dygn under kontorstid.",
          ("dygn", "besvaras"), ("comment_answered",)),
    Entry("avsandare", "Skriv med avsändare", "Tilltal",
          "De inlägg vi skriver ska ha en avsändare.", ("avsändare",),
          ("post_published:signed", "comment_answered:signed")),
    Entry("kopierade-svar", "Inga inklistrade standardsvar", "Tilltal",
          "Om vi klistrar in exakt samma svar till alla som ställer liknande frågor, riskerar vi att "
          "tolkas som oengagerade.", ("samma svar", "klistra")),
    Entry("personuppgifter", "Inga personuppgifter utan skriftligt samtycke",
          "Yttrandefrihet, sekretess och personuppgifter",
          "vi inte får publicera denna information om personer utan skriftligt samtycke",
          ("personuppgift", "personnummer")),
    Entry("gallring", "Inlägg ligger kvar i max 18 månader",
          "Yttrandefrihet, sekretess och personuppgifter",
          "ligger kvar i max 18 månader. Därefter raderas de.", ("18 månader",), ("post_deleted",)),
    Entry("sekretess", "Inga sekretessbelagda uppgifter", "Yttrandefrihet, sekretess och personuppgifter",
          "Medarbetare på Östhammars kommun får inte publicera uppgifter som innehåller sekretess.",
          ("sekretess",)),
    Entry("barn-under-13", "Målsman skriver under för barn under 13 år", "Fotografering av minderåriga",
          "inte utan målsmans skriftliga samtycke om barnet är under 13 år", ("målsman",),
          ("photo_published:shows_person",)),
    Entry("kansliga-personuppgifter", "Känsliga personuppgifter kräver samtycke",
          "Personuppgifter som medarbetare",
          "För publicering av känsliga personuppgifter (religion, etnisk tillhörighet, "
          "fackföreningstillhörighet, hälsouppgifter, sexuell läggning osv.) ska samtycke finnas."),
    Entry("enskilt-arende", "Inga råd i enskilda ärenden", "Enskilt ärende",
          "Gör därför inga uttalanden i ett socialt medium som kan uppfattas som råd eller "
          "upplysningar som kan få ekonomiska konsekvenser."),
    Entry("dolj-hellre-an-radera", "Dölj det negativa, radera bara det otillåtna",
          "Otillåtna inlägg och kommentarer",
          "Att vi väljer att dölja en kommentar har att göra med att vi inte vill hjälpa till att "
          "ytterligare sprida något som vi anser vara negativt.", ("dölj",),
          ("comment_hidden", "criticism_answered")),
    Entry("skarmdump", "Skärmdump före radering", "Otillåtna inlägg och kommentarer",
          "Innan radering måste innehållet och information om dess avsändare sparas ner genom en "
          "skärmdump och skickas till marknad- och kommunikationsenheten.", ("skärmdump",),
          ("comment_deleted",)),
    Entry("sidans-regler", "Sidans regler ska synas", "Otillåtna inlägg och kommentarer",
          "På samtliga konton på Facebook ska det tydligt framgå vilka regler som gäller.",
          ("regler som gäller",)),
    Entry("upphovsratt", "Länka i stället för att kopiera", "Upphovsrättslagen",
          "Det är praxis i sociala medier att länka till andras material snarare än att kopiera.",
          checks=("link_post_published",)),
    Entry("diarieforing", "Allmän handling och diarieföring", "Allmän handling och diarieföring",
          "Inläggets karaktär avgör om det ska diarieföras.", checks=("comment_registered",)),
    Entry("kriskommunikation", "Beredskap vid kris", "Kriskommunikation",
          "det viktigt att ha beredskap för att snabbt besvara frågor och bemöta inlägg"),
    Entry("nio-tips", "De nio tipsen (t.ex. tips 6: säg varför länken är värd ett klick)",
          "Det snabba sättet att lära dig sociala medier",
          "Berätta varför följarna borde klicka på länken", checks=("link_post_published",)),
    Entry("nytt-konto", "Planera innan ett konto startas",
          "Att tänka på om du ska starta ett sociala medier-konto",
          "Då är det viktigt att du lägger upp en planering med bland annat syft och mål med kontot "
          "samt hur det ska administreras.", ("syfte", "planering"), ("account_planned",)),
    Entry("tva-redaktorer", "Minst två redaktörer", "Att tänka på om du ska starta ett sociala medier-konto",
          "Alla konton ska ha minst två utsedda redaktörer och ersättare vid frånvaro.",
          ("två utsedda redaktörer",), ("page_publishers", "account_planned")),
    Entry("meddela", "Meddela kommunikationsenheten", "Lista över aktiva konton",
          "Den förvaltning/verksamhet som beslutar att starta eller stänga ett konto måste därför "
          "meddela marknad- och kommunikationsenheten.", ("meddela",),
          ("account_planned", "ig_account_closed")),
    Entry("inaktiva-konton", "Stäng inaktiva konton", "Inaktiva konton",
          "Alla konton som har varit inaktiva i över ett år ska avslutas.", checks=("ig_account_closed",)),
    Entry("publiceringstakt", "1–2 inlägg per dag, minst två per vecka", "Att tänka på",
          "Max 1-2 inlägg per dag och minst två inlägg per vecka.", ("per dag", "per vecka")),
    Entry("bildsamtycke", "Samtycke för bilder på personer", "Bilder",
          "Ska du lägga ut en bild på en person måste en samtyckenblankett för bildanvändande "
          "skrivas under av personen som avbildas.", ("samtycke",)),
    Entry("behorighet", "Var restriktiv med Administratör", "Behörighet",
          "Vi ska vara restriktiva med att sätta den högsta behörighetsnivån administratör.",
          ("restriktiv",), ("invitation_sent",)),
]


@dataclass
class Coverage:
    taught: list[str]
    coached: list[str]
    checked: list[str]

    @property
    def covered(self) -> bool:
        return bool(self.taught or self.coached or self.checked)


def scenarios_dir() -> Path:
    return Path(os.environ.get("MOCKPLATFORM_SCENARIOS_DIR") or handbook.REPO / "scenarios")


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _strings(node) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, dict | list):
        return " ".join(_strings(v) for v in (node.values() if isinstance(node, dict) else node))
    return ""


def check_names(check) -> list[tuple[str, dict]]:
    """(name, params) of a task's check, whichever way the YAML writes it."""
    if isinstance(check, list):
        return [c for item in check for c in check_names(item)]
    if isinstance(check, dict):
        if "name" in check:
            return [(str(check["name"]), check.get("params") or {})]
        return [(str(k), v if isinstance(v, dict) else {}) for k, v in check.items()]
    return [(check, {})] if isinstance(check, str) else []


def scenarios(folder: Path | None = None) -> list[tuple[str, dict]]:
    folder = folder or scenarios_dir()
    return [(p.stem, yaml.safe_load(p.read_text(encoding="utf-8")) or {})
            for p in sorted(folder.glob("*.yaml"))]


def tasks(data: dict):
    """Every task of a scenario: a mapping with an instruction and a check."""
    return [n for n in _walk(data.get("tasks", [])) if "instruction" in n and "check" in n]


def _teaches(entry: Entry, reference, text: str) -> bool:
    cited = [handbook.normalise(s) for s in handbook.cited_sections(reference)]
    section = handbook.normalise(entry.section)
    if not any(section == c or section.startswith(c + ",") for c in cited):
        return False
    ref = str(reference or "").lower()  # in the reference, the heading itself is no cue
    rest = text.lower().replace(ref, ref.replace(entry.section.lower(), " ")) if ref else text.lower()
    return not entry.cues or any(cue.lower() in rest for cue in entry.cues)


def coverage(folder: Path | None = None) -> dict[str, Coverage]:
    out = {e.id: Coverage([], [], []) for e in ENTRIES}
    for entry in ENTRIES:
        out[entry.id].coached = sorted(f"rules/{r.id}" for r in RULES.values() if entry.id in r.catalog)
    for name, data in scenarios(folder):
        sid = data.get("id", name)
        for key, learn in data.items():
            if str(key).startswith("learn"):
                text = _strings(learn)
                for entry in ENTRIES:
                    if handbook.has_words(text, entry.words) or _teaches(
                            entry, learn.get("handbook") if isinstance(learn, dict) else "", text):
                        out[entry.id].taught.append(f"{sid} (Lär dig först)")
        for task in tasks(data):
            where = f"{sid}/{task.get('id') or task.get('key') or '?'}"
            text = _strings({k: task.get(k) for k in ("instruction", "hints", "handbook")})
            names = check_names(task["check"])
            for entry in ENTRIES:
                if _teaches(entry, task.get("handbook"), text):
                    out[entry.id].taught.append(where)
                for wanted in entry.checks:
                    check, _, param = wanted.partition(":")
                    if any(n == check and (not param or p.get(param)) for n, p in names):
                        out[entry.id].checked.append(f"{where} ({check})")
    return out


def table(folder: Path | None = None) -> str:
    cov = coverage(folder)
    lines = [
        "# Handbokens regler i Sandlådan",
        "",
        "<!-- Genereras av `mockplatform rules table --skriv docs/regler.md`. Ändra inte för hand: "
        "ett test jämför filen med det som finns. -->",
        "",
        f"Handbokens {len(ENTRIES)} regler och råd, och var Sandlådan lär ut dem (en uppgift i en "
        "övning eller en Lär dig först-text), coachar dem (en regelmodul som ger ”Tänk på” medan "
        "man skriver) eller kontrollerar dem (en kontroll i en övning).",
        "",
        "| # | Regel | Handboken | Lärs ut | Coachas | Kontrolleras |",
        "|---|---|---|---|---|---|",
    ]
    for i, e in enumerate(ENTRIES, 1):
        c = cov[e.id]
        cells = [", ".join(c.taught) or "–", ", ".join(c.coached) or "–", ", ".join(c.checked) or "–"]
        if not c.covered:
            cells[0] = f"**saknas:** {e.pending or 'ingen täckning'}"
        lines.append(f"| {i} | {e.title} | *{e.section}*: ”{e.words}” | " + " | ".join(cells) + " |")
    covered = sum(1 for c in cov.values() if c.covered)
    lines += ["", f"{covered} av {len(ENTRIES)} täcks.", ""]
    return "\n".join(lines)
