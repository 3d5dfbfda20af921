"""Page objects for training: Övningar, the coach panel, joining a class, the trainer dashboard.
They expose locators and return the next page object; the tests make the assertions."""

from __future__ import annotations

import re

from playwright.sync_api import Page


class Ovningar:
    def __init__(self, page: Page):
        self.page = page
        self.heading = page.get_by_role("heading", name="Övningar", level=1)

    def open(self) -> Ovningar:
        self.page.goto("/ovningar/")
        return self

    def card(self, title: str):
        return self.page.get_by_role("listitem").filter(
            has=self.page.get_by_role("heading", name=re.compile("^" + re.escape(title))))

    def start(self, title: str) -> CoachPanel:
        self.card(title).get_by_role("button", name="Starta övningen").click()
        return CoachPanel(self.page)


class CoachPanel:
    def __init__(self, page: Page):
        self.page = page
        self.panel = page.get_by_role("complementary", name=re.compile("^Övning"))
        self.ticks = self.panel.get_by_role("img", name="Klar")
        self.hint_button = self.panel.get_by_role("button", name="Visa tips")
        self.hints = self.panel.get_by_role("group", name="Tips")
        self.announcer = self.panel.get_by_role("status")
        self.toggle = self.panel.get_by_role("button", name=re.compile("^(Dölj|Visa)$"))
        self.debrief_link = self.panel.get_by_role("link", name="Se genomgången")
        self.why = self.panel.get_by_text(re.compile("^Inte klar än:"))

    def progress(self, text: str):
        return self.panel.get_by_text(text, exact=True)


class JoinClass:
    def __init__(self, page: Page):
        self.page = page
        self.code = page.get_by_label("Kod", exact=True)
        self.name = page.get_by_label("Ditt namn", exact=True)
        self.submit = page.get_by_role("button", name="Gå med")
        self.error = page.get_by_role("alert")

    def open(self) -> JoinClass:
        self.page.goto("/ga-med")
        return self

    def join(self, code: str, name: str) -> CoachPanel:
        self.code.fill(code)
        self.name.fill(name)
        self.submit.click()
        # The Page it lands on is there as soon as its HTML is; its buttons (Svara, …) work once
        # sandbox.js has run. A click in between did nothing (seen once in a slow run).
        self.page.wait_for_load_state("load")
        return CoachPanel(self.page)


class TrainerLogin:
    def __init__(self, page: Page):
        self.page = page
        self.password = page.get_by_label("Tränarlösenord", exact=True)
        self.submit = page.get_by_role("button", name="Logga in")
        self.error = page.get_by_role("alert")

    def open(self) -> TrainerLogin:
        self.page.goto("/tranare/")
        return self

    def login(self, password: str) -> TrainerDashboard:
        self.password.fill(password)
        self.submit.click()
        return TrainerDashboard(self.page)


class TrainerDashboard:
    def __init__(self, page: Page):
        self.page = page
        self.heading = page.get_by_role("heading", name="Tränarsidan", level=1)
        self.class_name = page.get_by_label("Gruppens namn", exact=True)
        self.scenario = page.get_by_label("Övning", exact=True)
        self.create = page.get_by_role("button", name="Skapa grupp")

    def create_class(self, name: str, scenario_title: str) -> TrainerClass:
        self.class_name.fill(name)
        self.scenario.select_option(label=scenario_title)
        self.create.click()
        return TrainerClass(self.page)


class TrainerClass:
    def __init__(self, page: Page):
        self.page = page
        self.code = page.get_by_role("code")  # the big join code to show on the projector
        self.table = page.get_by_role("table", name="Deltagare")
        self.csv = page.get_by_role("link", name="Ladda ner resultaten (CSV)")
        self.advance = page.get_by_role("button", name="Flytta fram för alla")

    def row(self, name: str):
        return self.table.get_by_role("row").filter(has=self.page.get_by_role("rowheader", name=name))

    def review(self, name: str) -> TraineeReview:
        self.row(name).get_by_role("link", name=name).click()
        return TraineeReview(self.page)


class TraineeReview:
    def __init__(self, page: Page):
        self.page = page
        self.heading = page.get_by_role("heading", name=re.compile("^Genomgång: "), level=1)
        self.mistakes = page.locator(".mistake")
        self.log = page.get_by_role("table", name="Vad som hände")
