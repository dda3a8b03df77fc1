"""A damaged value, as a person meets it: the entry still opens, the words that cannot be opened
are replaced by a calm sentence, and the journal lists the rest as ever."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from earned.accounts.models import User
from earned.privacy import keyring, keys
from earned.reflection import services as reflection
from earned.reflection.models import JournalEntry
from tests.browser.test_journeys import sign_in
from tests.conftest import PASSPHRASE
from tests.test_damaged_values import flipped


def test_a_damaged_entry_opens_calmly(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        entry = reflection.save_entry(owner, JournalEntry(body="A walk by the river with Jo."))
        reflection.save_entry(owner, JournalEntry(body="Tea, and a kind word."))
    token = JournalEntry.objects.filter(pk=entry.pk).values_list("body", flat=True).get()
    JournalEntry.objects.filter(pk=entry.pk).update(body=flipped(token))

    sign_in(page)
    page.goto("/reflect/journal/")
    page.get_by_text("Tea, and a kind word.").wait_for()  # the rest, as ever
    page.goto(entry.get_absolute_url())
    page.get_by_text("This part could not be opened").first.wait_for()
    assert "Something went wrong" not in page.content()
    check_page(page, "damaged-entry")
