"""Insights in a real browser: empty at first, then six months of Robin's story — the period
chooser, the charts and their tables, the map by keyboard, and the PDF report downloaded and
looked at. Checked with axe in light and dark, at desktop and phone width."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pypdfium2  # type: ignore[import-untyped]  # no type hints published
from django.utils import timezone

from earned.accounts.models import User
from earned.demo import story
from earned.privacy import keyring, keys
from tests.browser.conftest import SCREENSHOTS, server_paused
from tests.browser.test_journeys import sign_in
from tests.conftest import PASSPHRASE


def test_insights_show_the_months_and_make_a_report(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    sign_in(page)
    main_nav = page.get_by_role("navigation", name="Main")
    main_nav.get_by_role("link", name="Insights").click()
    page.get_by_text("When you name an old expectation and rate it").wait_for()
    check_page(page, "insights-empty")

    with server_paused(), keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        story.write(owner, timezone.now(), random.Random(11))  # noqa: S311 (a story, not a secret)
    page.reload()
    page.get_by_role("link", name="Last year").click()
    assert page.get_by_role("link", name="Last year").get_attribute("aria-current") == "true"
    page.get_by_role("heading", name="Better or harder than feared").wait_for()
    page.get_by_text(
        "More often than not, things went better than you feared.", exact=True
    ).wait_for()
    page.locator("#violation-heading ~ details summary").click()
    assert page.locator("#violation-heading ~ details table tbody tr").count() > 10
    check_page(page, "insights")

    page.get_by_role("navigation", name="Insights").get_by_role(
        "link", name="Triggers and safe zones"
    ).click()
    page.get_by_role("heading", name="The same, as a list").wait_for()
    assert page.get_by_role("link", name="Last year").get_attribute("aria-current") == "true"
    # The keyboard reaches each circle, and focus shows its details.
    spot = page.locator("a.spot").first
    spot.focus()
    assert spot.locator(".spot__details").evaluate("e => getComputedStyle(e).visibility") == (
        "visible"
    )
    check_page(page, "insights-map")

    page.get_by_role("link", name="A report for therapy").click()
    page.get_by_label("From").fill("2026-11-30")
    page.get_by_label("To").fill("2026-11-01")
    page.get_by_role("button", name="Make the PDF").click()
    page.get_by_text("The end date comes before the start date.", exact=True).wait_for()
    assert page.get_by_label("From").input_value() == "2026-11-30"  # nothing typed is lost
    check_page(page, "insights-report")
    page.get_by_label("From").fill("2026-06-01")
    with page.expect_download() as download:
        page.get_by_role("button", name="Make the PDF").click()
    path = download.value.path()
    document = pypdfium2.PdfDocument(path)
    first_page = document[0].get_textpage().get_text_range()
    assert "Self-tracking summary" in first_page
    assert "not an assessment" in first_page
    assert len(document) >= 4
    SCREENSHOTS.mkdir(exist_ok=True)
    for number in range(len(document)):
        image = document[number].render(scale=1.5).to_pil()
        image.save(SCREENSHOTS / f"insights-report-pdf-{number + 1}.png")
