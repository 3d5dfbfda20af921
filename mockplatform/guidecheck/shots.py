"""Pictures like the handbook's: the target circled red – or green where the words say
"(gröna cirkeln)" – in a crop around it at its real size, without the sandbox's own bar.
The whole screen only where the step is about the screen ("i det högra hörnet", "längst ner")
or on a phone. A failure picture marks the suggested control in orange."""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image, ImageDraw

RED = (229, 21, 21, 255)
GREEN = (24, 160, 60, 255)
ORANGE = (245, 124, 0, 255)
BAR = "aside.sandbox-bar"
HIDE_BAR = BAR + " { visibility: hidden !important; }"
CROP = (760, 440)  # the smallest crop around a target, CSS px (= image px)
SCREEN_CLAIMS = {"top_right", "bottom", "top"}

# What a person sees of a control: a visually hidden file input is seen as its <label>.
VISIBLE_BOX_JS = """el => {
  const s = getComputedStyle(el);
  let r = el.getBoundingClientRect();
  const hidden = (s.clip && s.clip !== 'auto') || s.opacity === '0' || r.width < 4 || r.height < 4;
  if (hidden && el.labels && el.labels.length) r = el.labels[0].getBoundingClientRect();
  if (r.width > 200 && r.width > 4 * r.height && !['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) {
    // a full-width row (a menu entry): circle its words, as the handbook's pictures do
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let box = null;
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.textContent.trim() || n.parentElement.closest('[aria-hidden="true"]')) continue;
      const range = document.createRange(); range.selectNodeContents(n);
      const t = range.getBoundingClientRect();
      if (!t.width) continue;
      box = box ? {l: Math.min(box.l, t.left), t: Math.min(box.t, t.top), r: Math.max(box.r, t.right),
                   b: Math.max(box.b, t.bottom)} : {l: t.left, t: t.top, r: t.right, b: t.bottom};
    }
    if (box) return {x: box.l, y: box.t, width: box.r - box.l, height: box.b - box.t};
  }
  return {x: r.x, y: r.y, width: r.width, height: r.height};
}"""


def colour_of(words: str):
    return GREEN if re.search(r"gröna cirkel", words or "", re.I) else RED


def about_screen(segment_claims) -> bool:
    return any(c.kind in SCREEN_CLAIMS for c in segment_claims or ())


def circle(img: Image.Image, box: dict, colour=RED, pad: int = 10, width: int = 4) -> None:
    """An ellipse around ``box`` (image pixels)."""
    draw = ImageDraw.Draw(img)
    x0, y0 = box["x"] - pad, box["y"] - pad
    x1, y1 = box["x"] + box["width"] + pad, box["y"] + box["height"] + pad
    # an ellipse through the box's corners is about √2 bigger than the box
    grow_x, grow_y = (x1 - x0) * 0.12, (y1 - y0) * 0.18
    draw.ellipse([x0 - grow_x, y0 - grow_y, x1 + grow_x, y1 + grow_y], outline=colour, width=width)


def _top(page) -> float:
    """Where the page starts below the sandbox bar (0 when the bar is not on the screen)."""
    bar = page.locator(BAR)
    box = bar.bounding_box() if bar.count() == 1 else None
    return max(0.0, box["y"] + box["height"]) if box and box["y"] < 5 else 0.0


def _screen(page) -> Image.Image:
    png = page.screenshot(style=HIDE_BAR, animations="disabled")
    return Image.open(io.BytesIO(png)).convert("RGBA")


def _crop(img: Image.Image, boxes: list[dict], top: float, whole: bool) -> tuple[Image.Image, tuple]:
    w, h = img.size
    if whole or w < 600 or not boxes:
        area = (0, int(top), w, h)
    else:
        x0 = min(b["x"] for b in boxes)
        y0 = min(b["y"] for b in boxes)
        x1 = max(b["x"] + b["width"] for b in boxes)
        y1 = max(b["y"] + b["height"] for b in boxes)
        cw, ch = min(w, max(CROP[0], x1 - x0 + 48)), min(h - top, max(CROP[1], y1 - y0 + 48))
        left = min(max(0, (x0 + x1) / 2 - cw / 2), w - cw)
        upper = min(max(top, (y0 + y1) / 2 - ch / 2), h - ch)
        area = (int(left), int(upper), int(left + cw), int(upper + ch))
    return img.crop(area), area


def _save(img: Image.Image, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    img.convert("RGB").save(path)
    return path


# The dialog or menu a control sits in: the picture shows all of it when it fits on the screen.
HOLDER_JS = """el => {
  const d = el.closest('dialog, [role=dialog], [role=menu], [role=listbox]');
  if (!d) return null;
  const r = d.getBoundingClientRect();
  return r.width <= innerWidth && r.height <= innerHeight * 0.9
    ? {x: r.x, y: r.y, width: r.width, height: r.height} : null;
}"""


def take(page, locators, path: Path, colour=RED, whole: bool = False) -> Path:
    """The targets circled in ``colour``, cropped around them and the dialog or menu they sit
    in (or the whole screen)."""
    locators[0].scroll_into_view_if_needed()
    boxes = [loc.evaluate(VISIBLE_BOX_JS) for loc in locators]
    holders = [h for h in (loc.evaluate(HOLDER_JS) for loc in locators) if h]
    top = _top(page)
    img, area = _crop(_screen(page), boxes + holders, top, whole)
    for box in boxes:
        circle(img, {**box, "x": box["x"] - area[0], "y": box["y"] - area[1]}, colour)
    return _save(img, path)


def page_shot(page, path: Path, mark=None) -> Path:
    """The screen as it was (no bar); ``mark``: the suggested control, circled in orange."""
    box = None
    if mark is not None:
        try:
            mark.scroll_into_view_if_needed(timeout=2000)
            box = mark.evaluate(VISIBLE_BOX_JS)
        except Exception:  # noqa: BLE001 – a suggestion that cannot be found is not drawn
            box = None
    top = _top(page)
    img, area = _crop(_screen(page), [], top, True)
    if box:
        circle(img, {**box, "x": box["x"] - area[0], "y": box["y"] - area[1]}, ORANGE, width=5)
    return _save(img, path)
