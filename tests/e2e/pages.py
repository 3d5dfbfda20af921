"""Page objects for the sandbox's own pages and Facebook. They expose locators and return
the next page object; the tests make the assertions."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

PASSWORDS = {"eva": ("eva.lind@osthammar.example", "ovning-eva"),
             "sara": ("sara.ek@osthammar.example", "ovning-sara"),
             "maria": ("maria.holm@osthammar.example", "ovning-maria"),
             "johan": ("johan.berg@osthammar.example", "ovning-johan"),
             "per": ("per.strom@osthammar.example", "ovning-per")}


class FacebookLogin:
    def __init__(self, page: Page):
        self.page = page
        self.email = page.get_by_label("E-postadress", exact=True)
        self.password = page.get_by_label("Lösenord", exact=True)
        self.submit = page.get_by_role("button", name="Logga in")
        self.practice_accounts = page.get_by_role("heading", name="Övningskonton")
        self.error = page.get_by_role("alert")

    def open(self) -> FacebookLogin:
        self.page.goto("/facebook/logga-in")
        return self

    def login_as(self, who: str = "eva") -> Feed:
        email, password = PASSWORDS[who]
        self.email.fill(email)
        self.password.fill(password)
        self.submit.click()
        return Feed(self.page)


class Feed:
    def __init__(self, page: Page):
        self.page = page
        self.account_arrow = page.get_by_role("button", name="Konto")

    def open_page(self, name: str) -> FacebookPage:
        self.page.get_by_role("navigation", name="Genvägar").get_by_role("link", name=name).click()
        return FacebookPage(self.page)


class FacebookPage:
    def __init__(self, page: Page):
        self.page = page
        self.write_box = page.get_by_role("button", name="Skriv ett inlägg")
        self.publishing_tools = page.get_by_role("link", name="Publiceringsverktyg")

    def open(self, slug: str) -> FacebookPage:
        self.page.goto(f"/facebook/{slug}/")
        return self

    def open_composer(self) -> Composer:
        self.write_box.click()
        return Composer(self.page)

    def post(self, text: str) -> Locator:
        return self.page.get_by_role("article").filter(has_text=text)

    def post_menu(self, text: str) -> Locator:
        return self.post(text).get_by_role("button", name="Åtgärder för inlägget")

    def edit_post(self, text: str) -> EditDialog:
        self.post_menu(text).click()
        self.page.get_by_role("menuitem", name="Redigera inlägg").click()
        return EditDialog(self.page)


class Composer:
    def __init__(self, page: Page):
        self.page = page
        self.dialog = page.get_by_role("dialog", name="Skapa inlägg")
        self.text = self.dialog.get_by_label("Inläggets text")
        self.photo = self.dialog.get_by_label("Foto/video")
        self.feeling = self.dialog.get_by_role("button", name="Känsla/aktivitet")
        self.share_now = self.dialog.get_by_role("button", name="Dela nu", exact=True)
        self.when = self.dialog.get_by_role("button", name="Dela nu – välj när inlägget ska publiceras")
        self.schedule_item = self.dialog.get_by_role("menuitem", name="Schemalägg")
        self.date = self.dialog.get_by_label("Datum").locator("visible=true")
        self.time = self.dialog.get_by_label("Tid", exact=True)
        self.schedule = self.dialog.get_by_role("button", name="Schemalägg", exact=True)
        self.error = self.dialog.get_by_role("alert")
        self.think_of = self.dialog.get_by_role("status", name="Tänk på")
        self.no_person = self.dialog.get_by_label("Nej, ingen person")

    def write(self, text: str) -> Composer:
        self.text.fill(text)
        return self

    def share(self) -> FacebookPage:
        self.share_now.click()
        return FacebookPage(self.page)

    def choose_schedule(self) -> Composer:
        self.when.click()
        self.schedule_item.click()
        return self

    def schedule_for(self, date: str, time: str) -> FacebookPage:
        self.date.fill(date)
        self.time.fill(time)
        self.schedule.click()
        return FacebookPage(self.page)


class EditDialog:
    def __init__(self, page: Page):
        self.page = page
        self.dialog = page.get_by_role("dialog", name="Redigera inlägg")
        self.text = self.dialog.get_by_label("Inläggets text")
        self.finish = self.dialog.get_by_role("button", name="Avsluta redigering")
        self.locked_note = self.dialog.get_by_text("Bild och länk går inte att ändra")

    def change_text(self, text: str) -> FacebookPage:
        self.text.fill(text)
        self.finish.click()
        return FacebookPage(self.page)
