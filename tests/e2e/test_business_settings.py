"""Att komma in i business manager, and both routes to Företagsinställningar – by the
handbook's words, positions and colours."""

from playwright.sync_api import Page, expect

from .claims import background_rgb, box, in_top_right_corner, is_blue
from .pages import FacebookLogin
from .pages_business import BusinessHome, enter_business


def test_enter_business_manager_from_the_arrow_in_the_right_corner(page: Page):
    feed = FacebookLogin(page).open().login_as("eva")
    # 2. Tryck på pilen i det högra hörnet
    assert in_top_right_corner(feed.account_arrow, page.locator("html"))
    feed.account_arrow.click()
    businesses = page.get_by_role("group", name="Business Manager").get_by_role("menuitem")
    expect(businesses).to_have_count(2)
    expect(businesses).to_have_text(["Östhammars kommun", "Roslagens turistsamverkan"])
    page.keyboard.press("Escape")
    # … därefter väljer du Östhammars kommun
    home = enter_business(feed, "Östhammars kommun")
    expect(home.heading).to_have_text("Östhammars kommun")
    expect(page.get_by_role("banner")).to_contain_text("Business Manager")


def test_settings_by_the_blue_button_in_the_right_corner(page: Page):
    FacebookLogin(page).open().login_as("eva")
    home = BusinessHome(page).open()
    # 1. … Tryck på den blå knappen Företagsinställningar i det högra hörnet.
    expect(home.settings_button).to_be_visible()
    assert is_blue(background_rgb(home.settings_button))
    assert in_top_right_corner(home.settings_button, page.locator("html"))
    people = home.open_settings()
    # 2. Du kommer automatiskt in på sidan för användare.
    expect(people.heading).to_be_visible()
    expect(people.current_section).to_have_text("Personer")
    # I den högra spalten … den blåa knappen + Lägg till.
    expect(people.add_button).to_have_count(1)
    expect(people.add_button).to_contain_text("+ Lägg till")
    assert is_blue(background_rgb(people.add_button))
    assert box(people.add_button)["x"] >= box(people.nav)["x"] + box(people.nav)["width"]


def test_settings_by_the_menu_button_on_the_left(page: Page):
    FacebookLogin(page).open().login_as("eva")
    home = BusinessHome(page).open()
    # … tryck på menyknappen till vänster
    assert box(home.menu_button)["x"] < page.viewport_size["width"] * 0.1
    expect(home.menu).to_be_hidden()
    home.open_menu()
    expect(home.menu).to_be_visible()
    # … och därefter företagsinställningar som finns till höger i menyn
    menu, item = box(home.menu), box(home.settings_item)
    assert item["x"] > menu["x"] + menu["width"] / 2
    people = home.open_settings_from_menu()
    expect(people.heading).to_be_visible()
    expect(people.current_section).to_have_text("Personer")


def test_start_page_flags_the_page_with_too_few_publishers(page: Page):
    FacebookLogin(page).open().login_as("eva")
    home = BusinessHome(page).open()
    expect(home.too_few_flag).to_have_count(1)
    expect(page.get_by_role("listitem").filter(has=home.too_few_flag)).to_contain_text(
        "Östhammars kommun")
