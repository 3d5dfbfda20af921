"""The guides as a handbook chapter (HTML) with fresh screenshots from the tested UI."""

from __future__ import annotations

import shutil
from pathlib import Path

from . import reports, session
from .parser import Guide
from .results import GuideResult

TITLE = "Så arbetar du praktiskt – steg för steg"


def export(guides: list[Guide], out: Path, base_url: str | None = None,
           on_step=None, **timeouts) -> tuple[Path, list[GuideResult]]:
    """Run every guide (screenshots into ``out/shots``) and write ``out/index.html``."""
    out = Path(out)
    shutil.rmtree(out / "shots", ignore_errors=True)
    results = session.run(guides, guides, base_url=base_url, out_dir=out, on_step=on_step,
                          **timeouts)
    page = reports.html(results, out / "index.html", template="chapter.html", title=TITLE)
    return page, results
