"""WCAG 2.1 AA with the axe-core engine (bundled by axe-playwright-python, served from disk):
every page and state a user reaches — menus and dialogs open — and no serious or critical
finding, nor the moderate ones we fixed (unique landmarks, heading order)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .pages import FacebookLogin, FacebookPage
from .pages_business import BusinessHome
from .pages_instagram import PASSWORDS as IG_PASSWORDS
from .pages_instagram import PHONE, InstagramLogin
from .pages_training import JoinClass, Ovningar, TrainerClass, TrainerLogin

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
ALSO_FAIL = {"landmark-unique", "heading-order", "landmark-no-duplicate-banner",
             "landmark-no-duplicate-contentinfo", "landmark-one-main", "page-has-heading-one"}
AXE = Axe()


def fb(page: Page, who: str = "eva") -> FacebookPage:
    FacebookLogin(page).open().login_as(who)
    return FacebookPage(page).open("osthammarskommun")


def composer(page: Page):
    fb(page).open_composer()


def composer_with_a_hint(page: Page):
    c = fb(page).open_composer()
    c.write("Ring Anna på 070-123 45 67 eller mejla anna.svensson@example.com, personnummer 19121212-1212")
    expect(c.dialog.get_by_role("status", name="Tänk på")).not_to_be_empty()


def schedule_panel(page: Page):
    c = fb(page).open_composer()
    c.write("Hej alla").choose_schedule()
    c.dialog.get_by_role("button", name="Öppna kalendern").click()


def post_menu(page: Page):
    fb(page).page.get_by_role("button", name="Åtgärder för inlägget").first.click()


def edit_dialog(page: Page):
    post_menu(page)
    page.get_by_role("menuitem", name="Redigera inlägg").click()


def scheduled_editor(page: Page):
    """Draft a post (no date needed), then open it from Publiceringsverktyg → Utkast."""
    c = fb(page).open_composer()
    c.write("Utkast till julmarknaden")
    c.when.click()
    c.dialog.get_by_role("menuitem", name="Spara utkast").click()
    c.dialog.get_by_role("button", name="Spara utkast", exact=True).click()
    page.get_by_role("link", name="Publiceringsverktyg").click()
    page.get_by_role("link", name="Utkast", exact=True).click()
    page.get_by_role("link", name="Utkast till julmarknaden").click()
    page.get_by_role("button", name="Öppna kalendern").click()


def inbox_mail(page: Page):
    invite(page, 2)
    dialog = page.get_by_role("dialog", name="Bjud in personer")
    dialog.get_by_label("Roll på Östhammars kommun").select_option("Redaktör")
    dialog.get_by_role("button", name="Bjud in").click()
    page.goto("/sandladan/inkorg")
    page.get_by_role("navigation", name="Mejl").get_by_role("link").first.click()
    expect(page.get_by_role("link", name="Öppna länken")).to_be_visible()


def business(page: Page) -> BusinessHome:
    FacebookLogin(page).open().login_as("eva")
    return BusinessHome(page).open()


def invite(page: Page, step: int):
    step1 = business(page).open_settings().add()
    if step == 2:
        step1.fill("per.strom@osthammar.example").next_step()


def instagram(page: Page):
    return InstagramLogin(page).open().login_as("osthammarskommun")


def instagram_on_desktop(page: Page):
    """On a wide screen the phone is drawn in a frame; a mouse, not a finger."""
    login = InstagramLogin(page).open()
    login.username.fill("osthammarskommun")
    login.password.fill(IG_PASSWORDS["osthammarskommun"])
    login.submit.click()
    expect(page.get_by_role("navigation", name="Flikar")).to_be_visible()


def ig_menu(page: Page):
    instagram(page).open_profile().open_menu()


def ig_switcher(page: Page):
    instagram(page)
    page.get_by_role("button", name="osthammarskommun – byt konto").click()


def coach(page: Page):
    Ovningar(page).open().start("Ditt första inlägg")


def debrief(page: Page):
    coach(page)
    page.goto("/ovningar/genomgang")


def trainer(page: Page):
    return TrainerLogin(page).open().login("tranare-e2e")


def trainer_class(page: Page):
    trainer(page).create_class("Grupp A11y", "Ditt första inlägg")


def class_in_progress(page: Page) -> str:
    """A class with one trainee (this browser) who answered without a sender; the class's URL."""
    trainer(page).create_class("Granskning", "Måndagsmorgon – fem saker före kaffet")
    class_url = page.url
    code = TrainerClass(page).code.inner_text()
    JoinClass(page).open().join(code, "Kim Lindqvist")
    page.get_by_role("button", name="Svara Birgitta Lundqvist").click()
    page.get_by_label("Svar till Birgitta Lundqvist").fill("Vi kollar på saken!")
    page.get_by_role("form", name="Svar på kommentaren från Birgitta Lundqvist").get_by_role(
        "button", name="Skicka svar").click()
    expect(page.get_by_text("Inte klar än:")).to_be_visible()
    return class_url


