"""What a step's prose claims about a control, and whether the rendered page agrees.

Found in the words (case-insensitive):
  blå / blåa / blått            the control's own computed background is blue
  (i det) högra hörnet          top-right corner of its container (the viewport, or the
                                element named with ``in …``)
  till vänster / vänstra        left half of its container
  till höger / högra spalten    right half of its container
  till höger i menyn            right half of the open menu that holds it
  längst ner i/på menyn         the last item of its menu (one item below it is tolerated:
                                the handbook's own Instagram menu has *Logga ut* under
                                *Lägg till konto*)
  längst ner                    lower half of the screen (also for a control in a bottom sheet:
                                "i menyn som kommer upp längst ner")
  högst upp                     top part of its container
  i mitten                      the middle of its container, left to right
"(röda cirkeln)" and "(gröna cirkeln)" point at the handbook's pictures and are not claims.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Claim:
    kind: str
    phrase: str  # the words of the guide that make the claim

    def describe(self) -> str:
        return EXPECT[self.kind]


EXPECT = {
    "blue": "blå bakgrund",
    "top_right": "i högra hörnet",
    "left": "till vänster",
    "right": "till höger",
    "right_in_menu": "till höger i menyn",
    "last_in_menu": "längst ner i menyn",
    "bottom": "längst ner på skärmen",
    "top": "högst upp",
    "centre": "i mitten",
}

_PATTERNS = [  # order matters: the longer phrase wins, its words are then used up
    ("right_in_menu", r"till höger i menyn"),
    ("last_in_menu", r"längst ner (?:i|på) menyn"),
    ("top_right", r"(?:det )?högra hörnet"),
    ("right", r"till höger|högra (?:spalten|splaten)"),
    ("left", r"till vänster|vänstra"),
    ("bottom", r"längst ner"),
    ("top", r"högst upp"),
    ("centre", r"i mitten"),
    ("blue", r"\bblå(?:a|tt)?\b"),
]


def find(text: str) -> list[Claim]:
    """The claims in a piece of a step's text, in the order of the patterns above."""
    rest = text.lower()
    claims = []
    for kind, pattern in _PATTERNS:
        for m in re.finditer(pattern, rest):
            claims.append(Claim(kind, text[m.start():m.end()]))
        rest = re.sub(pattern, lambda m: " " * len(m.group(0)), rest)
    return claims


