"""What a new editor sees fits: on a phone the Page's name is not on the dark cover, the role
line and the sandbox bar stay short; the edit view shows its last line; step 2 of the invite
shows its last line above the footer."""

import pytest
from playwright.sync_api import Browser, Page, expect

from .pages import FacebookLogin, FacebookPage
from .pages_business import BusinessHome


@pytest.fixture
def phone(browser: Browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844},
                                  locale="sv-SE", timezone_id="Europe/Stockholm")
    yield context.new_page()
    context.close()


def _lines(locator) -> float:
    return locator.evaluate(
        "e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)")


def test_the_page_on_a_phone(phone: Page):
    FacebookLogin(phone).open().login_as("eva")
    FacebookPage(phone).open("osthammarskommun")
    name = phone.get_by_role("heading", name="Östhammars kommun", level=1)
    cover = phone.locator(".fb-cover__img")
    assert name.bounding_box()["y"] >= cover.bounding_box()["y"] + cover.bounding_box()["height"]
    role_line = phone.get_by_text("Du är Administratör för sidan")
    expect(role_line).to_be_visible()
    assert _lines(role_line) <= 2.2
    bar = phone.get_by_role("complementary", name="Sandlådan – övningsmiljö")
    assert bar.bounding_box()["height"] <= 60
    # Short, but it still warns, and every tool keeps its full name.
    expect(bar).to_contain_text("Skriv aldrig in ett riktigt lösenord")
    expect(bar.get_by_role("button", name="Återställ övningsmiljön")).to_be_visible()
    expect(bar.get_by_role("link", name="Inkorg")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("width", [1280, 390])
def test_the_edit_view_shows_the_last_line(page: Page, width):
    page.set_viewport_size({"width": width, "height": 900})
    FacebookLogin(page).open().login_as("eva")
    FacebookPage(page).open("osthammarskommun")
    page.get_by_role("button", name="Åtgärder för inlägget").first.click()
    page.get_by_role("menuitem", name="Redigera inlägg").click()
    box = page.get_by_role("dialog", name="Redigera inlägg").get_by_label("Inläggets text")
    expect(box).to_be_focused()
    hidden = box.evaluate("e => e.scrollHeight - e.clientHeight")
    assert hidden <= 1, f"{hidden}px of the text is cut off"


@pytest.mark.parametrize("width", [1280, 390])
def test_invite_step_2_ends_above_its_footer(page: Page, width):
    page.set_viewport_size({"width": width, "height": 800})
    FacebookLogin(page).open().login_as("eva")
    step1 = BusinessHome(page).open().open_settings().add()
    step2 = step1.fill("per.strom@osthammar.example").next_step()
    last = step2.dialog.get_by_text("Vad får de olika rollerna göra?")
    last.scroll_into_view_if_needed()
    foot = step2.dialog.get_by_role("button", name="Bjud in").locator("xpath=..")
    assert last.bounding_box()["y"] + last.bounding_box()["height"] <= foot.bounding_box()["y"]
    expect(last).to_be_in_viewport()
