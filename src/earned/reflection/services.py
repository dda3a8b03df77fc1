"""Every change to the reflection tools, shared by views, CLI and demo. Each save also brings
the record's entry in the search index up to date."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction

from earned.accounts.models import User
from earned.ledger.models import Expectation
from earned.ledger.services import check_owner, relink
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
from earned.safety import noticing
from earned.search import services as search


@transaction.atomic
def save_shift(owner: User, shift: Shift) -> Shift:
    shift.owner = owner
    if shift.expectation is not None:
        check_owner(owner, [shift.expectation])
    shift.save()
    search.index(shift)
    return shift


@transaction.atomic
def save_entry(
    owner: User,
    entry: JournalEntry,
    expectations: Iterable[Expectation] = (),
    people: Iterable[Person] | None = None,
) -> JournalEntry:
    """Save a journal entry with the expectations and people it is about (replacing those
    linked before; people are left as they were when not given)."""
    entry.owner = owner
    entry.save()
    relink(owner, JournalLink, to="expectation", targets=expectations, entry=entry)
    if people is not None:
        relink(owner, JournalPerson, to="person", targets=people, entry=entry)
    search.index(entry)
    return entry


@transaction.atomic
def save_dialogue(owner: User, dialogue: Dialogue, turns: Sequence[tuple[int, str]]) -> Dialogue:
    """Save a dialogue with its turns, in order, each a (voice, text) pair. Turns saved before
    are replaced, so a dialogue can be continued or corrected later."""
    dialogue.owner = owner
    dialogue.save()
    before = {turn.text for turn in dialogue.turns.all()}
    dialogue.turns.all().delete()
    Turn.objects.bulk_create(
        Turn(owner=owner, dialogue=dialogue, position=position, voice=voice, text=text)
        for position, (voice, text) in enumerate(turns)
    )
    # Written together, the turns send no pre_save: their new words are looked at here.
    noticing.look_at_words(text for _, text in turns if text not in before)
    search.index(dialogue)
    return dialogue


@transaction.atomic
def save_imagery(owner: User, imagery: Imagery) -> Imagery:
    imagery.owner = owner
    imagery.save()
    search.index(imagery)
    return imagery
