"""Every route that names a record by its id, found from the URL resolver rather than listed by
hand: asked for by another person, signed in, it answers 404 — for a GET and for a POST — and
nothing of the owner's changes."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client

from earned.accounts.models import User
from earned.records.models import Owned
from tests.factories import id_of, one_of_everything
from tests.routes import routes

pytestmark = pytest.mark.django_db

# What a form might send, so a POST reaches the view's work rather than a form error.
FORM = {
    "goal": "x", "description": "x", "expected_distress": "5", "direction": "up", "text": "x",
    "distress_now": "5", "finish": "1", "happened": "x", "occurred": "1", "situation": "x",
    "title": "x", "opening": "x", "mode": "alone", "name": "x", "feels_safe": "50",
    "showed": "kept", "what": "x", "body": "x", "signal": "x", "verdict": "x", "reading_1": "x",
    "reading_2": "x", "feels_true": "10", "think_true": "10", "archived": "yes",
    "first_voice": "x", "second_voice": "x", "kind": "quiet", "intensity": "5", "mood": "0",
    "explained_away": "no",
}  # fmt: skip


def ids_in(route: str) -> list[str]:
    """The names of a route's uuid parts ("ladder_id")."""
    return re.findall(r"<uuid:(\w+)>", route)


ROUTES = [
    (route, ids_in(route)) for route in routes(lambda pattern: bool(ids_in(str(pattern.pattern))))
]


def record_for(route: str, name: str, records: dict[str, Any]) -> Any:
    """The record a route names: by the name of its id ("ladder_id"), or, for the routes every
    kind shares (visibility/<kind>/<uuid:record_id>/), the record of that kind."""
    if name == "record_id":
        kind = route.split("/")[1]
        found = [each for each in records.values() if getattr(each, "exported_as", "") == kind]
        assert found, f"tests/factories.py makes no record of the kind {kind}: add one"
        return found[0]
    assert name in records, f"tests/factories.py makes no record for {name}: add one"
    return records[name]


def everything_stored() -> dict[str, list[str]]:
    """Every owned row as stored (ciphertext and all), so any change at all is seen."""
    found = {}
    with connection.cursor() as cursor:
        for model in apps.get_models():
            if issubclass(model, Owned):
                table = connection.ops.quote_name(model._meta.db_table)
                cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 (a model's own table)
                found[model.__name__] = sorted(map(repr, cursor.fetchall()))
    return found


def test_the_walk_finds_the_routes_of_every_kind() -> None:
    names = {name for _, ids in ROUTES for name in ids}
    assert len(ROUTES) >= 60
    assert {"ladder_id", "experience_id", "person_id", "check_in_id", "entry_id"} <= names


@pytest.mark.parametrize("persona", ["therapist", "other_therapist", "other_client"])
def test_another_persons_record_answers_404_and_nothing_changes(
    persona: str,
    owner: User,
    client_for: Callable[[User], Client],
    request: pytest.FixtureRequest,
) -> None:
    assert client_for(owner)  # the owner's device session exists, to be asked for
    records = one_of_everything(owner)
    visitor = client_for(request.getfixturevalue(persona))
    before = everything_stored()
    problems = []
    for route, ids in ROUTES:
        path = missing = "/" + route
        for name in ids:
            path = path.replace(f"<uuid:{name}>", str(id_of(record_for(route, name, records))))
            missing = missing.replace(f"<uuid:{name}>", str(uuid.uuid4()))
        # A practitioner's page of any kind of entry names its kind: the journal entry's here.
        path = path.replace("<slug:kind>", records["entry_id"].exported_as)
        missing = missing.replace("<slug:kind>", records["entry_id"].exported_as)
        for method in ("get", "post"):
            answer = getattr(visitor, method)(path, FORM).status_code
            # A method a route never takes is refused (405) before it looks, for any id.
            if answer not in (404, 405):
                problems.append(f"{method.upper()} {route}: {answer}")
            elif getattr(visitor, method)(missing, FORM).status_code != answer:
                problems.append(f"{method.upper()} {route}: not the answer for a missing id")
            if everything_stored() != before:
                problems.append(f"{method.upper()} {route}: changed the owner's records")
                before = everything_stored()
    assert problems == []
