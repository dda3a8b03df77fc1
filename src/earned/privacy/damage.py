"""Finding the values that cannot be opened — every encrypted value a person owns, tried with
their key, and each one that refuses named by its kind, its date and its record's id, never by
any of its words (`earned check --data`) — and sealing what an earlier Earned kept in clear."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.apps import apps
from django.db import models

from earned.accounts.models import User
from earned.privacy import crypto
from earned.privacy.fields import CouldNotOpen, EncryptedJSONField, EncryptedTextField

AT_ONCE = 1000


@dataclass(frozen=True)
class Damaged:
    kind: str  # "journal entry"
    field: str  # "what you wrote"
    record_id: str
    when: datetime.date | None  # the record's own date, on the person's clock


def sealed_models() -> list[tuple[type[models.Model], list[EncryptedTextField], str | None]]:
    """Each model with encrypted values, those fields, and the date field that places a record
    in time (None when it has none)."""
    found = []
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if fields:
            dated = [f.name for f in model._meta.concrete_fields
                     if isinstance(f, models.DateField)]  # DateTimeField too  # fmt: skip
            found.append((model, fields, dated[0] if dated else None))
    return found


def damaged(
    owner: User, progress: Callable[[int, int], object] = lambda done, total: None
) -> Iterator[Damaged]:
    """Each of the person's values that their key cannot open (their key current)."""
    layout = sealed_models()
    querysets = [model._default_manager.filter(owner=owner) for model, _, _ in layout]
    total, done = sum(query.count() for query in querysets), 0
    for (model, fields, dated), query in zip(layout, querysets, strict=True):
        names = ["pk", "owner", *(f.name for f in fields), *([dated] if dated else [])]
        for row in query.only(*names).order_by("pk").iterator(chunk_size=AT_ONCE):
            when = _day(getattr(row, dated) if dated else None, owner)
            for field in fields:
                if isinstance(getattr(row, field.attname), CouldNotOpen):
                    kind, what = str(model._meta.verbose_name), str(field.verbose_name)
                    yield Damaged(kind, what, str(row.pk), when)
            done += 1
            if done % AT_ONCE == 0:
                progress(done, total)
    progress(done, total)


def _day(value: object, owner: User) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.astimezone(ZoneInfo(owner.timezone)).date()
    return value if isinstance(value, datetime.date) else None


def seal_what_was_clear(owner: User) -> int:
    """Seal the values an earlier Earned kept in clear in fields that are sealed now (a
    questionnaire's answers), with the person's key current; returns how many. Run at sign-in,
    the first moment the key is open."""
    sealed = 0
    for model, fields, _ in sealed_models():
        for field in fields:
            if not isinstance(field, EncryptedJSONField):
                continue
            clear = (
                model._default_manager.filter(owner=owner)
                .exclude(**{f"{field.attname}__isnull": True})
                .exclude(**{f"{field.attname}__startswith": crypto.FORMAT_PREFIX})
            )
            for row in clear:
                row.save(update_fields=[field.name])
                sealed += 1
    return sealed
