"""The guide parser: steps, italic labels, claims and hidden actions; clear messages for bad files."""

import pytest

from mockplatform.guidecheck.parser import GuideError, parse_text
from mockplatform.guidecheck.syntax import SyntaxProblem, parse_actions

HEADER = "<!-- guide\npersona: eva\nstart: /facebook/osthammarskommun/\n-->\n"
GOOD = HEADER + """# Så gör du

Inledning.

1. Gå in på sidan. <!-- goto /facebook/ -->
2. Tryck på rutan i mitten, där det står *skriv ett inlägg*.
3. Du kan då:

   - Skriva. <!-- fill "Inläggets text" "Hej" -->
   - Se knappen där det står *dela nu* (gröna cirkeln).
     <!-- show button "Dela nu – välj när inlägget ska publiceras" -->
   - Tryck på den blåa knappen *dela nu*.
4. Börja med att skapa ditt inlägg (se *så skapar du ett inlägg*).

Bild och länk går inte att ändra.
"""


def parse(text):
    return parse_text(text, "guides/x.md", persona_keys={"eva", "instagram:kommun"})


def test_a_good_guide_reads_as_steps_segments_and_actions():
    guide = parse(GOOD)
    assert guide.title == "Så gör du" and guide.persona == "eva"
    assert guide.start == "/facebook/osthammarskommun/"
    assert [s.number for s in guide.steps] == ["1", "2", "3", "4"]
    assert guide.steps[1].line == 10
    assert guide.steps[1].text == "Tryck på rutan i mitten, där det står skriv ett inlägg."
    assert guide.intro == "Inledning." and guide.outro == "Bild och länk går inte att ändra."
    step2 = guide.steps[1].segments[0]
    assert [lab.text for lab in step2.labels] == ["skriv ett inlägg"]
    assert [c.kind for c in step2.claims] == ["centre"]
    assert [a.verb for a in step2.actions] == ["click"]  # "Tryck på" → click the label
    segs = guide.steps[2].segments
    assert [s.text for s in segs] == ["Du kan då:", "Skriva.", "Se knappen där det står dela nu "
                                      "(gröna cirkeln).", "Tryck på den blåa knappen dela nu."]
    assert segs[1].actions[0].verb == "fill" and segs[1].actions[0].value == "Hej"
    assert segs[2].actions[0].target.name == "Dela nu – välj när inlägget ska publiceras"
    assert segs[2].actions[0].target.role == "button"
    assert [c.kind for c in segs[2].claims] == []  # "gröna cirkeln" is a picture, not a claim
    assert [c.kind for c in segs[3].claims] == ["blue"] and segs[3].actions[0].verb == "click"
    ref = guide.steps[3].segments[0]
    assert ref.labels[0].ref and ref.actions[0].verb == "run"
    assert ref.actions[0].value == "så skapar du ett inlägg"
    assert "<!--" not in guide.steps[2].markdown and guide.steps[2].markdown.startswith("Du kan då:")


@pytest.mark.parametrize("text, line, words", [
    (HEADER + "# T\n\n1. Tryck på *Spara. <!-- click -->\n", 7, "kursiv stil utan slut"),
    (HEADER + "# T\n\n1. Tryck. <!-- click\n", 7, "saknar sitt slut"),
    (HEADER + "Ingen rubrik\n\n1. Tryck på *Spara*.\n", None, "saknar rubrik"),
    (HEADER + "# T\n\nBara text, inga steg.\n", None, "inga numrerade steg"),
    (HEADER + "# T\n\n1. Tryck på *Spara*. <!-- klicka -->\n", 7, "okänd åtgärd ”klicka”"),
    (HEADER + "# T\n\n1. Tryck på *Spara*. <!-- click \"Spara -->\n", 7, "citattecken utan slut"),
    (HEADER + "# T\n\n1. Tryck på *Spara*. <!-- click knapp \"Spara\" -->\n", 7, "okänd roll ”knapp”"),
    (HEADER + "# T\n\n1. Tryck på menyknappen till vänster.\n", 7, "”till vänster” säger något om en"),
    (HEADER + "# T\n\n1. Tryck på *Spara*.\n<!-- click -->\n", 8, "utanför ett numrerat steg"),
    ("# T\n\n1. Tryck på *Spara*.\n", 1, "saknar huvudet"),
    ("<!-- guide\nstart: /\n-->\n# T\n\n1. Tryck på *Spara*.\n", 1, "saknar persona"),
    ("<!-- guide\npersona: olle\n-->\n# T\n\n1. Tryck på *Spara*.\n", 1, "okänd persona ”olle”"),
    ("<!-- guide\npersona: eva\nperson: x\n-->\n# T\n\n1. A *B*.\n", 1, "okänd nyckel i huvudet: person"),
    ("<!-- guide\npersona: [eva\n-->\n# T\n\n1. A *B*.\n", 1, "inte giltig YAML"),
    ("<!-- guide\npersona: eva\nviewport: stor\n-->\n# T\n\n1. A *B*.\n", 1, "BREDDxHÖJD"),
])
def test_bad_guide_files_get_a_clear_message_with_file_and_line(text, line, words):
    with pytest.raises(GuideError) as info:
        parse(text)
    assert info.value.line == line
    assert words in str(info.value)
    assert str(info.value).startswith("guides/x.md" + (f":{line}" if line else ""))


