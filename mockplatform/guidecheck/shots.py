"""Screenshots with the target circled in red, as in the handbook's pictures."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

RED = (229, 21, 21, 255)


def circle(png: Path, box: dict, pad: int = 10, width: int = 4) -> None:
    """Draw a red ellipse around ``box`` (CSS pixels of the viewport = image pixels)."""
    with Image.open(png) as img:
        img = img.convert("RGBA")
        draw = ImageDraw.Draw(img)
        x0, y0 = box["x"] - pad, box["y"] - pad
        x1, y1 = box["x"] + box["width"] + pad, box["y"] + box["height"] + pad
        # an ellipse through the box's corners is about √2 bigger than the box
        grow_x, grow_y = (x1 - x0) * 0.12, (y1 - y0) * 0.18
        draw.ellipse([x0 - grow_x, y0 - grow_y, x1 + grow_x, y1 + grow_y], outline=RED, width=width)
        img.convert("RGB").save(png)


def take(page, locator, path: Path) -> Path:
    """Screenshot of the viewport with ``locator``'s element circled."""
    path.parent.mkdir(parents=True, exist_ok=True)
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.screenshot(path=str(path))
    if box:
        circle(path, box)
    return path
