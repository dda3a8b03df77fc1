"""Pages that show several people's words at once — a group's, where each member's words are
sealed with their own key — open each row's words under its owner's key before the page is
drawn. A practice server holds every key behind its instance key; the plain text stays on the
row, in memory, for that request."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Model

from earned.accounts.models import User
from earned.privacy import keyring, keys
from earned.privacy.fields import EncryptedTextField


def read_now(rows: Iterable[Model], *fields: str) -> None:
    """Open these fields of these rows, each under its owner's key (one key per owner)."""
    by_owner: dict[Any, list[Model]] = defaultdict(list)
    for row in rows:
        by_owner[getattr(row, "owner_id")].append(row)  # noqa: B009 (every sealed row has one)
    owners = User.objects.in_bulk(list(by_owner))
    for owner_id, theirs in by_owner.items():
        with keyring.using(keys.open_data_key(owners[owner_id])):
            for row in theirs:
                for field in fields:
                    getattr(row, field)


def read_all_now(rows: Iterable[Model]) -> None:
    """Open every sealed field of these rows, each under its owner's key: for a page that reads
    whole entries of several people."""
    rows = list(rows)
    for model in {type(row) for row in rows}:
        sealed = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        read_now([row for row in rows if type(row) is model], *sealed)
