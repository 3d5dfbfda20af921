"""What the handbook claims about colour and position, measured on the rendered page.
Colour uses the guide checker's own rule (mockplatform.guidecheck.claims), so tests and guides
agree on what "blå" means."""

from __future__ import annotations

from playwright.sync_api import Locator

from mockplatform.guidecheck import claims


def background_rgb(locator: Locator) -> str:
    """The computed background colour, as CSS gives it ('rgb(66, 103, 178)')."""
    return locator.evaluate("e => getComputedStyle(e).backgroundColor")


def is_blue(css: str) -> bool:
    return claims.is_blue(css)


def box(locator: Locator) -> dict:
    """The element's box once the page has loaded: measured earlier, the stylesheets may not
    be applied yet and a control sits where unstyled HTML puts it."""
    locator.page.wait_for_load_state("load")
    b = locator.bounding_box()
    assert b is not None, "the element is not on the page"
    return b


def in_top_right_corner(target: Locator, container: Locator) -> bool:
    t, c = box(target), box(container)
    centre_x, centre_y = t["x"] + t["width"] / 2, t["y"] + t["height"] / 2
    return (centre_x > c["x"] + c["width"] * 0.75) and (centre_y < c["y"] + c["height"] * 0.5)
