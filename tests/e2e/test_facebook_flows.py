"""The handbook's Facebook flows, by its labels, with its colour and position claims."""

import re
from datetime import datetime, timedelta

from PIL import Image
from playwright.sync_api import Browser, Page, expect

from .claims import background_rgb, box, in_top_right_corner, is_blue
from .pages import FacebookLogin, FacebookPage

SNOW = "Snöröjningen är i gång"


def logged_in_page(page: Page, who="eva") -> FacebookPage:
    FacebookLogin(page).open().login_as(who)
    return FacebookPage(page).open("osthammarskommun")


def test_share_now_button_is_blue_and_clock_button_sits_beside_it(page: Page):
    composer = logged_in_page(page).open_composer()
    assert is_blue(background_rgb(composer.share_now))
    assert not is_blue(background_rgb(composer.when))
    when, share = box(composer.when), box(composer.share_now)
    assert when["x"] + when["width"] <= share["x"] and abs(when["y"] - share["y"]) < 10
    expect(composer.when).to_contain_text("Dela nu")
    expect(composer.when.locator("svg")).to_have_count(2)  # "en liten pil och klocka"


def test_edit_a_post_by_the_handbook(page: Page):
    fb_page = logged_in_page(page)
    post = fb_page.post(SNOW)
    # 1. tryck på de tre prickarna i högra hörnet
    assert in_top_right_corner(fb_page.post_menu(SNOW), post)
    fb_page.post_menu(SNOW).click()
    # 2. Du får då upp en meny, välj "redigera inlägg"
    menu_item = page.get_by_role("menuitem", name="Redigera inlägg")
    expect(menu_item).to_be_visible()
    menu_item.click()
    edit = page.get_by_role("dialog", name="Redigera inlägg")
    expect(edit).to_be_visible()
    # 3. redigera texten … tryck på den blåa rutan där det står "avsluta redigering"
    finish = edit.get_by_role("button", name="Avsluta redigering")
    assert is_blue(background_rgb(finish))
    expect(edit.get_by_text("Bild och länk går inte att ändra")).to_be_visible()
    expect(edit.get_by_label("Foto/video")).to_have_count(0)
    edit.get_by_label("Inläggets text").fill("Snöröjningen är i gång i hela kommunen.")
    finish.click()
    updated = fb_page.post("i hela kommunen")
    expect(updated).to_be_visible()
    expect(updated.get_by_text("Redigerat")).to_be_visible()


def test_schedule_a_post_and_it_publishes_when_time_passes(page: Page):
    fb_page = logged_in_page(page)
    composer = fb_page.open_composer().write("Välkommen på julmarknad i Öregrund på lördag!")
    composer.choose_schedule()
    expect(composer.date).to_be_visible()
    expect(composer.share_now).to_be_hidden()
    assert is_blue(background_rgb(composer.schedule))
    day = (datetime.now() + timedelta(days=3)).strftime("%Y-%m-%d")
    fb_page = composer.schedule_for(day, "09:00")
    expect(page.get_by_text("Inlägget är schemalagt")).to_be_visible()
    expect(fb_page.post("julmarknad i Öregrund")).to_have_count(0)
    fb_page.publishing_tools.click()
    expect(page.get_by_role("link", name=re.compile("julmarknad i Öregrund"))).to_be_visible()
    expect(page.get_by_role("cell", name=re.compile("kl. 09:00"))).to_be_visible()
    # Move sandbox time with the control in the practice bar.
    page.get_by_role("link", name=re.compile("Sandlådans tid")).click()
    page.get_by_label("Flytta fram tiden").fill("4d")
    page.get_by_role("button", name="Flytta fram").click()
    fb_page.open("osthammarskommun")
    expect(fb_page.post("julmarknad i Öregrund")).to_be_visible()


