"""Ticks a trainer can trust, in a real browser: undoing the work un-ticks the task and the coach
says why; the trainer's review shows a mistake with the words it is about; inside a class the
trainee cannot move the clock."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .pages import FacebookPage
from .pages_training import CoachPanel, JoinClass, Ovningar, TrainerLogin

PASSWORD = "tranare-e2e"  # set by tests/e2e/conftest.py
FIXED = ("Gimo bibliotek har nya öppettider från och med måndag: vardagar 10–19 och lördagar 10–14.\n\n"
         "Vänliga hälsningar, Eva, kommunikatör på Östhammars kommun")


def test_undoing_the_work_un_ticks_the_task_and_the_coach_says_why(page: Page):
    Ovningar(page).open().start("Rätta ett stavfel i ett publicerat inlägg")
    coach = CoachPanel(page)
    fb_page = FacebookPage(page).open("osthammarskommun")
    fb_page.edit_post("nya öppetider").change_text(FIXED)
    expect(coach.ticks).to_have_count(1)
    fb_page.edit_post("nya öppettider").change_text(FIXED.replace("öppettider", "öppetider"))
    expect(coach.ticks).to_have_count(0)
    expect(coach.progress("Uppgift 1 av 2")).to_be_visible()
    expect(coach.why).to_contain_text("Inlägget innehåller fortfarande ”öppetider”")
    expect(coach.announcer).to_contain_text("Uppgift 1 är inte klar längre")


def test_the_trainer_reviews_a_trainee_and_the_trainee_cannot_move_the_clock(browser, browser_context_args,
                                                                             base_url):
    trainer_ctx = browser.new_context(**browser_context_args)
    trainer = trainer_ctx.new_page()
    trainer.goto(base_url + "/tranare/")
    klass = TrainerLogin(trainer).login(PASSWORD).create_class("Granskning", "Måndagsmorgon – fem saker "
                                                                             "före kaffet")
    code = klass.code.inner_text()

    trainee_ctx = browser.new_context(**browser_context_args)
    trainee = trainee_ctx.new_page()
    trainee.goto(base_url + "/ga-med")
    coach = JoinClass(trainee).join(code, "Kim Lindqvist")
    expect(coach.progress("Uppgift 1 av 5")).to_be_visible()
    trainee.get_by_role("button", name="Svara Birgitta Lundqvist").click()
    trainee.get_by_label("Svar till Birgitta Lundqvist").fill("Vi kollar på saken!")
    trainee.get_by_role("form", name="Svar på kommentaren från Birgitta Lundqvist").get_by_role(
        "button", name="Skicka svar").click()
    expect(coach.why).to_contain_text("avsändaren saknas")

    # Inside the class the clock is the trainer's.
    trainee.goto(base_url + "/sandladan/tid")
    expect(trainee.get_by_role("note")).to_contain_text("utbildaren som styr Sandlådans tid")
    expect(trainee.get_by_role("button", name="Ställ klockan")).to_have_count(0)

    klass.page.reload()
    review = klass.review("Kim Lindqvist")
    expect(review.heading).to_have_text("Genomgång: Kim Lindqvist")
    mistake = review.mistakes.filter(has_text="Ett svar utan avsändare.")
    expect(mistake).to_contain_text("Du skrev: Vi kollar på saken!")
    expect(mistake).to_contain_text("svaret till Birgitta Lundqvist")
    expect(mistake.get_by_role("blockquote")).to_contain_text("Tilltal")
    expect(review.log.get_by_role("row", name=re.compile("svarade på en kommentar"))).to_be_visible()
    trainer_ctx.close()
    trainee_ctx.close()
