"""Safety in a real browser: a hard line written in the journal brings a calm notice that can
be closed; the plan is one click away, written, and ready to print. Checked with axe."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from earned.accounts.models import User
from earned.reflection.models import JournalEntry
from tests.browser.conftest import PHONE
from tests.browser.test_journeys import sign_in


def test_a_hard_line_brings_a_calm_notice_and_the_plan_is_one_click_away(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    sign_in(page)
    page.set_viewport_size(PHONE)
    page.goto("/reflect/journal/new/")
    page.get_by_label("Write as much or as little as you like").fill(
        "Everything went wrong. I want to die."
    )
    page.get_by_role("button", name="Keep it").click()
    notice = page.get_by_role("region", name="Saved. And we noticed something in your words.")
    notice.wait_for()
    assert JournalEntry.objects.count() == 1
    check_page(page, "safety-notice")
    notice.get_by_role("button", name="Close this note").click()
    assert notice.count() == 0

    page.get_by_role("link", name="My plan").click()
    page.get_by_role("heading", name="A plan for a harder day, written on a calmer one").wait_for()
    check_page(page, "safety-plan-empty")
    page.get_by_role("link", name="Write your plan").click()
    page.get_by_label("1. The signs that a hard time is coming").fill("Not sleeping.")
    page.get_by_label("2. Things I can do on my own to get through it").fill("A cold shower.")
    page.get_by_label("What I live for").fill("My niece.")
    check_page(page, "safety-plan-form")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Your plan is saved.").wait_for()
    page.get_by_role("button", name="Print").wait_for()  # shown once the script runs
    page.get_by_text("Samaritans").first.wait_for()
    check_page(page, "safety-plan")

    # The plan may name the hard thoughts: it is answered in its own words, once.
    page.get_by_role("link", name="Change it").click()
    page.get_by_label("1. The signs that a hard time is coming").fill(
        "Not sleeping. Thinking everyone would be better off without me."
    )
    page.get_by_role("button", name="Save").click()
    plan_notice = page.get_by_role("region", name="Saved. Those are hard thoughts to write down.")
    plan_notice.wait_for()
    assert plan_notice.get_by_role("link", name="People to talk to now").count() == 1
    check_page(page, "safety-plan-notice")


def test_the_plan_opens_without_a_connection_once_a_copy_is_kept(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    sign_in(page)
    page.goto("/safety-plan/edit/")
    page.get_by_label("What I live for").fill("The sea in June.")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Keep a copy on this device").click()
    page.get_by_text("A copy is kept on this device.").wait_for()
    check_page(page, "safety-plan-offline-copy")

    page.context.set_offline(True)
    try:
        page.goto("/safety-plan/")
        page.get_by_text("The sea in June.").wait_for()
        page.get_by_text("Samaritans").first.wait_for()
        page.goto("/safety-plan/edit/")  # a page of the plan's that was not kept: the plan
        page.get_by_text("The sea in June.").wait_for()
        page.goto("/help/")  # the crisis lines open too
        page.get_by_role("heading", name="Help right now").wait_for()
        page.get_by_text("Samaritans").first.wait_for()
        page.goto("/help/?country=IE")  # another country chosen: the kept page still opens
        page.get_by_text("Samaritans").first.wait_for()
    finally:
        page.context.set_offline(False)

    page.goto("/safety-plan/")
    page.get_by_role("button", name="Remove the copy").click()
    page.get_by_text("The copy is removed from this device.").wait_for()
    page.context.set_offline(True)
    try:  # the plan is gone from the device; Help now, which the app always keeps, is not
        page.goto("/safety-plan/")
        page.get_by_role("heading", name="No connection just now").wait_for()
        assert page.get_by_text("The sea in June.").count() == 0
        page.goto("/help/")
        page.get_by_role("heading", name="Help right now").wait_for()
    finally:
        page.context.set_offline(False)
