"""Every kind of record through the API, asked for by someone else: with a token that may do
anything with their own entries, another person's record answers 404 on every operation that
names one — read, change, delete — and nothing of the owner's changes. Lists hold only one's
own, in a number of queries that does not grow with the page."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from earned.accounts.models import User
from earned.api import tokens
from earned.api.main import api
from earned.privacy import keyring, keys
from earned.records.models import Category, Owned
from tests.conftest import PASSPHRASE, make_person
from tests.factories import one_of_everything
from tests.test_every_record_route import everything_stored

pytestmark = pytest.mark.django_db


def token_for(person: User) -> str:
    with keyring.using(keys.open_data_key(person, PASSPHRASE)):
        return tokens.create(person, "all", list(Category), can_write=True).secret


def operations_naming_a_record() -> Iterator[tuple[str, str]]:
    for path, methods in api.get_openapi_schema()["paths"].items():
        if "{record_id}" in path:
            for method in methods:
                yield method, path


def test_the_walk_finds_every_kind() -> None:
    kinds = {path.split("/")[2] for _, path in operations_naming_a_record()}
    assert {"experiences", "expectations", "check_ins", "journal_entries", "safety_plan"} <= kinds


def test_another_persons_records_answer_404_on_every_operation(owner: User) -> None:
    records = {
        record.exported_as: record
        for record in one_of_everything(owner).values()
        if isinstance(record, Owned)
    }
    robin = make_person("robin", "Robin")
    script = Client(HTTP_AUTHORIZATION=f"Bearer {token_for(robin)}")
    before = everything_stored()
    problems = []
    for method, path in operations_naming_a_record():
        kind = path.split("/")[2]
        if kind not in records:
            continue  # a kind the factory does not make: its own tests cover it
        for record_id in (records[kind].pk, uuid.uuid4()):
            url = path.replace("{record_id}", str(record_id))
            # Valid for every operation that names a record (each reads only its own fields).
            body = json.dumps({"feels_true": 1, "think_true": 1})
            if method in ("get", "delete"):
                answer = getattr(script, method)(url)
            else:
                answer = getattr(script, method)(url, body, content_type="application/json")
            if answer.status_code != 404:
                problems.append(f"{method.upper()} {url}: {answer.status_code}")
    assert problems == []
    assert everything_stored() == before
    assert (
        len({path.split("/")[2] for _, path in operations_naming_a_record()} & set(records)) >= 19
    )


def test_a_list_holds_only_ones_own_in_the_same_queries_however_long(owner: User) -> None:
    mine = Client(HTTP_AUTHORIZATION=f"Bearer {token_for(owner)}")
    robin = make_person("robin", "Robin")
    theirs = Client(HTTP_AUTHORIZATION=f"Bearer {token_for(robin)}")

    def log(client: Client, count: int) -> None:
        for number in range(count):
            client.post("/api/experiences", json.dumps(
                {"situation": f"Moment {number}", "happens_at": timezone.now().isoformat()}
            ), content_type="application/json")  # fmt: skip

    log(theirs, 3)
    log(mine, 2)
    with CaptureQueriesContext(connection) as few:
        listed = mine.get("/api/experiences?limit=20").json()
    assert listed["count"] == 2
    assert {each["situation"] for each in listed["items"]} == {"Moment 0", "Moment 1"}
    log(mine, 40)
    with CaptureQueriesContext(connection) as many:
        assert len(mine.get("/api/experiences?limit=20").json()["items"]) == 20
    assert len(many) <= len(few) + 1  # a full page asks for the count as well
