"""Importing an export from a file, read a kind at a time: whatever order the file's parts come
in, still all or nothing, and a damaged file explained in one sentence."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import timezone

from earned.accounts.models import User
from earned.exchange import services
from earned.exchange.kinds import KINDS
from earned.exchange.services import ImportProblem
from earned.ledger import models as ledger_models
from earned.ledger import services as ledger
from earned.ledger.models import Expectation, Experience
from earned.measures import services as measures
from earned.measures.instruments import PRACTICE
from earned.measures.models import Response
from earned.privacy import keyring, keys
from earned.search import services as search
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.django_db


@pytest.fixture
def unlocked(owner: User) -> Iterator[User]:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        yield owner


def exported_and_emptied(owner: User) -> dict[str, Any]:
    """An export of an expectation tested by an experience and a questionnaire taken, after
    which the account is emptied again, ready to take it back."""
    expectation = ledger.add_expectation(owner, "They will leave", feels_true=80, think_true=30)
    ledger.save_experience(
        owner,
        Experience(situation="Told Jo I was hurt", happens_at=timezone.now(), likelihood=80,
                   occurred=10, happened="Jo listened"),
        expectations=[expectation],
        finish=True,
    )  # fmt: skip
    measures.record(owner, PRACTICE, {1: 3, 2: 4, 3: 3, 4: 4, 5: 4}, "")
    document = services.export_document(owner)
    for kind in reversed(KINDS):
        kind.model._default_manager.filter(owner=owner).delete()
    return document


def as_file(document: dict[str, Any]) -> io.BytesIO:
    return io.BytesIO(json.dumps(document).encode())


def test_the_parts_of_a_file_may_come_in_any_order(unlocked: User) -> None:
    document = exported_and_emptied(unlocked)
    records = document.pop("records")
    profile = document.pop("profile")
    reordered = {
        "records": dict(reversed(records.items())),  # the links before what they point at
        "profile": profile,
        **document,  # the format and version last
    }
    counts = services.import_file(unlocked, as_file(reordered))
    assert counts["tested"] == counts["experiences"] == counts["expectations"] == 1
    tested = ledger_models.Tested.objects.get(owner=unlocked)
    assert tested.experience.situation == "Told Jo I was hurt"
    assert search.find(unlocked, "hurt").count == 1


def test_a_number_with_a_fraction_comes_back_as_it_was(unlocked: User) -> None:
    document = exported_and_emptied(unlocked)
    [taken] = document["records"]["measures"]
    assert isinstance(taken["total"], float)  # the practice check-in's mean: 3.6
    services.import_file(unlocked, as_file(document))
    assert Response.objects.get(owner=unlocked).total == taken["total"]
    again = services.export_document(unlocked)
    assert services.comparable(again) == services.comparable(document)


def test_a_link_to_a_record_the_file_does_not_hold_writes_nothing(unlocked: User) -> None:
    document = exported_and_emptied(unlocked)
    records = document["records"]
    records["tested"][0]["expectation"] = "9" * 32
    document["records"] = {"tested": records.pop("tested"), **records}  # read before the rest
    with pytest.raises(ImportProblem, match=r"tested\[0\]\.expectation points at a record"):
        services.import_file(unlocked, as_file(document))
    assert not Expectation.objects.filter(owner=unlocked).exists()
    assert not Experience.objects.filter(owner=unlocked).exists()


def test_a_file_cut_short_writes_nothing(unlocked: User) -> None:
    whole = json.dumps(exported_and_emptied(unlocked)).encode()
    cut = whole[: int(len(whole) * 0.8)]
    with pytest.raises(ImportProblem, match="damaged: it ends or breaks off part way"):
        services.import_file(unlocked, io.BytesIO(cut))
    assert not Expectation.objects.filter(owner=unlocked).exists()
    unlocked.refresh_from_db()
    assert not search.find(unlocked, "hurt").count


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe not json", "not an Earned export: it is not JSON"),
        (b"[1, 2, 3]", "not an Earned export"),
        (b'{"format": "earned-export", "version": 2}', "no profile section"),
        (b'{"format": "earned-export", "version": 2, "profile": {}, "records": []}',
         "must map each kind to a list"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_an_export_is_refused_before_anything(
    unlocked: User, content: bytes, message: str
) -> None:
    with pytest.raises(ImportProblem, match=message):
        services.read_header(io.BytesIO(content))
    with pytest.raises(ImportProblem, match=message):
        services.import_file(unlocked, io.BytesIO(content))
