"""A trainer runs a class: the dashboard is locked by the password; trainees join with the code
and appear in the live table, with their ✔ as they go."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .pages_training import CoachPanel, JoinClass, TrainerLogin

PASSWORD = "tranare-e2e"  # set by tests/e2e/conftest.py


def test_dashboard_refuses_a_wrong_password(page: Page):
    login = TrainerLogin(page).open()
    expect(login.password).to_be_visible()
    response = None
    with page.expect_response(re.compile("/tranare/logga-in")) as info:
        login.login("fel-lösenord")
    response = info.value
    assert response.status == 401
    expect(login.error).to_have_text("Fel lösenord till tränarsidan. Försök igen.")
    expect(page.get_by_role("button", name="Skapa grupp")).to_have_count(0)


def test_joining_a_class_and_appearing_on_the_dashboard(browser, browser_context_args, base_url):
    trainer_ctx = browser.new_context(**browser_context_args)
    trainer = trainer_ctx.new_page()
    trainer.goto(base_url + "/tranare/")
    dashboard = TrainerLogin(trainer).login(PASSWORD)
    expect(dashboard.heading).to_be_visible()
    klass = dashboard.create_class("Kommunikatörer ht", "Måndagsmorgon – fem saker före kaffet")
    expect(klass.code).to_have_text(re.compile(r"^[A-Z0-9]{6}$"))
    code = klass.code.inner_text()

    trainee_ctx = browser.new_context(**browser_context_args)
    trainee = trainee_ctx.new_page()
    trainee.goto(base_url + "/ga-med")
    join = JoinClass(trainee)
    join.join("FEL123", "Kim")
    expect(join.error).to_contain_text("Koden hittades inte")
    coach = join.join(code.lower(), "Kim Lindqvist")
    expect(coach.progress("Uppgift 1 av 5")).to_be_visible()
    expect(trainee.get_by_text("Du är med i Kommunikatörer ht")).to_be_visible()

    # The trainer's table picks Kim up by itself (poll), then Kim's ✔ for hiding the rumour.
    row = klass.row("Kim Lindqvist")
    expect(row).to_be_visible(timeout=10_000)
    expect(row.get_by_role("cell", name="✔ klar")).to_have_count(0)
    trainee.get_by_role("button", name="Dölj kommentaren från Gunnar Persson").click()
    expect(CoachPanel(trainee).ticks).to_have_count(1)
    expect(row.get_by_role("cell", name="✔ klar")).to_have_count(1, timeout=10_000)

    # Moving time for the class moves Kim's clock.
    clock = trainee.get_by_role("complementary", name="Sandlådan – övningsmiljö").locator("time")
    before = clock.inner_text()
    trainer.get_by_label("Flytta fram tiden för alla").fill("3h")
    klass.advance.click()
    expect(trainer.get_by_text("framflyttad 3h för hela gruppen")).to_be_visible()
    trainee.reload()
    expect(clock).not_to_have_text(before)
    trainer_ctx.close()
    trainee_ctx.close()
