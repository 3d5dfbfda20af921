"""A guide file → :class:`Guide`. Markdown (markdown-it-py), readable as the handbook itself.

Header (an HTML comment before the title):   <!-- guide
                                              persona: eva
                                              start: /facebook/osthammarskommun/
                                              -->
Every item of a top-level numbered list is a step. A step's words are cut into *segments*
by the hidden comments: a comment holds the actions for the words just before it. Words
without a comment get an inferred action: "se *Titel*" runs that guide; a segment that says
tryck/klicka/välj clicks its (last) italic label; other italic labels are only checked.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from . import claims as claims_mod
from .prose import TAP, broken_promise
from .syntax import Action, SyntaxProblem, parse_actions

_md = MarkdownIt("commonmark")
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_REF = re.compile(r"\bse\s*$", re.IGNORECASE)
HEADER_KEYS = {"persona", "start", "viewport"}


class GuideError(ValueError):
    """A guide file that cannot be run; str() names the file and line."""

    def __init__(self, path, line: int | None, message: str):
        self.path, self.line, self.message = Path(path), line, message
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {message}")


@dataclass
class Label:
    text: str
    ref: bool = False  # "se *så skapar du ett inlägg*": another guide, not a control


@dataclass
class Segment:
    text: str
    line: int
    labels: list[Label] = field(default_factory=list)
    claims: list = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    explicit: bool = False  # the actions came from a comment


@dataclass
class Step:
    number: str
    line: int
    text: str
    markdown: str  # the step as the handbook shows it (no comments, no number)
    segments: list[Segment]


@dataclass
class Guide:
    path: Path
    title: str
    persona: str | None
    start: str | None
    viewport: tuple[int, int] | None
    steps: list[Step]
    intro: str = ""  # Markdown before the steps
    outro: str = ""  # Markdown after them

    @property
    def key(self) -> str:
        return self.path.stem


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def strip_comments(markdown: str) -> str:
    return _COMMENT.sub("", markdown)


def _header(path: Path, tokens, persona_keys) -> dict:
    first = tokens[0] if tokens else None
    if not (first and first.type == "html_block" and first.content.startswith("<!-- guide")):
        raise GuideError(path, 1, "guiden saknar huvudet överst: <!-- guide / persona: … / -->")
    body = first.content.strip()[len("<!-- guide"):-3]
    try:
        header = yaml.safe_load(body) or {}
    except yaml.YAMLError as exc:
        raise GuideError(path, 1, f"huvudet är inte giltig YAML: {exc}") from None
    if not isinstance(header, dict):
        raise GuideError(path, 1, "huvudet ska bestå av rader som ”persona: eva”")
    unknown = set(header) - HEADER_KEYS
    if unknown:
        raise GuideError(path, 1, f"okänd nyckel i huvudet: {', '.join(sorted(unknown))} "
                                  f"(kända: {', '.join(sorted(HEADER_KEYS))})")
    if "persona" not in header:
        raise GuideError(path, 1, "huvudet saknar persona (vem som är inloggad när guiden börjar, "
                                  "t.ex. ”persona: eva”, eller ”persona: ingen”)")
    persona = str(header["persona"])
    if persona != "ingen" and persona not in persona_keys:
        raise GuideError(path, 1, f"okänd persona ”{persona}” – kända: ingen, "
                                  f"{', '.join(sorted(persona_keys))}")
    viewport = header.get("viewport")
    if viewport is not None:
        m = re.fullmatch(r"(\d+)x(\d+)", str(viewport))
        if not m:
            raise GuideError(path, 1, "viewport ska skrivas som BREDDxHÖJD, t.ex. 390x844")
        header["viewport"] = (int(m.group(1)), int(m.group(2)))
    return header


def _step_markdown(lines: list[str], start: int, end: int) -> str:
    chunk = strip_comments("\n".join(lines[start:end]))
    first, _, rest = chunk.partition("\n")
    first = re.sub(r"^\s*\d+[.)]\s*", "", first)
    return (first + "\n" + textwrap.dedent(rest)).strip()


class _StepBuilder:
    def __init__(self, path: Path, number: str, line: int):
        self.path, self.number, self.line = path, number, line
        self.segments: list[Segment] = []
        self.current: Segment | None = None
        self.words: list[str] = []

    def _open(self, line: int) -> Segment:
        if self.current is None:
            self.current = Segment("", line)
            self.segments.append(self.current)
        return self.current

    def text(self, text: str, line: int) -> None:
        seg = self._open(line)
        seg.text += text
        self.words.append(text)

    def italic(self, text: str, line: int) -> None:
        seg = self._open(line)
        seg.labels.append(Label(text.strip(), ref=bool(_REF.search(seg.text))))
        self.text(text, line)

    def comment(self, body: str, line: int, block: bool) -> None:
        try:
            actions = parse_actions(body)
        except SyntaxProblem as exc:
            raise GuideError(self.path, line, str(exc)) from None
        seg = self.current
        if seg is None and block and self.segments and not self.segments[-1].explicit:
            seg = self.segments[-1]  # a comment on its own line after a paragraph or bullet
        if seg is None or seg.explicit:
            seg = self._open(line)
        seg.actions, seg.explicit = actions, True
        self.current = None

    def end_block(self) -> None:
        self.current = None
        self.words.append(" ")

    def _prose(self, seg: Segment) -> None:
        problem = broken_promise(seg.text, [lab.text for lab in seg.labels], [a.verb for a in seg.actions])
        if problem:
            raise GuideError(self.path, seg.line, f"steg {self.number}: {problem}")

    def build(self, markdown: str) -> Step:
        for seg in self.segments:
            seg.text = " ".join(seg.text.split())
            seg.claims = claims_mod.find(seg.text)
            if not seg.explicit:
                refs = [lab for lab in seg.labels if lab.ref]
                if refs:
                    seg.actions = [Action("run", value=refs[-1].text)]
                elif any(not lab.ref for lab in seg.labels) and TAP.search(seg.text):
                    seg.actions = [Action("click")]
            has_target = any(not lab.ref for lab in seg.labels) or any(
                a.target is not None for a in seg.actions)
            if seg.claims and not has_target:
                raise GuideError(self.path, seg.line,
                                 f"steg {self.number}: ”{seg.claims[0].phrase}” säger något om en "
                                 "kontroll som guiden inte pekar ut – lägg en kommentar som "
                                 "<!-- show … --> eller <!-- click … --> direkt efter orden")
            self._prose(seg)
        text = " ".join("".join(self.words).split())
        return Step(self.number, self.line, text, markdown, self.segments)


def _walk_inline(builder: _StepBuilder, inline, line: int) -> None:
    em = 0
    for child in inline.children:
        if child.type == "em_open":
            em, buf = em + 1, []
        elif child.type == "em_close":
            em -= 1
            builder.italic("".join(buf), line)
        elif child.type in ("text", "code_inline"):
            if "*" in child.content or re.search(r"(^|\s)_|_(\s|$)", child.content):
                raise GuideError(builder.path, line, f"steg {builder.number}: kursiv stil utan slut "
                                 f"(en ensam * eller _ i ”{inline.content.strip()}”)")
            (buf.append(child.content) if em else builder.text(child.content, line))
        elif child.type in ("softbreak", "hardbreak"):
            (buf.append(" ") if em else builder.text(" ", line))
        elif child.type == "html_inline" and child.content.startswith("<!--"):
            builder.comment(child.content[4:-3], line, block=False)


def parse_text(source: str, path, persona_keys=None) -> Guide:
    path = Path(path)
    if persona_keys is None:
        persona_keys = known_personas()
    opened = [m.start() for m in re.finditer("<!--", source)]
    for start in opened:
        if source.find("-->", start) == -1:
            raise GuideError(path, source.count("\n", 0, start) + 1,
                             "en kommentar <!-- saknar sitt slut -->")
    tokens = _md.parse(source)
    header = _header(path, tokens, persona_keys)
    lines = source.splitlines()
    title = next((tokens[i + 1].content for i, t in enumerate(tokens)
                  if t.type == "heading_open" and t.markup == "#"), None)
    if not title:
        raise GuideError(path, None, "guiden saknar rubrik (en rad som börjar med ”# ”)")
    steps: list[Step] = []
    depth, builder, item_map = 0, None, None
    first_line = last_line = None
    for tok in tokens:
        if tok.type == "ordered_list_open":
            depth += 1
        elif tok.type == "ordered_list_close":
            depth -= 1
        elif tok.type == "list_item_open" and depth == 1 and tok.markup in (".", ")") \
                and builder is None:
            builder, item_map = _StepBuilder(path, tok.info or str(len(steps) + 1), tok.map[0] + 1), tok.map
            first_line = item_map[0] if first_line is None else first_line
        elif tok.type == "list_item_close" and builder is not None and depth == 1 \
                and tok.markup in (".", ")"):
            steps.append(builder.build(_step_markdown(lines, *item_map)))
            last_line, builder = item_map[1], None
        elif builder is None:
            if tok.type == "html_block" and tok is not tokens[0] and tok.content.startswith("<!--"):
                raise GuideError(path, tok.map[0] + 1, "åtgärder utanför ett numrerat steg – dra in "
                                 "kommentaren (3 mellanslag) så att den hör till steget ovanför")
        elif tok.type == "inline":
            _walk_inline(builder, tok, tok.map[0] + 1)
        elif tok.type == "paragraph_close":
            builder.end_block()
        elif tok.type == "html_block" and tok.content.startswith("<!--"):
            builder.comment(tok.content.strip()[4:-3], tok.map[0] + 1, block=True)
    if not steps:
        raise GuideError(path, None, "guiden har inga numrerade steg (1. …, 2. …)")
    title_end = next(t.map[1] for t in tokens if t.type == "heading_open")
    intro = strip_comments("\n".join(lines[title_end:first_line])).strip()
    outro = strip_comments("\n".join(lines[last_line:])).strip()
    return Guide(path, title.strip(), None if header["persona"] == "ingen" else str(header["persona"]),
                 header.get("start"), header.get("viewport"), steps, intro, outro)


def known_personas() -> set[str]:
    """Facebook personas by key, Instagram accounts as ``instagram:<användarnamn>``."""
    from .. import world

    data = world.load(None)
    keys = {p["key"] for p in data["personas"]}
    return keys | {f"instagram:{a['username']}" for a in data.get("instagram", [])}


def parse_file(path) -> Guide:
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GuideError(path, None, f"kan inte läsa filen: {exc}") from None
    return parse_text(source, path)


def guide_files(folder) -> list[Path]:
    return sorted(p for p in Path(folder).glob("*.md") if p.name.lower() != "readme.md")


def load_all(folder) -> list[Guide]:
    return [parse_file(p) for p in guide_files(folder)]
