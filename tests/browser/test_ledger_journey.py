"""Keeping the working-model ledger in a real browser: name an expectation, plan an experience,
debrief it, re-rate, and see it on the expectation's chart."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from earned import demo
from earned.accounts.models import User
from earned.ledger.models import Experience
from tests.browser.test_journeys import sign_in


def test_plan_debrief_and_see_it_on_the_chart(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    sign_in(page)
    page.get_by_role("link", name="Expectations").click()
    page.get_by_role("heading", name="Nothing written here yet").wait_for()
    check_page(page, "expectations-empty")

    page.get_by_role("link", name="Name your first expectation").click()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Please write the expectation down.", exact=True).wait_for()
    check_page(page, "expectation-new-error")
    page.get_by_label("The old expectation, in your own words").fill(
        "When I ask for help, people get annoyed."
    )
    page.get_by_label("How true does it feel? (0–100)").fill("80")
    page.get_by_label("How true do you think it is? (0–100)").fill("40")
    page.get_by_text("Add where it comes from").click()
    page.get_by_label("Being left").check()
    page.get_by_role("button", name="Save").click()
    page.locator(".summary").get_by_text("You have not tested this one yet").wait_for()

    page.get_by_role("link", name="Plan one").click()
    page.get_by_label("What is the situation?").fill("Asking Maya to help me move")
    page.get_by_label("When", exact=True).fill("2026-11-20T18:00")  # already past: ready to debrief
    page.get_by_label("What do you fear will happen?").fill("She sighs and says she is busy")
    page.get_by_label("How likely does the feared outcome feel? (0–100)").fill("85")
    check_page(page, "plan")
    page.get_by_role("button", name="Save the plan").click()
    page.get_by_text("Planned.").wait_for()

    page.get_by_role("link", name="Today").click()
    page.get_by_role("heading", name="Ready to debrief").wait_for()
    check_page(page, "today-ready-to-debrief")
    page.get_by_role("link", name="Asking Maya to help me move").click()

    page.get_by_label("What actually happened?").fill("She said yes straight away.")
    page.get_by_role("button", name="Save as a draft").click()
    page.get_by_text("Saved as a draft.").wait_for()
    page.get_by_role("link", name="Carry on with it").click()
    assert page.get_by_label("What actually happened?").input_value() == (
        "She said yes straight away."
    )
    page.get_by_label("How much of what you feared actually happened? (0–100)").fill("5")
    page.get_by_label("I felt it, in my body").check()
    page.get_by_text("Add more: feelings").click()
    page.get_by_label("Feeling").first.select_option("relieved")
    check_page(page, "debrief")
    page.get_by_role("button", name="Finish the debrief").click()
    page.get_by_role("heading", name="What you expected").wait_for()
    page.get_by_role("heading", name="This went better than you feared").wait_for()
    check_page(page, "experience")
    assert Experience.objects.get().status == "done"

    page.get_by_label("A little").check()
    page.get_by_role("button", name="Save the answer").click()
    page.get_by_text("Noted.").wait_for()
    page.get_by_label("How true does it feel? (0–100)").fill("70")
    page.get_by_role("button", name="Save the rating").click()
    page.get_by_text("Re-rated.").wait_for()

    page.get_by_role("link", name="Change the plan").click()
    check_page(page, "experience-edit")
    page.get_by_label("What is the situation?").fill("Asking Maya and Tom to help me move")
    page.get_by_role("button", name="Save the changes").click()
    page.get_by_text("Saved the changes.").wait_for()
    page.get_by_role("heading", name="Asking Maya and Tom to help me move").wait_for()

    page.get_by_role("link", name="See this expectation’s chart").click()
    page.locator(".summary").get_by_text("The one time you tested this").wait_for()
    assert page.locator("svg.chart__svg circle.chart__happened").count() == 1
    page.get_by_text("The numbers behind the chart").click()
    check_page(page, "expectation")

    page.get_by_role("link", name="How it works").click()
    page.get_by_role("heading", name="How the evidence estimate works").wait_for()
    check_page(page, "about-the-model")
    page.get_by_role("link", name="Back to your expectations").click()
    page.get_by_text("about 60%").wait_for()  # the evidence so far, beside both ratings
    check_page(page, "expectations")

    page.get_by_role("link", name="Experiences").click()
    page.get_by_text("80 points better than feared").wait_for()
    check_page(page, "ledger")
    page.get_by_role("link", name="Log a past one").click()
    page.get_by_role("heading", name="Log a past experience").wait_for()
    check_page(page, "log")

    # Deleting asks first, and “Keep it” keeps it.
    page.go_back()
    page.get_by_role("link", name="Asking Maya and Tom to help me move").click()
    page.get_by_role("link", name="Delete this experience").click()
    page.get_by_role("heading", name="Delete this experience?").wait_for()
    check_page(page, "experience-delete")
    page.get_by_role("link", name="Keep it").click()
    page.get_by_role("heading", name="What you expected").wait_for()
    assert Experience.objects.count() == 1


def test_the_demo_opens_with_the_passphrase_its_sign_in_page_shows(
    page: Any, transactional_db: None, check_page: Callable[[Any, str], None]
) -> None:
    demo.create_or_refresh("Europe/Berlin")
    page.goto("/sign-in/")
    check_page(page, "demo-sign-in")
    shown = page.locator(".notice strong").inner_text()
    page.get_by_label("Passphrase").fill(shown)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Ready to debrief").wait_for()
    page.get_by_text("You are looking at a demo.").wait_for()
    check_page(page, "demo-today")

    page.get_by_role("link", name="Experiences").click()
    page.get_by_text("Page 1 of").wait_for()
    page.get_by_role("link", name="Older →").click()
    page.get_by_text("Page 2 of").wait_for()
    check_page(page, "demo-ledger-page-2")

    page.get_by_role("link", name="Expectations").click()
    page.locator(".expectation-list a, main a[href^='/expectations/']").filter(
        has_text="When someone goes quiet"
    ).first.click()
    page.get_by_role("link", name="See all").wait_for()
    check_page(page, "demo-expectation")
    page.get_by_role("link", name="Delete it for good").click()
    page.get_by_role("heading", name="Delete this expectation?").wait_for()
    check_page(page, "demo-expectation-delete")


def test_a_plan_still_to_come_is_debriefed_only_when_it_has_happened(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    import datetime

    from django.utils import timezone

    from earned.ledger import services as ledger
    from earned.privacy import keyring, keys
    from tests.conftest import PASSPHRASE

    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        plan = ledger.save_experience(
            owner,
            Experience(situation="Telling Jo I need a quiet evening", feared="Jo sulks",
                       likelihood=70, happens_at=timezone.now() + datetime.timedelta(days=2)),
        )  # fmt: skip
    sign_in(page)
    page.goto(f"/experiences/{plan.pk}/debrief/")
    page.get_by_role("heading", name="This has not happened yet").wait_for()
    page.get_by_label("What actually happened?").fill("Jo said of course.")
    page.get_by_label("How much of what you feared actually happened? (0–100)").fill("0")
    page.get_by_role("button", name="Finish").click()
    page.get_by_text("This is planned for a time still to come.").first.wait_for()
    assert page.get_by_label("What actually happened?").input_value() == "Jo said of course."
    check_page(page, "debrief-still-to-come")
    page.get_by_label("It has already happened, earlier than planned").check()
    page.get_by_role("button", name="Finish").click()
    page.get_by_text("Thank you for coming back to it.").wait_for()
