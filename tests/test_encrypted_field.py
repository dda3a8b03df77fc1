"""The encrypted field, end to end through a real model and database."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.db import connection, models

from earned.accounts.models import User
from earned.privacy import keyring, keys
from earned.privacy.fields import EncryptedTextField, Unopened
from earned.privacy.inventory import CLEAR_TEXT
from tests.conftest import PASSPHRASE
from tests.encryption_app.models import Note

pytestmark = pytest.mark.django_db

CANARY = "canary-7f3a91 I am afraid they will leave"


@pytest.fixture
def unlocked(owner: User) -> Iterator[bytes]:
    data_key = keys.open_data_key(owner, PASSPHRASE)
    with keyring.using(data_key):
        yield data_key


def raw_column(note: Note, column: str) -> Any:
    table = Note._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [note.pk.hex])  # noqa: S608
        row = cursor.fetchone()
        if row is None:  # PostgreSQL stores UUIDs natively
            cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [note.pk])  # noqa: S608
            row = cursor.fetchone()
    assert row is not None
    return row[0]


def test_text_is_stored_encrypted_and_read_back(owner: User, unlocked: bytes) -> None:
    note = Note.objects.create(owner=owner, body=CANARY)
    stored = raw_column(note, "body")
    assert stored is not None
    assert stored.startswith("e1.")
    assert "canary" not in stored
    assert Note.objects.get(pk=note.pk).body == CANARY


def test_reading_without_the_key_is_refused(owner: User, unlocked: bytes) -> None:
    note = Note.objects.create(owner=owner, body=CANARY)
    with keyring.using(None), pytest.raises(keyring.Locked):
        _ = Note.objects.get(pk=note.pk).body


def test_numbers_stay_in_clear_for_analytics(owner: User, unlocked: bytes) -> None:
    note = Note.objects.create(owner=owner, body="x", mood=4)
    assert raw_column(note, "mood") == 4


def test_a_value_copied_to_another_row_is_never_opened_there(owner: User, unlocked: bytes) -> None:
    first = Note.objects.create(owner=owner, body="mine, here")
    second = Note.objects.create(owner=owner, body="another")
    Note.objects.filter(pk=second.pk).update(body=raw_column(first, "body"))
    read = Note.objects.get(pk=second.pk).body
    assert isinstance(read, Unopened)
    assert "mine" not in read  # the calm sentence in its place, never the other row's words


def test_a_value_copied_to_another_field_is_never_opened_there(
    owner: User, unlocked: bytes
) -> None:
    note = Note.objects.create(owner=owner, body="the body", aside="an aside")
    Note.objects.filter(pk=note.pk).update(aside=raw_column(note, "body"))
    read = Note.objects.get(pk=note.pk)
    assert isinstance(read.aside, Unopened)
    assert read.body == "the body"  # the rest of the record opens as ever


def test_another_persons_key_never_opens_it(
    owner: User, other_client: User, unlocked: bytes
) -> None:
    note = Note.objects.create(owner=owner, body=CANARY)
    other_key = keys.open_data_key(other_client, PASSPHRASE)
    with keyring.using(other_key):
        read = Note.objects.get(pk=note.pk).body
    assert isinstance(read, Unopened)
    assert "canary" not in read


def test_an_unchanged_value_is_not_re_encrypted(owner: User, unlocked: bytes) -> None:
    note = Note.objects.create(owner=owner, body="steady")
    before = raw_column(note, "body")
    fetched = Note.objects.get(pk=note.pk)
    fetched.mood = 2
    fetched.save()
    assert raw_column(note, "body") == before


def test_editing_re_encrypts(owner: User, unlocked: bytes) -> None:
    note = Note.objects.create(owner=owner, body="first")
    note.body = "second"
    note.save()
    assert Note.objects.get(pk=note.pk).body == "second"


def test_empty_optional_text_stays_empty(owner: User, unlocked: bytes) -> None:
    note = Note.objects.create(owner=owner, body="x", aside=None)
    assert raw_column(note, "aside") is None
    assert Note.objects.get(pk=note.pk).aside is None


def test_plain_text_cannot_slip_in_through_update(owner: User, unlocked: bytes) -> None:
    note = Note.objects.create(owner=owner, body="x")
    with pytest.raises(TypeError, match="written through the model"):
        Note.objects.filter(pk=note.pk).update(body="plain text")


def test_passphrase_change_leaves_entries_readable(owner: User, unlocked: bytes) -> None:
    note = Note.objects.create(owner=owner, body=CANARY)
    before = raw_column(note, "body")
    keys.rewrap_for_new_passphrase(owner, PASSPHRASE, "amber kettle north meadow")
    assert raw_column(note, "body") == before  # re-wrapped, not re-encrypted
    with keyring.using(keys.open_data_key(owner, "amber kettle north meadow")):
        assert Note.objects.get(pk=note.pk).body == CANARY


def text_columns() -> set[str]:
    found = set()
    for model in apps.get_models():
        if model._meta.app_label == "encryption_app":
            continue  # the test-only model
        for field in model._meta.concrete_fields:
            is_text = isinstance(field, models.CharField | models.TextField)
            if is_text and not isinstance(field, EncryptedTextField):
                found.add(f"{model._meta.app_label}.{model.__name__}.{field.name}")
    return found


def test_every_clear_text_column_is_on_the_allow_list() -> None:
    unexplained = text_columns() - set(CLEAR_TEXT)
    assert unexplained == set(), "encrypt these with EncryptedTextField, or justify them"


def test_the_allow_list_names_only_real_columns() -> None:
    assert set(CLEAR_TEXT) - text_columns() == set()
