"""Schemathesis against the API's own OpenAPI description: every operation, with data made up
from its schema, valid and not, by a token that may do everything — and chains of operations,
each using what an earlier one answered (a record made, then read, changed, deleted) — never a
server error, every answer as described."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import hypothesis
import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from schemathesis.core.transport import Response
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


# The chains call with a token as their own auth, so schemathesis knows the call is signed in
# (and checks that the same call without it, or with a made-up one, answers 401).
chained = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
token_in_use: dict[str, str] = {}


@chained.auth(refresh_interval=None)  # a new person, and token, for each test
class TheToken:
    def get(self, case: schemathesis.Case[Any], context: Any) -> str:
        return token_in_use["secret"]

    def set(self, case: schemathesis.Case[Any], data: str, context: Any) -> None:
        case.headers["Authorization"] = f"Bearer {data}"


def test_chains_of_operations_answer_as_described(secret: str) -> None:
    """Schemathesis links the operations itself (a POST's `id` to the GET, PATCH and DELETE of
    that kind's `{record_id}`, a step's `ladder`…), so records are made and then used."""
    token_in_use["secret"] = secret

    class Chained(chained.as_state_machine()):  # type: ignore[misc]
        """Each scenario starts from the same place — no records of an earlier one, no calls
        counted against the limit — so that Hypothesis, replaying one, sees the same answers."""

        def setup(self) -> None:
            cache.clear()
            self.scenario = transaction.atomic()
            self.scenario.__enter__()

        def teardown(self) -> None:
            transaction.set_rollback(True)
            self.scenario.__exit__(None, None, None)

        def validate_response(
            self, response: Response, case: schemathesis.Case[Any], *args: Any, **kwargs: Any
        ) -> None:
            case.validate_response(
                response, excluded_checks=[positive_data_acceptance], transport_kwargs=kwargs
            )

    Chained.run(
        settings=hypothesis.settings(
            max_examples=60,
            stateful_step_count=6,
            deadline=None,
            suppress_health_check=list(hypothesis.HealthCheck),
        )
    )
