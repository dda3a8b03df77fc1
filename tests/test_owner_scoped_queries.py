"""Every query a person's own pages and commands make names that person: the rule that keeps
Earned distributable by owner (docs/scaling.md). Each page (the API's too) and each command of
the terminal runs with another person's records beside the owner's: no statement may carry the
other person's id, and every statement that reads or writes an owned table must carry the
owner's — rows read through a link included (a ladder's steps, an expectation's ratings:
earned/records/links.py), and the link rows a save rewrites (`records.relink`)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django import Settings as SettingsWrapper

from earned.accounts.models import User
from earned.records.links import OwnLink, OwnLinks, OwnOneLink
from earned.records.models import Owned
from tests.conftest import Runner
from tests.factories import id_of, one_of_everything
from tests.routes import routes

pytestmark = pytest.mark.django_db

OWNED_TABLES = {model._meta.db_table for model in apps.get_models() if issubclass(model, Owned)}
OWN_LINKS = (OwnLink, OwnLinks, OwnOneLink)


def ids_in(route: str) -> list[str]:
    return re.findall(r"<uuid:(\w+)>", route)


def as_stored(value: object) -> set[str]:
    return {str(value), getattr(value, "hex", str(value))}


def statements_about_others(
    captured: CaptureQueriesContext, mine: set[str], theirs: set[str]
) -> list[str]:
    """Each statement on an owned table that names another person, or names nobody."""
    problems = []
    for query in captured:
        sql = query["sql"]
        tables = {table for table in OWNED_TABLES if f'"{table}"' in sql}
        if not tables:
            continue
        if any(each in sql for each in theirs):
            problems.append(f"another person's id in {sql[:200]}")
        elif not any(each in sql for each in mine):
            problems.append(f"{sorted(tables)} without the owner: {sql[:300]}")
    return problems


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
        problems += [f"{path}: {each}" for each in statements_about_others(captured, mine, theirs)]
    assert problems == []


def test_every_link_between_a_persons_records_names_the_owner_when_followed() -> None:
    plain = []
    for model in apps.get_models():
        if not issubclass(model, Owned):
            continue
        for field in model._meta.get_fields(include_hidden=True):
            target = field.related_model
            if (
                field.is_relation
                and not field.auto_created
                and isinstance(target, type)
                and issubclass(target, Owned)
                and not isinstance(field, OWN_LINKS)
            ):
                plain.append(f"{model.__name__}.{field.name}")
    assert plain == [], "a link between owned records: make it an OwnLink (earned/records/links.py)"


CLI_VERBS = (
    ("expectations",),
    ("people",),
    ("ladders",),
    ("practice",),
    ("search", "Maya"),
    ("measures", "list"),
    ("circle", "list"),
    ("circle", "seen"),
    ("tokens", "list"),
    ("report", "--out", "{tmp}/report.pdf"),
    ("export", "{tmp}/export.json"),
    ("journal", "--text", "A quiet evening."),
    ("checkin", "evening", "--mood", "1"),
    ("log", "--situation", "A call", "--happened", "It went fine", "--occurred", "10"),
    ("rupture", "--with", "Maya", "--kind", "quiet", "--intensity", "2"),
    (
        "repair",
        "--with",
        "Maya",
        "--what",
        "I wrote to her",
        "--started-by",
        "me",
        "--outcome",
        "partly",
    ),
)


def test_every_query_of_a_persons_commands_names_them_alone(
    server_mode: SettingsWrapper, owner: User, other_client: User, earned: Runner, tmp_path: Path
) -> None:
    # On a server, where two people's records lie side by side: each command for one of them.
    one_of_everything(owner)
    one_of_everything(other_client, tag="2")
    mine, theirs = as_stored(owner.pk), as_stored(other_client.pk)
    problems = []
    for verb in CLI_VERBS:
        arguments = [part.replace("{tmp}", str(tmp_path)) for part in verb]
        arguments += ["--user", owner.username]
        with CaptureQueriesContext(connection) as captured:
            result = earned(*arguments)
        assert result.exit_code == 0, (verb, result.output)
        problems += [f"earned {verb[0]}: {each}" for each in statements_about_others(
            captured, mine, theirs
        )]  # fmt: skip
    assert problems == []


def test_every_query_of_a_persons_api_changes_names_them_alone(
    server_mode: SettingsWrapper, owner: User, other_client: User
) -> None:
    """Each change the API offers, by the owner's script beside another person's records. A
    deletion is held to half the rule: Django's cascade deletes and unlinks the rows it found
    by their ids alone (never anyone else's: the record was found as the owner's first), which
    the composite keys of docs/scaling.md will bring onto one shard."""
    from tests.test_api_matrix import operations_naming_a_record, token_for

    records = {
        record.exported_as: record
        for record in one_of_everything(owner).values()
        if isinstance(record, Owned)
    }
    one_of_everything(other_client, tag="2")
    script = Client(HTTP_AUTHORIZATION=f"Bearer {token_for(owner)}")
    mine, theirs = as_stored(owner.pk), as_stored(other_client.pk)
    problems, answered = [], set()
    changes = sorted(  # changes first, then deletions: a deleted record changes no more
        (method == "delete", method, path)
        for method, path in operations_naming_a_record()
        if method != "get" and path.split("/")[2] in records
    )
    for _, method, path in changes:
        url = path.replace("{record_id}", str(records[path.split("/")[2]].pk))
        body = json.dumps({"feels_true": 1, "think_true": 1})  # each reads only its own fields
        with CaptureQueriesContext(connection) as captured:
            if method == "delete":
                answer = script.delete(url)
            else:
                answer = getattr(script, method)(url, body, content_type="application/json")
        answered.add((method, answer.status_code))
        found = statements_about_others(captured, mine, theirs)
        if method == "delete":
            found = [each for each in found if each.startswith("another person's id")]
        problems += [f"{method.upper()} {url}: {each}" for each in found]
    assert {("patch", 200), ("delete", 204)} <= answered  # the walk changed and deleted, for real
    assert problems == []
