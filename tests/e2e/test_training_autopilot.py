"""Every scenario's autopilot passes, headless: one browser, a new context each. A scenario
whose platform has not landed yet is skipped (it cannot be played), never failed."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from mockplatform.training import autopilot
from mockplatform.training.scenarios import Step, load_all

SCENARIOS = list(load_all().values())


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_autopilot_plays_the_solution_and_every_check_passes(scenario, live_app, browser,
                                                            browser_context_args, base_url):
    missing = set(scenario.requires) - set(live_app.view_functions)
    if missing:
        pytest.skip(f"{scenario.id}: {', '.join(sorted(missing))} finns inte än")
    context = browser.new_context(**browser_context_args)
    context.set_default_timeout(10_000)
    page = context.new_page()
    result = autopilot.run(page, base_url, scenario)
    failures = [f"uppgift {t.number}: {t.error}" for t in result.tasks if not t.passed]
    assert result.passed, failures
    expect(page.get_by_role("heading", name=f"Genomgång: {scenario.title}")).to_be_visible()
    context.close()


def test_demo_mode_outlines_the_target_and_shows_a_caption(page, base_url):
    page.goto("/facebook/logga-in")
    player = autopilot.Player(page, base_url, demo=True, pause_ms=0)
    player.play(Step("fill", {"label": "E-postadress", "text": "eva.lind@osthammar.example"},
                     caption="Skriv e-postadressen till övningskontot."))
    email = page.get_by_label("E-postadress", exact=True)
    expect(email).to_have_value("eva.lind@osthammar.example")
    # A red frame around the whole field, drawn above everything (not clipped by its container).
    frame = page.locator("#autopilot-highlight")
    expect(frame).to_be_visible()
    expect(frame).to_have_css("border-top-color", "rgb(229, 57, 53)")
    f, e = frame.bounding_box(), email.bounding_box()
    assert f["x"] < e["x"] and f["y"] < e["y"]
    assert f["x"] + f["width"] > e["x"] + e["width"] and f["y"] + f["height"] > e["y"] + e["height"]
    caption = page.get_by_role("status").filter(has_text="Skriv e-postadressen till övningskontot.")
    expect(caption).to_be_visible()


def test_headless_mode_shows_no_caption(page, base_url):
    page.goto("/facebook/logga-in")
    autopilot.Player(page, base_url).play(Step("fill", {"label": "E-postadress", "text": "x"}, caption="Hej"))
    expect(page.get_by_text("Hej", exact=True)).to_have_count(0)
    expect(page.locator("#autopilot-highlight")).to_have_count(0)
