"""The journal, dialogues and brief imagery, through the pages a person uses."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from django.test import Client

from earned.accounts.models import User
from earned.privacy import keyring, keys
from earned.reflection import services
from earned.reflection.models import Dialogue, Imagery, JournalEntry, Turn
from tests.conftest import PASSPHRASE
from tests.pages import page, queries_for, refused
from tests.test_ledger import an_expectation

pytestmark = pytest.mark.django_db


def unlocked(owner: User) -> AbstractContextManager[None]:
    return keyring.using(keys.open_data_key(owner, PASSPHRASE))


def an_entry(owner: User, body: str = "Jo stayed when I cried.") -> JournalEntry:
    with unlocked(owner):
        return services.save_entry(owner, JournalEntry(body=body))


def a_dialogue(owner: User) -> Dialogue:
    with unlocked(owner):
        return services.save_dialogue(
            owner,
            Dialogue(first_voice="The old critic", second_voice="A kinder voice"),
            [(Turn.FIRST, "You ask too much."), (Turn.SECOND, "Asking is allowed.")],
        )


def an_imagery_note(owner: User) -> Imagery:
    with unlocked(owner):
        return services.save_imagery(
            owner, Imagery(script="safe-place", distress_before=60, felt="Calmer")
        )


# --- Journal ---------------------------------------------------------------------------------


def test_writing_from_a_prompt_about_an_expectation(owner_client: Client, owner: User) -> None:
    expectation = an_expectation(owner)
    text = page(owner_client, "/reflect/journal/new/")
    assert "After a hard conversation" in text  # prompts, grouped by purpose
    text = page(owner_client, "/reflect/journal/new/?prompt=compassion-friend")
    assert "If a friend had lived your day" in text
    response = owner_client.post(
        "/reflect/journal/new/?prompt=compassion-friend",
        {"prompt": "compassion-friend", "body": "I would tell them to rest.\nAnd to eat.",
         "expectations": [str(expectation.pk)]},
    )  # fmt: skip
    entry = JournalEntry.objects.get()
    assert response["Location"] == f"/reflect/journal/{entry.pk}/"
    assert entry.prompt == "compassion-friend"
    assert list(entry.expectations.all()) == [expectation]
    text = page(owner_client, response["Location"])
    assert "If a friend had lived your day" in text
    assert "I would tell them to rest.<br>And to eat." in text
    assert "When I ask for help" in text  # what it is about, linked
    assert "I would tell them to rest." in page(owner_client, "/reflect/journal/")
    assert "Your journal (1)" in page(owner_client, "/reflect/")


def test_an_empty_entry_is_asked_for_kindly(owner_client: Client) -> None:
    text = refused(owner_client, "/reflect/journal/new/", {"body": "  "})
    assert "There is nothing to keep yet" in text
    assert not JournalEntry.objects.exists()


def test_an_unknown_prompt_is_simply_not_shown(owner_client: Client) -> None:
    text = page(owner_client, "/reflect/journal/new/?prompt=no-such-prompt")
    assert 'class="prompt"' not in text


def test_an_entry_cannot_be_about_another_persons_expectation(
    owner_client: Client, owner: User, other_client: User
) -> None:
    an_expectation(owner)
    theirs = an_expectation(other_client)
    response = owner_client.post(
        "/reflect/journal/new/", {"body": "Mine", "expectations": [str(theirs.pk)]}
    )
    assert response.status_code == 400
    assert not JournalEntry.objects.exists()


def test_an_entry_can_be_changed_and_deleted_after_asking(
    owner_client: Client, owner: User
) -> None:
    entry = an_entry(owner)
    assert "Jo stayed when I cried." in page(owner_client, f"/reflect/journal/{entry.pk}/edit/")
    owner_client.post(f"/reflect/journal/{entry.pk}/edit/", {"body": "Jo stayed. I let him."})
    with unlocked(owner):
        assert JournalEntry.objects.get().body == "Jo stayed. I let him."
    assert "Delete this journal entry?" in page(
        owner_client, f"/reflect/journal/{entry.pk}/delete/"
    )
    owner_client.post(f"/reflect/journal/{entry.pk}/delete/")
    assert not JournalEntry.objects.exists()


def test_an_empty_journal_invites_a_first_entry(owner_client: Client) -> None:
    assert "Write the first entry" in page(owner_client, "/reflect/journal/")


# --- Dialogue --------------------------------------------------------------------------------


def test_a_dialogue_reads_back_as_a_conversation(owner_client: Client) -> None:
    text = page(owner_client, "/reflect/dialogues/new/?pair=younger")
    assert 'value="My younger self"' in text
    assert 'value="My adult self"' in text
    response = owner_client.post(
        "/reflect/dialogues/new/",
        {"first_voice": "My younger self", "second_voice": "My adult self",
         "voice_0": "1", "turn_0": "Nobody came.", "voice_1": "2", "turn_1": "",
         "voice_2": "1", "turn_2": "I waited.", "voice_3": "2", "turn_3": "I am here now."},
    )  # fmt: skip
    dialogue = Dialogue.objects.get()
    assert response["Location"] == f"/reflect/dialogues/{dialogue.pk}/"
    assert list(dialogue.turns.values_list("voice", flat=True)) == [1, 1, 2]  # skipped kept out
    text = page(owner_client, response["Location"])
    assert text.index("Nobody came.") < text.index("I waited.") < text.index("I am here now.")
    assert "said--second" in text
    assert "My younger self and my adult self" in page(owner_client, "/reflect/dialogues/")


def test_save_and_write_more_continues_the_same_dialogue_with_fresh_turns(
    owner_client: Client,
) -> None:
    response = owner_client.post(
        "/reflect/dialogues/new/",
        {"first_voice": "Critic", "second_voice": "Kind", "voice_0": "1",
         "turn_0": "Try harder.", "more": "1"},
    )  # fmt: skip
    dialogue = Dialogue.objects.get()
    assert response["Location"] == f"/reflect/dialogues/{dialogue.pk}/edit/#more"
    text = page(owner_client, f"/reflect/dialogues/{dialogue.pk}/edit/")
    assert "Try harder." in text
    # The next turn is the other voice's, and the saved one keeps its own.
    assert 'name="voice_0" value="1"' in text
    assert 'name="voice_1" value="2"' in text
    owner_client.post(
        f"/reflect/dialogues/{dialogue.pk}/edit/",
        {"first_voice": "Critic", "second_voice": "Kind", "voice_0": "1",
         "turn_0": "Try harder.", "voice_1": "2", "turn_1": "Rest first."},
    )  # fmt: skip
    assert Dialogue.objects.count() == 1
    assert list(dialogue.turns.values_list("position", "voice")) == [(0, 1), (1, 2)]


def test_a_dialogue_needs_names_and_at_least_one_turn_and_keeps_what_was_typed(
    owner_client: Client,
) -> None:
    text = refused(
        owner_client,
        "/reflect/dialogues/new/",
        {"first_voice": "", "second_voice": "Kind", "turn_1": "Hi"},
    )
    assert "Please give the first voice a name." in text
    assert "Hi</textarea>" in text
    response = owner_client.post(
        "/reflect/dialogues/new/", {"first_voice": "Critic", "second_voice": "Kind"}
    )
    assert "Let at least one of the voices say something." in response.content.decode()
    assert not Dialogue.objects.exists()


def test_a_dialogue_can_be_deleted_with_its_turns(owner_client: Client, owner: User) -> None:
    dialogue = a_dialogue(owner)
    assert "Delete this dialogue?" in page(
        owner_client, f"/reflect/dialogues/{dialogue.pk}/delete/"
    )
    owner_client.post(f"/reflect/dialogues/{dialogue.pk}/delete/")
    assert not Dialogue.objects.exists()
    assert not Turn.objects.exists()


# --- Imagery ---------------------------------------------------------------------------------


def test_an_imagery_script_with_a_timer_and_a_note_afterwards(owner_client: Client) -> None:
    text = page(owner_client, "/reflect/imagery/")
    assert "A safe place" in text
    assert "A supportive presence" in text
    text = page(owner_client, "/reflect/imagery/supportive-presence/")
    assert '<earned-timer class="timer" data-minutes="6">' in text
    assert "Take about 6 minutes" in text  # what a page without JavaScript says
    response = owner_client.post(
        "/reflect/imagery/supportive-presence/",
        {"distress_before": "70", "distress_after": "40", "felt": "My shoulders dropped."},
    )
    note = Imagery.objects.get()
    assert response["Location"] == f"/reflect/imagery/notes/{note.pk}/"
    assert (note.script, note.distress_before, note.distress_after) == (
        "supportive-presence",
        70,
        40,
    )
    assert "My shoulders dropped." in page(owner_client, response["Location"])
    assert "distress 70 → 40" in page(owner_client, "/reflect/imagery/")


def test_an_unknown_script_is_not_found(owner_client: Client) -> None:
    assert owner_client.get("/reflect/imagery/no-such-script/").status_code == 404


def test_a_wrong_distress_number_is_explained_and_nothing_is_lost(owner_client: Client) -> None:
    text = refused(
        owner_client,
        "/reflect/imagery/safe-place/",
        {"distress_before": "120", "felt": "Warm light"},
    )
    assert "Please choose a number from 0 to 100." in text
    assert "Warm light" in text
    assert not Imagery.objects.exists()


def test_an_imagery_note_can_be_changed_and_deleted(owner_client: Client, owner: User) -> None:
    note = an_imagery_note(owner)
    owner_client.post(f"/reflect/imagery/notes/{note.pk}/edit/", {"distress_after": "20"})
    assert Imagery.objects.get().distress_after == 20
    owner_client.post(f"/reflect/imagery/notes/{note.pk}/delete/")
    assert not Imagery.objects.exists()


# --- Everyone else's ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "make"),
    [
        ("/reflect/journal/", an_entry),
        ("/reflect/dialogues/", a_dialogue),
        ("/reflect/imagery/", an_imagery_note),
        ("/reflect/", an_entry),
    ],
)
def test_lists_use_a_fixed_number_of_queries(
    owner_client: Client, owner: User, url: str, make: Callable[[User], object]
) -> None:
    make(owner)
    few = queries_for(owner_client, url)
    for _ in range(8):
        make(owner)
    assert queries_for(owner_client, url) == few
