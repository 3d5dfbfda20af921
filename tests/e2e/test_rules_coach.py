"""The live coach: "Tänk på: …" beside the composer and the reply box while one writes, at
desktop and phone width; the Facebook composer's consent questions for a photo."""

from PIL import Image
from playwright.sync_api import Browser, Page, expect

from .pages import FacebookLogin, FacebookPage

SIGN = "\n\nVänliga hälsningar, Eva, kommunikatör på Östhammars kommun"


def on_kommun_page(page: Page) -> FacebookPage:
    FacebookLogin(page).open().login_as("eva")
    return FacebookPage(page).open("osthammarskommun")


def coach_composer_and_reply(page: Page, width: int) -> None:
    composer = on_kommun_page(page).open_composer()
    composer.text.press_sequentially("Hej! Ring mig privat på 070-123 45 67 om sophämtningen.")
    expect(composer.think_of).to_contain_text("Tänk på:")
    expect(composer.think_of).to_contain_text("mobilnummer")
    expect(composer.think_of.get_by_text("070-123 45 67", exact=True)).to_be_visible()
    expect(composer.think_of).to_contain_text("Handboken: Enskilt ärende.")
    page.screenshot(path=f"test-results/rules-composer-{width}.png")
    composer.text.fill("Sophämtningen i Alunda tas igen i morgon." + SIGN)
    expect(composer.think_of).to_be_empty()
    page.get_by_role("button", name="Stäng").first.click()

    page.get_by_role("button", name="Svara Mats Öberg").click()
    answer = page.get_by_role("form", name="Svar på kommentaren från Mats Öberg")
    answer.get_by_label("Svar till Mats Öberg").press_sequentially("Du får tillbaka 500 kr på fakturan.")
    hints = answer.get_by_role("status", name="Tänk på")
    expect(hints).to_contain_text("löfte om pengar tillbaka")
    expect(hints).to_contain_text("ingen avsändare")
    hints.scroll_into_view_if_needed()
    page.screenshot(path=f"test-results/rules-reply-{width}.png")


def test_coach_beside_composer_and_reply_box(page: Page):
    coach_composer_and_reply(page, 1280)


def test_coach_at_phone_width(browser: Browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844},
                                  locale="sv-SE", timezone_id="Europe/Stockholm")
    page = context.new_page()
    try:
        coach_composer_and_reply(page, 390)
        box = page.get_by_role("form", name="Svar på kommentaren från Mats Öberg").get_by_role(
            "status", name="Tänk på").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    finally:
        context.close()


def test_composer_asks_about_a_child_in_the_photo_and_refuses_without_guardian(page: Page, tmp_path):
    img = tmp_path / "lucia.png"
    Image.new("RGB", (80, 60), (230, 200, 90)).save(img)
    composer = on_kommun_page(page).open_composer().write("Luciatåget på förskolan Solstrålen")
    question = composer.dialog.get_by_role("group", name="Visar bilden en person?")
    expect(question).to_be_hidden()
    composer.photo.set_input_files(str(img))
    expect(question).to_be_visible()
    question.get_by_label("Ja, ett barn under 13 år").check()
    guardian = composer.dialog.get_by_role(
        "group", name="Har barnets målsman skrivit under samtyckesblanketten för bildanvändande?")
    guardian.get_by_label("Nej").check()
    composer.share_now.click()
    dialog = page.get_by_role("dialog", name="Skapa inlägg")
    expect(dialog.get_by_role("alert")).to_contain_text("Inlägget publicerades inte")
    expect(dialog.get_by_role("alert")).to_contain_text("målsman")
    expect(dialog.get_by_label("Inläggets text")).to_have_value("Luciatåget på förskolan Solstrålen")
    page.screenshot(path="test-results/rules-consent-refused-1280.png")


def test_coach_beside_the_instagram_caption(page: Page):
    page.goto("/instagram/logga-in")
    page.get_by_label("Användarnamn").fill("osthammarskommun")
    page.get_by_label("Lösenord").fill("ovning-ig-kommun")
    page.get_by_role("button", name="Logga in").click()
    page.goto("/instagram/nytt-inlagg")
    page.get_by_label("Bildtext").press_sequentially("Grattis Anna 19900101-0017 på födelsedagen!")
    hints = page.get_by_role("status", name="Tänk på")
    expect(hints).to_contain_text("personnummer")
    expect(hints.get_by_text("19900101-0017", exact=True)).to_be_visible()
    page.screenshot(path="test-results/rules-caption-1280.png")
