"""Reflection through the API, by the services the pages and `earned journal` use
(earned/reflection/services.py): a journal entry, written now or at a time given, with the
expectations and the people it is about; an interpretation shift; an imagery session."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Status
from pydantic import BaseModel, Field

from earned.access import get_owned_or_404, signed_in_user
from earned.api.records import all_yours, apply, input_schema, router, schema_of, shown
from earned.api.scopes import need
from earned.api.writing import add_writes, as_given
from earned.ledger.models import Expectation
from earned.records.models import Category
from earned.reflection import services as reflection
from earned.reflection.models import Dialogue, Imagery, JournalEntry, Shift
from earned.relationships.models import Person

EntryFields = input_schema(JournalEntry, "JournalEntryFields", ("at", "prompt", "body"))


class EntryChange(EntryFields):  # type: ignore[misc, valid-type]
    expectations: list[uuid.UUID] | None = Field(
        None, description="The ids of the expectations it is about (all of them, each time)."
    )
    people: list[uuid.UUID] | None = Field(
        None, description="The ids of the people it is about (all of them, each time)."
    )


class EntryIn(EntryChange):
    body: str = Field(..., min_length=1, max_length=20_000)


def _save(request: HttpRequest, entry: JournalEntry, sent: EntryChange) -> JournalEntry:
    user = signed_in_user(request)
    data = sent.model_dump(exclude_unset=True)
    about, people = data.pop("expectations", None), data.pop("people", None)
    apply(user, entry, data)
    if about is None and not entry._state.adding:
        about = list(entry.expectations.values_list("pk", flat=True))
    return reflection.save_entry(
        user,
        entry,
        all_yours(Expectation, user, about or [], "expectation"),
        all_yours(Person, user, people, "person") if people is not None else None,
    )


@router.post("/journal_entries", response={201: schema_of("journal_entries")},
             tags=["journal entries"], summary="Write in your journal",
             operation_id="create_journal_entries")  # fmt: skip
def add_entry(request: HttpRequest, sent: EntryIn) -> Status[dict[str, Any]]:
    need(request, Category.REFLECTION, write=True)
    return Status(201, shown(_save(request, JournalEntry(), sent)))


@router.patch("/journal_entries/{record_id}", response=schema_of("journal_entries"),
              tags=["journal entries"], summary="Change a journal entry",
              operation_id="update_journal_entries")  # fmt: skip
def change_entry(request: HttpRequest, record_id: uuid.UUID, sent: EntryChange) -> dict[str, Any]:
    need(request, Category.REFLECTION, write=True)
    entry = get_owned_or_404(JournalEntry, signed_in_user(request), pk=record_id)
    return shown(_save(request, entry, sent))


DialogueFields = input_schema(Dialogue, "DialogueFields", ("at", "first_voice", "second_voice",
                                                           "about"))  # fmt: skip


class Said(BaseModel):  # a plain model: a null is refused, not filled in
    voice: Literal[1, 2] = Field(..., description="1: the first voice, 2: the second.")
    text: str = Field(..., min_length=1, max_length=5000)


class DialogueChange(DialogueFields):  # type: ignore[misc, valid-type]
    turns: list[Said] | None = Field(None, description="What each voice says, in order (all).")


class DialogueIn(DialogueChange):
    first_voice: str = Field(..., min_length=1, max_length=200)
    second_voice: str = Field(..., min_length=1, max_length=200)


def _dialogue(request: HttpRequest, dialogue: Dialogue, sent: DialogueChange) -> Dialogue:
    user = signed_in_user(request)
    data = sent.model_dump(exclude_unset=True)
    data.pop("turns", None)
    apply(user, dialogue, data)
    turns: list[tuple[int, str]] = []
    if sent.turns is not None:
        turns = [(each.voice, each.text) for each in sent.turns]
    elif not dialogue._state.adding:  # kept as they are (read as words, not as stored)
        turns = [(turn.voice, str(turn.text)) for turn in dialogue.turns.order_by("position")]
    return reflection.save_dialogue(user, dialogue, turns)


@router.post("/dialogues", response={201: schema_of("dialogues")}, tags=["dialogues"],
             summary="A dialogue between two voices, turn by turn",
             operation_id="create_dialogues")  # fmt: skip
def add_dialogue(request: HttpRequest, sent: DialogueIn) -> Status[dict[str, Any]]:
    need(request, Category.REFLECTION, write=True)
    return Status(201, shown(_dialogue(request, Dialogue(), sent)))


@router.patch("/dialogues/{record_id}", response=schema_of("dialogues"), tags=["dialogues"],
              summary="Change a dialogue, or carry it on",
              operation_id="update_dialogues")  # fmt: skip
def change_dialogue(
    request: HttpRequest, record_id: uuid.UUID, sent: DialogueChange
) -> dict[str, Any]:
    need(request, Category.REFLECTION, write=True)
    dialogue = get_owned_or_404(Dialogue, signed_in_user(request), pk=record_id)
    return shown(_dialogue(request, dialogue, sent))


def add() -> None:
    add_writes(
        Shift,
        ("at", "expectation", "signal", "verdict", "reading_1", "reading_2", "reading_3",
         "information", "believable_before", "believable_after"),
        ("signal", "verdict", "reading_1", "reading_2"),
        as_given(reflection.save_shift), what="Shift an interpretation: the signal, the verdict "
        "that came at once, and other ways to read it",
    )  # fmt: skip
    add_writes(
        Imagery, ("at", "script", "distress_before", "distress_after", "felt", "note"),
        ("script",), as_given(reflection.save_imagery), what="Note an imagery session",
    )  # fmt: skip
