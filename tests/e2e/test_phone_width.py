"""On a phone, the entry pages fit the screen: nothing scrolls sideways."""

import pytest
from playwright.sync_api import Browser


@pytest.mark.parametrize("path", ["/", "/facebook/logga-in", "/instagram/", "/appbutik/",
                                  "/ovningar/", "/ga-med"])
def test_no_sideways_scrolling_on_a_phone(browser: Browser, base_url, path):
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True, locale="sv-SE")
    page = context.new_page()
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
