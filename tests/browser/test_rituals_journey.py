"""A day of rituals in a real browser, on a phone-sized screen: the morning check-in tapped in,
a mid-day note, the evening review with its moments, one moment made into an experience."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from earned.accounts.models import User
from earned.ledger.models import Experience
from earned.rituals.models import CheckIn
from tests.browser.conftest import PHONE
from tests.browser.test_journeys import sign_in


def test_a_day_of_rituals_on_a_phone(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    page.set_viewport_size(PHONE)
    sign_in(page)
    page.get_by_role("link", name="Check in").click()
    page.get_by_role("heading", name="Morning check-in").wait_for()
    check_page(page, "morning")
    page.set_viewport_size(PHONE)
    # Every chip of every scale is a target of at least 44 by 44 px, inside its card.
    card = page.locator("form.card").bounding_box()
    for chip in page.locator("fieldset.scale .scale__option span").all():
        box = chip.bounding_box()
        assert box["width"] >= 44, box
        assert box["height"] >= 44, box
        assert box["x"] >= card["x"] + 8, box
        assert box["x"] + box["width"] <= card["x"] + card["width"] - 8, box
    page.locator("fieldset.scale", has_text="Mood").get_by_label("+2", exact=True).check()
    page.locator("fieldset.scale", has_text="Energy").get_by_label("6", exact=True).check()
    page.get_by_text("Add feelings").click()
    page.get_by_label("Hopeful", exact=True).check()
    page.get_by_label("A small prediction about someone today").fill(
        "Jo will be distant at dinner."
    )
    page.get_by_role("button", name="Save").click()
    page.get_by_text("you began by noticing").wait_for()
    page.get_by_text("“Jo will be distant at dinner.”").wait_for()
    morning = CheckIn.objects.get(kind="morning")
    assert (morning.mood, morning.energy, morning.emotions) == (2, 6, "hopeful")

    page.get_by_role("link", name="Pause now").click()
    page.locator("fieldset.scale", has_text="Mood").get_by_label("−1", exact=True).check()
    page.get_by_label("One word for right now").fill("steady")
    check_page(page, "midday")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("“steady”").wait_for()

    page.get_by_role("link", name="Review the day").click()
    page.get_by_text("This morning you predicted").wait_for()
    page.get_by_label("No, it didn’t happen").check()
    page.get_by_label("Who (moment 1)").fill("Jo")
    page.get_by_label("With (moment 1)").select_option("partner")
    page.get_by_label("What happened, in a line (moment 1)").fill("Asked about my day")
    page.get_by_label("How it felt (moment 1)").select_option("2")
    check_page(page, "evening")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The day is written down").wait_for()
    assert CheckIn.objects.get(kind="morning").prediction_outcome == "did-not"

    page.get_by_role("link", name="Check-ins").click()
    page.get_by_text("Days you practised, week by week").wait_for()
    check_page(page, "check-ins")
    page.get_by_role("link", name="Evening review").click()
    check_page(page, "evening-review")
    page.get_by_role("button", name="Make it an experience").click()
    page.get_by_text("It is in your ledger now.").wait_for()
    assert page.get_by_label("What actually happened?").is_visible()
    assert Experience.objects.get().status == "draft"
