"""The checker sees like a person, tells slowness from drift, and says what it means.
Each test is a case observed in a mutation test of the real platform, rebuilt on a tiny fake
site (tests/e2e/fake_site.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mockplatform.guidecheck.parser import parse_text
from mockplatform.guidecheck.results import EXIT
from mockplatform.guidecheck.runner import Runner

from .fake_site import page, serve

BLUE = "background:#1877f2;color:#fff;border:0;padding:8px"
GREY = "background:#e4e6eb;border:0;padding:8px"


def dialog(buttons: str, extra: str = "") -> str:
    return page(f'<main style="padding:40px"><div role="dialog" aria-label="Skapa inlägg" '
                f'style="border:1px solid #ccc;padding:20px;width:500px">{extra}'
                f'<p>Inlägget är klart.</p>{buttons}</div></main>')


PAGES = {
    "ratt.html": dialog(f'<button style="{GREY}">Avbryt</button> <button style="{BLUE}">Dela nu</button>'),
    "opacity.html": dialog(f'<button style="{GREY}">Avbryt</button> '
                           f'<button style="{BLUE};opacity:0">Dela nu</button>'),
    "tackt.html": dialog(f'<button style="{BLUE}">Dela nu</button>',
                         '<div style="position:fixed;inset:0;background:#fff">Laddar …</div>'),
    "omdopt.html": dialog(f'<button style="{GREY}">Avbryt</button> '
                          f'<button style="{BLUE}">Publicera</button>'),
    "nasta.html": dialog(f'<button style="{GREY}">Tillbaka</button> '
                         f'<button style="{BLUE}">Fortsätt</button>'),
    "meny.html": page('<main style="padding:40px"><ul role="menu" aria-label="Kommentar">'
                      '<li role="menuitem">Svara</li><li role="menuitem">Göm</li>'
                      '<li role="menuitem">Ta bort</li></ul></main>'),
    "bjud.html": page('<main style="padding:40px"><ul aria-label="Personer"></ul>'
                      '<dialog open aria-label="Bjud in personer"><p>Inbjudan till '
                      'per.strom@osthammar.example</p><button style="' + BLUE + '" onclick="{go}">'
                      'Bjud in</button></dialog></main>'),
    "roll.html": page('<main style="padding:40px"><label for="r">Roll på Östhammars kommun</label> '
                      '<select id="r"><option>Administratör</option><option>Redaktör</option>'
                      '<option>Annonsör</option></select></main>'),
    "knappar.html": page(f'<main style="padding:40px"><button style="{BLUE}">Publicera</button> '
                         '<button>Spara</button></main>'),
    "start.html": page('<main style="padding:40px"><a href="/langsam/1500/omdopt.html">Fel inlägg</a> '
                       '<a href="/langsam/1500/ratt.html">Rätt inlägg</a></main>'),
    "facebook/logga-in/index.html": page(
        '<main style="padding:40px"><form action="/knappar.html"><label>E-postadress <input name="e">'
        '</label> <label>Lösenord <input name="p" type="password"></label> '
        f'<button style="{BLUE}">Fortsätt</button></form></main>'),
}
DEAD = PAGES["bjud.html"].replace("{go}", "")
LIVE = PAGES["bjud.html"].replace("{go}", "document.querySelector('ul').insertAdjacentHTML("
                                  "'beforeend', '<li>per.strom@osthammar.example – inbjuden</li>')")
PAGES.update({"bjud.html": DEAD, "bjud-levande.html": LIVE})

HEAD = "<!-- guide\npersona: {persona}\nstart: {start}\n-->\n# {title}\n\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    url, server = serve(tmp_path_factory.mktemp("fake"), PAGES)
    yield url
    server.shutdown()


def guide(body: str, start: str, title: str = "Fixturguide", persona: str = "ingen", key: str = "g"):
    return parse_text(HEAD.format(persona=persona, start=start, title=title) + body, f"guides/{key}.md")


def run(browser, site, g, others=(), **kw):
    kw.setdefault("timeout_ms", 1000)
    kw.setdefault("nav_timeout_ms", 20000)
    return Runner(browser, site, [g, *others], **kw).run(g)


PRESS_BLUE = "1. Tryck på den blåa knappen *Dela nu*.\n"


def test_the_right_page_passes(browser, site):
    result = run(browser, site, guide(PRESS_BLUE, "/ratt.html"))
    assert result.ok, result.failure_text()


def test_a_transparent_button_is_not_seen(browser, site):
    failed = run(browser, site, guide(PRESS_BLUE, "/opacity.html")).failed_step
    assert failed.status == "fail"
    assert failed.found.startswith("den finns men syns inte för en människa: genomskinlig (opacity 0)")


def test_a_covered_button_is_not_seen(browser, site):
    failed = run(browser, site, guide(PRESS_BLUE, "/tackt.html")).failed_step
    assert "täckt av div ”Laddar …”" in failed.found


def test_a_dead_button_fails_although_the_open_dialog_shows_the_text(browser, site):
    body = ('1. Tryck på den blåa knappen *Bjud in*.\n'
            '   <!-- click; see "per.strom@osthammar.example" -->\n')
    dead = run(browser, site, guide(body, "/bjud.html")).failed_step
    assert dead is not None and dead.status == "fail"
    assert dead.found == "den stod där redan innan steget – inget nytt visar den"
    live = run(browser, site, guide(body, "/bjud-levande.html"))
    assert live.ok, live.failure_text()


def test_a_renamed_button_is_suggested_by_meaning_and_place_not_the_sandbox_bar(browser, site):
    failed = run(browser, site, guide(PRESS_BLUE, "/omdopt.html")).failed_step
    assert failed.found.startswith("ingen; kanske heter den nu ”Publicera” (knapp; betyder detsamma, "
                                   "sitter där stegets ord säger)")
    assert "Återställ" not in failed.found and "Sandlådan" not in failed.found


@pytest.mark.parametrize("body, start, first", [
    ("1. Tryck därefter på den blåa knappen *Nästa*.\n", "/nasta.html", "”Fortsätt” (knapp"),
    ("1. Du får då upp en meny, välj *dölj*.\n", "/meny.html", "”Göm” (menypost"),
])
def test_short_labels_renamed_to_a_different_word_are_suggested(browser, site, body, start, first):
    failed = run(browser, site, guide(body, start)).failed_step
    assert failed.found.startswith(f"ingen; kanske heter den nu {first}"), failed.found


def test_a_missing_option_lists_the_options(browser, site):
    body = '1. Välj behörigheten. <!-- select "Roll på Östhammars kommun" "Moderator" -->\n'
    failed = run(browser, site, guide(body, "/roll.html")).failed_step
    assert failed.expected == "alternativet ”Moderator” i ”Roll på Östhammars kommun”"
    assert failed.found == "listan har: ”Administratör”, ”Redaktör”, ”Annonsör”"


def test_a_failure_inside_an_included_guide_names_the_included_step(browser, site):
    part = guide("1. Tryck på *Publicera*.\n2. Tryck på *Spara utkast*.\n", "/knappar.html",
                 title="Delen", key="delen")
    whole = guide("1. Gör först delen (se *delen*).\n", "/knappar.html", title="Helheten", key="helheten")
    failed = run(browser, site, whole, [part]).failed_step
    assert failed.step.number == "1"
    assert failed.within == "”Delen” steg 2 (delen.md:8): Tryck på Spara utkast."
    assert "”Spara utkast”" in failed.expected


def test_the_login_before_a_guide_is_a_step_of_its_own_with_a_suggestion(browser, site):
    result = run(browser, site, guide("1. Tryck på *Publicera*.\n", "/knappar.html", persona="eva"))
    failed = result.failed_step
    assert failed is result.before and failed.status == "fail"
    assert result.steps[0].status == "skipped"
    assert failed.step.text == "Före guiden: logga in som Eva Lind och öppna /knappar.html"
    assert "”Logga in” (button)" in failed.expected
    assert "”Fortsätt” (knapp; betyder detsamma" in failed.found
    assert result.failure_text().startswith("guides/g.md:1: Före guiden: logga in som Eva Lind")


def test_a_slow_page_is_waited_for_and_a_renamed_label_on_it_is_named(browser, site):
    """Slowness is not drift: the page answers after 1.5 s, the label wait is 1 s."""
    good = guide('1. Öppna inlägget. <!-- click link "Rätt inlägg" -->\n2. ' + PRESS_BLUE[3:], "/start.html")
    result = run(browser, site, good)
    assert result.ok, result.failure_text()
    renamed = guide('1. Öppna inlägget. <!-- click link "Fel inlägg" -->\n2. ' + PRESS_BLUE[3:],
                    "/start.html")
    result = run(browser, site, renamed)
    assert result.outcome == "fail"
    failed = result.failed_step
    assert failed.step.number == "2" and "”Dela nu”" in failed.expected
    assert "”Publicera”" in failed.found


def test_a_hanging_sandbox_could_not_run_and_is_tried_again(browser, site):
    result = run(browser, site, guide(PRESS_BLUE, "/haenger"), nav_timeout_ms=800)
    assert result.outcome == "error" and not result.ok
    assert result.retried.startswith("/haenger laddades inte")
    assert result.before.status == "error"
    text = result.failure_text()
    assert "kunde inte köras" in text and "stämmer inte" not in text


def test_the_command_exits_3_and_never_says_stammer_inte_when_it_could_not_run(tmp_path, site):
    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "g.md").write_text(HEAD.format(persona="ingen", start="/haenger", title="G") + PRESS_BLUE,
                                 encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mockplatform", "guides", "check", "--dir", str(folder),
                           "--base-url", site, "--nav-timeout", "800"],
                          capture_output=True, text=True, timeout=120)
    out = done.stdout + done.stderr
    assert done.returncode == EXIT["error"] == 3, out
    assert "0 av 1 guider stämmer. 1 kunde inte köras" in out
    assert "stämmer inte" not in out
    assert "kördes en gång till: kunde inte köras" in out