def trainer_review(page: Page):
    page.goto(class_in_progress(page))
    TrainerClass(page).review("Kim Lindqvist")


STATES = {
    "start": lambda p: p.goto("/"),
    "facebook-login": lambda p: FacebookLogin(p).open(),
    "facebook-feed": lambda p: FacebookLogin(p).open().login_as("eva"),
    "facebook-page": fb,
    "facebook-composer": composer,
    "facebook-composer-rules-hint": composer_with_a_hint,
    "facebook-schedule-panel": schedule_panel,
    "facebook-post-menu": post_menu,
    "facebook-edit-dialog": edit_dialog,
    "facebook-publishing-tools": lambda p: fb(p).publishing_tools.click(),
    "facebook-stats": lambda p: fb(p).page.get_by_role("link", name="Statistik").click(),
    "facebook-scheduled-editor": scheduled_editor,
    "business-start": business,
    "business-settings": lambda p: business(p).open_settings(),
    "business-invite-step-1": lambda p: invite(p, 1),
    "business-invite-step-2": lambda p: invite(p, 2),
    "inbox": lambda p: p.goto("/sandladan/inkorg"),
    "inbox-mail": inbox_mail,
    "instagram-login": lambda p: InstagramLogin(p).open(),
    "instagram-start": instagram,
    "instagram-menu": ig_menu,
    "instagram-settings": lambda p: instagram(p) and p.goto("/instagram/installningar"),
    "instagram-switcher": ig_switcher,
    "app-store": lambda p: p.goto("/appbutik/"),
    "app-store-search": lambda p: p.goto("/appbutik/app-store/?q=instagram"),
    "app-store-app": lambda p: p.goto("/appbutik/google-play/instagram"),
    "instagram-start-in-the-desktop-frame": instagram_on_desktop,
    "ovningar": lambda p: Ovningar(p).open(),
    "ovningar-coach-panel": coach,
    "ovningar-debrief": debrief,
    "trainer-login": lambda p: TrainerLogin(p).open(),
    "trainer-dashboard": trainer,
    "trainer-class": trainer_class,
    "ovningar-coach-not-done-yet": class_in_progress,
    "sandbox-time-in-a-class": lambda p: class_in_progress(p) and p.goto("/sandladan/tid"),
    "trainer-class-with-a-trainee": lambda p: p.goto(class_in_progress(p)),
    "trainer-review": trainer_review,
    "log": lambda p: p.goto("/sandladan/logg"),
    "ines": lambda p: p.goto("/ines/"),
    "ines-new-account": lambda p: p.goto("/ines/konton/nytt"),
    "direkt": lambda p: p.goto("/direkt/"),
    "instagram-close-account": lambda p: instagram(p) and p.goto("/instagram/installningar/avsluta-kontot"),
    "sandbox-time": lambda p: p.goto("/sandladan/tid"),
    "sandbox-time-calendar": lambda p: p.goto("/sandladan/tid") or p.get_by_role(
        "button", name="Öppna kalendern").click(),
    "sandbox-time-list": lambda p: p.goto("/sandladan/tid") or p.get_by_role(
        "button", name="Visa klockslag").click(),
}


# The practice phone (Instagram, the app store) is used by touch, at a phone's size.
ON_PHONE = {s for s in STATES if s.startswith(("instagram", "app-store"))}


@pytest.fixture
def state_page(request, browser, base_url, page):
    if request.node.callspec.params["state"] not in ON_PHONE:
        yield page
        return
    context = browser.new_context(base_url=base_url, viewport=PHONE, is_mobile=True, has_touch=True,
                                  locale="sv-SE", timezone_id="Europe/Stockholm")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("state", list(STATES))
def test_no_serious_accessibility_findings(state_page: Page, state: str):
    page = state_page
    STATES[state](page)
    page.wait_for_load_state()
    expect(page.locator("body")).to_be_visible()
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    bad = [v for v in results.response["violations"]
           if v["impact"] in ("serious", "critical") or v["id"] in ALSO_FAIL]
    report = "\n".join(f"{v['impact']} {v['id']}: {v['help']}\n" + "\n".join(
        f"    {n['target']} {n.get('failureSummary', '')[:160]!r}" for n in v["nodes"][:6]) for v in bad)
    assert not bad, f"{state} ({page.url}):\n{report}"
