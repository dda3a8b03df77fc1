"""Nothing typed is lost: a draft comes back after a reload and after leaving, leaving with
unsaved words asks first, saving forgets the draft — and a refused form starts at its summary."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from earned.accounts.models import User
from earned.drafts.models import Draft
from earned.privacy import keyring, keys
from earned.reflection.models import JournalEntry
from tests.browser.test_journeys import sign_in
from tests.conftest import PASSPHRASE

WORDS = "Jo waited for me after the meeting. I had expected a cold look."


def kept_as_typed(page: Any, field: Any, text: str) -> None:
    """Type, and wait until Earned has kept what was typed."""
    with page.expect_response(lambda r: r.url.endswith("/drafts/") and r.status == 204):
        field.fill(text)


def test_a_journal_entry_survives_a_reload_and_leaving_until_it_is_saved(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    asked: list[str] = []
    page.on("dialog", lambda dialog: asked.append(dialog.type))  # accepted by the fixture
    sign_in(page)
    page.goto("/reflect/journal/new/")
    body = page.get_by_label("Write as much or as little as you like")
    kept_as_typed(page, body, WORDS)

    page.reload()  # asks first: the words are not saved yet
    page.get_by_text("is back in place. It is not saved yet.").wait_for()
    assert body.input_value() == WORDS
    assert asked == ["beforeunload"]
    check_page(page, "journal-new-draft")

    # Leaving with unsaved words asks first.
    page.get_by_role("link", name="Today", exact=True).click()
    page.wait_for_url("**/")
    assert asked == ["beforeunload"] * 2

    page.goto("/reflect/journal/new/")
    page.get_by_text("is back in place").wait_for()
    page.get_by_role("button", name="Keep it").click()
    page.wait_for_url("**/reflect/journal/*/")
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        assert JournalEntry.objects.get(owner=owner).body == WORDS
    assert not Draft.objects.exists()  # saved: nothing is kept twice

    page.goto("/reflect/journal/new/")
    page.wait_for_load_state("networkidle")
    assert body.input_value() == ""
    assert page.get_by_text("is back in place").count() == 0
    assert asked == ["beforeunload"] * 2  # the save itself never asked


def test_starting_again_without_a_draft_forgets_it(page: Any, owner: User) -> None:
    sign_in(page)
    page.goto("/expectations/new/")
    field = page.get_by_label("The old expectation, in your own words")
    kept_as_typed(page, field, "If I need something, they will leave")
    page.reload()
    page.get_by_text("is back in place").wait_for()
    with page.expect_response(lambda r: r.url.endswith("/drafts/") and r.status == 204):
        page.get_by_role("button", name="Start again without it").click()
    assert field.input_value() == ""
    assert not Draft.objects.exists()


def test_a_refused_form_puts_focus_on_what_needs_a_look(page: Any, owner: User) -> None:
    sign_in(page)
    page.goto("/expectations/new/")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".form-errors")
    summary.wait_for()
    assert summary.evaluate("element => element === document.activeElement")
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.name") == "text"


def test_a_form_drawn_differently_offers_the_draft_rather_than_writing_over_it(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    sign_in(page)
    page.goto("/reflect/dialogues/new/")
    first_voice = page.get_by_label("Who is the first voice?")
    kept_as_typed(page, first_voice, "Me at nine")
    # The same form, opened with two voices already named: those stay until she chooses.
    page.get_by_role("link", name="the old critic and a kinder voice").click()
    page.get_by_text("You were writing something here today at").wait_for()
    assert first_voice.input_value() == "The old critic"
    check_page(page, "dialogue-draft-offered")
    page.get_by_role("button", name="Put it back").click()
    assert first_voice.input_value() == "Me at nine"
    page.get_by_text("is back in place").wait_for()

    page.goto("/reflect/dialogues/new/?pair=critic")
    page.get_by_text("You were writing something here").wait_for()
    with page.expect_response(lambda r: r.url.endswith("/drafts/") and r.status == 204):
        page.get_by_role("button", name="Let it go").click()
    assert not Draft.objects.exists()
    assert page.get_by_text("You were writing something here").count() == 0
