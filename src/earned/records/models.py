"""The base of every record a person owns, and the fields most of them are made of.

Each owned model says which *category* it belongs to — the groups a person will share or keep
private in a care circle — and each row carries its own *visibility*, which by default follows
the person's choice for its category.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from earned.accounts.models import User
from earned.privacy.fields import WRITING_LIMIT, EncryptedTextField

# Their home is records/choices.py (no models there, so the CLI's help can read them).
from earned.records.choices import Category as Category
from earned.records.choices import Visibility as Visibility

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


@dataclass(frozen=True)
class Searched:
    """How a kind of record is found by search (its words come from its `search_texts()`)."""

    name: str  # stored with every index row, and the filter's value: "experiences"
    label: str  # shown beside each result and in the filter: "Experiences"
    when: str  # the record's own date field
    related: tuple[str, ...] = ()  # prefetched, because search_texts() reads them
    rank: int = 100  # where it stands in the filter: the ledger first, then by how often used


class Owned(models.Model):
    """A row that belongs to one person: never read or linked across people. Each kind says,
    beside its fields, what it is to the rest of Earned (earned/records/apps.py reads these):"""

    category: ClassVar[Category]  # the group it is shared or kept private with (a test checks)
    exported_as: ClassVar[str]  # its key in an export document: "experiences"
    searched_as: ClassVar[Searched | None] = None  # how search finds it, if it does
    # The record whose search rows hold this one's words, when it is not searched alone: a
    # ladder's steps are found through the ladder ("ladder"). Such a row offers its words as
    # `search_texts()`, and the record's own `search_texts()` holds them.
    indexed_with: ClassVar[str | None] = None
    # The links to entries this one is part of, for a kind with a page of its own: shared with
    # them, unless it is shared on its own (a repair, with its rupture). A row without a page is
    # always read with the entries it is written with (earned/access.py).
    part_of: ClassVar[tuple[str, ...]] = ()

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(User, on_delete=models.CASCADE)
    visibility = models.CharField(
        max_length=8, choices=Visibility, default=Visibility.FOLLOW, editable=False
    )

    class Meta:
        abstract = True


# The columns that are the record's bookkeeping, not its content: never exported as content.
BOOKKEEPING = ("id", "owner")


def other_fields(model: type[models.Model]) -> tuple[str, ...]:
    """Every column of a record but its bookkeeping, in order: what an export holds of it
    (its visibility too, since format version 2)."""
    return tuple(
        field.name for field in model._meta.concrete_fields if field.name not in BOOKKEEPING
    )


def words_among(model: type[models.Model], fields: Iterable[str]) -> bool:
    """Whether any of these fields holds the person's own words (an encrypted text)."""
    return any(isinstance(model._meta.get_field(name), EncryptedTextField) for name in fields)


def percent(verbose_name: str, **options: Any) -> models.PositiveSmallIntegerField[Any, Any]:
    return models.PositiveSmallIntegerField(verbose_name, validators=PERCENT, **options)


def with_pages() -> dict[str, type[Owned]]:
    """Every kind of record with a page of its own, by its export key ("experiences")."""
    from django.apps import apps

    return {
        model.exported_as: model
        for model in apps.get_models()
        if issubclass(model, Owned) and hasattr(model, "get_absolute_url")
    }


def needed(message: str) -> dict[str, str]:
    """The kind message a record gives when something it needs is missing, wherever it was
    written from: the browser shows it beside the field, the terminal beside the flag."""
    return {"blank": message, "null": message}


# How long a person's words may be, where a field holds less than a long letter
# (privacy.fields.WRITING_LIMIT): held wherever a record is saved — the browser, the terminal,
# the API and an import — with a message that says both lengths.
NAME_LIMIT = 80  # a name or alias
WORD_LIMIT = 60  # one's own word for something
LINE_LIMIT = 300  # what a list shows for each record: an expectation, a situation, a goal


def optional_text(verbose_name: str, limit: int = WRITING_LIMIT) -> EncryptedTextField:
    return EncryptedTextField(verbose_name, null=True, blank=True, limit=limit)
