"""The trainer's demo window: it fits the screen (or --window), the caption is always in view,
no translate bubble, and the red frame goes around the whole target, also inside a dialog."""

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, expect

from mockplatform.cli import cli
from mockplatform.training import autopilot
from mockplatform.training.cli import window_settings
from mockplatform.training.scenarios import Step


def test_a_shown_window_fills_the_screen_in_swedish_without_translate():
    args, context = window_settings(headless=False, window=None)
    assert "--start-maximized" in args and "--disable-features=Translate" in args and "--lang=sv-SE" in args
    assert context["no_viewport"] is True and context["locale"] == "sv-SE"
    args, context = window_settings(headless=False, window=(1366, 768))
    assert "--window-size=1366,768" in args and "--start-maximized" not in args
    _args, context = window_settings(headless=True, window=(1366, 768))
    assert context["viewport"] == {"width": 1366, "height": 768}


def test_a_wrong_window_size_is_refused_in_swedish():
    result = CliRunner().invoke(cli, ["scenario", "run", "forsta-inlagget", "--window", "stor"])
    assert result.exit_code == 2 and "BREDDxHÖJD" in result.output


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_caption_and_frame_on_a_small_projector(browser: Browser, base_url, size):
    _args, options = window_settings(headless=True, window=size)
    context = browser.new_context(base_url=base_url, **options)
    page = context.new_page()
    player = autopilot.Player(page, base_url, demo=True, pause_ms=0)
    player.play(Step("login", "eva"))
    player.play(Step("goto", "/facebook/osthammarskommun/"))
    player.play(Step("click", {"role": "button", "name": "Skriv ett inlägg"}, caption="Tryck på rutan."))
    player.play(Step("fill", {"label": "Inläggets text", "text": "Hej alla"},
                     within={"role": "dialog", "name": "Skapa inlägg"},
                     caption="Skriv inlägget – med avsändare."))
    caption = page.get_by_role("status").filter(has_text="Skriv inlägget – med avsändare.")
    expect(caption).to_be_in_viewport(ratio=1)
    box = page.get_by_role("dialog", name="Skapa inlägg").get_by_label("Inläggets text")
    frame = page.locator("#autopilot-highlight")
    expect(frame).to_be_visible()
    f, b = frame.bounding_box(), box.bounding_box()
    assert f["x"] < b["x"] and f["y"] < b["y"]
    assert f["x"] + f["width"] > b["x"] + b["width"] and f["y"] + f["height"] > b["y"] + b["height"]
    # Above the modal dialog (the top layer, shown last), not clipped by it.
    assert frame.evaluate("e => e.matches(':popover-open')")
    context.close()
