"""Searching a person's entries, whose text is encrypted at rest.

Entry text cannot be searched in SQL, and decrypting years of entries for each search would be
slow. So every save of a searchable record also writes its index rows: for each distinct word
form in it (earned.core.words), a 63-bit HMAC under a key derived from the person's own data
key, kept as terms of the record's entry (earned/search/models.py). A search hashes its words
the same way, finds in SQL the entries that hold all of them (filtered by kind and date), and
decrypts only the one page of records it shows, to check each match and mark it (that is
earned/search/finding.py). An import indexes its records as it writes them; the index is
rebuilt whole on first use when it is missing or was made by an older VERSION.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from django.db import connection, models, transaction
from django.db.models import ManyToOneRel
from django.utils import timezone

from earned.access import owned
from earned.accounts.models import User
from earned.core.words import keys_of
from earned.records import bulk
from earned.records.models import Owned, words_among
from earned.search.kinds import KINDS, SearchKind, kind_for
from earned.search.models import Entry, Indexed, Term
from earned.search.tokens import (
    Memo,
    index_key,
    openable,
    packed,
    tokens_in,
    tokens_of,
    unpacked,
)

VERSION = 3  # raise it when words are cut or hashed anew, or terms kept anew: indexes are rebuilt
BATCH = 2000


def _entry(kind: SearchKind, record: Any, tokens: list[int]) -> Entry:
    return Entry(owner_id=record.owner_id, kind=kind.name, record=record.pk,
                 at=getattr(record, kind.when), tokens=packed(tokens))  # fmt: skip


TERM_COLUMNS = ("owner_id", "token", "entry_id")
ENTRY_COLUMNS = ("owner_id", "kind", "record", "at", "tokens")


Terms = list[tuple[int, list[int]]]  # entries' numbers, each with its tokens


def _insert(owner_id: Any, terms: Terms) -> None:
    """Write the terms of these entries in one prepared statement."""
    owner = Term._meta.get_field("owner").get_db_prep_save(owner_id, connection)
    bulk.insert(Term._meta.db_table, TERM_COLUMNS,
                [(owner, token, entry) for entry, tokens in terms for token in tokens])  # fmt: skip


def drop_entries(owner_id: Any, records: Iterable[Any]) -> None:
    """Drop the entries of these records and their terms (terms first: they name the entry),
    found by the tokens each entry keeps."""
    entries = Entry.objects.filter(owner_id=owner_id, record__in=records)
    for entry, tokens in entries.values_list("pk", "tokens"):
        Term.objects.filter(owner_id=owner_id, token__in=unpacked(tokens), entry=entry).delete()
    entries.delete()


# --- Keeping the index -----------------------------------------------------------------------


@transaction.atomic
def index(record: Owned, *, first_time: bool = False) -> None:
    """Bring one record's index rows up to date; called by the service that saved it (a record
    written for the first time has none to replace)."""
    kind = kind_for(type(record))
    if kind is None:
        return
    if not first_time:
        drop_entries(record.owner_id, [record.pk])
    tokens = tokens_of(record, index_key())
    entry = _entry(kind, record, tokens)
    entry.save()
    _insert(record.owner_id, [(entry.pk, tokens)])


def changed_by(model: type[models.Model], fields: Iterable[str]) -> bool:
    """Whether saving only these fields of a record can change its index rows: its words or
    its date (archiving an expectation cannot)."""
    kind = kind_for(model)
    fields = list(fields)
    return kind is not None and (kind.when in fields or words_among(model, fields))


def forget(owner_id: Any, doomed: Mapping[type[models.Model], Sequence[Any]]) -> None:
    """Drop the index rows of records about to be deleted (by model, their ids: a record and
    all its deletion takes with it, as earned/records/saving.py finds them)."""
    for model, ids in doomed.items():
        if kind_for(model) is not None:
            drop_entries(owner_id, ids)


def searchable(owner: User) -> int:
    """How many records of the person a rebuild reads."""
    return sum(owned(kind.model, owner).count() for kind in KINDS)


Found = tuple[Any, Any, list[int]]  # a record's id, its date and the tokens of its words


def _found(kind: SearchKind, records: Sequence[Any], key: bytes, memo: Memo) -> list[Found]:
    """Each record's entry to be (its related rows loaded: `kind.related`)."""
    return [(record.pk, getattr(record, kind.when), tokens_of(record, key, memo))
            for record in records]  # fmt: skip


