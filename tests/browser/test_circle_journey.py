"""A care circle on a practice server, in a real browser: a person invites her therapist with a
code, he joins and reads what she shares, she sees each read and ends it — light and dark, phone
and desktop, checked with axe."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from pytest_django import Settings

from earned.accounts.models import User
from earned.circles import services
from earned.circles.models import Circle, Read
from earned.ledger import services as ledger
from earned.ledger.models import Experience
from earned.privacy import keyring, keys
from earned.records.models import Category
from tests.browser.conftest import guarded_context
from tests.conftest import PASSPHRASE, make_person
from tests.factories import one_of_everything


def sign_in_as(page: Any, username: str) -> None:
    page.goto("/sign-in/")
    page.get_by_label("Sign-in name").fill(username)
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Sign in").click()


def ana_and_her_therapist(settings: Settings) -> tuple[User, User]:
    """A person and a practitioner on a practice server, in Berlin."""
    settings.IS_SERVER = True
    ana = make_person("ana", "Ana", timezone="Europe/Berlin")
    okafor = make_person("dr-okafor", "Dr Okafor", timezone="Europe/Berlin")
    okafor.role = User.Role.PRACTITIONER
    okafor.save(update_fields=["role"])
    return ana, okafor


def test_invite_read_see_and_end(
    page: Any,
    browser: Any,
    live_server: Any,
    outside_requests: list[str],
    settings: Settings,
    check_page: Callable[[Any, str], None],
) -> None:
    ana, _ = ana_and_her_therapist(settings)
    with keyring.using(keys.open_data_key(ana)):
        ledger.save_experience(
            ana,
            Experience(
                situation="Asking Maya to help me move", feared="She sighs and says no",
                happened="She said yes, and brought boxes", likelihood=80, occurred=5,
                happens_at=timezone.now() - datetime.timedelta(days=1),
            ),
            finish=True,
        )  # fmt: skip

    # Ana invites him, sharing her experiences and expectations only.
    sign_in_as(page, "ana")
    page.goto("/settings/")
    page.get_by_role("link", name="Your care circle").first.click()
    check_page(page, "circle-empty")
    for label in ("Check-ins", "Practice", "People and ruptures", "Measures", "Safety plan"):
        page.get_by_label(label).uncheck()
    page.get_by_role("button", name="Make a code").click()
    code = page.locator(".code-display").inner_text()
    check_page(page, "circle-code")

    # Dr Okafor, on his own device, joins with it and reads.
    coach = guarded_context(browser, live_server.url, outside_requests).new_page()
    sign_in_as(coach, "dr-okafor")
    coach.get_by_role("heading", name="Your people").wait_for()
    check_page(coach, "care-people-empty")
    coach.get_by_role("link", name="Join with a code").click()
    coach.get_by_label("The code you were given").fill(code.lower())
    check_page(coach, "care-join")
    coach.get_by_role("button", name="Join").click()
    coach.get_by_role("heading", name="Ana").wait_for()
    check_page(coach, "care-person")
    coach.get_by_role("link", name="Asking Maya to help me move").click()
    coach.get_by_text("She said yes, and brought boxes").wait_for()
    coach.get_by_label("A comment for Ana").fill("What helped you ask her, this time?")
    coach.get_by_role("button", name="Send").click()
    coach.get_by_text("Ana will see it beside the entry.").wait_for()
    check_page(coach, "care-experience")

    # Ana sees each read, then ends the circle.
    page.goto("/settings/seen/")
    page.get_by_text("read an experience").first.wait_for()
    check_page(page, "circle-seen")
    assert Read.objects.filter(person=ana).count() == 3  # the overview, the entry twice
    # His comment waits beside the entry; she answers it.
    page.goto("/experiences/")
    page.get_by_role("link", name="Asking Maya to help me move").click()
    page.get_by_text("What helped you ask her, this time?").wait_for()
    page.get_by_label("Reply to Dr Okafor").fill("Remembering that Jo said yes last month.")
    page.get_by_role("button", name="Reply").click()
    page.get_by_text("Remembering that Jo said yes last month.").wait_for()
    check_page(page, "entry-comments")
    coach.reload()
    coach.get_by_text("Remembering that Jo said yes last month.").wait_for()

    # He suggests something to try before the next session; it waits on her Today.
    coach.goto(f"/care/{ana.pk}/")
    coach.get_by_label("What you suggest").fill("Ask your sister to help with the boxes")
    coach.get_by_role("button", name="Suggest it").click()
    coach.get_by_text("It waits on Ana’s Today.").wait_for()
    page.goto("/")
    page.get_by_role("heading", name="Suggested by your care circle").wait_for()
    check_page(page, "today-suggested")
    page.get_by_role("link", name="Plan it").click()
    page.get_by_text("Suggested by Dr Okafor").wait_for()
    check_page(page, "plan-suggested")
    page.get_by_label("What do you fear will happen?").fill("She says she is too busy")
    page.get_by_label("How likely does the feared outcome feel? (0–100)").fill("70")
    page.get_by_role("button", name="Save the plan").click()
    page.get_by_text("Planned.").wait_for()
    coach.reload()
    coach.get_by_text("Planned", exact=False).first.wait_for()
    check_page(coach, "care-person-suggested")
    coach.get_by_role("link", name="Asking Maya to help me move").first.click()

    # Something to write about, with one of Earned's questions.
    coach.goto(f"/care/{ana.pk}/")
    coach.get_by_label("Something to write about").check()
    coach.get_by_label("What you suggest").fill("The last time someone stayed")
    coach.get_by_role("button", name="Suggest it").click()
    coach.get_by_text("It waits on Ana’s Today.").wait_for()
    page.goto("/")
    page.get_by_role("link", name="Write about it").click()
    page.get_by_text("The last time someone stayed").wait_for()
    check_page(page, "journal-suggested")

    # He logs the session, and a rupture he noticed; she notes it in her own words.
    coach.goto(f"/care/{ana.pk}/")
    coach.get_by_label("Held").check()
    coach.get_by_label("Noticed between you").select_option("rupture")
    coach.get_by_label("What you noticed (optional)").fill("You went quiet when I was late.")
    coach.get_by_role("button", name="Log the session").click()
    coach.get_by_text("Logged.").wait_for()
    page.goto("/")
    page.get_by_text("You went quiet when I was late.").wait_for()
    check_page(page, "today-session")
    page.get_by_role("button", name="Note it").click()
    page.get_by_label("Withdrawal — one of us went quiet or cold").check()
    page.locator("fieldset.scale").get_by_label("2", exact=True).check()
    check_page(page, "rupture-from-session")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("A rupture is part of any close relationship").wait_for()
    coach.goto(f"/care/{ana.pk}/")
    coach.get_by_text("noted by Ana in their record").wait_for()
    check_page(coach, "care-person-sessions")
    coach.get_by_role("link", name="Asking Maya to help me move").first.click()

    # One entry kept to herself, from its own page: from his next request it is gone for him.
    page.goto("/experiences/")
    page.get_by_role("link", name="Asking Maya to help me move").click()
    page.get_by_text("Who may see this entry").click()
    check_page(page, "entry-who-may-see")
    page.get_by_label("Always private").check()
    page.get_by_role("button", name="Save").last.click()
    page.get_by_text("Only you will see this entry.").wait_for()
    assert coach.reload().status == 404

    page.goto("/settings/circle/")
    page.get_by_role("heading", name="Dr Okafor").wait_for()
    check_page(page, "circle")
    page.get_by_role("link", name="Change what they see").click()
    check_page(page, "circle-sharing")
    page.get_by_role("link", name="Cancel").click()
    page.get_by_role("link", name="End the circle").click()
    check_page(page, "circle-end")
    page.get_by_role("button", name="End the circle").click()
    page.get_by_text("can no longer see anything of yours").wait_for()
    assert not Circle.objects.get().is_open

    assert coach.reload().status == 404  # from his very next request
    coach.goto("/care/")
    assert "Nobody yet" in coach.locator("main").inner_text()
    coach.context.close()


def test_a_practitioner_reads_every_kind_shared(
    page: Any,
    browser: Any,
    live_server: Any,
    outside_requests: list[str],
    settings: Settings,
    check_page: Callable[[Any, str], None],
) -> None:
    ana, okafor = ana_and_her_therapist(settings)
    one_of_everything(ana)
    services.join(okafor, services.invite(ana, [category.value for category in Category]))

    coach = guarded_context(browser, live_server.url, outside_requests).new_page()
    sign_in_as(coach, "dr-okafor")
    coach.goto(f"/care/{ana.pk}/")
    coach.get_by_role("heading", name="Recent check-ins").wait_for()
    check_page(coach, "care-person-everything")
    coach.get_by_role("link", name="Insights from what Ana shares").click()
    coach.get_by_role("heading", name="Week by week").wait_for()
    check_page(coach, "care-insights")
    coach.go_back()
    coach.get_by_role("link", name="Ask for help").click()
    coach.get_by_text("Ask a neighbour").wait_for()
    check_page(coach, "care-ladder")
    coach.go_back()
    coach.get_by_role("link", name="Evening review", exact=False).first.click()
    coach.get_by_role("heading", name="Comments").wait_for()
    check_page(coach, "care-check-in")
    coach.go_back()
    coach.get_by_role("link", name="The safety plan").click()
    coach.get_by_text("Not sleeping").wait_for()
    coach.get_by_label("A comment for Ana").fill("Shall we look at this together on Tuesday?")
    coach.get_by_role("button", name="Send").click()
    coach.get_by_text("Ana will see it beside the entry.").wait_for()
    check_page(coach, "care-safety-plan")

    coach.goto(f"/care/{ana.pk}/")
    coach.get_by_label("A step of a ladder to try").check()
    coach.get_by_label("Which one (for a step, a script or a questionnaire)").select_option(
        label="Ask for help: Ask a neighbour"
    )
    coach.get_by_role("button", name="Suggest it").click()
    coach.get_by_text("It waits on Ana’s Today.").wait_for()
    check_page(coach, "care-person-suggest-step")

    sign_in_as(page, "ana")
    page.get_by_role("link", name="Plan the step").click()
    page.get_by_text("Suggested by Dr Okafor").wait_for()
    check_page(page, "attempt-suggested")
    page.goto("/settings/seen/")
    page.get_by_label("What").select_option("ladders")
    page.get_by_role("button", name="Show").click()
    page.get_by_text("read a ladder").wait_for()
    check_page(page, "circle-seen-ladders")
    page.goto("/safety-plan/")
    page.get_by_text("Shall we look at this together on Tuesday?").wait_for()
    check_page(page, "safety-plan-comment")
    coach.context.close()


def test_a_practitioner_invites_and_the_person_accepts(
    page: Any,
    browser: Any,
    live_server: Any,
    outside_requests: list[str],
    settings: Settings,
    check_page: Callable[[Any, str], None],
) -> None:
    ana_and_her_therapist(settings)

    coach = guarded_context(browser, live_server.url, outside_requests).new_page()
    sign_in_as(coach, "dr-okafor")
    coach.get_by_role("button", name="Invite someone").click()
    code = coach.locator(".code-display").inner_text()
    check_page(coach, "care-invited-person")
    coach.get_by_role("link", name="Done").click()
    coach.get_by_role("heading", name="Codes not accepted yet").wait_for()
    check_page(coach, "care-people-code")

    sign_in_as(page, "ana")
    page.goto("/settings/circle/")
    page.get_by_role("link", name="Accept an invitation").click()
    page.get_by_label("The code you were given").fill("nonsense")
    page.get_by_role("button", name="Next").click()
    page.get_by_text("That code does not open a circle").first.wait_for()
    check_page(page, "circle-accept-refused")
    page.get_by_label("The code you were given").fill(code)
    page.get_by_role("button", name="Next").click()
    page.get_by_role("heading", name="An invitation from Dr Okafor").wait_for()
    check_page(page, "circle-accept-sharing")
    page.get_by_label("Measures", exact=False).uncheck()
    page.get_by_role("button", name="Accept").click()
    page.get_by_text("Dr Okafor is in your care circle now.").wait_for()
    circle = Circle.objects.get()
    assert "measures" not in circle.categories
    coach.goto("/care/")
    coach.get_by_role("link", name="Ana").wait_for()
    coach.context.close()
