"""Climbing a ladder in a real browser: build it, reorder a step from the keyboard, plan an
attempt, note the moment on a phone, debrief it, see the suggestion change; rehearse a script
one line at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from earned.accounts.models import User
from earned.ledger import services as ledger
from earned.practice.models import Attempt, Ladder, Rehearsal
from earned.privacy import keyring, keys
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_journeys import sign_in
from tests.conftest import PASSPHRASE, make_person


@pytest.fixture
def owner(transactional_db: None) -> User:
    person = make_person("sam", "Sam", timezone="Europe/Berlin", country="IE")
    with keyring.using(keys.open_data_key(person, PASSPHRASE)):
        ledger.add_expectation(
            person, "If I ask for what I need, I’ll be too much.", feels_true=80, think_true=50
        )
    return person


def add_step(page: Any, description: str, distress: str) -> None:
    page.get_by_role("textbox", name="The step").fill(description)
    page.get_by_label("How hard do you expect it to be? (0–100)").fill(distress)
    page.get_by_role("button", name="Add the step").click()
    page.get_by_role("heading", name=description, exact=True).wait_for()


def attempt(page: Any, occurred: str, window: str) -> None:
    page.get_by_role("link", name="Plan an attempt").click()
    page.get_by_label("When").fill("2026-11-28T19:00")
    page.get_by_label("What do you fear will happen?").fill("Jo sighs.")
    page.get_by_label("How likely does the feared outcome feel? (0–100)").fill("80")
    page.get_by_role("button", name="Plan it").click()
    page.get_by_role("link", name="Debrief it").click()
    page.get_by_label("What actually happened?").fill("Jo said yes, kindly.")
    page.get_by_label("How much of what you feared actually happened? (0–100)").fill(occurred)
    page.get_by_label(window).check()
    page.get_by_role("button", name="Finish the debrief").click()
    page.get_by_role("heading", name="After: what happened").wait_for()
    page.locator("p.meta a").first.click()  # back to the ladder


def test_climb_a_ladder_and_rehearse_a_script(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    sign_in(page)
    page.get_by_role("link", name="Practice").click()
    check_page(page, "practice-empty")
    page.get_by_role("link", name="Start a ladder").click()
    page.get_by_label("What would you like to be able to do?").fill("Ask for what I need at home")
    page.get_by_label("Why does it matter to you? (optional)").fill("closeness")
    page.get_by_label("If I ask for what I need, I’ll be too much.").check()
    page.get_by_role("button", name="Save").click()
    add_step(page, "Ask Jo for an evening off", "60")
    add_step(page, "Ask Jo to pass the salt", "10")
    add_step(page, "Tell Jo I feel lonely", "85")
    check_page(page, "ladder")

    # Keyboard: move the hardest step up one, with Enter on its button.
    page.get_by_role("button", name="Move up: Tell Jo I feel lonely").focus()
    page.keyboard.press("Enter")
    page.get_by_text("In your own order.").wait_for()
    titles = page.locator(".ladder-step__title").all_inner_texts()
    assert titles == [
        "Ask Jo to pass the salt",
        "Tell Jo I feel lonely",
        "Ask Jo for an evening off",
    ]
    page.get_by_role("button", name="Sort by expected distress again").click()
    page.get_by_text("Sorted by how hard you expect each step to be.").wait_for()
    # Dragging: the hardest step onto the top half of the easiest puts it first.
    steps = page.locator("li[data-step]")
    steps.nth(2).drag_to(steps.nth(0), target_position={"x": 40, "y": 5})
    page.get_by_text("In your own order.").wait_for()
    assert page.locator(".ladder-step__title").first.inner_text() == "Tell Jo I feel lonely"
    page.get_by_role("button", name="Sort by expected distress again").click()
    page.get_by_text("Sorted by how hard you expect each step to be.").wait_for()

    # Plan, then the moment itself on a phone, then the debrief: the suggestion changes.
    page.get_by_role("link", name="Plan an attempt").click()
    assert page.get_by_label("What is the situation?").input_value() == "Ask Jo to pass the salt"
    page.get_by_label("When").fill("2026-11-28T19:00")
    page.get_by_label("What do you fear will happen?").fill("Jo sighs.")
    page.get_by_label("How likely does the feared outcome feel? (0–100)").fill("80")
    page.get_by_label("If it gets hard, what will you do? (optional)").fill("Breathe out slowly.")
    page.get_by_role("button", name="Plan it").click()
    check_page(page, "attempt")
    page.set_viewport_size(PHONE)
    page.get_by_role("link", name="I’m in it now").click()
    page.wait_for_load_state()
    page.get_by_label("Distress right now").fill("65")
    page.locator("output.slider-value").filter(has_text="65").wait_for()
    check_page(page, "attempt-moment")
    page.set_viewport_size(PHONE)
    page.get_by_role("button", name="Note it").click()
    page.get_by_text("Noted. You are doing it.").wait_for()
    assert Attempt.objects.get().distress_now == 65
    page.set_viewport_size(DESKTOP)
    page.locator("p.meta a").first.click()
    page.get_by_role("link", name="Debrief it").click()
    check_page(page, "attempt-debrief")
    page.get_by_label("What actually happened?").fill("Jo passed it and smiled.")
    page.get_by_label("How much of what you feared actually happened? (0–100)").fill("0")
    page.get_by_label("Within — uneasy maybe").check()
    page.get_by_label("What would you do again?").fill("Ask plainly.")
    page.get_by_role("button", name="Finish the debrief").click()
    page.get_by_text("80 points better than feared").wait_for()
    page.locator("p.meta a").first.click()
    page.get_by_text("Stay with this step a little longer").wait_for()
    attempt(page, occurred="5", window="Within — uneasy maybe")
    page.get_by_text("Ready for the next step, when you are").wait_for()
    check_page(page, "ladder-ready")
    page.get_by_role("button", name="Move up to the next step").click()
    page.get_by_role("heading", name="Now: Ask Jo for an evening off").wait_for()
    assert Ladder.objects.get().steps.filter(climbed_at__isnull=False).count() == 1

    # A starter script, made one's own and rehearsed one line at a time.
    page.goto("/practice/scripts/")
    check_page(page, "scripts")
    page.get_by_role("button", name="Make it mine: Asking for something small").click()
    page.get_by_label("A name for it").fill("An evening off")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Rehearse it").click()
    page.get_by_text("Line 1 of 4").wait_for()
    check_page(page, "rehearse")
    page.locator("fieldset.scale", has_text="Before").get_by_label("3", exact=True).check()
    for _ in range(3):
        page.get_by_role("button", name="Next line").click()
    page.get_by_role("button", name="Once more, from the start").wait_for()
    page.locator("fieldset.scale", has_text="After").get_by_label("6", exact=True).check()
    page.get_by_role("button", name="Keep this rehearsal").click()
    page.get_by_text("confidence 3 → 6").wait_for()
    check_page(page, "script")
    assert Rehearsal.objects.get().confidence_after == 6
    page.get_by_role("link", name="Practice").click()
    check_page(page, "practice")
