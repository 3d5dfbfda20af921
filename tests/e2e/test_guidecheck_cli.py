"""`mockplatform guides check` exits non-zero on a failing guide and writes its reports;
`mockplatform guides export` writes a chapter with annotated screenshots."""

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image

from .test_guidecheck_failures import GUIDES, HEAD, fixture_site  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parents[2]


def mockplatform(*args, env=None):
    """The real command in its own process (Playwright's sync API cannot nest in pytest's)."""
    return subprocess.run([sys.executable, "-m", "mockplatform", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def write(folder: Path, *keys):
    folder.mkdir()
    for key in keys:
        (folder / f"{key}.md").write_text(HEAD.format(title=key) + GUIDES[key], encoding="utf-8")
    return folder


def test_check_fails_on_a_failing_guide_and_writes_junit_html_and_traces(tmp_path, fixture_site):  # noqa: F811
    folder = write(tmp_path / "guides", "passar", "tvetydig")
    report = tmp_path / "rapport"
    result = mockplatform("guides", "check", "--dir", str(folder), "--base-url", fixture_site,
                          "--timeout", "800", "--report", str(report))
    assert result.returncode == 1, (result.stdout + result.stderr)
    assert "✘ 2. Tryck på Spara." in (result.stdout + result.stderr)
    assert "tvetydig.md:8: steg 2: Tryck på Spara." in (result.stdout + result.stderr)
    assert "1 av 2 guider stämmer." in (result.stdout + result.stderr)
    suites = ET.parse(report / "junit.xml").getroot()
    failures = suites.findall(".//failure")
    assert len(failures) == 1 and "steg 2" in failures[0].text
    assert len(suites.findall(".//testcase")) == 7  # the steps, and the start before each guide
    page = (report / "index.html").read_text(encoding="utf-8")
    assert "✘ tvetydig" in page and "✔ passar" in page and "2 stycken – tvetydigt" in page
    assert (report / "traces" / "tvetydig.zip").stat().st_size > 1000
    assert (report / "traces" / "passar.zip").exists()
    for position in (1, 2, 3):  # a screenshot for every step
        assert list((report / "shots").glob(f"passar-steg{position}*.png")), position
    assert (report / "shots" / "tvetydig-steg2-fel.png").exists()  # the page as it was
    assert "Sidan när steget inte stämde" in page


def test_check_reports_a_bad_guide_file_without_a_traceback(tmp_path):
    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "trasig.md").write_text("# Ingen header\n\n1. Tryck på *A*.\n", encoding="utf-8")
    result = mockplatform("guides", "check", "--dir", str(folder))
    assert result.returncode == 2
    output = result.stdout + result.stderr
    assert "Fel i guidefil:" in output and "trasig.md:1: guiden saknar huvudet" in output
    assert "Traceback" not in output


def test_export_writes_a_chapter_with_circled_screenshots(tmp_path, live_server):
    folder = tmp_path / "guides"
    folder.mkdir()
    shutil.copy(ROOT / "guides" / "01-sa-skapar-du-ett-inlagg.md", folder)
    out = tmp_path / "kapitel"
    result = mockplatform("guides", "export", "--out", str(out), "--dir", str(folder),
                          "--base-url", live_server)
    assert result.returncode == 0, (result.stdout + result.stderr)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<h2 id=\"g-1\">Så skapar du ett inlägg</h2>" in page
    assert "där det står <em>skriv ett inlägg</em>" in page and "<!--" not in page
    shots = sorted((out / "shots").glob("*.png"))
    assert len(shots) == page.count("<img ")
    img = Image.open(shots[0]).convert("RGB")
    assert any(img.getpixel((x, y)) == (229, 21, 21) for x in range(0, img.width, 2)
               for y in range(0, img.height, 2))


def test_check_starts_its_own_sandbox_when_no_base_url_is_given():
    result = mockplatform("guides", "check", "03-sa-schemalagger-du-ett-inlagg",
                          "--dir", str(ROOT / "guides"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "✔ 6. Tryck därefter på den blåa knappen där det står schemalägg." in result.stdout
    assert "1 av 1 guider stämmer." in result.stdout


def test_a_browser_that_cannot_start_is_a_message_not_a_traceback():
    env = {**os.environ, "MOCKPLATFORM_BROWSER": "/finns/inte/chrome"}
    result = mockplatform("guides", "check", "--dir", str(ROOT / "guides"), env=env)
    assert result.returncode == 3  # could not run: says nothing about the handbook
    assert "stämmer inte" not in result.stderr
    assert "Webbläsaren kunde inte startas: MOCKPLATFORM_BROWSER=/finns/inte/chrome" in result.stderr
    assert "Traceback" not in result.stderr
