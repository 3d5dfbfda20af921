"""Reports of a check run: JUnit XML for CI, and HTML that reads as the guide itself."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from ..filters import sv_datetime
from .results import MARK, WORDS, GuideResult

_md = MarkdownIt("commonmark", {"html": False})
env = Environment(loader=PackageLoader("mockplatform.guidecheck", "templates"),
                  autoescape=select_autoescape(["html"]))
env.filters["markdown"] = lambda text: Markup(_md.render(text or ""))


def junit(results: list[GuideResult], path: Path) -> Path:
    """One <testcase> per step (classname = the guide's file), so CI names the step."""
    suites = ET.Element("testsuites", name="guider")
    for r in results:
        steps = r.all_steps
        suite = ET.SubElement(suites, "testsuite", name=r.guide.title, file=str(r.guide.path),
                              tests=str(len(steps)),
                              failures=str(sum(s.status == "fail" for s in steps)),
                              errors=str(sum(s.status == "error" for s in steps)),
                              skipped=str(sum(s.status == "skipped" for s in steps)),
                              time=f"{r.seconds:.2f}")
        for s in steps:
            name = s.step.text[:120] if s is r.before else f"steg {s.step.number}: {s.step.text[:120]}"
            case = ET.SubElement(suite, "testcase", classname=r.guide.key, name=name,
                                 file=str(r.guide.path), line=str(s.step.line))
            if s.status == "fail":
                ET.SubElement(case, "failure", message=f"väntade {s.expected}").text = r.failure_text()
            elif s.status == "error":  # JUnit's own word for "could not run", not a failure
                ET.SubElement(case, "error", message=f"kunde inte köras: {s.found}").text = r.failure_text()
            elif s.status == "skipped":
                ET.SubElement(case, "skipped", message="kördes inte: ett tidigare steg misslyckades")
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(suites).write(path, encoding="utf-8", xml_declaration=True)
    return path


def _rel(path: Path | None, base: Path) -> str | None:
    return Path(os.path.relpath(path, base)).as_posix() if path else None


def html(results: list[GuideResult], path: Path, template: str = "report.html", **extra) -> Path:
    base = path.parent
    guides = [{
        "r": r,
        "trace": _rel(r.trace, base),
        "steps": [{"s": s, "shots": [(_rel(sh.path, base), sh.caption) for sh in s.shots]}
                  for s in r.all_steps],
    } for r in results]
    counts = {o: sum(r.outcome == o for r in results) for o in ("ok", "fail", "error")}
    page = env.get_template(template).render(
        guides=guides, ok=all(r.ok for r in results), when=sv_datetime(datetime.now().astimezone()),
        counts=counts, failed=counts["fail"], words=WORDS, marks=MARK, **extra)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def write_all(results: list[GuideResult], out: Path) -> dict[str, Path]:
    return {"junit": junit(results, out / "junit.xml"), "html": html(results, out / "index.html")}
