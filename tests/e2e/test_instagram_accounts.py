"""Inloggning 2, Skifta mellan två konton, logging out and the consent rule – on a phone."""

from __future__ import annotations

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from .claims import box, in_top_right_corner
from .pages_instagram import InstagramLogin, Settings, phone_page


@pytest.fixture
def phone(browser, base_url):
    yield from phone_page(browser, base_url)


def _viewport(page: Page):
    return page.viewport_size["width"], page.viewport_size["height"]


def test_inloggning_2_by_the_handbook(phone: Page):
    feed = InstagramLogin(phone).open().login_as("osthammarskommun")
    profile = feed.open_profile()
    width, height = _viewport(phone)
    # 1. Tryck på de tre sträcken i högra hörnet.
    assert in_top_right_corner(profile.three_lines, phone.locator("body"))
    lines = box(profile.three_lines)
    assert lines["x"] + lines["width"] >= width - 24, lines
    assert lines["y"] < height * 0.2, lines
    profile.open_menu()
    # 2. Du får då upp en meny till höger. Tryck på inställningar som finns längst ner på menyn.
    expect(profile.menu).to_be_visible()
    menu = box(profile.menu)
    assert abs(menu["x"] + menu["width"] - width) <= 2 and menu["x"] > width * 0.15, menu
    items = profile.menu.get_by_role("menuitem")
    expect(items.last).to_have_text("Inställningar")
    setting = box(profile.settings_item)
    assert setting["y"] + setting["height"] >= menu["y"] + menu["height"] - 24, (setting, menu)
    assert setting["y"] > height * 0.75, setting
    settings = profile.open_settings()
    # 3. Tryck på lägg till konto som finns längst ner i menyn som kommer upp.
    expect(settings.heading).to_be_visible()
    rows = [settings.list.get_by_role("link", name="Hjälp"), settings.list.get_by_role("link", name="Om"),
            settings.logins, settings.list.get_by_role("link", name="Inloggningsuppgifter"),
            settings.add_account_link, settings.logout_button]
    tops = [box(row)["y"] for row in rows]
    assert tops == sorted(tops), tops
    assert tops[-2] > height / 2, tops  # "längst ner i menyn"
    login = settings.add_account()
    # 4. Logga in genom att fylla i användarnamn samt lösenord. Tryck därefter på knappen logga in.
    expect(phone.get_by_text("Du är fortfarande inloggad på")).to_be_visible()
    feed = login.login_as("osthammarsbibliotek")
    expect(feed.account_name("osthammarsbibliotek")).to_be_visible()
    feed.open_account_menu()
    expect(feed.sheet_account("osthammarskommun")).to_be_visible()  # the first is still logged in
    expect(feed.sheet_account("osthammarsbibliotek")).to_be_visible()


def test_adding_the_same_account_twice_is_refused(phone: Page):
    InstagramLogin(phone).open().login_as("osthammarskommun")
    login = Settings(phone).open().add_account()
    login.try_login("osthammarskommun")
    expect(login.error).to_have_text("Du är redan inloggad på det här kontot.")


def test_skifta_mellan_tva_konton(phone: Page):
    InstagramLogin(phone).open().login_as("osthammarskommun")
    feed = Settings(phone).open().add_account().login_as("fritidosthammar")
    width, height = _viewport(phone)
    # 2. Högst upp står kontots namn med en pil bredvid. Tryck där.
    name = feed.account_name("fritidosthammar")
    expect(name).to_contain_text("▾")
    assert box(name)["y"] < height * 0.2
    # The practice bar stays on top, and does not cover the app.
    bar = phone.get_by_role("complementary", name="Sandlådan – övningsmiljö")
    expect(bar).to_contain_text("Skriv aldrig in ett riktigt lösenord")
    assert box(bar)["y"] + box(bar)["height"] <= box(name)["y"]
    assert box(bar)["height"] < height * 0.1
    feed.open_account_menu()
    # 3. Tryck på det konto som du vill gå över till, i menyn som kommer upp längst ner.
    expect(feed.sheet).to_be_visible()
    sheet = box(feed.sheet)
    assert abs(sheet["y"] + sheet["height"] - height) <= 2, sheet
    assert sheet["y"] > height / 2 and sheet["width"] >= width - 2, sheet
    feed = feed.switch_to("osthammarskommun")
    expect(feed.account_name("osthammarskommun")).to_be_visible()
    expect(feed.sheet).to_be_hidden()


def test_log_out_of_one_account_then_of_all(phone: Page):
    InstagramLogin(phone).open().login_as("osthammarskommun")
    Settings(phone).open().add_account().login_as("osthammarsbibliotek")
    feed = Settings(phone).open().logout()
    expect(phone.get_by_text("Du har loggat ut från osthammarsbibliotek.")).to_be_visible()
    expect(feed.account_name("osthammarskommun")).to_be_visible()
    Settings(phone).open().add_account().login_as("fritidosthammar")
    settings = Settings(phone).open()
    login = settings.logout_all()
    expect(login.submit).to_be_visible()
    expect(phone.get_by_text("Du har loggat ut från alla konton.")).to_be_visible()
    phone.goto("/instagram/")
    expect(login.submit).to_be_visible()


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "fotboll.png"
    Image.new("RGB", (120, 120), (30, 140, 60)).save(path)
    return str(path)


def test_a_child_without_the_guardians_signature_is_not_published(phone: Page, photo, tmp_path):
    feed = InstagramLogin(phone).open().login_as("fritidosthammar")
    composer = feed.open_composer()
    composer.write(photo, "Fotbollsskolan har börjat!")
    expect(composer.adult_consent).to_be_hidden()
    composer.person("Ja, ett barn under 13 år").tap()
    expect(composer.guardian_consent).to_be_visible()
    expect(composer.adult_consent).to_be_hidden()
    composer.guardian_consent.get_by_role("radio", name="Nej").tap()
    composer.share.tap()
    expect(composer.error).to_contain_text("Inlägget publicerades inte.")
    expect(composer.error).to_contain_text("målsman")
    expect(composer.caption).to_have_value("Fotbollsskolan har börjat!")
    # With the guardian's signature it is published.
    composer.image.set_input_files(photo)
    composer.guardian_consent.get_by_role("radio", name="Ja, målsman har skrivit under").tap()
    profile = composer.publish()
    expect(phone.get_by_text("Inlägget är delat.")).to_be_visible()
    expect(profile.page.get_by_role("img", name="Fotbollsskolan har börjat!")).to_be_visible()


def test_a_file_that_is_not_an_image_gets_a_message(phone: Page, tmp_path):
    text_file = tmp_path / "inte-en-bild.png"
    text_file.write_text("hej")
    composer = InstagramLogin(phone).open().login_as("osthammarskommun").open_composer()
    composer.write(str(text_file), "Test")
    composer.person("Nej, ingen person").tap()
    composer.share.tap()
    expect(composer.error).to_contain_text("Filen är inte en bild")
