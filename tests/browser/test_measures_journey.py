"""Measures in a real browser: our weekly practice check-in on a phone (a missing answer asked
for kindly), and a validated questionnaire imported from a FHIR file with placeholder wording,
taken one question at a time, scored and charted, a risk answer met by the safety notice.
Checked with axe in light and dark."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.utils import timezone

from earned.accounts.models import User
from earned.core.instruments import PHQ_9
from earned.measures.models import Response
from earned.measures.placeholder import placeholder_questionnaire
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
    page.get_by_text("Please choose an answer for this one.", exact=True).wait_for()
    check_page(page, "measures-take")
    page.get_by_role("group", name="5.").get_by_label("Completely").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved. Your score: 14 of 20. Thank you.").wait_for()
    assert Response.objects.get().total == 14
    check_page(page, "measures")


def test_a_validated_questionnaire_imported_and_taken_one_question_at_a_time(
    page: Any, owner: User, check_page: Callable[[Any, str], None], tmp_path: Path
) -> None:
    document = tmp_path / "phq-9.json"
    document.write_text(json.dumps(placeholder_questionnaire(PHQ_9)))
    broken = tmp_path / "broken.json"
    broken.write_text('{"resourceType": "Questionnaire"')
    sign_in(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Insights").click()
    page.get_by_role("navigation", name="Insights").get_by_role("link", name="Measures").click()
    page.get_by_role("link", name="Import a questionnaire").click()
    page.get_by_text("Where do I find this file?").click()  # the short guide, step by step
    page.get_by_text("NLM Form Builder").wait_for()
    check_page(page, "measures-import-guide")
    page.get_by_label("The questionnaire file").set_input_files(str(broken))
    page.get_by_role("button", name="Import").click()
    not_json = "This file is not JSON, so it cannot be a FHIR Questionnaire."
    page.get_by_text(not_json, exact=True).wait_for()
    check_page(page, "measures-import")
    page.get_by_label("The questionnaire file").set_input_files(str(document))
    page.get_by_role("button", name="Import").click()
    page.get_by_text("Imported the PHQ-9.").wait_for()
    page.get_by_role("link", name="Take it now").first.wait_for()

    page.locator('a[href="/insights/measures/phq-9/"]').click()
    page.get_by_role("button", name="One question at a time").click()
    page.get_by_text("Question 1 of 9").wait_for()
    for number in range(1, 10):
        group = page.get_by_role("group", name=f"{number}. Placeholder question {number}")
        group.get_by_label("Placeholder answer 2" if number < 9 else "Placeholder answer 0").check()
        if number < 9:
            page.get_by_role("button", name="Next").click()
    check_page(page, "measures-one-at-a-time")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved. Your score: 16 of 27").wait_for()
    Response.objects.update(at=timezone.now() - datetime.timedelta(days=21))

    page.locator('a[href="/insights/measures/phq-9/"]').click()
    for number in range(1, 10):
        group = page.get_by_role("group", name=f"{number}. Placeholder question {number}")
        group.get_by_label("Placeholder answer 1").check()
        if number < 9:
            page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved. And one of your answers stayed with us.").wait_for()
    page.get_by_text("your score has gone down by 7: more than the 3.2 points").wait_for()
    assert page.locator(".mini-chart__steady").count() == 1
    check_page(page, "measures-validated")

    page.get_by_text("About this questionnaire").click()
    page.get_by_role("link", name="Remove this questionnaire").click()
    page.get_by_text("Your 2 answers and scores stay in your records").wait_for()
    check_page(page, "measures-remove")
    page.get_by_role("link", name="Keep it").click()
    page.get_by_role("heading", name="PHQ-9 (placeholder wording)").wait_for()

    page.get_by_text("About this questionnaire").click()
    page.get_by_role("link", name="Use a different study's figures").click()
    page.get_by_label("Reliability").fill("2")
    page.get_by_role("button", name="Save").click()
    not_reliability = "The reliability is a number from 0 up to (not including) 1."
    page.get_by_text(not_reliability, exact=True).wait_for()
    check_page(page, "measures-change")
    page.get_by_role("link", name="Cancel").click()
    page.get_by_role("heading", name="PHQ-9 (placeholder wording)").wait_for()