def _write_entries(owner: User, kind: SearchKind, found: Sequence[Found]) -> Terms:
    """Write these records' entries; returns their terms to be written: each entry's number
    with its tokens."""
    if not found:
        return []
    entry_row = bulk.preparing(Entry, ENTRY_COLUMNS)
    bulk.insert(Entry._meta.db_table, ENTRY_COLUMNS, [
        entry_row((owner.pk, kind.name, record, at, packed(its))) for record, at, its in found
    ])  # fmt: skip
    numbers = dict(Entry.objects.filter(owner=owner, record__in=[each[0] for each in found])
                   .values_list("record", "pk"))  # fmt: skip
    return [(numbers[record], its) for record, _, its in found]


def _without_rows(kind: SearchKind, rows: Sequence[Any]) -> None:
    """Mark rows just written as having none of their own rows yet (an experience's feelings):
    what Django keeps when they are prefetched, so their words are read without asking the
    database (Prefetch(…, none()) takes as long again)."""
    none: dict[str, Any] = {}
    for name in kind.related:
        relation = kind.model._meta.get_field(name)
        if isinstance(relation, ManyToOneRel) and relation.one_to_many:  # its own rows
            rows_model = cast(type[models.Model], relation.related_model)
            none[relation.cache_name] = rows_model._default_manager.none()
    for row in rows:
        row._prefetched_objects_cache = dict(none)


@transaction.atomic
def index_new(owner: User, rows: Sequence[Owned]) -> None:
    """Index records of one kind just written together, with no rows of their own yet (entries
    brought in from another app), beside what the index holds. An index still being made
    takes them as it would any record written meanwhile."""
    kind = kind_for(type(rows[0])) if rows else None
    if kind is not None:
        _without_rows(kind, rows)
        _insert(owner.pk, _write_entries(owner, kind, _found(kind, rows, index_key(), Memo())))


@transaction.atomic
def rebuild(owner: User, done: Callable[[int], object] = lambda records: None) -> int:
    """Index every searchable record of the person anew; returns how many terms it wrote.
    `done` hears how many more records are indexed, batch by batch (a progress bar)."""
    making = Rebuilding(owner)
    for kind in KINDS:
        records = owned(kind.model, owner).prefetch_related(*kind.related)
        batch: list[Any] = []
        for record in records.iterator(chunk_size=BATCH):
            batch.append(record)
            if len(batch) >= BATCH:
                making.add(kind, batch)
                done(len(batch))
                batch = []
        making.add(kind, batch)
        done(len(batch))
    return making.finish()


STAGED = "search_staged_terms"
# How each database keeps an entry's staged tokens as one list: the column's type, a list as it
# is written there, and the list taken apart again, a token a row (as `term.value`).
STAGED_LISTS: dict[str, tuple[str, Callable[[list[int]], Any], str]] = {
    "postgresql": ("bigint[]", list, f"unnest({STAGED}.tokens) AS term (value)"),
    "sqlite": ("text", json.dumps, f"json_each({STAGED}.tokens) AS term"),
}


