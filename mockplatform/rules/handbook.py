"""The handbook's text: where it is, its headings, and whether a section or a quote exists.

Found at ``MOCKPLATFORM_HANDBOOK`` when set, else at ``../shared/handbook/handbok-sociala-medier.txt``
relative to the repository root (where the project keeps it, in CI too)."""

from __future__ import annotations

import os
import re
from pathlib import Path

ENV = "MOCKPLATFORM_HANDBOOK"
REPO = Path(__file__).resolve().parents[2]
DEFAULT = REPO.parent / "shared" / "handbook" / "handbok-sociala-medier.txt"


class HandbookMissing(FileNotFoundError):
    pass


def path(override: str | os.PathLike | None = None) -> Path:
    chosen = Path(override or os.environ.get(ENV) or DEFAULT)
    if not chosen.is_file():
        raise HandbookMissing(f"Handboken finns inte på {chosen}. Ange sökvägen med {ENV} eller "
                              "--handbok.")
    return chosen


def read(override: str | os.PathLike | None = None) -> str:
    return path(override).read_text(encoding="utf-8")


def normalise(text: str) -> str:
    text = (text or "").replace("*", "").replace("”", '"').replace("“", '"')
    text = re.sub(r"[‐‑‒–—]", "-", text)
    return " ".join(text.casefold().split())


def headings(text: str) -> list[str]:
    """Short lines that stand alone: the handbook's headings (and a few labels)."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if (0 < len(line) <= 80 and not line.endswith((".", ",", "?", "!")) and not line.startswith("-")
                and not re.match(r"^\d+\.", line)):
            out.append(line)
    return out


def has_section(text: str, name: str) -> bool:
    """``name`` is a heading of the handbook, or the start of one ("Närvaro" for "Närvaro,
    engagemang och bevakning", "Business manager" for "Business manager - Facebook")."""
    wanted = normalise(name)
    if len(wanted) < 4:
        return False
    for heading in map(normalise, headings(text)):
        if heading == wanted or (heading.startswith(wanted) and heading[len(wanted)] in " ,-:"):
            return True
    return False


def has_words(text: str, words: str) -> bool:
    """Every piece of ``words`` (pieces split at "…") is in the handbook, as written."""
    whole = normalise(text)
    return all(normalise(piece) in whole for piece in words.split("…") if piece.strip())


_LEAD = re.compile(r"^(.*?)(?::|,| - | – |\s+steg\b|\.|$)")
_LABELLED = re.compile(r"(?:^|\.\s+)([A-ZÅÄÖ][^.:]{2,60}):\s")


def cited_sections(reference) -> list[str]:
    """The sections a task's ``handbook:`` reference names: the lead of the reference
    ("Så skapar du ett inlägg, steg 1–3" → "Så skapar du ett inlägg") and every later
    "Rubrik: …" in it. A dict or list reference (``{section: …}``) names its sections."""
    if isinstance(reference, dict):
        return cited_sections(reference.get("section") or reference.get("sections") or [])
    if isinstance(reference, list):
        return [s for r in reference for s in cited_sections(r)]
    text = str(reference or "").strip()
    if not text:
        return []
    lead = _LEAD.match(text).group(1).strip()
    found = [lead] + [m.group(1).strip() for m in _LABELLED.finditer(text) if m.start() > 0]
    return list(dict.fromkeys(f for f in found if f))


def missing_sections(reference, text: str) -> list[str]:
    return [s for s in cited_sections(reference) if not has_section(text, s)]
