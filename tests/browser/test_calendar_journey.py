"""Rituals in the phone's calendar, in a real browser: a person chooses her times, makes her
calendar's secret link, and a calendar app reading it finds her rituals, in Earned's words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import icalendar

from earned.accounts.models import User
from tests.browser.test_journeys import sign_in


def test_rituals_at_chosen_times_in_a_calendar_app(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    sign_in(page)
    page.goto("/settings/")
    page.get_by_role("link", name="Set up your calendar").click()
    page.get_by_role("heading", name="Your calendar", exact=True).wait_for()
    check_page(page, "calendar")
    page.get_by_label("Morning check-in").fill("07:30")
    page.get_by_label("Evening review").fill("21:15")
    page.get_by_role("button", name="Save the times").click()
    page.get_by_text("Your ritual times are saved.").wait_for()
    page.get_by_role("button", name="Make my calendar link").click()
    page.get_by_text("Your calendar link is ready").wait_for()
    check_page(page, "calendar-link")
    address = page.get_by_label("Your calendar’s secret link").input_value()
    assert "/calendar/cal" in address
    assert (
        page.get_by_role("link", name="Open it in my calendar app")
        .get_attribute("href")
        .startswith("webcal://")
    )

    read = page.context.request.get(address)  # as a calendar app would: the link alone
    assert read.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(read.body())
    titles = sorted(str(event["summary"]) for event in calendar.walk("VEVENT"))
    assert titles == ["Evening review", "Morning check-in"]
    page.reload()
    page.get_by_text("A calendar last read it").wait_for()
