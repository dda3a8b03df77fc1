"""The people in a life, in a real browser: someone added, showing up, a rupture and its
repair, and their page telling the story — on a phone and a desktop, checked with axe."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from earned.accounts.models import User
from earned.relationships.models import Presence, Repair, Rupture
from tests.browser.conftest import PHONE
from tests.browser.test_journeys import sign_in


def test_someone_shows_up_and_a_rupture_is_repaired(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    sign_in(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
    check_page(page, "people-empty")
    page.get_by_role("link", name="Add someone").first.click()
    page.get_by_label("Their name, or an alias").fill("Priya")
    page.get_by_label("Who they are to you").select_option("friend")
    page.get_by_label("They feel like a safe ally now").check()
    page.get_by_label("How safe does it feel with them now? (0–100, optional)").fill("70")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Priya", exact=True).wait_for()

    # Two taps on a phone: the list, then how they showed up.
    page.set_viewport_size(PHONE)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
    page.get_by_role("button", name="Priya showed up: reached out").click()
    page.get_by_text("Noted: reached out.").wait_for()
    check_page(page, "people")
    assert Presence.objects.get().showed == "reached"

    # A rupture, noticed gently on her page, then the repair.
    page.get_by_role("link", name="Priya").click()
    page.get_by_role("link", name="Note a rupture").click()
    page.get_by_label("Withdrawal — one of us went quiet or cold").check()
    page.locator("fieldset.scale").get_by_label("3", exact=True).check()
    page.get_by_label("What set it off? (optional)").fill("She cancelled our walk.")
    page.get_by_label("Your part, as you see it (optional)").fill("I went silent for two days.")
    check_page(page, "rupture-new")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("A rupture is part of any close relationship").wait_for()
    page.get_by_role("link", name="Priya").first.click()
    page.get_by_role("heading", name="Still open, since").wait_for()
    check_page(page, "person-open-rupture")
    page.get_by_role("link", name="Note a repair").first.click()
    page.get_by_label("What was said or done").fill("I texted that I missed her; she called.")
    page.get_by_label("Repaired").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Reaching back after a rupture takes courage").wait_for()
    check_page(page, "rupture")
    assert Repair.objects.get().outcome == "repaired"
    assert Rupture.objects.get().person.safe_ally

    page.get_by_role("link", name="Priya").first.click()
    page.get_by_label("Now, 0–100").fill("80")
    page.get_by_role("button", name="Rate").click()
    page.get_by_text("However it feels now is the right answer.").wait_for()
    assert page.get_by_role("heading", name="Still open, since").count() == 0
    check_page(page, "person")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
    page.get_by_role("link", name="Ruptures and repairs").click()
    page.get_by_text("Repair tried within a week").wait_for()
    check_page(page, "ruptures")
