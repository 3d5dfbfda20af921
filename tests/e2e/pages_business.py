"""Page objects for Business Manager and the mock inbox. They expose locators and return the
next page object; the tests make the assertions."""

from __future__ import annotations

import re

from playwright.sync_api import Page

from .pages import PASSWORDS, Feed


def enter_business(feed: Feed, name: str) -> BusinessHome:
    """The handbook: 'Tryck på pilen i det högra hörnet, därefter väljer du Östhammars kommun'."""
    feed.account_arrow.click()
    feed.page.get_by_role("group", name="Business Manager").get_by_role(
        "menuitem", name=name, exact=True).click()
    return BusinessHome(feed.page)


class BusinessHome:
    def __init__(self, page: Page):
        self.page = page
        self.heading = page.get_by_role("heading", level=1)
        self.settings_button = page.get_by_role("button", name="Företagsinställningar")
        self.menu_button = page.get_by_role("button", name="Meny")
        self.menu = page.get_by_role("menu", name="Business Manager-meny")
        self.settings_item = self.menu.get_by_role("menuitem", name="Företagsinställningar")
        self.too_few_flag = page.get_by_text("alla konton ska ha minst två utsedda redaktörer")

    def open(self, slug: str = "osthammarskommun") -> BusinessHome:
        self.page.goto(f"/business/{slug}/")
        return self

    def open_settings(self) -> People:
        self.settings_button.click()
        return People(self.page)

    def open_menu(self) -> BusinessHome:
        self.menu_button.click()
        return self

    def open_settings_from_menu(self) -> People:
        self.settings_item.click()
        return People(self.page)


class People:
    def __init__(self, page: Page):
        self.page = page
        self.heading = page.get_by_role("heading", name="Personer", level=1)
        self.nav = page.get_by_role("navigation", name="Företagsinställningar")
        self.current_section = self.nav.locator('[aria-current="page"]')
        self.add_button = page.get_by_role("button", name="Lägg till")
        self.people = page.get_by_role("list", name=re.compile("^Personer i "))
        self.pending = page.get_by_role("list", name="Väntande inbjudningar")
        self.details = page.get_by_role("region", name="Detaljer")

    def add(self) -> InviteStep1:
        self.add_button.click()
        return InviteStep1(self.page)

    def select(self, name: str) -> People:
        self.people.get_by_role("link", name=name).click()
        return People(self.page)


class InviteStep1:
    def __init__(self, page: Page):
        self.page = page
        self.dialog = page.get_by_role("dialog", name="Bjud in personer")
        self.email = self.dialog.get_by_label("Ange e-postadress")
        self.warning = self.dialog.get_by_text("Vi ska vara restriktiva med att sätta den högsta")
        self.next = self.dialog.get_by_role("button", name="Nästa")
        self.error = self.dialog.get_by_role("alert")

    def access(self, name: str):
        return self.dialog.get_by_role("radio", name=name)

    def fill(self, email: str, access: str = "Medarbetare") -> InviteStep1:
        self.email.fill(email)
        self.access(access).check()
        return self

    def next_step(self) -> InviteStep2:
        self.next.click()
        return InviteStep2(self.page)


class InviteStep2:
    def __init__(self, page: Page):
        self.page = page
        self.dialog = page.get_by_role("dialog", name="Bjud in personer")
        self.step = self.dialog.get_by_text("Steg 2 av 2")
        self.invite = self.dialog.get_by_role("button", name="Bjud in")
        self.error = self.dialog.get_by_role("alert")

    def page_box(self, name: str):
        return self.dialog.get_by_role("checkbox", name=name, exact=True)

    def page_item(self, name: str):
        return self.dialog.get_by_role("listitem").filter(
            has=self.page.get_by_role("checkbox", name=name, exact=True))

    def role(self, name: str):
        return self.dialog.get_by_label(f"Roll på {name}")

    def tasks(self, name: str):
        return self.dialog.get_by_role("group", name=f"Uppgifter för Anpassad på {name}")

    def warning(self, name: str):
        return self.role(name).locator("xpath=..").get_by_text("Vi ska vara restriktiva")

    def choose(self, page_name: str, role: str) -> InviteStep2:
        self.role(page_name).select_option(role)
        return self

    def send(self) -> People:
        self.invite.click()
        return People(self.page)


class Inbox:
    def __init__(self, page: Page):
        self.page = page
        self.mail = page.get_by_role("article")
        self.link = page.get_by_role("link", name="Öppna länken")

    def open(self) -> Inbox:
        self.page.goto("/sandladan/inkorg")
        return self

    def read(self, subject: str) -> Inbox:
        self.page.get_by_role("navigation", name="Mejl").get_by_role("link", name=subject).click()
        return self

    def follow_link(self) -> Invitation:
        self.link.click()
        return Invitation(self.page)


class Invitation:
    def __init__(self, page: Page):
        self.page = page
        self.problem = page.get_by_role("alert")
        self.join = page.get_by_role("button", name=re.compile("^Gå med i "))

    def log_in_as(self, who: str) -> Invitation:
        """The page names who to log in as; its link leads to the login and back here."""
        email, password = PASSWORDS[who]
        self.page.get_by_role("link", name=re.compile("^Logga in som ")).click()
        self.page.get_by_label("E-postadress", exact=True).fill(email)
        self.page.get_by_label("Lösenord", exact=True).fill(password)
        self.page.get_by_role("button", name="Logga in").click()
        return Invitation(self.page)

    def accept(self) -> BusinessHome:
        self.join.click()
        return BusinessHome(self.page)
