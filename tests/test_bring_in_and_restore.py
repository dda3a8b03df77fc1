"""Bringing an export into an account, and the gates around backups in the browser. The whole
journey (download a backup, restore it into a fresh Earned) runs in tests/browser/test_moving.py
against real `earned serve` processes."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from pytest_django import Settings as SettingsWrapper

from earned.accounts import services as accounts
from earned.accounts.models import User
from earned.exchange import backup, services
from earned.privacy import keyring, keys
from tests.conftest import PASSPHRASE
from tests.encryption_app.models import Note

pytestmark = pytest.mark.django_db


def export_of(person: User) -> SimpleUploadedFile:
    with keyring.using(keys.open_data_key(person, PASSPHRASE)):
        Note.objects.create(owner=person, body="They waited for me.", aside=None, mood=4)
        document = services.export_document(person)
    return SimpleUploadedFile("export.json", json.dumps(document).encode(), "application/json")


def bring_in(client: Client, upload: SimpleUploadedFile | None) -> str:
    data = {"export": upload} if upload else {}
    response = client.post("/settings/import/", data)
    assert response["Location"] == "/settings/"
    return client.get("/settings/").content.decode()


def test_an_export_is_brought_into_an_empty_account(
    owner_client: Client, owner: User, other_client: User
) -> None:
    upload = export_of(other_client)
    services.erase_account(other_client)  # record ids travel with an export, as on a new machine
    page = bring_in(owner_client, upload)
    assert "Brought in 1 record and your settings." in page
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        assert Note.objects.get(owner=owner).body == "They waited for me."


def test_an_account_with_entries_is_left_alone(
    owner_client: Client, owner: User, other_client: User
) -> None:
    upload = export_of(other_client)
    export_of(owner)  # the owner already has a note
    page = bring_in(owner_client, upload)
    assert "Nothing was brought in. This account already has records" in page
    assert Note.objects.filter(owner=owner).count() == 1


def test_a_file_that_is_not_an_export_is_explained(owner_client: Client, owner: User) -> None:
    upload = SimpleUploadedFile("notes.txt", b"\xff\xfe not json", "text/plain")
    page = bring_in(owner_client, upload)
    assert "Nothing was brought in. This file is not an Earned export: it is not JSON." in page


def test_choosing_no_file_is_explained(owner_client: Client) -> None:
    assert "Please choose the export file to bring in" in bring_in(owner_client, None)


def test_a_file_over_the_limit_is_never_received(
    owner_client: Client, owner: User, other_client: User, settings: SettingsWrapper
) -> None:
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 64  # uploads are held in memory only, never on disk
    assert "Please choose the export file to bring in" in bring_in(
        owner_client, export_of(other_client)
    )
    assert not Note.objects.filter(owner=owner).exists()


@pytest.fixture
def backups_in_the_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a local SQLite Earned, whichever database this suite runs on."""
    monkeypatch.setattr(backup, "offered_in_the_browser", lambda: True)


def test_backups_in_the_browser_are_for_local_sqlite_only(server_mode: SettingsWrapper) -> None:
    assert backup.offered_in_the_browser() is False  # a server: the operator's command line
    server_mode.IS_SERVER = False
    assert backup.offered_in_the_browser() is (connection.vendor == "sqlite")


@pytest.mark.usefixtures("backups_in_the_browser")
def test_a_backup_download_needs_the_passphrase(owner_client: Client) -> None:
    response = owner_client.post("/settings/backup/", {"passphrase": "not it"})
    assert response["Location"] == "/settings/"
    assert "nothing was downloaded" in owner_client.get("/settings/").content.decode()


def test_a_server_offers_no_backup_in_the_browser(
    server_mode: SettingsWrapper, owner_client: Client
) -> None:
    assert "Download a backup" not in owner_client.get("/settings/").content.decode()
    response = owner_client.post("/settings/backup/", {"passphrase": PASSPHRASE})
    assert response.status_code == 404


def open_welcome_link(client: Client) -> None:
    response = client.get(f"/welcome/{accounts.issue_welcome_link()}/")
    assert response["Location"] == "/welcome/"


@pytest.mark.usefixtures("backups_in_the_browser")
def test_restore_is_offered_on_the_first_run(client: Client) -> None:
    open_welcome_link(client)
    assert 'href="/restore/"' in client.get("/welcome/").content.decode()
    page = client.get("/restore/")
    assert page.status_code == 200
    assert "Your backup file (.sqlite3)" in page.content.decode()


@pytest.mark.usefixtures("backups_in_the_browser")
def test_restore_needs_the_welcome_link(client: Client) -> None:
    assert client.get("/restore/").status_code == 404


@pytest.mark.usefixtures("backups_in_the_browser")
def test_restore_is_closed_once_an_account_exists(client: Client, owner: User) -> None:
    open_welcome_link(client)
    assert client.get("/restore/").status_code == 404
    assert client.post("/restore/").status_code == 404


def with_welcome_marker(client: Client, purpose: str) -> Client:
    session = client.session
    session["earned.welcome"] = purpose
    session.save()
    return client


@pytest.mark.usefixtures("backups_in_the_browser")
def test_an_invitation_does_not_open_restore(client: Client) -> None:
    assert with_welcome_marker(client, "invitation").get("/restore/").status_code == 404


def test_restore_is_not_offered_on_a_server(client: Client, server_mode: SettingsWrapper) -> None:
    assert with_welcome_marker(client, "welcome").get("/restore/").status_code == 404


def test_an_import_does_not_raise_the_notice_for_words_written_long_ago(
    owner_client: Client, owner: User, other_client: User
) -> None:
    with keyring.using(keys.open_data_key(other_client, PASSPHRASE)):
        Note.objects.create(owner=other_client, body="That winter I wanted to die.", mood=2)
        document = services.export_document(other_client)
    services.erase_account(other_client)
    upload = SimpleUploadedFile("export.json", json.dumps(document).encode())
    page = bring_in(owner_client, upload)
    assert "Brought in 1 record and your settings." in page
    assert "safety-notice-heading" not in page
    # Words written now still bring it, on the very next save.
    response = owner_client.post(
        "/reflect/journal/new/", {"body": "I want to die.", "prompt": ""}, follow=True
    )
    assert "safety-notice-heading" in response.content.decode()
