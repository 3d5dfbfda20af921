"""The whole handbook as a build: the rules text and every guide chapter with fresh pictures,
as HTML (``index.html``) and as a PDF (``handbok.pdf``, Chromium's own print to PDF).

Each procedure in the handbook text (a heading with numbered steps) whose title is a guide's
is replaced by that guide run in the sandbox just now: the same words, with new pictures. A guide
that runs another one (*… via menyknappen*) follows it; the rest of the text is the handbook's
own, untouched. The communications unit can publish it the day the sandbox changes."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from ..filters import sv_datetime
from ..guidecheck import reports, session
from ..guidecheck.parser import Guide, load_all, normalise
from ..guidecheck.results import GuideResult
from . import source

_inline = MarkdownIt("commonmark", {"html": False})
env = Environment(loader=PackageLoader("mockplatform.handbook", "templates"),
                  autoescape=select_autoescape(["html"]))
env.filters["inline"] = lambda text: Markup(_inline.renderInline(re.sub(r"\[([^\]]+)\]\(#\)", r"\1", text)))
env.filters["markdown"] = reports.env.filters["markdown"]


@dataclass
class Part:
    kind: str  # heading | para | ul | ol | guide
    level: int = 0
    text: str = ""
    anchor: str = ""
    items: list[str] = field(default_factory=list)
    guide: dict | None = None  # a rendered guide: {"r": GuideResult, "steps": [...]}


def _anchor(text: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9åäö]+", "-", normalise(text)).strip("-") or "avsnitt"
    anchor, n = base, 2
    while anchor in used:
        anchor, n = f"{base}-{n}", n + 1
    used.add(anchor)
    return anchor


def _guide_part(result: GuideResult, base: Path, level: int, used: set[str]) -> Part:
    steps = [{"s": s, "shots": [(reports._rel(sh.path, base), sh.caption) for sh in s.shots]}
             for s in result.steps]
    return Part("guide", level, result.guide.title, _anchor(result.guide.title, used),
                guide={"r": result, "steps": steps})


def compose(blocks: list[source.Block], results: list[GuideResult], base: Path) -> list[Part]:
    by_title = {normalise(r.guide.title): r for r in results}
    with_steps = {b.section for b in blocks if b.kind == "step"}
    placed = {normalise(b.text) for b in blocks if b.kind == "heading"}
    followers: dict[str, list[GuideResult]] = {}
    for r in results:  # a guide that runs a placed one, and has no heading of its own, follows it
        runs = [normalise(a.value) for st in r.guide.steps for seg in st.segments for a in seg.actions
                if a.verb == "run"]
        home = next((t for t in runs if t in by_title), None)
        if normalise(r.guide.title) not in placed and home:
            followers.setdefault(home, []).append(r)
    parts: list[Part] = []
    used: set[str] = set()
    replaced = ""
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            level = 1 if not parts else 2 if nxt is not None and nxt.kind == "heading" else 3
            result = by_title.get(normalise(b.text)) if b.text in with_steps else None
            replaced = b.text if result else ""
            if result:
                parts.append(_guide_part(result, base, level, used))
                for other in followers.get(normalise(b.text), []):
                    parts.append(_guide_part(other, base, level + 1, used))
            else:
                parts.append(Part("heading", level, b.text, _anchor(b.text, used)))
        elif replaced and b.kind in ("step", "picture") or (replaced and b.kind == "bullet" and b.sub):
            continue  # the guide shows these, with new pictures
        elif b.kind in ("bullet", "step"):
            kind = "ul" if b.kind == "bullet" else "ol"
            if not (parts and parts[-1].kind == kind):
                parts.append(Part(kind))
            parts[-1].items.append(b.text)
        elif b.kind == "picture":
            continue  # text read off a picture the build cannot retake without a guide
        else:
            parts.append(Part("para", text=b.text))
    return parts


def render(parts: list[Part], results: list[GuideResult], out: Path, handbook: Path) -> Path:
    title = next((p.text for p in parts if p.kind == "heading" and p.level == 1), "Handbok")
    page = env.get_template("handbook.html").render(
        title=title, parts=parts, when=sv_datetime(datetime.now().astimezone()),
        source=handbook.name, failing=[r for r in results if r.outcome != "ok"])
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def pdf(html: Path, target: Path) -> Path:
    """Chromium's own print to PDF (headless), A4 with page numbers."""
    with session.browser() as b:
        page = b.new_page(locale="sv-SE")
        page.goto(html.resolve().as_uri(), wait_until="load")
        page.pdf(path=str(target), format="A4", print_background=True, display_header_footer=True,
                 header_template="<div></div>",
                 footer_template='<div style="font-size:9px;width:100%;text-align:center">'
                                 '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
                 margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"})
    return target


def build(out: Path, handbook: str | Path | None = None, folder: Path | None = None,
          base_url: str | None = None, on_step=None, **timeouts) -> tuple[Path, Path, list[GuideResult]]:
    out = Path(out)
    path, blocks = source.load(handbook)
    guides: list[Guide] = load_all(folder or source.repo_root() / "guides")
    shutil.rmtree(out / "shots", ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    results = session.run(guides, guides, base_url=base_url, out_dir=out, on_step=on_step, **timeouts)
    html = render(compose(blocks, results, out), results, out, path)
    return html, pdf(html, out / "handbok.pdf"), results
