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


# What a person sees of a control: a visually hidden file input is seen as its <label>.
VISIBLE_BOX_JS = """el => {
  const s = getComputedStyle(el);
  let r = el.getBoundingClientRect();
  const hidden = (s.clip && s.clip !== 'auto') || s.opacity === '0' || r.width < 4 || r.height < 4;
  if (hidden && el.labels && el.labels.length) r = el.labels[0].getBoundingClientRect();
  return {x: r.x, y: r.y, width: r.width, height: r.height};
}"""


def take(page, locators, path: Path) -> Path:
    """Screenshot of the viewport with every locator's element circled."""
    path.parent.mkdir(parents=True, exist_ok=True)
    locators[0].scroll_into_view_if_needed()
    boxes = [loc.evaluate(VISIBLE_BOX_JS) for loc in locators]
    page.screenshot(path=str(path))
    for box in boxes:
        circle(path, box)
    return path
