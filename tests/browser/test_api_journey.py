"""Access tokens and the API's page, in a real browser: a token is refused without a name, made,
shown once, listed with its last use, and revoked after a confirmation; the API's page reads
well — light and dark, phone and desktop, with axe."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client

from earned.accounts.models import User
from earned.api.models import AccessToken
from tests.browser.test_journeys import sign_in


def test_a_token_is_made_used_and_revoked(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    sign_in(page)
    page.goto("/settings/")
    page.get_by_role("link", name="Access tokens", exact=True).click()
    page.get_by_text("None yet.").wait_for()
    check_page(page, "tokens-empty")
    page.get_by_role("button", name="Make the token").click()
    page.get_by_text("Please name the token, so you know it again.").first.wait_for()
    check_page(page, "tokens-refused")
    page.get_by_label("A name for it").fill("journal script")
    page.get_by_label("Experiences — What you expected, and what happened.").check()
    page.get_by_role("button", name="Make the token").click()
    page.get_by_role("heading", name="Your new token").wait_for()
    secret = page.locator(".code-display").inner_text().strip()
    assert secret.startswith("earned_")
    check_page(page, "tokens-made")
    assert Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/experiences").status_code == 200
    page.get_by_role("link", name="Done").click()
    page.get_by_text("last used").wait_for()
    assert secret not in page.locator("main").inner_text()
    check_page(page, "tokens-list")
    page.get_by_role("link", name="Revoke it").click()
    check_page(page, "tokens-revoke")
    page.get_by_role("button", name="Revoke it").click()
    page.get_by_text("opens nothing from now on").wait_for()
    assert not AccessToken.objects.exists()
    page.goto("/api/docs/")
    page.get_by_role("heading", name="What it offers").wait_for()
    check_page(page, "api-docs")
