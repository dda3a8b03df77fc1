"""One damaged value never takes a person's other entries with it. Every kind of encrypted
value is tampered with in each of three ways — a flipped character, a swap with another
record's, a value moved from another table — and then: its place says calmly that it could not
be opened, every page and search still answer, the export writes everything else and lists it,
an import of that export keeps the rest and the place, and `earned check --data` names it by
kind, date and id, never by its words."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import models
from django.test import Client
from pytest_django import Settings as SettingsWrapper

from earned.accounts.models import User
from earned.exchange import preparing, services
from earned.exchange.kinds import KINDS
from earned.ledger.models import Experience
from earned.privacy import keyring, keys
from earned.privacy.damage import damaged, sealed_models
from earned.privacy.fields import UNOPENED, EncryptedTextField, Unopened
from earned.reflection import services as reflection
from earned.reflection.models import JournalEntry
from tests.conftest import PASSPHRASE, Runner, make_person
from tests.factories import id_of, one_of_everything
from tests.test_every_record_route import ROUTES, record_for

pytestmark = pytest.mark.django_db

PAGES = [
    "/", "/reflect/journal/", "/reflect/", "/experiences/", "/expectations/", "/people/",
    "/practice/", "/practice/scripts/", "/insights/", "/insights/map/", "/check-ins/",
    "/safety-plan/", "/ruptures/", "/reflect/dialogues/", "/reflect/shifts/", "/groups/",
    "/settings/", "/search/?q=Maya", "/search/?q=ask",
]  # fmt: skip
WAYS = ("flipped", "swapped", "moved")


def places(owner: User) -> Iterator[tuple[type[models.Model], EncryptedTextField, Any]]:
    """Each model with encrypted values, one of its fields, and the owner's row holding one."""
    for model, fields, _ in sealed_models():
        for field in fields:
            row = (
                model._default_manager.filter(owner=owner)
                .exclude(**{f"{field.attname}__isnull": True})
                .order_by("pk")
                .first()
            )
            if row is not None:
                yield model, field, row
                break


def raw(model: type[models.Model], name: str, pk: Any) -> str:
    """A value as stored: its token."""
    value = model._default_manager.filter(pk=pk).values_list(name, flat=True).get()
    return str(value)


def flipped(token: str) -> str:
    """A stored token with one character in its middle changed."""
    middle = len(token) // 2
    return token[:middle] + ("A" if token[middle] != "A" else "B") + token[middle + 1 :]


def tampered(owner: User, model: type[models.Model], field: EncryptedTextField, row: Any,
             way: str) -> str:  # fmt: skip
    """The token to put in the row's place: its own with a character flipped, another record's,
    or a value of another table."""
    token = raw(model, field.attname, row.pk)
    if way == "flipped":
        token = flipped(token)
    elif way == "swapped":  # with another of the person's own, else with someone else's
        others = model._default_manager.exclude(pk=row.pk).exclude(
            **{f"{field.attname}__isnull": True}
        )
        other = others.filter(owner=owner).first() or others.first()
        assert other is not None, f"no second {model.__name__} to swap with"
        token = raw(model, field.attname, other.pk)
    else:  # moved from another table
        source: type[models.Model] = Experience if model is JournalEntry else JournalEntry
        name = "situation" if source is Experience else "body"
        moved = source._default_manager.filter(owner=owner).first()
        assert moved is not None
        token = raw(source, name, moved.pk)
    return token


def tamper(owner: User, model: type[models.Model], field: EncryptedTextField, row: Any,
           way: str) -> None:  # fmt: skip
    token = tampered(owner, model, field, row, way)
    model._default_manager.filter(pk=row.pk).update(**{field.attname: token})


@pytest.fixture
def lived_in(server_mode: SettingsWrapper, owner: User, owner_client: Client) -> dict[str, Any]:
    """Every kind of record (by the name a URL gives its id), and another person's too (a swap
    needs a second)."""
    records = one_of_everything(owner)
    one_of_everything(make_person("robin", "Robin"), "2")
    return records


def every_page(records: dict[str, Any]) -> Iterator[str]:
    """Every page that names one of the person's records, its ids filled in."""
    for route, ids in ROUTES:
        path = "/" + route
        for name in ids:
            path = path.replace(f"<uuid:{name}>", str(id_of(record_for(route, name, records))))
        yield path.replace("<slug:kind>", records["entry_id"].exported_as)