def test_persona_ingen_and_instagram_accounts_and_viewport():
    guide = parse("<!-- guide\npersona: ingen\nviewport: 390x844\n-->\n# T\n\n1. Tryck på *A*.\n")
    assert guide.persona is None and guide.viewport == (390, 844)
    guide = parse("<!-- guide\npersona: instagram:kommun\n-->\n# T\n\n1. Tryck på *A*.\n")
    assert guide.persona == "instagram:kommun"


def test_action_syntax():
    run, click, fill = parse_actions('run "Så skapar du ett inlägg" until "Dela nu"\n'
                                     'click button ”Åtgärder” in article "Snö"; fill "Tid" "09:00"')
    assert (run.verb, run.value, run.until) == ("run", "Så skapar du ett inlägg", "Dela nu")
    assert (click.target.role, click.target.name) == ("button", "Åtgärder")
    assert (click.target.scope_role, click.target.scope_text) == ("article", "Snö")
    assert (fill.target.name, fill.value) == ("Tid", "09:00")
    assert parse_actions("show menu")[0].target.role == "menu"
    assert parse_actions('run "Dela ut" from 2')[0].start == "2"
    for bad, words in [("goto facebook", "börjar med /"), ("fill \"Tid\"", "saknar värde"),
                       ("click button", "behöver ett namn"), ("see", "texten som ska synas"),
                       ("click \"A\" in", "efter ”in”"), ("click \"A\" \"B\"", "förstår inte")]:
        with pytest.raises(SyntaxProblem, match=words):
            parse_actions(bad)


@pytest.mark.parametrize("body, line, word", [
    # says "tryck" but only looks: nothing would ever be pressed
    ("1. Öppna sidan. <!-- goto /facebook/ -->\n2. Tryck på knappen *Bjud in*.\n"
     "   <!-- see \"per.strom@osthammar.example\" -->\n", 8, "”Tryck”"),
    # says "skriv" but never writes
    ("1. Skriv din mejladress. <!-- click button \"Nästa\" -->\n", 7, "”Skriv”"),
    # says "välj" with no label and no action at all
    ("1. Välj vilken behörighet personen ska ha.\n", 7, "”Välj”"),
])
def test_words_that_say_press_or_write_need_actions_that_do(body, line, word):
    with pytest.raises(GuideError) as err:
        parse(HEADER + "# Titel\n\n" + body)
    assert err.value.line == line
    assert word in err.value.message and "åtgärderna" in err.value.message


def test_show_is_a_deliberate_pointing_out_and_a_label_is_not_an_instruction():
    guide = parse(HEADER + "# T\n\n1. Du kan trycka på *Foto/video*. <!-- show \"Foto/video\" -->\n"
                  "2. Tryck på rutan där det står *skriv ett inlägg*.\n")
    assert [a.verb for a in guide.steps[0].segments[0].actions] == ["show"]
    assert [a.verb for a in guide.steps[1].segments[0].actions] == ["click"]


def test_the_unified_vocabulary_parses():
    actions = parse_actions('check "Jag godkänner"; login instagram:kommun; advance 2h; say "Nu"\n'
                            'see "Per Ström" in region "Personer"')
    assert [a.verb for a in actions] == ["check", "login", "advance", "say", "see"]
    assert actions[1].value == "instagram:kommun" and actions[2].value == "2h"
    assert actions[4].target.scope_role == "region" and actions[4].target.scope_text == "Personer"
