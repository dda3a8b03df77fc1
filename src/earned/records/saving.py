"""How every record a person owns is saved and deleted — one place, for the web, the terminal,
an import and the demo alike.

`save(owner, record, links=…, rows=…)`:
1. checks that the record, what it points at and what it links to belong to `owner`, and holds
   the record to its own rules (`check`: a ValidationError names each field it refuses);
2. takes the words this save writes anew, in memory, before they are encrypted;
3. writes the record, then its links (`Links`: only the links that change) and the rows that
   belong to it (`Rows`: an experience's feelings, a dialogue's turns, an evening's moments);
4. looks at the new words for signs of crisis (earned/safety/noticing.py);
5. brings its search rows up to date (earned/search/services.py), and those of the record it is
   found through (`indexed_with`: a step's ladder, a repair's rupture);
and answers with what was saved and whether the calm notice should show (`Saved`).

`delete(owner, record)` checks ownership, drops the search rows of the record and of all its
deletion takes with it, and the care circle's comments beside it, deletes it, and updates the
search rows of the record it was found through. `set_archived` puts a record away or brings it
back; `set_visibility` says who in a care circle may see it; `restore` writes a row brought back
from an export, as it was.

Each runs in one transaction: a record is never saved without its links or its index.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import models, router, transaction
from django.db.models.deletion import Collector
from django.utils import timezone

from earned.accounts.models import User
from earned.circles import services as circles
from earned.groups import services as groups
from earned.privacy.fields import EncryptedTextField
from earned.records import bulk
from earned.records.models import Owned, words_among
from earned.safety import noticing
from earned.search import services as search

RecordT = TypeVar("RecordT", bound=Owned)


class NotYours(Exception):
    """A record of another person was passed in; nothing was written."""


RESTORED_AT_ONCE = 500  # rows restored together: what an import holds in memory at once as rows


def check_owner(owner: User, records: Iterable[Any]) -> None:
    if any(record.owner_id != owner.pk for record in records):
        raise NotYours("every record must belong to the same person")


@dataclass(frozen=True)
class Links:
    """The records one record links to through a link model: `Links(Tested, "expectation",
    chosen)` makes the experience test exactly the chosen expectations."""

    through: type[Owned]
    to: str  # the link model's field naming the target
    targets: Sequence[Owned]


@dataclass(frozen=True)
class Rows:
    """Rows that belong to the record and are written with it, replacing those it had: an
    experience's named feelings (`Rows("emotions", [...])`), a dialogue's turns."""

    related_name: str  # the record's name for them
    rows: Sequence[Owned]  # new, unsaved; `save` points them at the record
    keep: Mapping[str, object] | None = None  # a filter for rows that stay: {"experience": None}


@dataclass(frozen=True)
class Saved(Generic[RecordT]):
    record: RecordT
    noticed: bool  # words of crisis were written: offer the plan, calmly
    about: str = noticing.ABOUT_WORDS  # what the notice speaks of


@transaction.atomic
def save(
    owner: User,
    record: RecordT,
    *,
    links: Sequence[Links] = (),
    rows: Sequence[Rows] = (),
    update_fields: Sequence[str] | None = None,
) -> Saved[RecordT]:
    """Save one record of `owner` with its links, its rows and its search rows."""
    record.owner = owner
    check_owner(owner, [record, *_parents(record)])
    check_owner(owner, [target for each in links for target in each.targets])
    check(record, update_fields)
    new_words = noticing.words_to_look_at(record)  # before saving encrypts them
    first_time = record._state.adding  # written now for the first time: nothing to replace
    record.save(update_fields=update_fields)
    for link in links:
        relink(owner, link.through, to=link.to, targets=link.targets, record=record,
               first_time=first_time)  # fmt: skip
    for written in rows:
        new_words += _replace_rows(owner, record, written)
    noticed = noticing.look(type(record), new_words)
    _reindex(record, None if rows else update_fields, first_time=first_time)
    return Saved(record, noticed, noticing.about(type(record)))


def check(record: Owned, update_fields: Sequence[str] | None = None) -> None:
    """Hold a record to its own rules before it is written, whoever wrote it: its fields' limits,
    choices and ranges, what it needs (`needed`), and its model's `clean`. A ValidationError
    names each field it refuses. Links are not looked up again (ownership is checked instead)
    and uniqueness is the database's; a change of a few fields is held to their rules alone."""
    skipped = {
        field.name
        for field in record._meta.concrete_fields
        if field.is_relation or (update_fields is not None and field.name not in update_fields)
    }
    if update_fields is None:
        record.full_clean(exclude=skipped, validate_unique=False, validate_constraints=False)
    else:
        record.clean_fields(exclude=skipped)


def _replace_rows(owner: User, record: Owned, rows: Rows) -> list[str]:
    """Write the record's new rows in place of its old ones; the words they add are returned,
    to be looked at with the record's own."""
    manager = getattr(record, rows.related_name)
    field = manager.field.name  # the rows' foreign key to the record
    before = {text for row in manager.all() for text in _texts(row)}
    new_words = [text for row in rows.rows for text in _texts(row) if text not in before]
    (manager.exclude(**rows.keep) if rows.keep else manager.all()).delete()
    for row in rows.rows:
        row.owner = owner
        setattr(row, field, record)
        check(row)
    manager.model._default_manager.bulk_create(rows.rows)  # encrypts the words in place
    return new_words


