"""Schemathesis against the API's own OpenAPI description: every operation, with data made up
from its schema, valid and not, by a token that may do everything — never a server error, every
answer as described."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from schemathesis.specs.openapi.checks import positive_data_acceptance

from earned.accounts.models import User
from earned.api import tokens
from earned.privacy import keyring, keys
from earned.records.models import Category
from tests.conftest import PASSPHRASE

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def connection_kept() -> Iterator[None]:
    """Called straight through WSGI, Django would close the test's database connection after
    each call (PostgreSQL's, mid-transaction); its test client keeps it open the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def secret(owner: User) -> str:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        return tokens.create(owner, "schemathesis", list(Category), can_write=True).secret


@schema.parametrize()
@hypothesis.settings(
    max_examples=15,
    suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture],
    deadline=None,
)
def test_every_operation_answers_as_described(case: schemathesis.Case[Any], secret: str) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {secret}"},
        # A record's own rules refuse some data its shape allows (a finished debrief says what
        # happened): a 422 with a plain reason, which every operation documents.
        excluded_checks=[positive_data_acceptance],
    )
