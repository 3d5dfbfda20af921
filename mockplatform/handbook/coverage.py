"""What in the handbook no guide checks.

Compared with the guides (``guides/*.md``):
  steg          every numbered step (and the bullets under it) – some guide step says the same
                words (word for word, or ≥ 95 % alike for a step of 30 characters or more)
  etikett       every *italic* label in a step – some guide resolves that label (a reference
                "se *…*" – some guide has that title)
  behörighet    every role in "Följande behörigheter finns:" – some guide acts on it or shows it
  bild          every control on the handbook's pictures (the login page's *Glömt lösenordet?*,
                the Instagram menu) – some guide acts on it or shows it
Everything a guide names counts: its italic labels, the targets of click/show/fill/select/check,
select values, see texts.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from ..guidecheck.parser import Guide, normalise
from . import source

KINDS = {"steg": "Steg utan guide", "etikett": "Kursiva etiketter som ingen guide letar upp",
         "behörighet": "Behörigheter som ingen guide kontrollerar",
         "bild": "Kontroller på handbokens bilder som ingen guide kontrollerar"}


@dataclass
class Item:
    kind: str
    text: str
    line: int
    section: str
    covered_by: str = ""  # "guides/01-….md steg 2", empty when nothing checks it


def _words(text: str) -> str:
    return normalise(source.plain(text)).strip(" .:→")


def _names(guides: list[Guide]) -> dict[str, str]:
    """Every name a guide checks (normalised) → where."""
    out: dict[str, str] = {}
    for g in guides:
        for step in g.steps:
            where = f"{g.path.name} steg {step.number}"
            for seg in step.segments:
                for lab in seg.labels:
                    if not lab.ref:
                        out.setdefault(_words(lab.text), where)
                for a in seg.actions:
                    for name in (a.target.name if a.target else None,
                                 a.value if a.verb in ("select", "see") else None):
                        if name:
                            out.setdefault(_words(name), where)
    return out


def _step_home(text: str, guides: list[Guide]) -> str:
    want = _words(text)
    best, where = 0.0, ""
    for g in guides:
        for step in g.steps:
            have = _words(step.text)
            if want in have:
                score = 100.0
            else:  # a short step must be there word for word; a long one may have a typo fixed
                score = fuzz.partial_ratio(want, have) if len(want) >= 30 else 0.0
            if score > best:
                best, where = score, f"{g.path.name} steg {step.number}"
    return where if best >= 95 else ""


def _name_home(name: str, names: dict[str, str]) -> str:
    want = _words(name)
    if want in names:
        return names[want]
    for have, where in names.items():  # "Lägg till" is checked as "+ Lägg till"
        if have.strip("+ ").endswith(want) and len(want) >= 4 and fuzz.ratio(want, have) >= 80:
            return where
    return ""


def _of_section(section: str, guides: list[Guide]) -> list[Guide]:
    """The guide written for ``section`` and the guides it runs; all guides when none is."""
    by_title = {_words(g.title): g for g in guides}
    mine = [g for g in guides if fuzz.ratio(_words(g.title), _words(section)) >= 95]
    for g in list(mine):
        for step in g.steps:
            for seg in step.segments:
                mine += [by_title[_words(a.value)] for a in seg.actions
                         if a.verb == "run" and _words(a.value) in by_title]
    return mine or guides


def compare(blocks: list[source.Block], guides: list[Guide]) -> list[Item]:
    titles = {_words(g.title): g.path.name for g in guides}
    items: list[Item] = []
    for b in blocks:
        names = _names(_of_section(b.section, guides))
        if b.kind == "step" or (b.kind == "bullet" and b.sub):
            items.append(Item("steg", f"{b.number + '. ' if b.kind == 'step' else '– '}{b.plain}",
                              b.line, b.section, _step_home(b.text, guides)))
            for label in b.labels:
                ref = normalise(b.text).find("se *" + normalise(label)) >= 0
                home = titles.get(_words(label), "") if ref else _name_home(label, names)
                items.append(Item("etikett", label, b.line, b.section, home))
        elif b.kind == "picture":
            items.append(Item("bild", b.plain, b.line, b.section, _name_home(b.plain, names)))
    names = _names(guides)
    for b in source.roles(blocks):
        items.append(Item("behörighet", b.plain, b.line, b.section, _name_home(b.plain, names)))
    return items


def missing(items: list[Item]) -> list[Item]:
    return [i for i in items if not i.covered_by]


def report(items: list[Item], handbook, folder) -> str:
    lines = [f"Handboken: {handbook}", f"Guiderna:  {folder}", ""]
    for kind, title in KINDS.items():
        mine = [i for i in items if i.kind == kind]
        gaps = [i for i in mine if not i.covered_by]
        lines.append(f"{'✔' if not gaps else '✘'} {kind}: {len(mine) - len(gaps)} av {len(mine)} "
                     "kontrolleras av en guide")
        if gaps:
            lines.append(f"  {title}:")
            lines += [f"    rad {i.line} ({i.section}): {i.text}" for i in gaps]
    total = missing(items)
    lines += ["", "Allt i handbokens steg kontrolleras av en guide." if not total else
              f"{len(total)} saker i handboken kontrolleras inte av någon guide."]
    return "\n".join(lines)
