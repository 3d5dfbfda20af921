"""Så laddar du ner appen, Inloggning 1 and Glömt lösenordet? – on a phone, by tapping."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .claims import background_rgb, box, is_blue
from .pages_instagram import AppStoreHome, InstagramLogin, phone_page


@pytest.fixture
def phone(browser, base_url):
    yield from phone_page(browser, base_url)


@pytest.mark.parametrize(("store", "search_label", "install"), [
    ("App Store", "Sök i App Store", "Hämta"), ("Google Play", "Sök efter appar och spel", "Installera")])
def test_download_the_app_then_log_in(phone: Page, store, search_label, install):
    login = InstagramLogin(phone).open()
    expect(login.app_store_link).to_be_visible()
    # 1. Öppna upp appen App Store (om du har en Apple-enhet) eller Google play (om du har en android).
    shop = AppStoreHome(phone).open().open_store(store, search_label)
    expect(phone.get_by_role("heading", name=store, level=1)).to_be_visible()
    # 2. Sök efter appen Instagram och ladda ner den.
    shop.search("Instagram")
    expect(shop.result("Boomerang från Instagram")).to_be_visible()
    app = shop.open_app("Instagram Instagram, Inc.")
    expect(app.heading).to_have_text("Instagram")
    app.install(install)
    expect(phone.get_by_role("status")).to_contain_text("Instagram är installerad")
    login = app.open_instagram()
    expect(login.submit).to_be_visible()
    expect(login.app_store_link).to_have_count(0)


def test_inloggning_1(phone: Page):
    login = InstagramLogin(phone).open()
    expect(phone.get_by_role("heading", name="Övningskonton")).to_be_visible()
    # 2. Fyll i användarnamn och lösenord, tryck därefter på logga in.
    login.try_login("osthammarskommun", "fel-losenord")
    expect(login.error).to_have_text("Lösenordet du angav är fel. Försök igen.")
    expect(login.username).to_have_value("osthammarskommun")
    login.try_login("finnsinte", "x")
    expect(login.error).to_contain_text("Användarnamnet du angav tillhör inte något konto.")
    feed = login.login_as("osthammarskommun")
    expect(feed.account_name("osthammarskommun")).to_be_visible()
    expect(phone.get_by_role("article").first).to_be_visible()


def test_login_button_is_blue_and_glomt_losenordet_is_above_it(phone: Page):
    login = InstagramLogin(phone).open()
    assert is_blue(background_rgb(login.submit))
    assert box(login.forgot)["y"] < box(login.submit)["y"]


def test_glomt_losenordet_sends_a_link_and_the_new_password_works(phone: Page):
    login = InstagramLogin(phone).open()
    login.forgot.tap()
    expect(phone.get_by_role("heading", name="Problem med att logga in?")).to_be_visible()
    phone.get_by_label("Användarnamn eller e-postadress").fill("fritidosthammar")
    phone.get_by_role("button", name="Skicka inloggningslänk").tap()
    expect(phone.get_by_role("status")).to_contain_text("fritid.instagram@osthammar.example")
    phone.get_by_role("link", name="Öppna Inkorgen").tap()
    phone.get_by_role("link", name=re.compile("Återställ ditt lösenord på Instagram")).first.tap()
    phone.get_by_role("link", name="Öppna länken").tap()
    phone.get_by_label("Nytt lösenord", exact=True).fill("mitt-ovningslosen")
    phone.get_by_label("Nytt lösenord igen").fill("mitt-ovningslosen")
    phone.get_by_role("button", name="Återställ lösenord").tap()
    login = InstagramLogin(phone)
    expect(phone.get_by_text("Ditt lösenord är ändrat.")).to_be_visible()
    expect(phone.get_by_role("row", name=re.compile("fritidosthammar"))).to_contain_text(
        "ändrat under övningen")
    feed = login.login_as("fritidosthammar", "mitt-ovningslosen")
    expect(feed.account_name("fritidosthammar")).to_be_visible()