class Rebuilding:
    """A person's index made anew from the records handed to it, kind by kind, then `finish`ed:
    in one transaction, by `rebuild` reading every record, or by an import as it writes them.

    Each batch's entries are written at once; their terms wait in a temporary table and go into
    the index in its own order when all are in. Ten years of entries make over a million terms,
    and written in the order entries come, each lands somewhere else in the index: several
    times slower (docs/decisions.md). They wait an entry a row, its tokens as one list (a JSON
    array on SQLite, an array on PostgreSQL), which the database itself takes apart: a row a
    term, at ten years, took twice as long to stage."""

    def __init__(self, owner: User) -> None:
        self.owner = owner
        self.key = index_key()
        self.memo = Memo()  # most words recur across years of entries: each is worked out once
        # The words of restored rows found with another record (a dialogue's turns), by it.
        self.found_with: dict[type[models.Model], dict[Any, list[str | None]]] = {}
        Term.objects.filter(owner=owner).delete()
        Entry.objects.filter(owner=owner).delete()
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {STAGED}")
            listed, _, _ = STAGED_LISTS[connection.vendor]
            cursor.execute(f"CREATE TEMPORARY TABLE {STAGED} (entry bigint, tokens {listed})")

    def add(self, kind: SearchKind, records: Sequence[Any]) -> None:
        """Index these records, their related rows loaded (`kind.related`)."""
        found = _found(kind, records, self.key, self.memo)
        self._stage(_write_entries(self.owner, kind, found))

    def restored(self, model: type[models.Model], words: RestoredWords) -> None:
        """Index rows an import has just written, from the words `RestoredWords.of` found.
        A record searched with rows of its own (an experience's feelings, a dialogue's turns)
        is indexed from its own words now; those rows' words, in whichever order they come,
        wait for `finish` to add them to its entry."""
        kind = kind_for(model)
        if kind is not None:
            found = [(record, at, tokens_in(texts, self.key, self.memo))
                     for record, at, texts in words.found]  # fmt: skip
            self._stage(_write_entries(self.owner, kind, found))
        link = _indexed_with(model)
        if link is not None and words.found_with:
            parents = self.found_with.setdefault(cast(type, link.related_model), {})
            for parent, texts in words.found_with:
                parents.setdefault(parent, []).extend(texts)

    def finish(self) -> int:
        """Add the words of rows restored apart from their record, put the staged terms into
        the index, and mark it current; returns how many terms it holds."""
        for model, texts in self.found_with.items():
            if kind_for(model) is not None:
                chosen = sorted(texts)
                for at in range(0, len(chosen), BATCH):
                    self._add_words({record: texts[record] for record in chosen[at : at + BATCH]})
        owner = Term._meta.get_field("owner").get_db_prep_save(self.owner.pk, connection)
        table = connection.ops.quote_name(Term._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(name) for name in TERM_COLUMNS)
        _, _, each_token = STAGED_LISTS[connection.vendor]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({columns}) "  # noqa: S608 (names from the model)
                f"SELECT %s, term.value, entry FROM {STAGED}, {each_token} ORDER BY 2, 3",
                [owner],
            )
            written: int = cursor.rowcount
            cursor.execute(f"DROP TABLE {STAGED}")
        Indexed.objects.update_or_create(
            owner=self.owner, defaults={"version": VERSION, "built_at": timezone.now()}
        )
        return written

    def _add_words(self, texts: Mapping[Any, list[str | None]]) -> None:
        """Add to each record's entry the words of these texts it does not hold yet."""
        entries = Entry.objects.filter(owner=self.owner, record__in=list(texts))
        kept = {record: (number, tokens) for record, number, tokens
                in entries.values_list("record", "pk", "tokens")}  # fmt: skip
        grown, staged = [], []
        for record, its in texts.items():
            number, tokens = kept[record]
            have = unpacked(tokens)
            new = sorted(set(tokens_in(its, self.key, self.memo)) - set(have))
            if new:
                grown.append((packed([*have, *new]), number))
                staged.append((number, new))
        bulk.update(Entry._meta.db_table, "tokens", "id", grown)
        self._stage(staged)

    def _stage(self, terms: Terms) -> None:
        _, listed, _ = STAGED_LISTS[connection.vendor]
        bulk.insert(STAGED, ("entry", "tokens"), [(entry, listed(its)) for entry, its in terms])


