"""A trainee practising alone: starts a scenario, does the task by hand, sees the ✔ in the coach
panel – which never covers the controls the task needs."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .pages import FacebookLogin, FacebookPage
from .pages_training import CoachPanel, Ovningar


def _overlaps(a: dict, b: dict) -> bool:
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


def test_trainee_completes_tasks_by_hand_and_sees_the_tick(page: Page):
    coach = Ovningar(page).open().start("Ditt första inlägg")
    expect(page).to_have_url(re.compile("/facebook/logga-in"))
    expect(coach.panel).to_be_visible()
    expect(coach.progress("Uppgift 1 av 2")).to_be_visible()
    expect(coach.ticks).to_have_count(0)
    # Level "guidad": the first hint shows at once; more on request.
    expect(coach.hints).to_contain_text("Gå till Facebook från Sandlådans startsida.")
    coach.hint_button.click()
    expect(coach.hints).to_contain_text("ovning-eva")

    feed = FacebookLogin(page).login_as("eva")
    expect(coach.ticks).to_have_count(1)
    expect(coach.progress("Uppgift 2 av 2")).to_be_visible()
    expect(coach.panel).to_contain_text("Handboken: Så skapar du ett inlägg")
    expect(coach.announcer).to_have_text(re.compile("Klart: uppgift 1"))

    fb_page = feed.open_page("Östhammars kommun")
    expect(page).to_have_url(re.compile("/facebook/osthammarskommun/"))
    composer = fb_page.open_composer()
    composer.write("Bokbussen kommer till Gräsö på torsdag!\n\nVänliga hälsningar, Eva, kommunikatör på "
                   "Östhammars kommun")
    composer.share()
    expect(coach.ticks).to_have_count(2)
    expect(coach.progress("Alla 2 uppgifter klara")).to_be_visible()
    coach.debrief_link.click()
    expect(page.get_by_role("heading", name="Genomgång: Ditt första inlägg")).to_be_visible()
    expect(page.get_by_text("Inga misstag. Snyggt!")).to_be_visible()


def test_tick_appears_without_reload_when_the_task_is_done_in_another_tab(page: Page):
    Ovningar(page).open().start("Rätta ett stavfel i ett publicerat inlägg")
    coach = CoachPanel(page)
    expect(coach.progress("Uppgift 1 av 2")).to_be_visible()
    other = page.context.new_page()
    fb_page = FacebookPage(other).open("osthammarskommun")
    fb_page.edit_post("nya öppetider").change_text(
        "Gimo bibliotek har nya öppettider från och med måndag.\n\nVänliga hälsningar, Eva, kommunikatör "
        "på Östhammars kommun")
    # The first tab was not reloaded: the light poll brings the ✔ and announces it.
    expect(coach.ticks).to_have_count(1, timeout=10_000)
    expect(coach.progress("Uppgift 2 av 2")).to_be_visible()
    expect(coach.announcer).to_have_text(re.compile("Klart: uppgift 1"))


def test_coach_docks_beside_the_composer_and_can_be_collapsed(page: Page):
    Ovningar(page).open().start("Schemalägg inför julmarknaden")
    coach = CoachPanel(page)
    fb_page = FacebookPage(page).open("besokosthammar")
    composer = fb_page.open_composer()
    expect(composer.dialog).to_be_visible()
    panel = coach.panel.bounding_box()
    for control in (composer.share_now, composer.when, composer.text):
        assert not _overlaps(panel, control.bounding_box())
    page.screenshot(path="test-results/coach-composer.png")
    page.keyboard.press("Escape")
    assert not _overlaps(panel, fb_page.write_box.bounding_box())
    coach.toggle.click()
    expect(coach.toggle).to_have_attribute("aria-expanded", "false")
    expect(coach.progress("Uppgift 1 av 2")).to_be_hidden()
    page.reload()  # remembered
    expect(coach.toggle).to_have_attribute("aria-expanded", "false")
    coach.toggle.click()
    expect(coach.progress("Uppgift 1 av 2")).to_be_visible()


def test_coach_on_a_phone_sits_in_the_page_flow(browser, browser_context_args, base_url):
    context = browser.new_context(**(browser_context_args | {"viewport": {"width": 390, "height": 844}}))
    page = context.new_page()
    page.goto(base_url + "/ovningar/")
    Ovningar(page).start("Ditt första inlägg")
    coach = CoachPanel(page)
    expect(coach.panel).to_be_visible()
    login = FacebookLogin(page)
    panel = coach.panel.bounding_box()
    for control in (login.email, login.password, login.submit):
        box = control.bounding_box()
        assert not _overlaps(panel, box)
        assert box["x"] + box["width"] <= 390  # nothing pushed off a phone's screen
    page.screenshot(path="test-results/coach-phone.png", full_page=True)
    context.close()


def test_coach_on_a_phone_leaves_instagram_s_bottom_menu_free(browser, browser_context_args, base_url):
    from mockplatform.training import autopilot
    from mockplatform.training.scenarios import load_all

    phone = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
    context = browser.new_context(**(browser_context_args | phone))
    page = context.new_page()
    scenario = load_all()["instagram-andra-kontot"]
    autopilot.start_via_ui(page, base_url, scenario)
    player = autopilot.Player(page, base_url)
    for task in scenario.tasks[:2]:
        for step in task.solution:
            player.play(step)
    coach = CoachPanel(page)
    expect(coach.ticks).to_have_count(2)
    page.get_by_role("button", name="osthammarsbibliotek – byt konto").click()
    sheet = page.get_by_role("dialog", name="Byt konto")
    expect(sheet).to_be_visible()
    panel = coach.panel.bounding_box()
    for name in ("osthammarskommun", "osthammarsbibliotek"):
        assert not _overlaps(panel, sheet.get_by_role("button", name=name).bounding_box())
    page.screenshot(path="test-results/coach-instagram-phone.png")
    sheet.get_by_role("button", name="osthammarskommun").click()
    expect(coach.ticks).to_have_count(3)
    context.close()