def parse_rgb(css: str) -> tuple[float, float, float, float] | None:
    m = re.match(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?", css or "")
    if not m:
        return None
    alpha = m.group(4) or "1"
    a = float(alpha[:-1]) / 100 if alpha.endswith("%") else float(alpha)
    return float(m.group(1)), float(m.group(2)), float(m.group(3)), a


def is_blue(css: str) -> bool:
    """Blue as a person would say it: hue 195°–250°, clearly saturated, neither near-white
    nor near-black, and not transparent."""
    rgb = parse_rgb(css)
    if rgb is None or rgb[3] < 0.5:
        return False
    h, lightness, s = colorsys.rgb_to_hls(*(c / 255 for c in rgb[:3]))
    return 195 <= h * 360 <= 250 and s >= 0.4 and 0.2 <= lightness <= 0.8


def colour_name(css: str) -> str:
    rgb = parse_rgb(css)
    if rgb is None or rgb[3] < 0.5:
        return "genomskinlig (ingen egen bakgrund)"
    h, lightness, s = colorsys.rgb_to_hls(*(c / 255 for c in rgb[:3]))
    hex_ = "#{:02x}{:02x}{:02x}".format(*(round(c) for c in rgb[:3]))
    if lightness > 0.96:
        name = "vit"
    elif lightness < 0.15:
        name = "svart"
    elif s < 0.2:
        name = "grå"
    else:
        names = [(20, "röd"), (45, "orange"), (70, "gul"), (165, "grön"), (195, "turkos"),
                 (250, "blå"), (290, "lila"), (340, "rosa"), (361, "röd")]
        name = next(n for limit, n in names if h * 360 < limit)
    return f"{name} ({hex_})"


def _where(box: dict, area: dict) -> str:
    cx = (box["x"] + box["width"] / 2 - area["x"]) / max(area["width"], 1)
    cy = (box["y"] + box["height"] / 2 - area["y"]) / max(area["height"], 1)
    horiz = "till vänster" if cx < 0.4 else "till höger" if cx > 0.6 else "i mitten"
    vert = "upptill" if cy < 0.33 else "nertill" if cy > 0.66 else "halvvägs ner"
    return f"{horiz}, {vert} ({round(cx * 100)} % från vänster, {round(cy * 100)} % från toppen)"


def check(claim: Claim, geo: dict) -> str | None:
    """None when the page agrees; else what was found instead, in Swedish.

    ``geo`` (measured by the runner): box, viewport, container (or None), background,
    menu (box, items: [{"top", "bottom"}], index) or None."""
    box = geo["box"]
    screen = {"x": 0, "y": 0, **geo["viewport"]}
    area = geo.get("container") or screen
    if claim.kind == "bottom":  # "längst ner" is about the screen, even for a control in a sheet
        area = screen
    cx = box["x"] + box["width"] / 2 - area["x"]
    cy = box["y"] + box["height"] / 2 - area["y"]
    w, h = max(area["width"], 1), max(area["height"], 1)
    kind = claim.kind
    if kind == "blue":
        return None if is_blue(geo["background"]) else f"bakgrunden är {colour_name(geo['background'])}"
    if kind in ("right_in_menu", "last_in_menu"):
        menu = geo.get("menu")
        if not menu:
            return "kontrollen ligger inte i någon meny eller lista"
        if kind == "right_in_menu":
            mb = menu["box"]
            ok = box["x"] + box["width"] / 2 >= mb["x"] + mb["width"] / 2
            return None if ok else "den ligger i menyns vänstra del"
        below = len(menu["items"]) - 1 - menu["index"]
        if below <= 1:
            return None
        return f"{below} poster i menyn ligger under den (av {len(menu['items'])})"
    ok = {
        "top_right": cx >= 0.6 * w and cy <= max(0.25 * h, 80),
        "left": cx < 0.5 * w,
        "right": cx > 0.5 * w,
        "bottom": cy >= 0.5 * h,
        "top": cy <= max(0.25 * h, 80),
        "centre": 0.25 * w <= cx <= 0.75 * w,
    }[kind]
    if ok:
        return None
    inside = "i " + geo["container_name"] if area is not screen else "på skärmen"
    return f"den ligger {_where(box, area)} {inside}"


# Measures everything check() needs in one round trip; ``scope`` is the container or null.
MEASURE_JS = """(el, scope) => {
  const r = e => { const b = e.getBoundingClientRect();
                   return {x: b.x, y: b.y, width: b.width, height: b.height}; };
  const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const st = getComputedStyle(el), b0 = el.getBoundingClientRect();  // a visually hidden input:
  const hidden = (st.clip && st.clip !== 'auto') || st.opacity === '0' || b0.width < 4 || b0.height < 4;
  if (hidden && el.labels && el.labels.length) el = el.labels[0];  // its <label> is what is seen
  const geo = {box: r(el), viewport: {width: innerWidth, height: innerHeight},
               background: getComputedStyle(el).backgroundColor,
               container: scope ? r(scope) : null, menu: null};
  const menu = el.closest('[role=menu],[role=menubar],[role=listbox],menu,ul,ol,[role=list],nav,dialog');
  if (menu) {
    const sel = 'a[href],button,input,select,textarea,[role^=menuitem],[role=option],' +
                '[role=link],[role=button]';
    let items = [...menu.querySelectorAll(sel)].filter(visible);
    items = items.filter(i => !items.some(o => o !== i && o.contains(i)));
    items.sort((a, b) => a.getBoundingClientRect().bottom - b.getBoundingClientRect().bottom);
    const index = items.findIndex(i => i === el || i.contains(el) || el.contains(i));
    geo.menu = {box: r(menu), index,
                items: items.map(i => ({top: i.getBoundingClientRect().top,
                                        bottom: i.getBoundingClientRect().bottom}))};
  }
  return geo;
}"""
