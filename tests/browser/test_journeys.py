"""What a person does first: set up, sign in, sign out, find help — in a real browser."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytest_django import Settings

from earned.accounts import services
from earned.accounts.models import SignInLink, User
from tests.conftest import PASSPHRASE, make_person

NEW_PASSPHRASE = "quiet harbour lemon tram"


def sign_in(page: Any, passphrase: str = PASSPHRASE) -> None:
    page.goto("/sign-in/")
    page.get_by_label("Passphrase").fill(passphrase)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def owner(transactional_db: None) -> User:
    return make_person("sam", "Sam", timezone="Europe/Dublin", country="IE")


def test_first_run_sets_up_the_space(page: Any, check_page: Callable[[Any, str], None]) -> None:
    page.goto("/sign-in/")
    check_page(page, "not-set-up")

    page.goto(f"/welcome/{services.issue_welcome_link()}/")
    page.wait_for_url("**/welcome/")
    assert page.get_by_label("Time zone").input_value() == "Europe/Berlin"  # from the browser
    page.get_by_label("What would you like to be called?").fill("Alex")
    page.get_by_label("Choose a passphrase").fill("password")
    page.get_by_text("Very easy to guess").wait_for()
    page.get_by_label("Choose a passphrase").fill(NEW_PASSPHRASE)
    page.get_by_text("Strong").first.wait_for()
    page.get_by_label("Type it once more").fill("not the same at all")
    page.get_by_label("Country").select_option("IE")
    check_page(page, "welcome")

    page.get_by_role("button", name="Begin").click()
    page.get_by_text("The two passphrases are not the same.", exact=True).wait_for()
    assert page.get_by_label("What would you like to be called?").input_value() == "Alex"
    assert page.get_by_label("Choose a passphrase").input_value() == NEW_PASSPHRASE
    assert page.get_by_label("Country").input_value() == "IE"
    page.get_by_text("Strong").first.wait_for()  # the kept passphrase is scored again
    check_page(page, "welcome-error")

    page.get_by_label("Type it once more").fill(NEW_PASSPHRASE)
    page.get_by_role("button", name="Begin").click()
    page.get_by_role("heading", name="Alex.").wait_for()
    assert User.objects.get().timezone == "Europe/Berlin"
    check_page(page, "today")


def test_a_used_link_explains_what_to_do(page: Any, check_page: Callable[[Any, str], None]) -> None:
    token = services.issue_welcome_link()
    page.goto(f"/welcome/{token}/")
    page.goto(f"/welcome/{token}/")  # a reopened tab: still the welcome
    page.get_by_role("button", name="Begin").wait_for()
    link = SignInLink.objects.get()
    services.set_up_with_link(link.pk, name="Alex", passphrase=NEW_PASSPHRASE)  # elsewhere
    page.goto(f"/welcome/{token}/")
    page.get_by_role("heading", name="This link has already been used.").wait_for()
    check_page(page, "link-used")


def test_sign_in_wrong_then_right_then_out(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    sign_in(page, "not my passphrase")
    page.get_by_text("That passphrase does not match").wait_for()
    check_page(page, "sign-in-error")

    sign_in(page)
    page.get_by_role("heading", name="Sam.").wait_for()
    page.get_by_role("button", name="Sign out").click()
    page.get_by_text("You are signed out. Take care.").wait_for()
    check_page(page, "sign-in")
    page.goto("/")
    assert page.url.endswith("/sign-in/?next=/")


def test_too_many_tries_pause_signing_in(page: Any, owner: User, settings: Settings) -> None:
    settings.SIGN_IN_LIMIT_PER_ACCOUNT = 2
    for _ in range(2):
        sign_in(page, "not my passphrase")
    sign_in(page)
    page.get_by_text("signing in is paused for 15 minutes").wait_for()
    assert "/sign-in/" in page.url


def test_settings_change_the_theme_and_list_devices(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    sign_in(page)
    page.get_by_role("link", name="Settings").click()
    page.get_by_text("this device", exact=True).wait_for()
    check_page(page, "settings")
    page.get_by_label("Dark").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved.").wait_for()
    assert page.locator("html").get_attribute("data-theme") == "dark"


@pytest.mark.parametrize("signed_in", [True, False])
def test_help_is_one_click_from_every_page(
    page: Any, owner: User, signed_in: bool, check_page: Callable[[Any, str], None]
) -> None:
    paths = ["/", "/settings/", "/help/", "/nowhere/"] if signed_in else ["/sign-in/", "/nowhere/"]
    if signed_in:
        sign_in(page)
    for path in paths:
        page.goto(path)
        page.get_by_role("link", name="Help now").click()
        page.get_by_role("heading", name="Help right now").wait_for()
        assert page.url.endswith("/help/")
    if signed_in:
        page.get_by_role("link", name="Call 112").wait_for()  # Sam lives in Ireland
        check_page(page, "help-ireland")
    else:
        page.goto("/help/?country=XX")
        check_page(page, "help-unknown-country")
        page.goto("/nowhere/")
        check_page(page, "not-found")


def test_the_skip_link_comes_first_and_moves_focus(page: Any, owner: User) -> None:
    page.goto("/help/")  # sign-in focuses the passphrase field itself, so start elsewhere
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_download_everything_then_delete_the_account(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    sign_in(page)
    page.goto("/settings/")
    page.locator("#export-passphrase").fill(PASSPHRASE)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download everything").click()
    assert download.value.suggested_filename.startswith("earned-export-")
    assert download.value.suggested_filename.endswith(".json")
    # The same, to read.
    page.get_by_label("One document to read (Markdown)").check()
    page.locator("#export-passphrase").fill(PASSPHRASE)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download everything").click()
    assert download.value.suggested_filename.endswith(".md")
    assert Path(download.value.path()).read_text().startswith("# Earned — everything of Sam's")

    page.get_by_role("link", name="delete your account").click()
    page.get_by_role("heading", name="Delete my account").wait_for()
    check_page(page, "delete-account")
    page.get_by_label("Your passphrase").fill(PASSPHRASE)
    page.get_by_label("Type “delete my account” to confirm").fill("delete my acount")
    page.get_by_role("button", name="Delete everything").click()
    page.get_by_text("Please type “delete my account” exactly.", exact=True).wait_for()
    assert User.objects.filter(pk=owner.pk).exists()
    check_page(page, "delete-account-error")

    page.get_by_label("Your passphrase").fill(PASSPHRASE)
    page.get_by_label("Type “delete my account” to confirm").fill("delete my account")
    page.get_by_role("button", name="Delete everything").click()
    page.get_by_text("Your account and everything in it are gone.").wait_for()
    assert not User.objects.exists()


def test_error_pages_are_calm_and_in_the_apps_look(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    sign_in(page)
    page.goto("/no-such-page/")
    page.get_by_role("heading", name="We could not find that page").wait_for()
    check_page(page, "not-found")
    page.goto("/sign-out/")  # an address that only takes a form
    page.get_by_role("heading", name="There is nothing to show at this address").wait_for()
    page.get_by_role("link", name="Help now").wait_for()
    check_page(page, "not-a-page")
