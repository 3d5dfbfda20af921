"""Coach hints only name words that are on the screen: every label a hint quotes (”…” or *…*)
is shown as text (a list's choices count; an invisible aria-label does not) on a screen of
the task it belongs to, as the scenario's own solution walks through them. (The coach panel
itself does not count; a quote after "t.ex." or "till exempel" is an example to write, not a
label.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from mockplatform import clock
from mockplatform.training import autopilot as pilot
from mockplatform.training.scenarios import load_all

QUOTED = re.compile(r"”([^”]+)”|\*([^*]+)\*")
# A quote right after "t.ex." / "till exempel" is an example of what to write, not a label.
EXAMPLE = re.compile(r"(?:t\.\s?ex\.|till exempel|skriv)\s*[:,]?\s*$", re.IGNORECASE)
SCREEN = """() => {
  const coach = document.getElementById('coach');
  const shown = e => e.getClientRects().length > 0 && !(coach && coach.contains(e));
  const text = Array.from(document.body.children).filter(shown).map(e => e.innerText);
  // A closed list still shows its choices when opened; an aria-label is not on the screen.
  const options = Array.from(document.querySelectorAll('select')).filter(shown)
    .flatMap(s => Array.from(s.options).map(o => o.textContent));
  return text.concat(options).join('\\n');
}"""


def quoted_labels(hint: str) -> list[str]:
    return [m[1] or m[2] for m in QUOTED.finditer(hint) if not EXAMPLE.search(hint[:m.start()])]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def test_the_quotes_are_found():
    assert quoted_labels("välj ”Dina sidor” och *Dela nu*, sedan ”Nästa”") == [
        "Dina sidor", "Dela nu", "Nästa"]
    assert quoted_labels("Ärendemening, t.ex. ”Fråga om avgift”. Tryck på ”Spara”.") == ["Spara"]
    assert quoted_labels("Avsluta med till exempel ”Vänliga hälsningar, Eva” och tryck ”Dela nu”.") == [
        "Dela nu"]
    hints = [h for s in load_all().values() for t in s.tasks for h in t.hints]
    assert sum(len(quoted_labels(h)) for h in hints) >= 20


@pytest.mark.parametrize("scenario_id", list(load_all()))
def test_hints_name_only_words_on_the_screen(page: Page, base_url: str, scenario_id: str):
    scenario = load_all()[scenario_id]
    pilot.start_via_ui(page, base_url, scenario)
    state = pilot.status(page, base_url)
    player = pilot.Player(page, base_url, started_at=clock.parse(state["started_at"]))
    missing = []
    for task in scenario.tasks:
        screens = [_norm(page.evaluate(SCREEN))]
        for step in task.solution:
            player.play(step)
            screens.append(_norm(page.evaluate(SCREEN)))
        for hint in task.hints:
            for label in quoted_labels(hint):
                if not any(_norm(label) in screen for screen in screens):
                    missing.append(f"uppgift {task.id}: ”{label}” i tipset ”{hint}”")
    assert not missing, "Tipsen nämner ord som inte syns på skärmen:\n" + "\n".join(missing)
