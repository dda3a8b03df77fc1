"""Every query a person's own pages make names that person: the rule that keeps Earned
distributable by owner (docs/scaling.md). Each page (the API's too) is asked for with another
person's records beside the owner's: no statement may carry the other person's id, and every
statement that reads or writes an owned table must carry the owner's — but for the rows still
read through their parent's id alone (a ladder's steps, an expectation's ratings), listed here
until their keys carry the owner too. The list must shrink, never grow: a new page that reads
without the owner fails, and so does a listed read that no page makes any more."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django import Settings as SettingsWrapper

from earned.accounts.models import User
from earned.records.models import Owned
from tests.factories import id_of, one_of_everything
from tests.routes import routes

pytestmark = pytest.mark.django_db

OWNED_TABLES = {model._meta.db_table for model in apps.get_models() if issubclass(model, Owned)}


# Owned tables read together through a parent's id, without the owner (Django's related managers
# and prefetches): work left for distribution, in docs/scaling.md.
READ_THROUGH_A_PARENT = {
    frozenset(tables)
    for tables in (
        ["ledger_emotion"], ["ledger_rating"], ["ledger_expectation", "ledger_tested"],
        ["ledger_expectation", "practice_ladderlink"],
        ["ledger_expectation", "reflection_journallink"],
        ["ledger_experience", "practice_attempt"], ["practice_ladder", "practice_step"],
        ["ledger_experience", "practice_attempt", "practice_rehearsal", "practice_step"],
        ["practice_rehearsal", "practice_script"], ["reflection_dialogue", "reflection_turn"],
        ["reflection_journalperson", "relationships_person"], ["relationships_person"],
        ["relationships_presence"], ["relationships_repair"], ["relationships_rupture"],
        ["relationships_safety"], ["rituals_checkin", "rituals_interaction"],
    )
}  # fmt: skip


def ids_in(route: str) -> list[str]:
    return re.findall(r"<uuid:(\w+)>", route)


def as_stored(value: object) -> set[str]:
    return {str(value), getattr(value, "hex", str(value))}


def test_every_query_of_a_persons_own_pages_names_them_alone(
    server_mode: SettingsWrapper,
    owner: User,
    other_client: User,
    client_for: Callable[[User], Client],
) -> None:
    visitor = client_for(owner)  # first: the device session is one of the owner's records
    records = one_of_everything(owner)
    client_for(other_client)
    one_of_everything(other_client, tag="2")
    mine, theirs = as_stored(owner.pk), as_stored(other_client.pk)
    problems = []
    through_a_parent: set[frozenset[str]] = set()
    for route in routes(lambda pattern: True):
        path = "/" + route
        if route.startswith(("groups/", "circles/", "care/", "api/care/", "api/groups/")):
            continue  # read through a grant: the circle and group matrices cover these
        if not set(ids_in(route)) <= set(records):
            continue  # a route every kind shares (its id by kind): the record routes' own test
        for name in ids_in(route):
            path = path.replace(f"<uuid:{name}>", str(id_of(records[name])))
        if "<" in path:
            continue
        with CaptureQueriesContext(connection) as captured:
            answer = visitor.get(path)
        if answer.status_code != 200:
            continue
        for query in captured:
            sql = query["sql"]
            tables = {table for table in OWNED_TABLES if f'"{table}"' in sql}
            if not tables:
                continue
            if any(each in sql for each in theirs):
                problems.append(f"{path}: another person's id in {sql[:200]}")
            elif not any(each in sql for each in mine):
                if frozenset(tables) in READ_THROUGH_A_PARENT:
                    through_a_parent.add(frozenset(tables))
                else:
                    problems.append(f"{path}: {sorted(tables)} without the owner: {sql[:300]}")
    assert problems == []
    assert through_a_parent == READ_THROUGH_A_PARENT, "a listed read is gone: take it off"
