"""The export as CSV (a table a kind, in a zip) and as Markdown (to read): every entry and every
word of it there, from Settings and from the terminal."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st
from pytest_django import Settings as SettingsWrapper

from earned.accounts.models import User
from earned.exchange import formats, services
from earned.exchange.kinds import KINDS
from earned.privacy import keyring, keys
from earned.privacy.fields import EncryptedTextField
from tests.conftest import PASSPHRASE, Runner
from tests.factories import one_of_everything

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(server_mode: SettingsWrapper, owner: User) -> dict[str, Any]:
    one_of_everything(owner)  # circles and groups too: a practice server's
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        return services.export_document(owner)


def tables(archive: bytes) -> dict[str, list[dict[str, str]]]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {
            name.removesuffix(".csv"): list(
                csv.DictReader(io.StringIO(opened.read(name).decode("utf-8-sig")))
            )
            for name in opened.namelist()
            if name.endswith(".csv")
        }


def words_of(document: dict[str, Any]) -> list[tuple[str, str]]:
    """Every text a person wrote, with the kind it is in."""
    found = []
    for kind in KINDS:
        for record in document["records"][kind.name]:
            for name in kind.fields:
                field = kind.model._meta.get_field(name)
                if isinstance(field, EncryptedTextField) and record.get(name):
                    found.append((kind.name, record[name]))
    return found


def test_csv_holds_every_entry_of_every_kind_cell_for_cell(document: dict[str, Any]) -> None:
    held = tables(formats.as_csv(document))
    for kind in KINDS:
        rows = held[kind.name]
        assert [row["id"] for row in rows] == [
            each["id"] for each in document["records"][kind.name]
        ]
        for row, record in zip(rows, document["records"][kind.name], strict=True):
            assert list(row) == ["id", *kind.fields]  # every column, in the export's order
            assert row == {name: formats._cell(record.get(name)) for name in row}
    assert held["profile"][0]["display_name"] == "Sam"
    assert sum(len(held[kind.name]) for kind in KINDS) >= 20


def test_numbers_stay_numbers_and_lists_read_as_words() -> None:
    assert formats._cell(-30) == "-30"  # a violation below zero, not a guarded formula
    assert formats._cell(0.5) == "0.5"
    assert formats._cell("-30") == "'-30"  # typed words that look like one are guarded
    assert formats._cell(["experiences", "journal"]) == "experiences, journal"
    assert formats._cell(None) == ""
    assert formats._cell(False) == "false"


@settings(max_examples=60)
@given(st.text(min_size=1).filter(lambda text: "\x00" not in text))
def test_a_cell_reads_back_as_written_and_never_as_a_formula(text: str) -> None:
    rows = [{"id": "1", "body": text}]
    (row,) = csv.DictReader(io.StringIO(formats._table(rows, ["id", "body"]).decode("utf-8-sig")))
    guarded = text.startswith(formats.FORMULA_STARTS)
    assert row["body"] == ("'" + text if guarded else text)


def test_markdown_reads_as_a_document_holding_every_word(document: dict[str, Any]) -> None:
    text = formats.as_markdown(document)
    assert text.startswith("# Earned — everything of Sam's\n")
    assert "\n## Experiences\n" in text
    assert "### " in text
    for kind, words in words_of(document):
        assert words.strip() in text, f"{kind}: {words!r}"


def test_markdown_files_hold_one_entry_each(document: dict[str, Any]) -> None:
    with zipfile.ZipFile(io.BytesIO(formats.as_markdown_files(document))) as opened:
        names = opened.namelist()
        assert len(set(names)) == len(names)
        links_only = {"tested", "journal_links", "journal_people", "ladder_links"}
        assert {name.split("/")[0] for name in names} >= {
            kind.name for kind in KINDS if document["records"][kind.name]
        } - links_only
        every = "".join(opened.read(name).decode() for name in names)
    assert all(name.split("/")[0] in document["records"] for name in names)
    for _, words in words_of(document):
        assert words.strip() in every


@pytest.mark.parametrize(
    ("format_", "media_type", "ending"),
    [
        ("csv", "application/zip", ".csv.zip"),
        ("markdown", "text/markdown; charset=utf-8", ".md"),
        ("markdown-files", "application/zip", ".md.zip"),
        ("json", "application/json; charset=utf-8", ".json"),
    ],
)
def test_settings_downloads_each_format(
    owner_client: Client, format_: str, media_type: str, ending: str
) -> None:
    response = owner_client.post("/settings/export/", {"passphrase": PASSPHRASE, "format": format_})
    assert response["Content-Type"] == media_type
    assert response["Content-Disposition"].endswith(f'{ending}"')
    assert response["Cache-Control"] == "no-store"


def test_the_terminal_writes_each_format_privately(
    server_mode: SettingsWrapper, owner: User, earned: Runner, tmp_path: Path
) -> None:
    one_of_everything(owner)
    refused = earned("export", "--format", "csv", "--user", "sam")
    assert refused.exit_code != 0
    assert refused.output == "earned: A csv export is a zip file: give a PATH to write it to.\n"
    target = tmp_path / "everything.csv.zip"
    assert earned("export", str(target), "--format", "csv", "--user", "sam").exit_code == 0
    assert target.stat().st_mode & 0o777 == 0o600
    situations = {row["situation"] for row in tables(target.read_bytes())["experiences"]}
    assert "Asking Maya" in situations
    printed = earned("export", "--format", "markdown", "--user", "sam")
    assert printed.exit_code == 0
    assert "## Experiences" in printed.output
