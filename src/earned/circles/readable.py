"""What a practitioner can open of a person's, kind by kind, and how an entry reads to them: its
own questions as headings and the person's answers beneath, read-only.

Every kind of record with a page of its own and a place in search is readable, and the safety
plan; the rows written with a record (a ladder's steps, a rupture's repairs) are read with it.
Which of them a practitioner may open at a request is decided in earned/access.py, never here.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from earned.access import shared
from earned.circles.models import Circle
from earned.records.models import Owned, with_pages

# Each kind a practitioner can open, named one and many: in the list of reads the person keeps,
# its filter, and on the practitioner's pages.
NAMES = {
    "experiences": ("an experience", "Experiences"),
    "expectations": ("an expectation", "Expectations"),
    "check_ins": ("a check-in", "Check-ins"),
    "journal_entries": ("a journal entry", "Journal entries"),
    "shifts": ("an interpretation shift", "Interpretation shifts"),
    "dialogues": ("a dialogue between two voices", "Dialogues"),
    "imagery": ("an imagery session", "Imagery sessions"),
    "ladders": ("a ladder", "Ladders"),
    "attempts": ("a step tried", "Steps tried"),
    "scripts": ("a script", "Scripts"),
    "people": ("a person", "People"),
    "ruptures": ("a rupture", "Ruptures"),
    "safety_plan": ("the safety plan", "Safety plan"),
}


def one(key: str) -> str:
    return NAMES[key][0] if key in NAMES else "an entry"


# The rows written with an entry and read with it, by the entry's kind: (relation, heading).
WITH_IT = {
    "ladders": ("steps", "Steps"),
    "ruptures": ("repairs", "Repairs"),
    "dialogues": ("turns", "The conversation"),
    "scripts": ("rehearsals", "Rehearsals"),
}

# Columns that are the entry's housekeeping rather than what the person said.
NOT_SHOWN = frozenset(
    {
        "keep_sorted",
        "origin",
        "starter",
        "position",
        "created_at",
        "archived_at",
        "debriefed_at",
        "updated_at",
    }
)


@cache
def kinds() -> dict[str, type[Owned]]:
    """Every kind a practitioner can open, by its export key, in the order of NAMES."""
    pages = with_pages()
    return {key: pages[key] for key in NAMES}


def kind_of(key: str) -> type[Owned] | None:
    return kinds().get(key)


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str


def title(record: Owned) -> str:
    found = getattr(record, "search_title", None)
    return str(found) if found else one(record.exported_as).capitalize()


def when(record: Owned) -> datetime.datetime | datetime.date | None:
    """The moment the entry is about (or was written), for the line above it."""
    searched = record.searched_as
    field = searched.when if searched is not None else "updated_at"
    moment = getattr(record, field, None)
    return moment if isinstance(moment, datetime.date) else None


def answers(record: models.Model) -> list[Answer]:
    """The entry's content as the person gave it: each question Earned asked, capitalised, with
    its answer in words; unanswered questions and housekeeping left out."""
    searched = getattr(record, "searched_as", None)
    dated_by = searched.when if searched is not None else ""  # said above the answers
    found = []
    for field in record._meta.concrete_fields:
        if field.name in ("id", "owner", "visibility", dated_by) or field.name in NOT_SHOWN:
            continue
        if field.is_relation:
            continue
        value = getattr(record, field.attname)
        if value is None or value == "":
            continue
        found.append(Answer(_capitalised(str(field.verbose_name)), _words(record, field, value)))
    return found


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _words(record: models.Model, field: models.Field[Any, Any], value: Any) -> str:
    if field.choices:
        return str(getattr(record, f"get_{field.name}_display")())
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "D j M Y, H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "D j M Y")
    return str(value)


@dataclass(frozen=True)
class Part:
    heading: str
    rows: list[list[Answer]]


def read_with(record: Owned, allowed: Callable[[QuerySet[Any]], QuerySet[Any]]) -> Part | None:
    """The rows written with the entry (a ladder's steps), as far as `allowed` lets the reader
    see them (for a circle, earned.access.shared)."""
    found = WITH_IT.get(record.exported_as)
    if found is None:
        return None
    relation, heading = found
    rows = allowed(getattr(record, relation).all())
    return Part(heading, [answers(row) for row in rows])


@dataclass(frozen=True)
class Listed:
    entry: Owned
    title: str
    when: datetime.datetime | datetime.date | None


@dataclass(frozen=True)
class Recent:
    key: str
    label: str
    entries: list[Listed]


def recent(circle: Circle, keys: Iterable[str], most: int = 5) -> list[Recent]:
    """The latest few entries of each of these kinds the circle shares now, kinds with none
    left out (one query each; titles are words, so the person's key must be current)."""
    found = []
    for key in keys:
        model = kinds()[key]
        newest = f"-{model.searched_as.when}" if model.searched_as is not None else "-pk"
        entries = [
            Listed(entry, title(entry), when(entry))
            for entry in shared(model, circle).order_by(newest)[:most]
        ]
        if entries:
            found.append(Recent(key, NAMES[key][1], entries))
    return found