@transaction.atomic
def delete(owner: User, record: Owned) -> None:
    """Delete one record of `owner`, with its search rows and those of all it takes with it."""
    check_owner(owner, [record])
    doomed = _taken_with(record)  # first: delete() forgets the ids
    search.forget(owner.pk, doomed)
    ids = [pk for each in doomed.values() for pk in each]
    circles.forget_entries(owner.pk, ids)  # the comments beside them
    groups.forget_entries(owner.pk, ids)  # and where they were shared
    record.delete()
    if parent := _indexed_with(record):
        search.index(parent)  # the record's words were part of what finds it


def _taken_with(record: Owned) -> dict[type[models.Model], list[Any]]:
    """The record and every row its deletion takes with it (a ladder's attempts and their
    experiences, say), by model: found the way Django's delete finds them."""
    collector = Collector(using=router.db_for_write(type(record)))
    collector.collect([record])
    doomed: dict[type[models.Model], list[Any]] = {}
    for model, loaded in collector.data.items():
        doomed.setdefault(model, []).extend(row.pk for row in loaded)
    for unloaded in collector.fast_deletes:  # cascades Django deletes without loading them
        doomed.setdefault(unloaded.model, []).extend(unloaded.values_list("pk", flat=True))
    return doomed


def set_archived(owner: User, record: Owned, archived: bool) -> None:
    """Put a record away (out of lists and choices, kept whole), or bring it back: one way for
    every kind that can be archived (expectations, ladders, people)."""
    record.archived_at = timezone.now() if archived else None  # type: ignore[attr-defined]
    save(owner, record, update_fields=["archived_at"])


def set_visibility(owner: User, record: Owned, visibility: str) -> None:
    """Keep one entry private whatever its kind's choice, share it on its own, or let it follow
    the choice for its kind: who in a care circle may see it (earned/access.py reads it)."""
    record.visibility = visibility
    save(owner, record, update_fields=["visibility"])


def restore(owner: User, rows: Sequence[models.Model]) -> None:
    """Rows of one kind brought in from another app (earned/exchange/arrivals.py), written with
    their own ids through one prepared statement (each value still encrypted on its own, bound
    to its row). Their words are not looked at — the notice answers what a person writes now,
    not an old entry coming home — and the caller indexes them (`search.index_new`). An
    export's import writes rows made ready apart (earned/exchange/preparing.py)."""
    check_owner(owner, rows)
    if rows:
        bulk.create(rows)


def _reindex(
    record: Owned, update_fields: Sequence[str] | None, *, first_time: bool = False
) -> None:
    """Bring the search rows up to date that this save may change: the record's own, and those
    of the record it is found with (a ladder's steps are part of what finds the ladder)."""
    if update_fields is None or search.changed_by(type(record), update_fields):
        search.index(record, first_time=first_time)
    parent = _indexed_with(record)
    if parent is not None and (update_fields is None or words_among(type(record), update_fields)):
        search.index(parent)


def _indexed_with(record: Owned) -> Owned | None:
    """The record whose search rows hold this one's words (`indexed_with = "ladder"`)."""
    name = getattr(type(record), "indexed_with", None)
    return getattr(record, name) if name else None


def relink(
    owner: User,
    through: type[Owned],
    *,
    to: str,
    targets: Iterable[Owned],
    record: Owned,
    first_time: bool = False,
) -> None:
    """Link `record` to exactly these targets through its link model, keeping the links that
    stay and adding only the new ones (a record written for the first time has none yet)."""
    targets = list(targets)
    check_owner(owner, [*targets, record])
    field = _field_to(through, type(record))
    linked: set[Any] = set()
    if not first_time:
        existing = through._default_manager.filter(owner=owner, **{field: record})
        existing.exclude(**{f"{to}__in": targets}).delete()
        linked = set(existing.values_list(f"{to}_id", flat=True))
    through._default_manager.bulk_create(
        through(owner=owner, **{to: target, field: record})
        for target in targets
        if target.pk not in linked
    )


def _field_to(through: type[models.Model], model: type[models.Model]) -> str:
    """The link model's foreign key to `model` (an experience's Tested rows: "experience")."""
    return next(
        field.name
        for field in through._meta.concrete_fields
        if field.is_relation and field.related_model is model
    )


def _parents(record: Owned) -> list[Owned]:
    """The owned records this one points to (a step's ladder, a repair's rupture): they must be
    the same person's too."""
    found = []
    for field in record._meta.concrete_fields:
        if field.is_relation and field.name != "owner":
            related_model = field.related_model
            if isinstance(related_model, type) and issubclass(related_model, Owned):
                parent = getattr(record, field.name)
                if parent is not None:
                    found.append(parent)
    return found


def _texts(row: models.Model) -> list[str]:
    """Every text of a row, as the person wrote it."""
    return [
        text
        for field in row._meta.concrete_fields
        if isinstance(field, EncryptedTextField) and (text := getattr(row, field.name))
    ]
