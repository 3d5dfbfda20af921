"""A new editor clicks and types at once: every dialog opens with the focus in its first field,
no key typed there closes it, and Escape closes it and gives the focus back to the opener."""

import re

from playwright.sync_api import Page, expect

from .pages import FacebookLogin, FacebookPage
from .pages_business import BusinessHome


def test_composer_takes_what_is_typed_right_after_the_click(page: Page):
    FacebookLogin(page).open().login_as("eva")
    fb_page = FacebookPage(page).open("osthammarskommun")
    composer = fb_page.open_composer()
    page.keyboard.type("Hej alla")  # the space bar must not press a button
    expect(composer.text).to_be_focused()
    expect(composer.text).to_have_value("Hej alla")
    expect(composer.dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(composer.dialog).to_be_hidden()
    expect(fb_page.write_box).to_be_focused()
    # Escape in a menu inside the dialog closes the menu, not the dialog (and the text stays).
    fb_page.open_composer()
    composer.when.click()
    expect(composer.dialog.get_by_role("menuitem", name="Dela nu")).to_be_focused()
    page.keyboard.press("Escape")
    expect(composer.schedule_item).to_be_hidden()
    expect(composer.dialog).to_be_visible()
    expect(composer.when).to_be_focused()
    expect(composer.text).to_have_value("Hej alla")


def test_edit_dialog_opens_in_the_text_and_escape_returns_to_the_post_menu(page: Page):
    FacebookLogin(page).open().login_as("eva")
    FacebookPage(page).open("osthammarskommun")
    menu_button = page.get_by_role("article").first.get_by_role("button", name="Åtgärder för inlägget")
    menu_button.click()
    page.get_by_role("menuitem", name="Redigera inlägg").click()
    edit = page.get_by_role("dialog", name="Redigera inlägg")
    box = edit.get_by_label("Inläggets text")
    expect(box).to_be_focused()
    page.keyboard.type(" Hej")  # goes on where the text ends
    expect(box).to_have_value(re.compile(" Hej$"))
    expect(edit).to_be_visible()
    page.keyboard.press("Escape")
    expect(edit).to_be_hidden()
    expect(menu_button).to_be_focused()


def test_invite_steps_open_on_their_first_control(page: Page):
    FacebookLogin(page).open().login_as("eva")
    people = BusinessHome(page).open().open_settings()
    step1 = people.add()
    page.keyboard.type("per.strom@osthammar.example")
    expect(step1.email).to_be_focused()
    expect(step1.email).to_have_value("per.strom@osthammar.example")
    page.keyboard.press("Escape")
    expect(step1.dialog).to_be_hidden()
    expect(people.add_button).to_be_focused()
    step1 = people.add()
    step2 = step1.fill("per.strom@osthammar.example").next_step()
    expect(step2.step).to_be_visible()
    first_page = step2.dialog.get_by_role("checkbox").first
    expect(first_page).to_be_focused()
    page.keyboard.press("Space")  # ticks the Page; the dialog stays
    expect(first_page).to_be_checked()
    expect(step2.dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(step2.dialog).to_be_hidden()
    expect(people.add_button).to_be_focused()


FOCUS_RING = """() => {
  const el = document.activeElement;
  const s = getComputedStyle(el), r = el.getBoundingClientRect();
  return {name: el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30) || el.tagName,
          ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
          seen: r.width > 4 && r.height > 4};
}"""


def _tab_through(page: Page, stops: int) -> list[dict]:
    seen = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUS_RING))
    return seen


def test_every_control_shows_where_the_focus_is(page: Page):
    """Keyboard only: each Tab stop is something visible with a clear ring around it."""
    fb_page = FacebookPage(FacebookLogin(page).open().login_as("eva").page).open("osthammarskommun")
    stops = _tab_through(page, 30)
    bad = [s for s in stops if not (s["ring"] and s["seen"])]
    assert not bad, bad
    composer = fb_page.open_composer()
    stops = _tab_through(page, 4)
    # After the text: Foto/video (the visible label, not the hidden file input), then Känsla/aktivitet.
    assert [s["name"] for s in stops[:2]] == ["▣ Foto/video", "☺ Känsla/aktivitet"], stops
    bad = [s for s in stops if not (s["ring"] and s["seen"])]
    assert not bad, bad
    expect(composer.dialog).to_be_visible()


def test_foto_video_opens_the_file_chooser_from_the_keyboard(page: Page, tmp_path):
    from PIL import Image

    picture = tmp_path / "julgran.png"
    Image.new("RGB", (40, 30), "green").save(picture)
    # Listening from the start turns Playwright's file chooser interception on well before the
    # key press (it is switched on without waiting for an answer, so a late switch can race).
    page.on("filechooser", lambda _chooser: None)
    composer = FacebookPage(FacebookLogin(page).open().login_as("eva").page).open(
        "osthammarskommun").open_composer()
    label = composer.dialog.locator("label", has_text="Foto/video")
    page.keyboard.press("Tab")
    expect(label).to_be_focused()
    with page.expect_file_chooser() as chosen:
        page.keyboard.press("Enter")
    chosen.value.set_files(str(picture))
    expect(composer.dialog.get_by_text("Vald fil: julgran.png")).to_be_visible()
