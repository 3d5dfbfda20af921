"""`mockplatform handbook build` writes the whole handbook – rules text and guide chapters with
fresh pictures – as HTML and PDF; the check report links its summary to each failing step and
marks the suggested control in the failure picture."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

from mockplatform.guidecheck import reports
from mockplatform.guidecheck.runner import Runner

from .test_guidecheck_strict import PRESS_BLUE, guide, site  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parents[2]


def test_build_writes_the_whole_handbook_as_html_and_pdf(tmp_path, live_server):
    folder = tmp_path / "guides"
    folder.mkdir()
    shutil.copy(ROOT / "guides" / "01-sa-skapar-du-ett-inlagg.md", folder)
    out = tmp_path / "bok"
    done = subprocess.run([sys.executable, "-m", "mockplatform", "handbook", "build", "--out", str(out),
                           "--dir", str(folder), "--base-url", live_server],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    page = (out / "index.html").read_text(encoding="utf-8")
    # the rules text, as the handbook has it
    assert '<h3 id="tilltal">Tilltal</h3>' in page
    assert "De inlägg vi skriver ska ha en avsändare." in page
    assert "<li>Moderator</li>" in page  # the role list is the handbook's own text
    # the guide chapter in its place, with pictures taken just now
    start, end = page.index('id="01-sa-skapar-du-ett-inlagg"'), page.index('id="så-redigerar-du-ett-inlägg"')
    chapter = page[start:end]
    assert "där det står <em>skriv ett inlägg</em>" in chapter
    shots = re.findall(r'<img src="(shots/[^"]+)"', chapter)
    assert len(shots) >= 5 and all((out / s).is_file() for s in shots)
    assert re.search(r"Byggd \d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|"
                     r"oktober|november|december) \d{4}", page)
    pdf = (out / "handbok.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 10


def test_the_report_links_the_summary_to_the_failing_step_and_marks_the_suggestion(
        browser, site, tmp_path):  # noqa: F811
    g = guide(PRESS_BLUE, "/omdopt.html")
    result = Runner(browser, site, [g], out_dir=tmp_path, timeout_ms=1000).run(g)
    page = reports.write_all([result], tmp_path)["html"].read_text(encoding="utf-8")
    link = re.search(r'<a href="#(g-steg-7)">✘ Fixturguide, steg 1</a>', page)
    assert link and f'id="{link.group(1)}"' in page
    failure = next(s for s in result.failed_step.shots if "förslaget" in s.caption)
    img = Image.open(failure.path).convert("RGB")
    orange = sum(img.getpixel((x, y)) == (245, 124, 0) for x in range(0, img.width, 2)
                 for y in range(0, img.height, 2))
    assert orange > 20  # the suggested "Publicera" is circled in orange
    assert "förslaget inringat i orange" in page
