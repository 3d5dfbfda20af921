"""Colour and position claims: found in the words, checked against measured geometry."""

import pytest
from PIL import Image

from mockplatform.guidecheck import claims, shots
from mockplatform.guidecheck.match import name_pattern, same_label

VIEW = {"width": 1280, "height": 900}


def kinds(text):
    return [c.kind for c in claims.find(text)]


def test_claims_are_found_in_the_handbooks_words():
    assert kinds("Tryck på den blå knappen *Företagsinställningar* i det högra hörnet.") == [
        "top_right", "blue"]
    assert kinds("tryck på menyknappen till vänster (röda cirkeln)") == ["left"]
    assert kinds("*företagsinställningar* som finns till höger i menyn, som kommer upp") == [
        "right_in_menu"]
    assert kinds("Tryck på *inställningar* som finns längst ner på menyn (röda cirkel).") == [
        "last_in_menu"]
    assert kinds("i menyn som kommer upp längst ner") == ["bottom"]
    assert kinds("I den högra splaten lägger du till personer") == ["right"]
    assert kinds("Högst upp står kontots namn") == ["top"]
    assert kinds("Tryck på rutan i mitten av sidan") == ["centre"]
    assert kinds("(röda cirkeln) och (gröna cirkeln)") == []
    assert kinds("den blåa rutan") == ["blue"] and kinds("blått") == ["blue"]
    assert kinds("blåbär") == []


def test_blue_means_blue():
    for blue in ("rgb(24, 119, 242)", "rgb(66, 103, 178)", "rgba(24, 119, 242, 1)"):
        assert claims.is_blue(blue), blue
    for other in ("rgb(228, 230, 235)", "rgba(0, 0, 0, 0)", "rgb(66, 183, 42)", "rgb(255, 255, 255)",
                  "rgba(24, 119, 242, 0.2)", "rgb(10, 20, 40)", "transparent"):
        assert not claims.is_blue(other), other
    assert claims.colour_name("rgb(228, 230, 235)").startswith("grå")
    assert claims.colour_name("rgba(0, 0, 0, 0)").startswith("genomskinlig")


def geo(x, y, w=80, h=30, container=None, menu=None, background="rgb(24, 119, 242)"):
    return {"box": {"x": x, "y": y, "width": w, "height": h}, "viewport": VIEW,
            "container": container, "container_name": "article", "menu": menu,
            "background": background}


def test_positions_relative_to_the_viewport_or_the_named_container():
    top_right = claims.Claim("top_right", "högra hörnet")
    assert claims.check(top_right, geo(1150, 10)) is None
    assert "till vänster" in claims.check(top_right, geo(20, 10))
    assert "nertill" in claims.check(top_right, geo(1150, 800))
    post = {"x": 300, "y": 500, "width": 500, "height": 600}
    assert claims.check(top_right, geo(760, 515, 30, 30, container=post)) is None
    assert "i article" in claims.check(top_right, geo(310, 515, 30, 30, container=post))
    assert claims.check(claims.Claim("left", "till vänster"), geo(10, 400)) is None
    assert claims.check(claims.Claim("left", "till vänster"), geo(1000, 400)) is not None
    assert claims.check(claims.Claim("bottom", "längst ner"), geo(600, 850)) is None
    assert claims.check(claims.Claim("bottom", "längst ner"), geo(600, 100)) is not None
    sheet = {"x": 0, "y": 500, "width": 1280, "height": 400}  # "i menyn som kommer upp längst ner"
    assert claims.check(claims.Claim("bottom", "längst ner"), geo(600, 520, container=sheet)) is None
    assert claims.check(claims.Claim("centre", "i mitten"), geo(600, 300)) is None
    assert claims.check(claims.Claim("centre", "i mitten"), geo(20, 300)) is not None
    assert claims.check(claims.Claim("blue", "blåa"), geo(0, 0, background="rgb(228, 230, 235)")) \
        == "bakgrunden är grå (#e4e6eb)"


def test_menu_claims():
    items = [{"top": t, "bottom": t + 30} for t in (100, 130, 160, 190)]
    menu = {"box": {"x": 100, "y": 100, "width": 400, "height": 120}, "items": items, "index": 3}
    last = claims.Claim("last_in_menu", "längst ner i menyn")
    assert claims.check(last, geo(300, 190, menu=menu)) is None
    assert claims.check(last, geo(300, 160, menu={**menu, "index": 2})) is None  # one below: ok
    assert claims.check(last, geo(300, 100, menu={**menu, "index": 0})) == \
        "3 poster i menyn ligger under den (av 4)"
    assert claims.check(last, geo(300, 100)) == "kontrollen ligger inte i någon meny eller lista"
    right = claims.Claim("right_in_menu", "till höger i menyn")
    assert claims.check(right, geo(400, 130, menu=menu)) is None
    assert claims.check(right, geo(110, 130, menu=menu)) == "den ligger i menyns vänstra del"


def test_labels_match_whole_names_ignoring_case_space_and_decoration():
    pattern = name_pattern("skriv ett  inlägg")
    assert pattern.search("Skriv ett inlägg …") and pattern.search("skriv ett inlägg")
    assert not pattern.search("Skriv ett inlägg till")
    assert name_pattern("Lägg till").search("+ Lägg till")
    assert not name_pattern("Dela nu").search("Dela nu – välj när inlägget ska publiceras")
    assert name_pattern("a.b (c)").search("A.B (C)") and not name_pattern("a.b").search("axb")
    assert same_label("dela nu", "Dela nu") and not same_label("dela", "Dela nu")


@pytest.mark.parametrize("words, colour", [("tryck på knappen (röda cirkeln)", (229, 21, 21)),
                                            ("där det står *dela nu* (gröna cirkeln)", (24, 160, 60))])
def test_the_circle_surrounds_the_target_in_the_colour_the_words_say(words, colour):
    img = Image.new("RGBA", (400, 300), "white")
    shots.circle(img, {"x": 150, "y": 120, "width": 100, "height": 40}, shots.colour_of(words))
    img = img.convert("RGB")
    ring = [(x, y) for x in range(400) for y in range(300) if img.getpixel((x, y)) == colour]
    assert ring
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    assert min(xs) < 150 and max(xs) > 250 and min(ys) < 120 and max(ys) > 160  # around it
    assert img.getpixel((200, 140)) == (255, 255, 255)  # the target itself is not covered
