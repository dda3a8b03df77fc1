"""Schemathesis against the API's own OpenAPI description: every operation, with data made up
from its schema, valid and not, by a token that may do everything — never a server error, every
answer as described."""

from __future__ import annotations

from typing import Any

import hypothesis
import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from schemathesis.specs.openapi.checks import positive_data_acceptance

from earned.accounts.models import User
from earned.api import tokens
from earned.privacy import keyring, keys
from earned.records.models import Category
from tests.conftest import PASSPHRASE

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


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
