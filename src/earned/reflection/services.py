"""Every change to the reflection tools, shared by views, CLI and demo. Each save also brings
the record's entry in the search index up to date."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from earned.accounts.models import User
from earned.ledger.models import Expectation
from earned.records import saving as records
from earned.reflection.models import (
    Dialogue,
    Imagery,
    JournalEntry,
    JournalLink,
    JournalPerson,
    Shift,
    Turn,
)
from earned.relationships.models import Person


def save_shift(owner: User, shift: Shift) -> Shift:
    return records.save(owner, shift).record


def save_entry(
    owner: User,
    entry: JournalEntry,
    expectations: Iterable[Expectation] = (),
    people: Iterable[Person] | None = None,
) -> JournalEntry:
    """Save a journal entry with the expectations and people it is about (replacing those
    linked before; people are left as they were when not given)."""
    links = [records.Links(JournalLink, "expectation", list(expectations))]
    if people is not None:
        links.append(records.Links(JournalPerson, "person", list(people)))
    return records.save(owner, entry, links=links).record


def save_dialogue(owner: User, dialogue: Dialogue, turns: Sequence[tuple[int, str]]) -> Dialogue:
    """Save a dialogue with its turns, in order, each a (voice, text) pair. Turns saved before
    are replaced, so a dialogue can be continued or corrected later."""
    written = [
        Turn(position=position, voice=voice, text=text)
        for position, (voice, text) in enumerate(turns)
    ]
    return records.save(owner, dialogue, rows=[records.Rows("turns", written)]).record


def save_imagery(owner: User, imagery: Imagery) -> Imagery:
    return records.save(owner, imagery).record
