"""SQLite's query planner is told what a person's tables hold (earned/records/planner.py): with
no statistics it takes `owner = ?` for a few rows, and opens a handful of entries by id by
walking every one the person has."""

from __future__ import annotations

import time
import uuid

import pytest
from django.db import connection

from earned.accounts.models import User
from earned.records import planner
from earned.search.models import Entry

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's own statistics (PostgreSQL gathers its own)"
)


def entries(owner: User, count: int) -> list[uuid.UUID]:
    made = Entry.objects.bulk_create(
        Entry(owner=owner, kind="journal", record=uuid.uuid4(), at="2026-01-01T00:00Z")
        for _ in range(count)
    )
    return [entry.record for entry in made]


def plan_opening_some(owner: User, records: list[uuid.UUID]) -> str:
    return Entry.objects.filter(owner=owner, record__in=records).order_by("at").explain()


def forgotten() -> None:
    """No statistics, as on a database never measured (another test may have gathered some)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchall():
            cursor.execute("DELETE FROM sqlite_stat1")
            cursor.execute("ANALYZE sqlite_schema")  # the planner reads them again: none


def statistics_of(table: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if not cursor.fetchall():
            return []
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
        return [stat for (stat,) in cursor.fetchall()]


@sqlite_only
@pytest.mark.django_db
def test_once_gathered_a_few_entries_are_opened_by_their_ids_not_by_owner(owner: User) -> None:
    forgotten()
    records = entries(owner, 300)
    assert "search_entry_newest" in plan_opening_some(owner, records[:5])  # by owner, guessing
    planner.gather()
    assert statistics_of("search_entry")
    assert "(owner_id=? AND record=?)" in plan_opening_some(owner, records[:5])  # by record


@pytest.mark.django_db
def test_gathering_on_postgresql_or_sqlite_changes_no_entry(owner: User) -> None:
    records = entries(owner, 3)
    planner.gather()
    if connection.vendor != "sqlite":
        assert planner.keep_gathering() is None  # PostgreSQL keeps its own
    assert sorted(Entry.objects.filter(owner=owner).values_list("record", flat=True)) == sorted(
        records
    )


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_a_server_gathers_as_it_starts_on_a_thread_of_its_own(owner: User) -> None:
    forgotten()
    entries(owner, 50)
    thread = planner.keep_gathering(every=3600)
    assert thread is not None
    deadline = time.monotonic() + 10
    while not statistics_of("search_entry") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert statistics_of("search_entry")
    assert thread.is_alive()  # sleeping until the next time
    assert thread.daemon  # ending with the process


@sqlite_only
@pytest.mark.django_db
def test_an_import_tells_the_planner_at_once(owner: User) -> None:
    from earned.exchange import services as exchange
    from earned.privacy import keyring, keys
    from tests.conftest import PASSPHRASE
    from tests.test_import_file import exported_and_emptied

    forgotten()
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        document = exported_and_emptied(owner)
        assert not statistics_of("ledger_experience")
        exchange.import_document(owner, document)
    assert statistics_of("ledger_experience")
