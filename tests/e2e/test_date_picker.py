"""The Swedish date and time picker: typed in Swedish order, picked in a calendar by mouse or
keyboard, shown as '2 december 2026' and '09:00', sent to the server as ISO."""

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from .pages import FacebookLogin, FacebookPage

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december"]


def sv(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def test_schedule_typed_in_swedish_order(page: Page):
    FacebookLogin(page).open().login_as("eva")
    composer = FacebookPage(page).open("osthammarskommun").open_composer()
    composer.write("Julmarknad i Östhammar på lördag!").choose_schedule()
    day = date.today() + timedelta(days=3)
    composer.date.fill(f"{day.day}/{day.month}")
    composer.time.fill("0900")
    composer.time.press("Tab")
    expect(composer.date).to_have_value(sv(day))
    expect(composer.time).to_have_value("09:00")
    composer.schedule.click()
    expect(page.get_by_text(re.compile(f"publiceras {sv(day)} kl. 09:00"))).to_be_visible()


def test_calendar_by_keyboard_monday_first(page: Page):
    FacebookLogin(page).open().login_as("eva")
    composer = FacebookPage(page).open("osthammarskommun").open_composer()
    composer.write("Påminnelse").choose_schedule()
    day = date.today() + timedelta(days=2)
    composer.date.fill(day.isoformat())
    composer.dialog.get_by_role("button", name="Öppna kalendern").click()
    grid = composer.dialog.get_by_role("grid")
    expect(grid).to_be_visible()
    expect(grid).to_have_accessible_name(f"{MONTHS[day.month - 1]} {day.year}")
    expect(grid.get_by_role("columnheader").first).to_have_text("må")
    expect(grid.get_by_role("columnheader").last).to_have_text("sö")
    chosen = grid.get_by_role("gridcell", selected=True)
    expect(chosen).to_be_focused()
    expect(chosen).to_have_text(str(day.day))
    page.keyboard.press("ArrowDown")  # a week later
    page.keyboard.press("ArrowRight")  # and a day
    page.keyboard.press("Enter")
    expect(grid).to_be_hidden()
    expect(composer.date).to_be_focused()
    expect(composer.date).to_have_value(sv(day + timedelta(days=8)))
    # Escape in the calendar closes the calendar, not the composer.
    composer.dialog.get_by_role("button", name="Öppna kalendern").click()
    page.keyboard.press("Escape")
    expect(grid).to_be_hidden()
    expect(composer.dialog).to_be_visible()
    # The time: the arrow keys step a quarter of an hour; the list of times by mouse.
    composer.time.fill("9")
    composer.time.press("ArrowUp")
    expect(composer.time).to_have_value("09:15")
    composer.dialog.get_by_role("button", name="Visa klockslag").click()
    composer.dialog.get_by_role("option", name="13:30").click()
    expect(composer.time).to_have_value("13:30")
    composer.schedule.click()
    expect(page.get_by_text(re.compile(f"publiceras {sv(day + timedelta(days=8))} kl. 13:30"))
           ).to_be_visible()


def test_sandbox_clock_by_mouse_and_a_wrong_date_is_kept(page: Page):
    page.goto("/sandladan/tid")
    page.get_by_label("Datum", exact=True).fill("24 dec 2030")
    page.get_by_label("Tid", exact=True).fill("15.30")
    page.get_by_role("button", name="Ställ klockan").click()
    expect(page.get_by_role("status")).to_contain_text("tisdag 24 december 2030 kl. 15:30")
    # The calendar opens on the sandbox's today and a click picks a day.
    page.goto("/sandladan/tid")
    page.get_by_role("button", name="Öppna kalendern").click()
    today = page.get_by_role("gridcell", name="tisdag 24 december 2030")
    expect(today).to_be_focused()
    page.get_by_role("gridcell", name="fredag 27 december 2030").click()
    expect(page.get_by_label("Datum", exact=True)).to_have_value("27 december 2030")
    # A date that does not exist: a Swedish message, and what was typed is still there.
    page.get_by_label("Datum", exact=True).fill("31 februari 2031")
    page.get_by_role("button", name="Ställ klockan").click()
    expect(page.get_by_role("alert")).to_contain_text("Datumet finns inte")
    expect(page.get_by_label("Datum", exact=True)).to_have_value("31 februari 2031")


def test_what_a_swede_types_is_understood(page: Page):
    """The picker's reading of typed dates and times, with 'today' = Tuesday 1 December 2026."""
    page.goto("/sandladan/tid")
    dates = {"2026-12-02": "2026-12-02", "20261202": "2026-12-02", "261202": "2026-12-02",
             "2/12": "2026-12-02", "2/12 2027": "2027-12-02", "2/12/2027": "2027-12-02",
             "2 december 2026": "2026-12-02", "2 dec": "2026-12-02", "onsdag 2 december 2026": "2026-12-02",
             "15 jan": "2027-01-15",  # no year: the next 15 January
             "31/2": None, "2026-02-30": None, "12/31": None, "i morgon": None, "": None}
    got = page.evaluate("""cases => Object.fromEntries(Object.keys(cases).map(t => {
        const d = SvDateTime.parseDate(t, new Date(2026, 11, 1, 12));
        return [t, d && d.toISOString().slice(0, 10)];
      }))""", dates)
    assert got == dates
    past = page.evaluate("SvDateTime.parseDate('15 dec', new Date(2026, 11, 1, 12), true).getFullYear()")
    assert past == 2025  # backdating: the last 15 December
    times = {"0900": "09:00", "900": "09:00", "9": "09:00", "9:00": "09:00", "9.30": "09:30",
             "kl. 14": "14:00", "23:59": "23:59", "24:00": None, "9:75": None, "nio": None}
    assert page.evaluate("cases => Object.fromEntries(Object.keys(cases).map(t => "
                         "[t, SvDateTime.parseTime(t)]))", times) == times
