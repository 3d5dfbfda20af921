"""Every guide in guides/ runs against the sandbox (one test per guide), so `make test` keeps
the handbook true. One shared browser, a fresh context – and so a fresh world – per guide."""

from pathlib import Path

import pytest

from mockplatform.guidecheck.parser import guide_files, load_all, parse_file
from mockplatform.guidecheck.runner import Runner

FOLDER = Path(__file__).resolve().parents[2] / "guides"


@pytest.fixture(scope="session")
def every_guide():
    return load_all(FOLDER)


@pytest.mark.parametrize("path", guide_files(FOLDER), ids=lambda p: p.stem)
def test_guide(path, browser, live_server, every_guide):
    result = Runner(browser, live_server, every_guide).run(parse_file(path))
    assert result.ok, result.failure_text()
