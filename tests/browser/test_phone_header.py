"""On a phone the header is one compact band: the menu is a single row that scrolls sideways,
starts where the person is, and every page begins within the first screen."""

from __future__ import annotations

from typing import Any

import pytest

from earned.accounts.models import User
from tests.browser.conftest import PHONE
from tests.browser.test_journeys import sign_in

HEADER_AT_MOST = 96  # px, of the phone's 844: it was 140, in two rows of menu


@pytest.mark.parametrize(
    ("address", "current"), [("/", "Today"), ("/insights/", "Insights"), ("/search/", "Search")]
)
def test_a_phone_gets_a_compact_header_that_starts_where_you_are(
    page: Any, owner: User, address: str, current: str
) -> None:
    sign_in(page)
    page.set_viewport_size(PHONE)
    page.goto(address)
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= HEADER_AT_MOST
    assert page.locator("main h1").bounding_box()["y"] < HEADER_AT_MOST + 60
    row = page.locator(".site-nav ul")
    here = page.locator(".site-nav a[aria-current=page]")
    assert here.inner_text() == current
    shown, place = row.bounding_box(), here.bounding_box()
    assert shown["x"] <= place["x"]
    assert place["x"] + place["width"] <= shown["x"] + shown["width"]  # in sight without scrolling
    # Every item is still there, one swipe (or Tab) away.
    names = page.locator(".site-nav a").all_inner_texts()
    assert names == [
        "Today", "Expectations", "Experiences", "Reflect", "Practice", "People", "Insights",
        "Search",
    ]  # fmt: skip
    for _ in range(3):  # the skip link, the brand, then the menu
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Today"
    for _ in range(7):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Search"
    last = page.locator(".site-nav a", has_text="Search").bounding_box()
    assert last["x"] + last["width"] <= shown["x"] + shown["width"] + 1  # scrolled to, to be seen
