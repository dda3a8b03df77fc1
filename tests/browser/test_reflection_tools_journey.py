"""The reflection tools and search in a real browser, on a phone-sized screen: a journal entry
from a prompt, a dialogue written in two sittings, an imagery script with its timer, and
finding all of it again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from earned.accounts.models import User
from earned.privacy import keyring, keys
from earned.reflection import services as reflection
from earned.reflection.models import Dialogue, Imagery, JournalEntry
from earned.search import services as search
from earned.search.models import Indexed
from tests.browser.conftest import PHONE
from tests.browser.test_journeys import sign_in
from tests.conftest import PASSPHRASE


def test_journal_dialogue_imagery_and_search_on_a_phone(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    page.set_viewport_size(PHONE)
    sign_in(page)
    page.get_by_role("link", name="Reflect").click()
    check_page(page, "reflect")

    # A journal entry, from one of our questions.
    page.get_by_role("link", name="Write", exact=True).click()
    check_page(page, "journal-write")
    page.get_by_role("link", name="Who showed up for you recently, and how?").click()
    page.locator("p.prompt", has_text="Who showed up for you").wait_for()
    page.get_by_label("Write as much or as little as you like").fill(
        "Priya drove over with soup.\nI let her stay."
    )
    page.get_by_role("button", name="Keep it").click()
    page.get_by_text("Kept in your journal.").wait_for()
    check_page(page, "journal-entry")
    assert JournalEntry.objects.get().prompt == "evidence-showed-up"

    # A dialogue between the old critic and a kinder voice, in two sittings.
    page.goto("/reflect/dialogues/new/")
    page.wait_for_load_state()
    check_page(page, "dialogue-new")
    page.get_by_label("Who is the first voice?").fill("Me at nine")
    page.get_by_label("Me at nine").first.wait_for()  # each turn takes the name as it is typed
    page.get_by_role("link", name="the old critic and a kinder voice").click()
    assert page.get_by_label("Who is the first voice?").input_value() == "The old critic"
    page.get_by_label("The old critic").first.fill("You made a fuss again.")
    page.get_by_label("A kinder voice").first.fill("I asked for soup. That is allowed.")
    page.get_by_role("button", name="Save and write more").click()
    page.get_by_role("heading", name="Go on with the dialogue").wait_for()
    page.locator("#more textarea").fill("She might have minded.")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_role("heading", name="The old critic and A kinder voice").wait_for()
    check_page(page, "dialogue")
    assert Dialogue.objects.get().turns.count() == 3

    # Brief imagery: the timer runs and pauses; a note afterwards.
    page.goto("/reflect/imagery/")
    check_page(page, "imagery")
    page.get_by_role("link", name="Begin: A safe place").click()
    page.get_by_label("Before you start: distress right now (0–100)").fill("55")
    page.get_by_role("button", name="Start the timer").click()
    page.locator(".timer__clock").filter(has_not_text="5:00").wait_for()
    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Go on").wait_for()
    check_page(page, "imagery-session")
    page.get_by_label("Distress now (0–100)").fill("30")
    page.get_by_label("How was it? (optional)").fill("The soup smell came back, warm.")
    page.get_by_role("button", name="Keep a note").click()
    page.get_by_text("Noted. Come back to it whenever it helps.").wait_for()
    check_page(page, "imagery-note")
    assert Imagery.objects.get().distress_after == 30

    # Finding it all again.
    page.get_by_role("link", name="Search").click()
    check_page(page, "search-empty")
    page.get_by_label("Search for").fill("soup")
    page.get_by_role("button", name="Search").click()
    page.get_by_text("3 entries with “soup”").wait_for()
    assert page.locator("mark", has_text="soup").count() >= 3
    check_page(page, "search-results")
    page.get_by_label("In", exact=True).select_option("imagery")
    page.get_by_role("button", name="Search").click()
    page.get_by_text("1 entry with “soup”").wait_for()
    page.get_by_role("link", name="A safe place").click()
    page.get_by_text("The soup smell came back, warm.").wait_for()


def test_search_gets_ready_a_step_at_a_time_after_an_update(
    page: Any, owner: User, check_page: Callable[[Any, str], None], monkeypatch: Any
) -> None:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        for n in range(6):
            reflection.save_entry(owner, JournalEntry(body=f"Lantern light, evening {n}."))
    Indexed.objects.filter(owner=owner).update(version=search.VERSION - 1)  # as after an update
    step = search.build_step
    monkeypatch.setattr(search, "build_step", lambda person: step(person, seconds=0, at_once=1))
    sign_in(page)
    page.get_by_role("link", name="Search").wait_for()

    # Without JavaScript the person goes on a step at a time. (The app's worker would serve
    # the script from its copy, so it goes first.)
    page.evaluate(
        "navigator.serviceWorker.getRegistrations()"
        ".then((found) => Promise.all(found.map((each) => each.unregister())))"
    )
    page.route("**/earned.js", lambda route: route.abort())
    page.goto("/search/?q=lantern")
    page.get_by_text("1 of 6 entries ready.").wait_for()
    check_page(page, "search-preparing")
    page.get_by_role("button", name="Go on").click()
    page.get_by_text("2 of 6 entries ready.").wait_for()

    # With it, the page carries on by itself to the results.
    page.unroute("**/earned.js")
    page.reload()
    page.get_by_text("6 entries with “lantern”").wait_for()
