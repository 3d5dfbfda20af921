"""Så skapar du ett inlägg – by the handbook's words, in a real browser."""

import re

from playwright.sync_api import Page, expect

from .pages import FacebookLogin


def test_create_post_by_the_handbook(page: Page):
    feed = FacebookLogin(page).open().login_as("eva")
    # 1. Gå in på Östhammars kommuns sida
    fb_page = feed.open_page("Östhammars kommun")
    expect(page.get_by_role("heading", name="Östhammars kommun", level=1)).to_be_visible()
    # 2. Tryck på rutan i mitten av sidan, där det står "skriv ett inlägg"
    composer = fb_page.open_composer()
    expect(composer.dialog).to_be_visible()
    # 3. Skriva ett inlägg … och tryck på den blåa knappen där det står "dela nu"
    composer.write("Nu är biblioteket i Gimo öppet igen efter renoveringen!")
    fb_page = composer.share()
    expect(composer.dialog).to_be_hidden()
    post = fb_page.post("Nu är biblioteket i Gimo öppet igen")
    expect(post).to_be_visible()
    expect(post.get_by_text("Publicerat av Eva Lind")).to_be_visible()
    expect(post.get_by_text(re.compile("Just nu|min"))).to_be_visible()
