"""A large export's records prepared by a helper process while the import writes: the same
records, index and round trip as an import in one process, still all or nothing, and whatever
goes wrong over there said here in one sentence."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile

from earned.accounts.models import User
from earned.exchange import preparing, services
from earned.exchange.kinds import KINDS
from earned.exchange.services import ImportProblem
from earned.ledger.models import Expectation, Experience
from earned.privacy import keyring, keys
from earned.search import finding
from earned.search import services as search
from earned.search.models import Entry, Term
from tests.conftest import PASSPHRASE
from tests.test_exchange import write_people, write_practice
from tests.test_import_file import index_of
from tests.test_search import one_of_each

pytestmark = pytest.mark.django_db(transaction=True)  # the helper is another process


@pytest.fixture
def unlocked(owner: User) -> Iterator[User]:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        yield owner


@pytest.fixture
def helped(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file, however small, prepared by a helper; the paths it was started for."""
    started: list[Path] = []
    helping = preparing.helped

    def noting(path: Path, seen: os.stat_result, job: preparing.Job) -> Any:
        started.append(path)
        return helping(path, seen, job)

    monkeypatch.setattr(preparing, "HELPED_FROM", 0)
    monkeypatch.setattr(preparing, "helped", noting)
    return started


def a_bit_of_everything(owner: User) -> None:
    """Entries of every searchable kind, people, a rupture and its repair, an experience
    testing an expectation, a ladder and its practice: rows that link to rows."""
    one_of_each(owner, "lantern")
    write_people(owner, "Maya")
    write_practice(owner, "Ask for help")


def exported_to_a_file(owner: User, folder: Path) -> tuple[dict[str, Any], Path]:
    """The person's export, kept as a file, after which the account is empty again."""
    document = services.export_document(owner)
    for kind in reversed(KINDS):
        kind.model._default_manager.filter(owner=owner).delete()
    Term.objects.all().delete()
    Entry.objects.all().delete()
    path = folder / "export.json"
    path.write_text(json.dumps(document))
    return document, path


def import_from(owner: User, path: Path) -> dict[str, int]:
    with path.open("rb") as stream:
        return services.import_file(owner, stream)


@pytest.mark.slow  # starts the helper process
def test_a_helper_brings_back_every_record_and_word_as_one_process_would(
    unlocked: User, tmp_path: Path, helped: list[Path]
) -> None:
    a_bit_of_everything(unlocked)
    document, path = exported_to_a_file(unlocked, tmp_path)

    counts = import_from(unlocked, path)
    assert helped == [path]
    assert sum(counts.values()) == sum(len(records) for records in document["records"].values())
    assert services.comparable(services.export_document(unlocked)) == services.comparable(document)
    by_helper = index_of(unlocked)
    search.rebuild(unlocked)
    assert index_of(unlocked) == by_helper
    assert finding.find(unlocked, "lantern").count == 7


@pytest.mark.slow  # starts the helper process
def test_what_the_helper_finds_wrong_is_said_and_nothing_is_written(
    unlocked: User, tmp_path: Path, helped: list[Path]
) -> None:
    a_bit_of_everything(unlocked)
    document, path = exported_to_a_file(unlocked, tmp_path)
    document["records"]["experiences"][0]["likelihood"] = "very"
    path.write_text(json.dumps(document))
    with pytest.raises(ImportProblem, match=r"experiences\[0\]\.likelihood is not valid"):
        import_from(unlocked, path)

    document["records"]["experiences"][0]["likelihood"] = 80
    document["records"]["repairs"][0]["rupture"] = "9" * 32  # found once all are read
    path.write_text(json.dumps(document))
    with pytest.raises(ImportProblem, match=r"repairs\[0\]\.rupture points at a record"):
        import_from(unlocked, path)
    assert len(helped) == 2
    assert not Expectation.objects.filter(owner=unlocked).exists()
    assert not Experience.objects.filter(owner=unlocked).exists()
    assert not Entry.objects.filter(owner=unlocked).exists()


@pytest.mark.slow  # starts the helper process
def test_a_helper_that_stops_leaves_nothing_written_and_says_so(
    unlocked: User, tmp_path: Path, helped: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    a_bit_of_everything(unlocked)
    document, path = exported_to_a_file(unlocked, tmp_path)
    with path.open("rb") as stream:
        path.unlink()  # still open here; the helper, opening it by name, finds nothing
        with pytest.raises(ImportProblem, match=r"stopped part way .* \(FileNotFoundError\)"):
            services.import_file(unlocked, stream)
    path.write_text(json.dumps(document))
    helping = preparing.helped  # the fixture's: it notes the path

    def changing(path: Path, seen: os.stat_result, job: preparing.Job) -> Any:
        path.write_text(json.dumps(document | {"profile": {}}))  # changed after it was read here
        return helping(path, seen, job)

    monkeypatch.setattr(preparing, "helped", changing)
    with pytest.raises(ImportProblem, match="The file changed while it was being imported"):
        import_from(unlocked, path)
    assert helped == [path, path]
    assert not Experience.objects.filter(owner=unlocked).exists()


def test_a_small_file_is_prepared_here(unlocked: User, tmp_path: Path) -> None:
    a_bit_of_everything(unlocked)
    document, path = exported_to_a_file(unlocked, tmp_path)
    assert path.stat().st_size < preparing.HELPED_FROM
    started = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(preparing, "helped", lambda *given: started.append(given))
        import_from(unlocked, path)
    assert not started
    assert services.comparable(services.export_document(unlocked)) == services.comparable(document)


def test_only_a_file_the_person_named_is_read_by_a_helper(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(b"{}")
    with path.open("rb") as stream:
        assert services._on_disk(stream) == (path, path.stat())
    # An upload names only the file it came from: never a path here.
    assert services._on_disk(SimpleUploadedFile(path.name, b"{}")) is None
    upload = TemporaryUploadedFile(path.name, "application/json", 2, None)
    assert services._on_disk(upload) is None
    upload.close()
    assert services._on_disk(io.BytesIO(b"{}")) is None