@dataclass
class RestoredWords:
    """What a batch of imported records gives the index: each searchable record's id, date and
    texts; and for rows found with another record, that record's id and their texts (the
    record may be written before or after them: its entry takes them at the end). Worked out
    as the records are checked, before any is written, and without the database (a large
    import does it in a helper process: earned/exchange/preparing.py); `Rebuilding.restored`
    indexes it."""

    found: list[tuple[Any, Any, list[str | None]]]
    found_with: list[tuple[Any, list[str | None]]]

    @classmethod
    def of(cls, model: type[models.Model], rows: Sequence[Any]) -> RestoredWords:
        """The words of rows just made: they have none of their own rows yet."""
        kind = kind_for(model)
        found = []
        if kind is not None:
            _without_rows(kind, rows)
            found = [(row.pk, getattr(row, kind.when), openable(row.search_texts()))
                     for row in rows]  # fmt: skip
        link = _indexed_with(model)
        if link is None:
            return cls(found, [])
        return cls(found, [(getattr(row, link.attname), openable(row.search_texts()))
                           for row in rows])  # fmt: skip


def _indexed_with(model: type[models.Model]) -> models.ForeignKey[Any, Any] | None:
    """The link to the record whose entry holds this model's words (`indexed_with`)."""
    name = getattr(model, "indexed_with", None)
    if name is None:
        return None
    link = model._meta.get_field(name)
    assert isinstance(link, models.ForeignKey), f"{model.__name__}.{name} is a link"
    return link


def is_current(owner: User) -> bool:
    """Whether the person's index is complete and made the current way."""
    return Indexed.objects.filter(owner=owner, version=VERSION).exists()


def ensure_index(owner: User) -> None:
    if not is_current(owner):
        rebuild(owner)


STEPPING = 0  # Indexed.version while an index is being made a step at a time


@dataclass(frozen=True)
class Progress:
    done: int  # records indexed
    of: int  # records to index
    complete: bool


def build_step(owner: User, seconds: float = 1.0, at_once: int = 500) -> Progress:
    """Make the person's index a step at a time — `at_once` records, until about `seconds` have
    passed — for a page that shows how far it has come (years of entries take a while). Each
    step is its own transaction, so entries written meanwhile are indexed as usual and steps
    go on after them; an old index is dropped on the first step."""
    with transaction.atomic():
        state = Indexed.objects.filter(owner=owner).values_list("version", flat=True).first()
        if state not in (VERSION, STEPPING):
            Term.objects.filter(owner=owner).delete()
            Entry.objects.filter(owner=owner).delete()
            Indexed.objects.update_or_create(owner=owner, defaults={"version": STEPPING})
    if state != VERSION:
        key, memo = index_key(), Memo()
        started, stepped = time.monotonic(), False  # at least one batch a step
        unfinished = 0  # kinds that may have records still to index
        for kind in KINDS:
            left = True
            while left and (time.monotonic() - started < seconds or not stepped):
                indexed = Entry.objects.filter(owner=owner, kind=kind.name).values("record")
                waiting = owned(kind.model, owner).exclude(pk__in=indexed)
                with transaction.atomic():
                    # Written first, so a step from a second tab waits for this batch rather
                    # than indexing the same records again.
                    Indexed.objects.filter(owner=owner).update(built_at=timezone.now())
                    batch = list(waiting.prefetch_related(*kind.related)[:at_once])
                    _insert(owner.pk, _write_entries(owner, kind, _found(kind, batch, key, memo)))
                left = len(batch) == at_once
                stepped = stepped or bool(batch)
            unfinished += left
        if unfinished:
            of = searchable(owner)
            return Progress(min(Entry.objects.filter(owner=owner).count(), of - 1), of, False)
        Indexed.objects.filter(owner=owner).update(version=VERSION, built_at=timezone.now())
    done = Entry.objects.filter(owner=owner).count()
    return Progress(done, done, True)


def getting_ready(owner: User, query: str) -> Progress | None:
    """None when a search for `query` can be answered now; otherwise the index has been made a
    step further (`build_step`), and how far it has come, to show."""
    if not keys_of([query]) or is_current(owner):
        return None
    progress = build_step(owner)
    return None if progress.complete else progress
