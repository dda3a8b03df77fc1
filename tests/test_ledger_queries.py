"""What the ledger and Today ask of the database: a fixed number of queries however much is
recorded, and an index for what Today looks for."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from earned.accounts.models import User
from earned.ledger import services
from earned.ledger.models import Experience
from earned.privacy import keyring, keys
from tests.conftest import PASSPHRASE
from tests.pages import queries_for
from tests.test_ledger import an_expectation, an_experience

pytestmark = pytest.mark.django_db


def test_the_ledger_and_lists_use_a_fixed_number_of_queries(
    owner_client: Client, owner: User
) -> None:
    expectation = an_expectation(owner)
    an_experience(owner, expectation, occurred=10)
    urls = ["/experiences/", "/expectations/", f"/expectations/{expectation.pk}/", "/"]
    few = {url: queries_for(owner_client, url) for url in urls}
    for days_ago in range(2, 12):
        an_experience(owner, expectation, occurred=days_ago * 5, days_ago=days_ago)
        an_expectation(owner, f"Another {days_ago}")
    many = {url: queries_for(owner_client, url) for url in urls}
    assert many == few


def test_today_finds_what_is_ready_to_debrief_without_walking_the_debriefed(owner: User) -> None:
    """Today asks for the few experiences not yet debriefed; the database answers from an index
    of those alone (at ten years, walking the 18,000 debriefed ones took 48 ms of every Today).
    On SQLite, its plan says so; on PostgreSQL, the index is there for its planner to choose."""
    sql, params = services.due_to_debrief(owner)[:5].query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            assert "experience_to_debrief" in " ".join(str(row) for row in cursor.fetchall())
        else:
            made = connection.introspection.get_constraints(cursor, Experience._meta.db_table)
            assert made["experience_to_debrief"]["columns"] == ["owner_id", "happens_at"]


def test_the_experience_page_uses_a_fixed_number_of_queries(
    owner_client: Client, owner: User
) -> None:
    one = an_experience(owner, an_expectation(owner), occurred=10)
    few = queries_for(owner_client, f"/experiences/{one.pk}/")
    several = [an_expectation(owner, f"E{n}") for n in range(5)]
    many_linked = an_experience(owner, several[0], occurred=10)
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        services.save_experience(owner, many_linked, expectations=several)
    assert queries_for(owner_client, f"/experiences/{many_linked.pk}/") == few
