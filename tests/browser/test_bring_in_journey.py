"""Arriving from another app, in a real browser: a person who kept Daylio for years chooses its
export, looks over what will come in, changes the number one mood word becomes, and finds her
entries in her journal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from earned.accounts.models import User
from tests.browser.test_journeys import sign_in
from tests.test_other_apps import DAYLIO_CSV


def test_bringing_in_a_daylio_export(
    page: Any, owner: User, tmp_path: Path, check_page: Callable[[Any, str], None]
) -> None:
    export = tmp_path / "daylio_export.csv"
    export.write_text(DAYLIO_CSV)
    sign_in(page)
    page.goto("/settings/")
    page.get_by_role("link", name="Bring your entries and moods in").click()
    page.get_by_role("heading", name="Bring in from another app").wait_for()
    check_page(page, "bring-in")

    page.get_by_label("The file from your other app").set_input_files(export)
    page.get_by_role("button", name="Read the file").click()
    page.get_by_role("heading", name="Before anything comes in").wait_for()
    page.get_by_text("From Daylio: 3 moments").wait_for()
    check_page(page, "bring-in-preview")
    sleepy = page.get_by_label("“sleepy” (1 time)")
    assert sleepy.input_value() == ""  # a word Earned does not know waits for the person
    sleepy.select_option("-1")

    page.get_by_role("button", name="Bring them in").click()
    page.get_by_text("Brought in 1 journal entry and 3 check-ins from Daylio.").wait_for()
    page.get_by_text("Dinner with Sam").first.wait_for()  # in the journal, where it lands

    # The same file again: nothing is doubled, and the page says so.
    page.goto("/settings/bring-in/")
    page.get_by_label("The file from your other app").set_input_files(export)
    page.get_by_role("button", name="Read the file").click()
    page.get_by_text("Everything in this file is here already.").wait_for()
    assert page.get_by_role("button", name="Bring them in").count() == 0
    page.get_by_role("button", name="Let this file go").click()
    page.get_by_text("That file is let go; nothing from it came in.").wait_for()
