"""The handbook's source text (plain text with Markdown-ish marks) read into blocks.

Where it is: ``--handbook PATH``, else ``$MOCKPLATFORM_HANDBOOK``, else
``<repo>/../shared/handbook/handbok-sociala-medier.txt`` (where CI keeps it), else
``<repo>/handbook/handbok-sociala-medier.txt``.

Blocks, line by line (blank lines separate them):
  step      ``3. Du kan då:`` – a numbered step of a procedure (``1. **Ge ett värde** …`` is a
            tip, not a step); a paragraph starting with ``...`` continues the step before it
  bullet    ``- …`` (``sub`` when it belongs to the step above it)
  picture   text read off a screenshot: a run of short lines right after a step, with a link
            (``[Glömt lösenordet?](#)``) or a menu entry (``Hjälp >``) among them
  heading   a short line without a full stop
  para      everything else
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

FILE = "handbok-sociala-medier.txt"
_STEP = re.compile(r"^(\d+)\.\s+(.*)$")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_ITALIC = re.compile(r"(?<!\*)\*([^*\n]+)\*(?!\*)")


class HandbookMissing(FileNotFoundError):
    pass


@dataclass
class Block:
    kind: str  # step | bullet | picture | heading | para
    text: str  # the line without its number or dash (marks kept)
    line: int
    number: str = ""
    sub: bool = False  # a bullet that belongs to the step above it
    section: str = ""  # the nearest heading above

    @property
    def plain(self) -> str:
        return plain(self.text)

    @property
    def labels(self) -> list[str]:
        return [m.strip() for m in _ITALIC.findall(self.text)]


def plain(text: str) -> str:
    text = _LINK.sub(r"\1", text).replace("**", "").replace("*", "")
    return " ".join(text.split())


def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def locate(given: str | Path | None = None) -> Path:
    candidates = [Path(given)] if given else []
    if not given and os.environ.get("MOCKPLATFORM_HANDBOOK"):
        candidates.append(Path(os.environ["MOCKPLATFORM_HANDBOOK"]))
    if not candidates:
        root = repo_root()
        candidates += [root.parent / "shared" / "handbook" / FILE, root / "handbook" / FILE]
    for path in candidates:
        if path.is_file():
            return path
    raise HandbookMissing("handboken finns inte: " + ", ".join(str(p) for p in candidates)
                          + " – ange den med --handbook eller MOCKPLATFORM_HANDBOOK")


def _short(line: str) -> bool:
    return (len(plain(line)) <= 25 and not _STEP.match(line) and not line.startswith("- ")
            and not line.endswith((".", ":")))


def _opens_section(lines, i: int) -> bool:
    """A short line followed by a paragraph or a first step is a heading, not picture text."""
    nxt = lines[i + 1][1] if i + 1 < len(lines) else ""
    return nxt.startswith("1. ") or (len(nxt) > 60 and not _STEP.match(nxt))


def _picture_name(line: str) -> str:
    name = plain(line).rstrip(" >›")
    return re.sub(r"^[^\wÅÄÖåäö]+", "", name).strip()


def parse(text: str) -> list[Block]:
    lines = [(i + 1, raw.strip()) for i, raw in enumerate(text.splitlines()) if raw.strip()]
    blocks: list[Block] = []
    section = ""
    i = 0
    while i < len(lines):
        number, line = lines[i]
        after_step = bool(blocks) and blocks[-1].kind in ("step", "picture") or (
            bool(blocks) and blocks[-1].kind == "bullet" and blocks[-1].sub)
        run = []
        while after_step and i + len(run) < len(lines) and _short(lines[i + len(run)][1]) \
                and not _opens_section(lines, i + len(run)):
            run.append(lines[i + len(run)])
        if run and any(_LINK.search(t) or t.endswith(">") for _, t in run):
            blocks += [Block("picture", _picture_name(t), n, section=section) for n, t in run]
            i += len(run)
            continue
        m = _STEP.match(line)
        if m and not m.group(2).startswith("**"):
            blocks.append(Block("step", m.group(2), number, m.group(1), section=section))
        elif line.startswith("- "):
            prev = blocks[-1] if blocks else None
            sub = bool(prev) and (prev.kind == "step" or (prev.kind == "bullet" and prev.sub))
            blocks.append(Block("bullet", line[2:], number, sub=sub, section=section))
        elif line.startswith("...") and blocks and blocks[-1].kind == "step":
            blocks.append(Block("step", line, number, blocks[-1].number, section=section))
        elif (len(line) <= 70 and not line.endswith((".", "?", "!", ")")) and not m
              and (not line.endswith(":") or re.search(r"\d:$", line)) and not re.fullmatch(r"[\d-]+", line)):
            section = line.rstrip(":")
            blocks.append(Block("heading", section, number, section=section))
        else:
            blocks.append(Block("para", line, number, section=section))
        i += 1
    return blocks


def load(path: str | Path | None = None) -> tuple[Path, list[Block]]:
    found = locate(path)
    return found, parse(found.read_text(encoding="utf-8"))


def roles(blocks: list[Block]) -> list[Block]:
    """The bullets after "Följande behörigheter finns:"."""
    out, inside = [], False
    for b in blocks:
        if b.kind == "para" and re.search(r"behörigheter finns:$", b.text):
            inside = True
        elif inside and b.kind == "bullet":
            out.append(b)
        elif inside:
            break
    return out
