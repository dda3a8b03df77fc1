"""Importing an export from a file, read a kind at a time: whatever order the file's parts come
in, still all or nothing, and a damaged file explained in one sentence."""

from __future__ import annotations

import gc
import io
import json
from collections.abc import Callable, Iterator
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
from earned.practice import services as practice
from earned.practice.models import Ladder, Step
from earned.privacy import keyring, keys
from earned.records import bulk
from earned.relationships import services as relationships
from earned.relationships.models import Person, Repair, Rupture
from earned.search import finding
from earned.search import services as search
from earned.search.models import Entry, Term
from earned.search.tokens import unpacked
from tests.conftest import PASSPHRASE
from tests.test_search import one_of_each

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
    assert finding.find(unlocked, "hurt").count == 1


def index_of(owner: User) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    """The person's search index by record: each entry with its tokens, and each term."""
    records = dict(Entry.objects.filter(owner=owner).values_list("pk", "record"))
    entries = {(record, kind, at, tuple(sorted(unpacked(tokens))))
               for record, kind, at, tokens in Entry.objects.filter(owner=owner)
               .values_list("record", "kind", "at", "tokens")}  # fmt: skip
    terms = set(Term.objects.filter(owner=owner).values_list("entry", "token"))
    return entries, {(records[entry], token) for entry, token in terms}


@pytest.mark.parametrize("order", [list, lambda kinds: list(reversed(kinds))],
                         ids=["as exported", "rows before their records"])  # fmt: skip
def test_an_import_indexes_every_word_as_a_rebuild_would(
    unlocked: User, order: Callable[[Any], list[Any]]
) -> None:
    one_of_each(unlocked, "lantern")  # the word in a feeling, a moment, a turn: rows of their own
    person = relationships.save_person(unlocked, Person(name="Maya"), feels_safe=60)
    rupture = relationships.save_rupture(
        unlocked, Rupture(person=person, kind="quiet", intensity=4, at=timezone.now())
    )
    relationships.save_repair(unlocked, Repair(rupture=rupture, what="A lantern lit"))
    ladder = practice.save_ladder(unlocked, Ladder(goal="Ask for help"), [])
    practice.add_step(unlocked, ladder, Step(description="Carry a lantern", expected_distress=20))
    document = services.export_document(unlocked)
    document["records"] = dict(order(document["records"].items()))
    for kind in reversed(KINDS):
        kind.model._default_manager.filter(owner=unlocked).delete()
    Term.objects.all().delete()
    Entry.objects.all().delete()

    services.import_file(unlocked, as_file(document))
    imported = index_of(unlocked)
    search.rebuild(unlocked)
    assert index_of(unlocked) == imported
    assert imported[1]
    assert finding.find(unlocked, "lantern").count == 9


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


def test_the_garbage_collector_is_held_off_while_an_import_runs_and_only_then(
    unlocked: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = exported_and_emptied(unlocked)
    seen_during: list[bool] = []
    writing = bulk.insert

    def noting(*args: Any) -> None:
        seen_during.append(gc.isenabled())
        writing(*args)

    monkeypatch.setattr(bulk, "insert", noting)
    assert gc.isenabled()
    services.import_file(unlocked, as_file(document))
    assert seen_during
    assert not any(seen_during)
    assert gc.isenabled()
    for kind in reversed(KINDS):  # empty again, then an import that fails part way
        kind.model._default_manager.filter(owner=unlocked).delete()
    whole = json.dumps(document).encode()
    with pytest.raises(ImportProblem):
        services.import_file(unlocked, io.BytesIO(whole[: int(len(whole) * 0.8)]))
    assert gc.isenabled()


def test_a_file_cut_short_writes_nothing(unlocked: User) -> None:
    whole = json.dumps(exported_and_emptied(unlocked)).encode()
    cut = whole[: int(len(whole) * 0.8)]
    with pytest.raises(ImportProblem, match="damaged: it ends or breaks off part way"):
        services.import_file(unlocked, io.BytesIO(cut))
    assert not Expectation.objects.filter(owner=unlocked).exists()
    unlocked.refresh_from_db()
    assert not finding.find(unlocked, "hurt").count


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