def test_bad_schedule_keeps_the_text_in_the_composer(page: Page):
    composer = logged_in_page(page).open_composer().write("Min viktiga text")
    composer.choose_schedule()
    composer.schedule_for("2020-01-01", "09:00")
    composer = page.get_by_role("dialog", name="Skapa inlägg")
    expect(composer).to_be_visible()
    expect(composer.get_by_role("alert")).to_contain_text("Tiden har redan varit")
    expect(composer.get_by_label("Inläggets text")).to_have_value("Min viktiga text")


def test_photo_upload_and_refused_file(page: Page, tmp_path):
    img = tmp_path / "vinter.png"
    Image.new("RGB", (80, 60), (30, 90, 200)).save(img)
    composer = logged_in_page(page).open_composer().write("Vinterbild")
    composer.photo.set_input_files(str(img))
    expect(composer.dialog.get_by_text("Vald fil: vinter.png")).to_be_visible()
    composer.no_person.check()
    composer.share()
    expect(page.get_by_role("article").filter(has_text="Vinterbild").get_by_role(
        "img", name="Bild i inlägget")).to_be_visible()
    fake = tmp_path / "inte-en-bild.png"
    fake.write_bytes(b"hello")
    composer = FacebookPage(page).open_composer().write("Text som ska finnas kvar")
    composer.photo.set_input_files(str(fake))
    composer.no_person.check()
    composer.share_now.click()
    dialog = page.get_by_role("dialog", name="Skapa inlägg")
    expect(dialog.get_by_role("alert")).to_contain_text("varken en bild eller en film")
    expect(dialog.get_by_label("Inläggets text")).to_have_value("Text som ska finnas kvar")


def test_analyst_has_no_composer(page: Page):
    logged_in_page(page, "maria")
    expect(page.get_by_role("heading", name="Östhammars kommun", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Skriv ett inlägg")).to_have_count(0)
    expect(page.get_by_role("link", name="Statistik")).to_be_visible()


def test_two_browsers_in_parallel_see_only_their_own_posts(browser: Browser, base_url):
    contexts = [browser.new_context(base_url=base_url, locale="sv-SE") for _ in range(2)]
    pages = [c.new_page() for c in contexts]
    for i, p in enumerate(pages):
        logged_in_page(p).open_composer().write(f"Hemligt inlägg nummer {i}").share()
    for i, p in enumerate(pages):
        p.reload()
        expect(FacebookPage(p).post(f"Hemligt inlägg nummer {i}")).to_be_visible()
        expect(FacebookPage(p).post(f"Hemligt inlägg nummer {1 - i}")).to_have_count(0)
    for c in contexts:
        c.close()


def test_reset_from_the_practice_bar(page: Page):
    logged_in_page(page).open_composer().write("Ska bort").share()
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Återställ övningsmiljön").click()
    expect(page.get_by_text("Övningsmiljön är återställd")).to_be_visible()
    logged_in_page(page)
    expect(FacebookPage(page).post("Ska bort")).to_have_count(0)
    expect(FacebookPage(page).post(SNOW)).to_be_visible()


def test_answer_a_citizen_as_the_page_and_hide_spam(page: Page):
    fb_page = logged_in_page(page)
    post = fb_page.post(SNOW)
    answer = post.get_by_role("button", name="Svara Mats Öberg")
    expect(answer).to_have_attribute("aria-expanded", "false")
    answer.click()
    expect(answer).to_have_attribute("aria-expanded", "true")
    form = post.get_by_role("form", name="Svar på kommentaren från Mats Öberg")
    expect(form.get_by_label("Svar till Mats Öberg")).to_be_focused()
    form.get_by_label("Svar till Mats Öberg").fill(
        "Hej Mats! Vi kollar med gatuenheten. Vänliga hälsningar, Eva, kommunikatör på Östhammars kommun")
    form.get_by_role("button", name="Skicka svar").click()
    expect(fb_page.post(SNOW).get_by_text("Hej Mats! Vi kollar med gatuenheten")).to_be_visible()
    fb_page.post(SNOW).get_by_role("button", name="Dölj kommentaren från Billiga Solglasögon AB").click()
    expect(fb_page.post(SNOW).get_by_text("Dold – syns bara")).to_be_visible()