@pytest.mark.parametrize("way", WAYS)
def test_each_kind_tampered_says_so_in_its_place_and_nothing_else_breaks(
    lived_in: dict[str, Any], owner: User, owner_client: Client, way: str
) -> None:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        targets = list(places(owner))
        assert len(targets) >= 19  # every kind a person writes in
        tokens = [tampered(owner, model, field, row, way) for model, field, row in targets]
        for (model, field, row), token in zip(targets, tokens, strict=True):
            model._default_manager.filter(pk=row.pk).update(**{field.attname: token})
        found = {(d.record_id, d.field) for d in damaged(owner)}
        assert found == {(str(row.pk), str(field.verbose_name)) for _, field, row in targets}
        for model, field, row in targets:
            fresh = model._default_manager.get(pk=row.pk)
            value = getattr(fresh, field.attname)
            assert isinstance(value, Unopened)
            assert value == UNOPENED  # never another record's words
            if hasattr(fresh, "get_absolute_url"):
                page = owner_client.get(fresh.get_absolute_url())
                assert page.status_code == 200, f"{model.__name__} page with a damaged value"
                assert "could not be opened" in page.content.decode()
        for address in PAGES:
            assert owner_client.get(address).status_code == 200, address
        owner_client.raise_request_exception = False
        broken = [
            path for path in every_page(lived_in) if owner_client.get(path).status_code >= 500
        ]
        assert broken == []

        document = services.export_document(owner)
    listed = {(place["kind"], place["id"], place["field"]) for place in document["could_not_open"]}
    exported = {kind.model: kind for kind in KINDS}
    expected = {
        (exported[model].name, str(row.pk), field.name)
        for model, field, row in targets
        if model in exported and field.name in exported[model].fields
    }
    records = {place for place in listed if place[0] in {k.name for k in exported.values()}}
    assert records == expected
    # The circle's and groups' histories (sessions, comments, replies) say theirs too.
    assert {kind for kind, _, _ in listed - records} <= {
        "care_circle.sessions", "care_circle.comments", "care_circle.assignments",
        "groups.memberships", "groups.shares", "groups.replies", "groups.pair_requests",
    }  # fmt: skip
    for kind, record_id, name in records:
        (record,) = [r for r in document["records"][kind] if r["id"] == record_id]
        assert record[name] is None
    assert UNOPENED not in json.dumps(document)

    # Brought into a new account (on a new computer: the old one is gone), the rest is whole
    # and each damaged place says so.
    services.erase_account(owner)
    newcomer = make_person("river", "River")
    with keyring.using(keys.open_data_key(newcomer, PASSPHRASE)):
        services.import_document(newcomer, json.loads(json.dumps(document)))
        again = services.export_document(newcomer)
        for kind, record_id, name in records:
            model = next(k.model for k in KINDS if k.name == kind)
            assert getattr(model._default_manager.get(pk=record_id), name) == (
                preparing.UNOPENED_IN_EXPORT
            )
    assert "could_not_open" not in again  # the places now hold words, saying what happened
    for kind, items in document["records"].items():
        for before, after in zip(items, again["records"][kind], strict=True):
            changed = {n for n in before if before[n] != after[n]}
            assert all((kind, before["id"], n) in listed for n in changed)


def test_saving_a_record_with_a_damaged_value_keeps_the_damaged_token(
    owner: User, owner_client: Client
) -> None:
    """Nothing overwrites what a backup or a repair might still bring back."""
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        one_of_everything(owner)
        entry = JournalEntry.objects.filter(owner=owner).first()
        assert entry is not None
        field = JournalEntry._meta.get_field("body")
        tamper(owner, JournalEntry, field, entry, "flipped")
        damaged_token = raw(JournalEntry, "body", entry.pk)
        fresh = JournalEntry.objects.get(pk=entry.pk)
        assert isinstance(fresh.body, Unopened)
        fresh.prompt = ""
        fresh.save()
        assert raw(JournalEntry, "body", entry.pk) == damaged_token


def test_the_terminal_exports_the_rest_and_check_names_the_damage(
    owner: User, earned: Runner, tmp_path: Path
) -> None:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        entry = reflection.save_entry(owner, JournalEntry(body="A quiet day by the sea"))
        reflection.save_entry(owner, JournalEntry(body="Another quiet one"))
        words = entry.body
        tamper(owner, JournalEntry, JournalEntry._meta.get_field("body"), entry, "flipped")
    out = tmp_path / "export.json"
    exported = earned("export", str(out))
    assert exported.exit_code == 1
    assert exported.output.count("\n") == 1  # one line
    assert f"Exported everything else to {out}; 1 part of an entry could not be opened" in (
        exported.output
    )
    assert "Traceback" not in exported.output
    document = json.loads(out.read_text())
    assert document["could_not_open"] == [
        {"kind": "journal_entries", "id": str(entry.pk), "field": "body"}
    ]
    checked = earned("check", "--data")
    assert checked.exit_code == 1
    assert "journal entry, " in checked.output
    assert f"(id {entry.pk}): what you wrote" in checked.output
    assert "1 value above could not be opened" in checked.output
    assert words not in checked.output
    assert "Traceback" not in checked.output
    assert earned("search", "quiet").exit_code == 0


def test_an_undamaged_account_checks_clean(owner: User, earned: Runner) -> None:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        reflection.save_entry(owner, JournalEntry(body="A quiet day by the sea"))
    checked = earned("check", "--data")
    assert checked.exit_code == 0, checked.output
    assert "Every encrypted value you own opens with your key." in checked.output
