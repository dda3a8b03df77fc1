"""How long a person's words may be: one rule per field, held the same way in the browser, the
terminal, the API and an import, with a message that says both lengths — and what was typed
stays on the page to be shortened."""

from __future__ import annotations

import html
import json

import pytest
from django.apps import apps
from django.test import Client

from earned.accounts.models import User
from earned.api import tokens
from earned.exchange import services as exchange
from earned.exchange.services import ImportProblem
from earned.ledger.models import Expectation, Experience
from earned.privacy import keyring, keys
from earned.privacy.fields import WRITING_LIMIT, EncryptedTextField
from earned.records.models import LINE_LIMIT, NAME_LIMIT
from earned.relationships.models import Person
from tests.conftest import PASSPHRASE, Runner

pytestmark = pytest.mark.django_db

# Fields that hold a whole file or a whole form, each sized where it is written, and a
# questionnaire's answers (numbers, one for each of its questions: `validate_answers`).
UNLIMITED = {
    "measures.Questionnaire.wording", "drafts.Draft.fields", "exchange.Arrival.found",
    "measures.Response.answers",
}  # fmt: skip


def test_every_field_of_a_persons_words_has_a_limit() -> None:
    limits = {
        f"{model._meta.label}.{field.name}": field.limit
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField)
    }
    assert {name for name, limit in limits.items() if limit is None} == UNLIMITED
    assert all(limit <= WRITING_LIMIT for limit in limits.values() if limit is not None)


def test_a_long_expectation_is_refused_kindly_and_kept_on_the_page(owner_client: Client) -> None:
    words = ("When I ask for help, people get annoyed. " * 1250).strip()  # 50 KB, pasted
    response = owner_client.post(
        "/expectations/new/", {"text": words, "feels_true": "80", "think_true": "40"}
    )
    page = html.unescape(response.content.decode())
    assert f"Please keep this to {LINE_LIMIT} characters or fewer (it has {len(words):,})." in page
    assert words in page  # nothing typed is lost
    assert not Expectation.objects.exists()

    short = owner_client.post(
        "/expectations/new/", {"text": "x" * LINE_LIMIT, "feels_true": "80", "think_true": "40"}
    )
    assert short.status_code == 302


def test_a_name_holds_what_its_field_says(owner_client: Client) -> None:
    refused = owner_client.post("/people/new/", {"name": "J" * 500, "feels_safe": "50"})
    assert f"Please keep this to {NAME_LIMIT} characters or fewer (it has 500)." in (
        refused.content.decode()
    )
    assert 'maxlength="' not in refused.content.decode()  # a paste is never cut short unseen
    assert not Person.objects.exists()
    kept = owner_client.post("/people/new/", {"name": "J" * NAME_LIMIT, "feels_safe": "50"})
    assert kept.status_code == 302


def test_the_terminal_says_it_in_one_line_and_saves_nothing(owner: User, earned: Runner) -> None:
    result = earned(
        "log", "--situation", "s" * (LINE_LIMIT + 1), "--happened", "h", "--occurred", "5"
    )
    assert result.exit_code != 0
    assert result.output == (
        f"earned: --situation: Please keep this to {LINE_LIMIT} characters or fewer "
        f"(it has {LINE_LIMIT + 1}).\n"
    )
    assert not Experience.objects.exists()


def test_the_api_says_which_field_and_saves_nothing(owner: User) -> None:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        secret = tokens.create(owner, "script", ["expectations"], can_write=True).secret
    script = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    body = {"text": "x" * (LINE_LIMIT + 1), "feels_true": 80, "think_true": 40}
    response = script.post("/api/expectations", json.dumps(body), content_type="application/json")
    assert 400 <= response.status_code < 500
    assert f"Please keep this to {LINE_LIMIT} characters or fewer" in response.content.decode()
    assert not Expectation.objects.exists()


def test_an_import_holds_the_same_limits(owner: User) -> None:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        document = exchange.export_document(owner)
        document["records"]["people"] = [
            {"id": "6f1c1d9e-6d1e-4a43-9d0a-2f1f0c1b7a10", "name": "J" * (NAME_LIMIT + 1),
             "role": "", "note": None, "safe_ally": False, "archived_at": None,
             "created_at": "2026-11-01T10:00:00+00:00", "visibility": "follow"}
        ]  # fmt: skip
        with pytest.raises(ImportProblem, match=r"people\[0\]\.name is not valid: Please keep"):
            exchange.import_document(owner, json.loads(json.dumps(document)))
    assert not Person.objects.exists()
