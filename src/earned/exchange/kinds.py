"""The kinds of record a person owns, as they appear in an export.

Every model a person owns joins by declaring `exported_as` (earned/records/apps.py registers
it, with all its columns), and the round-trip test covers it: export, import into an empty
account, export again, and the two documents are identical.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class RecordKind:
    name: str  # the key in the export document, plural: "experiences"
    model: type[models.Model]
    fields: tuple[str, ...]  # exported in this order; "id" and "owner" are implied


KINDS: list[RecordKind] = []

# The export format's version, and the fields a record gained in a later one: an older export is
# read with their default (a version-1 export knew nothing of care circles, so every entry
# follows its kind).
VERSION = 2
ADDED_IN_VERSION = {"visibility": 2}


def column(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field), f"{model.__name__}.{name} is not a column"
    return field


def register(kind: RecordKind) -> None:
    if any(existing.name == kind.name for existing in KINDS):
        raise ValueError(f"a record kind called {kind.name!r} is already registered")
    KINDS.append(kind)
