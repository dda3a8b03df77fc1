"""The calm notice reads every kind of entry a person writes, not only the journal: check-in
words, the day's moments, interpretation shifts, dialogue turns, rehearsal notes and the safety
plan, on the web; and the terminal prints its one line for each kind it can save."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.apps import apps
from django.test import Client

from earned.accounts.models import User
from earned.practice.models import Script
from earned.privacy import keyring, keys
from earned.privacy.fields import EncryptedTextField
from earned.reflection.models import Dialogue
from earned.relationships import services
from earned.relationships.models import Person
from tests.conftest import PASSPHRASE, Runner

RISKY = "I want to die."
NOTICE = "Saved. And we noticed something in your words."
PLAN_NOTICE = "Saved. Those are hard thoughts to write down."
LINE = "Some of what you wrote sounds very painful."

Form = tuple[str, dict[str, str | list[str]]]


def morning(_: Client) -> Form:
    return "/check-in/morning/", {"mood": "0", "own_words": RISKY}


def midday(_: Client) -> Form:
    return "/check-in/midday/", {"mood": "-2", "note": "want to die"}


def evening_moment(_: Client) -> Form:
    return "/check-in/evening/", {"who_0": "Jo", "what_0": "After she left I wanted to die."}


def shift(_: Client) -> Form:
    return "/reflect/shifts/new/", {
        "signal": "Jo did not reply.", "verdict": "Nobody would care if I died.",
        "reading_1": "She is busy.", "reading_2": "Her phone is off.",
    }  # fmt: skip


def dialogue_turn(_: Client) -> Form:
    return "/reflect/dialogues/new/", {
        "first_voice": "The old critic", "second_voice": "A kinder voice",
        "voice_0": "1", "turn_0": "You should just kill yourself.",
        "voice_1": "2", "turn_1": RISKY,
    }  # fmt: skip


def rehearsal_note(client: Client) -> Form:
    client.post(
        "/practice/scripts/new/",
        {"situation": "need", "title": "Asking Jo", "opening": "Jo, can I ask you something?"},
    )
    script = Script.objects.get()
    return f"/practice/scripts/{script.pk}/rehearse/", {"mode": "alone", "note": RISKY}


@pytest.mark.parametrize(
    "form", [morning, midday, evening_moment, shift, dialogue_turn, rehearsal_note]
)
def test_each_kind_of_entry_brings_the_notice(
    owner_client: Client, form: Callable[[Client], Form]
) -> None:
    url, data = form(owner_client)
    response = owner_client.post(url, data, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain, "the form did not save"
    assert NOTICE in response.content.decode()


def test_the_safety_plan_is_read_and_answered_in_its_own_words(owner_client: Client) -> None:
    signs = "Thinking everyone would be better off without me."
    response = owner_client.post("/safety-plan/edit/", {"warning_signs": signs}, follow=True)
    assert PLAN_NOTICE in response.content.decode()


def test_every_model_with_entry_text_is_read() -> None:
    """Only an imported questionnaire's wording is left unread: it is not the person's own."""
    unread = {
        model.__name__
        for model in apps.get_models()
        if any(isinstance(field, EncryptedTextField) for field in model._meta.concrete_fields)
        and not getattr(model, "words_looked_at", True)
    }
    assert unread == {"Questionnaire"}


@pytest.mark.parametrize(
    "arguments",
    [
        ("morning", "--mood", "0", "--intention", "Get through today without wanting to die."),
        ("morning", "--mood", "0", "--feeling", "suicidal"),
        ("midday", "--mood", "-3", "--word", "want to die"),
        ("evening", "--mood", "-3", "--moment", "Jo: she left and I wanted to kill myself"),
        ("evening", "--mood", "-3", "--hindered", "I can't go on like this anymore."),
    ],
)
def test_the_terminal_says_its_line_for_each_kind_of_check_in(
    earned: Runner, arguments: tuple[str, ...]
) -> None:
    result = earned("checkin", *arguments)
    assert result.exit_code == 0, result.output
    assert LINE in result.output


def test_the_terminal_says_its_line_for_a_rupture(owner: User, earned: Runner) -> None:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        services.save_person(owner, Person(name="Jo"), 50)
    result = earned(
        "rupture", "--with", "Jo", "--kind", "quiet", "--intensity", "3",
        "--mine", "I went silent and thought about ending it all.",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert LINE in result.output


def test_a_dialogues_turns_already_read_do_not_bring_it_again(owner_client: Client) -> None:
    url, data = dialogue_turn(owner_client)
    assert NOTICE in owner_client.post(url, data, follow=True).content.decode()
    dialogue = Dialogue.objects.get()
    again = owner_client.post(
        f"/reflect/dialogues/{dialogue.pk}/edit/",
        {**data, "voice_2": "2", "turn_2": "And yet I made tea."},
        follow=True,
    )
    assert again.redirect_chain
    assert NOTICE not in again.content.decode()
