"""The kinds of entry a person can search, as each model declares (`searched_as`, read by
earned/records/apps.py).

A searchable model offers `search_texts()` (every text of the record worth finding, its related
rows' included) and `search_title` (how a result is headed), and names its date field.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class SearchKind:
    name: str  # stored with every index row, and the filter's value: "experiences"
    label: str  # shown beside each result and in the filter: "Experiences"
    model: type[models.Model]
    when: str  # the record's own date field
    related: tuple[str, ...] = ()  # prefetched, because search_texts() reads them
    rank: int = 100  # where it stands in the filter: the ledger first, then by how often used


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
