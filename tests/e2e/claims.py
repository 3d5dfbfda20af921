"""What the handbook claims about colour and position, measured on the rendered page."""

from __future__ import annotations

import colorsys
import re

from playwright.sync_api import Locator


def background_rgb(locator: Locator) -> tuple[int, int, int]:
    css = locator.evaluate("e => getComputedStyle(e).backgroundColor")
    r, g, b = (int(x) for x in re.findall(r"\d+", css)[:3])
    return r, g, b


def is_blue(rgb: tuple[int, int, int]) -> bool:
    """Blue as a person would say it: hue between cyan-blue and violet-blue, clearly coloured."""
    h, s, v = colorsys.rgb_to_hsv(*(c / 255 for c in rgb))
    return 0.55 <= h <= 0.70 and s >= 0.35 and v >= 0.35


def box(locator: Locator) -> dict:
    b = locator.bounding_box()
    assert b is not None, "the element is not on the page"
    return b


def in_top_right_corner(target: Locator, container: Locator) -> bool:
    t, c = box(target), box(container)
    centre_x, centre_y = t["x"] + t["width"] / 2, t["y"] + t["height"] / 2
    return (centre_x > c["x"] + c["width"] * 0.75) and (centre_y < c["y"] + c["height"] * 0.5)
