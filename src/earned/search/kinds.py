"""The kinds of entry a person can search, as each model declares (`searched_as`, read by
earned/records/apps.py).

A searchable model offers `search_texts()` (every text of the record worth finding, its related
rows' included) and `search_title` (how a result is headed), and names its date field.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from earned.records.models import Searched


@dataclass(frozen=True, kw_only=True)
class SearchKind(Searched):
    """A kind of record search finds: what its model declares, and the model."""

    model: type[models.Model]


KINDS: list[SearchKind] = []


def register(kind: SearchKind) -> None:
    if any(existing.name == kind.name or existing.model is kind.model for existing in KINDS):
        raise ValueError(f"{kind.name!r} ({kind.model.__name__}) is already searchable")
    KINDS.append(kind)
    KINDS.sort(key=lambda each: each.rank)


def kind_for(model: type[models.Model]) -> SearchKind | None:
    return next((kind for kind in KINDS if kind.model is model), None)


def by_name(name: str) -> SearchKind | None:
    return next((kind for kind in KINDS if kind.name == name), None)
