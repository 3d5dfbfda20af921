"""Reports of a check run: JUnit XML for CI, and HTML that reads as the guide itself."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from .results import GuideResult

_md = MarkdownIt("commonmark", {"html": False})
env = Environment(loader=PackageLoader("mockplatform.guidecheck", "templates"),
                  autoescape=select_autoescape(["html"]))
env.filters["markdown"] = lambda text: Markup(_md.render(text or ""))


def junit(results: list[GuideResult], path: Path) -> Path:
    """One <testcase> per step (classname = the guide's file), so CI names the step."""
    suites = ET.Element("testsuites", name="guider")
    for r in results:
        fails = sum(s.status == "fail" for s in r.steps) + (1 if r.error else 0)
        skipped = sum(s.status == "skipped" for s in r.steps)
        suite = ET.SubElement(suites, "testsuite", name=r.guide.title, file=str(r.guide.path),
                              tests=str(len(r.steps) + (1 if r.error else 0)),
                              failures=str(fails), skipped=str(skipped), time=f"{r.seconds:.2f}")
        if r.error:
            case = ET.SubElement(suite, "testcase", classname=r.guide.key, name="start")
            ET.SubElement(case, "failure", message=r.error).text = r.failure_text()
        for s in r.steps:
            case = ET.SubElement(suite, "testcase", classname=r.guide.key,
                                 name=f"steg {s.step.number}: {s.step.text[:120]}",
                                 file=str(r.guide.path), line=str(s.step.line))
            if s.status == "fail":
                ET.SubElement(case, "failure", message=f"väntade {s.expected}").text = r.failure_text()
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
                  for s in r.steps],
    } for r in results]
    page = env.get_template(template).render(
        guides=guides, ok=all(r.ok for r in results), when=datetime.now().strftime("%Y-%m-%d %H:%M"),
        failed=sum(not r.ok for r in results), **extra)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def write_all(results: list[GuideResult], out: Path) -> dict[str, Path]:
    return {"junit": junit(results, out / "junit.xml"), "html": html(results, out / "index.html")}
