"""Our weekly practice check-in in a real browser, on a phone: taken on one page, a missing
answer asked for kindly, then seen over time. Checked with axe in light and dark."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from earned.accounts.models import User
from earned.measures.models import Response
from tests.browser.conftest import PHONE
from tests.browser.test_journeys import sign_in


def test_the_practice_check_in_on_a_phone(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    sign_in(page)
    page.set_viewport_size(PHONE)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Insights").click()
    page.get_by_role("navigation", name="Insights").get_by_role("link", name="Measures").click()
    page.get_by_text("Written by us · not a validated questionnaire").wait_for()
    check_page(page, "measures-empty")
    page.get_by_role("link", name="Take it now").click()
    for number, answer in ((1, "Mostly"), (2, "Somewhat"), (3, "Completely"), (4, "A little")):
        page.get_by_role("group", name=f"{number}.").get_by_label(answer).check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Please choose an answer for this one.").wait_for()
    check_page(page, "measures-take")
    page.get_by_role("group", name="5.").get_by_label("Completely").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved: 14 of 20 this week. Thank you.").wait_for()
    assert Response.objects.get().total == 14
    check_page(page, "measures")
