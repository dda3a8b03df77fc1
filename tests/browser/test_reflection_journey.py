"""Catching a verdict in a real browser: an interpretation shift, from Reflect to its page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from earned.accounts.models import User
from earned.reflection.models import Shift
from tests.browser.test_journeys import sign_in


def test_catch_a_verdict_and_read_it_again(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    sign_in(page)
    page.get_by_role("link", name="Reflect").click()
    check_page(page, "reflect")
    page.get_by_role("link", name="Catch a verdict").click()
    page.get_by_label("What happened? Just the signal").fill("No reply from Priya all day.")
    page.get_by_label("The verdict that came at once").fill("She is tired of me.")
    page.get_by_label("Another way to read it").fill("She is at work.")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Please find at least two other ways to read it").first.wait_for()
    check_page(page, "shift-error")
    assert page.get_by_label("Another way to read it").input_value() == "She is at work."
    page.get_by_label("And another").fill("Her phone is flat.")
    page.get_by_label("At first, how believable was the verdict? (0–100)").fill("80")
    page.get_by_label("Now, how believable is it? (0–100)").fill("30")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Other ways to read it").wait_for()
    check_page(page, "shift")
    assert Shift.objects.get().believable_after == 30
    page.get_by_role("link", name="Interpretation shifts").click()
    page.get_by_text("verdict 80% → 30% believable").wait_for()
    check_page(page, "shifts")
