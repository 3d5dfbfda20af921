"""Dela ut Business manager-behörighet: the whole wizard, the invitation through the mock inbox,
and then the invitee has exactly the rights of the role on the Facebook Page."""

import re

from playwright.sync_api import Page, expect

from .claims import background_rgb, is_blue
from .pages import FacebookLogin, FacebookPage
from .pages_business import BusinessHome, Inbox

PER = "per.strom@osthammar.example"


def _people(page: Page):
    FacebookLogin(page).open().login_as("eva")
    return BusinessHome(page).open().open_settings()


def test_invite_a_moderator_who_accepts_and_is_refused_publishing(page: Page):
    people = _people(page)
    # 2. … den blåa knappen + Lägg till
    step1 = people.add()
    expect(step1.dialog).to_be_visible()
    # 3. Skriv i medarbetarens mejladress och välj vilken behörighet personen ska ha.
    step1.fill(PER, "Administratör")
    expect(step1.warning).to_be_visible()
    step1.access("Medarbetare").check()
    expect(step1.warning).to_be_hidden()
    # Tryck därefter på den blåa knappen Nästa.
    assert is_blue(background_rgb(step1.next))
    step2 = step1.next_step()
    expect(step2.step).to_be_visible()
    # 4. Välj därefter vilken/vilka sidor … och behörigheten för vardera sida.
    expect(step2.page_item("Östhammars kommun")).to_contain_text(
        "alla konton ska ha minst två utsedda redaktörer")
    step2.choose("Östhammars kommun", "Administratör")
    expect(step2.warning("Östhammars kommun")).to_be_visible()
    step2.choose("Östhammars kommun", "Moderator")
    expect(step2.warning("Östhammars kommun")).to_be_hidden()
    expect(step2.role("Östhammars kommun")).to_have_accessible_description(
        re.compile("^Kan svara på, dölja och ta bort kommentarer"))
    expect(step2.page_box("Östhammars kommun")).to_be_checked()  # choosing a role ticks the Page
    expect(step2.page_box("Östhammars bibliotek")).not_to_be_checked()
    # Tryck därefter på den blåa knappen Bjud in.
    assert is_blue(background_rgb(step2.invite))
    people = step2.send()
    expect(people.pending).to_contain_text(PER)
    expect(people.details).to_contain_text("Inbjudan väntar på svar")
    expect(people.details).to_contain_text("Östhammars kommun: Moderator")

    # The invitation arrives in the mock inbox; accepting needs Per's Facebook login.
    inbox = Inbox(page).open().read("Eva Lind har bjudit in dig till Östhammars kommun")
    expect(inbox.mail).to_contain_text(PER)
    invitation = inbox.follow_link()
    expect(invitation.problem).to_contain_text("Du är inloggad som Eva Lind")
    expect(invitation.problem).to_contain_text("Per Ström")
    invitation = invitation.log_in_as("per")
    home = invitation.accept()
    expect(home.heading).to_have_text("Östhammars kommun")

    # As a Moderator, Per cannot publish but can hide a comment.
    fb_page = FacebookPage(page).open("osthammarskommun")
    expect(page.get_by_text("Du är Moderator för sidan")).to_be_visible()
    expect(fb_page.write_box).to_have_count(0)
    hide = page.get_by_role("button", name="Dölj kommentaren från Billiga Solglasögon AB")
    hide.click()
    expect(page.get_by_role("button", name="Visa kommentaren från Billiga Solglasögon AB")) \
        .to_be_visible()
    response = page.goto("/facebook/osthammarskommun/publiceringsverktyg")
    assert response.status == 403
    expect(page.get_by_text("Du har rollen Moderator på Östhammars kommun")).to_be_visible()


def test_an_analyst_only_sees_statistics(page: Page):
    step2 = _people(page).add().fill(PER).next_step()
    step2.page_box("Besök Östhammar").check()
    step2.choose("Besök Östhammar", "Analytiker")
    step2.send()
    Inbox(page).open().read("Eva Lind har bjudit in dig till Östhammars kommun") \
        .follow_link().log_in_as("per").accept()
    fb_page = FacebookPage(page).open("besokosthammar")
    expect(fb_page.write_box).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("^Dölj kommentaren"))).to_have_count(0)
    page.get_by_role("link", name="Statistik").click()
    expect(page).to_have_url(re.compile("/statistik$"))
    expect(page.get_by_role("heading", name="Statistik")).to_be_visible()


def test_custom_role_shows_the_tasks_to_tick(page: Page):
    step2 = _people(page).add().fill(PER).next_step()
    expect(step2.tasks("Fritid Östhammar")).to_be_hidden()
    step2.choose("Fritid Östhammar", "Anpassad")
    tasks = step2.tasks("Fritid Östhammar")
    expect(tasks).to_be_visible()
    expect(tasks.get_by_role("checkbox")).to_have_count(6)
    step2.invite.click()  # no task ticked
    expect(step2.error).to_contain_text("Kryssa i minst en uppgift för Anpassad på Fritid Östhammar")
    step2.tasks("Fritid Östhammar").get_by_role("checkbox", name="Moderera").check()
    people = step2.send()
    expect(people.details).to_contain_text("Fritid Östhammar: Anpassad (moderera")


def test_bad_input_is_told_in_swedish_and_kept(page: Page):
    step1 = _people(page).add().fill("per.strom")
    step1.next.click()
    expect(step1.error).to_contain_text("Det ser inte ut som en e-postadress")
    expect(step1.email).to_have_value("per.strom")
    step1.fill("per.strom@gmail.com").next.click()
    expect(step1.error).to_contain_text("bara bjuda in adresser som slutar på @osthammar.example")
    step1.fill("sara.ek@osthammar.example").next.click()
    expect(step1.error).to_contain_text("Sara Ek är redan med i Östhammars kommun")
    step2 = step1.fill(PER).next_step()
    step2.invite.click()
    expect(step2.error).to_contain_text("Välj minst en sida")
    step2.page_box("Östhammars bibliotek").check()
    step2.invite.click()
    expect(step2.error).to_contain_text("Välj vilken roll personen ska ha på Östhammars bibliotek")


def test_withdraw_an_invitation_and_change_a_role(page: Page):
    step2 = _people(page).add().fill(PER).next_step()
    people = step2.choose("Östhammars bibliotek", "Redaktör").send()
    page.once("dialog", lambda d: d.accept())
    people.details.get_by_role("button", name="Dra tillbaka inbjudan").click()
    expect(page.get_by_text("Inbjudan till per.strom@osthammar.example är tillbakadragen")) \
        .to_be_visible()
    expect(people.pending).to_have_count(0)
    people = people.select("Sara Ek")
    people.details.get_by_label("Roll på Östhammars kommun").select_option("Redaktör")
    people.details.get_by_role("button", name="Spara ändringar").click()
    expect(page.get_by_text("Behörigheterna för Sara Ek är sparade")).to_be_visible()
    expect(people.details.get_by_label("Roll på Östhammars kommun")).to_have_value("Redaktör")
    # now two people can publish on Östhammars kommun: no flag on the start page
    expect(BusinessHome(page).open().too_few_flag).to_have_count(0)
