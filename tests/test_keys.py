"""Each person's data key: wrapped, opened, re-wrapped, held only in memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from django.test import Client
from pytest_django import Settings as SettingsWrapper

from earned.accounts import services
from earned.accounts.models import User
from earned.cli import main
from earned.environment import ConfigurationError
from earned.privacy import crypto, keyring, keys
from earned.privacy.models import KeyEnvelope
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.django_db


def test_a_local_account_is_wrapped_by_its_passphrase(owner: User) -> None:
    envelope = KeyEnvelope.objects.get(owner=owner)
    assert envelope.kind == "passphrase"
    assert envelope.kdf == {"time_cost": 1, "memory_kib": 1024, "parallelism": 1}
    assert len(keys.open_data_key(owner, PASSPHRASE)) == 32


def test_a_wrong_passphrase_never_makes_a_new_key(owner: User) -> None:
    before = KeyEnvelope.objects.get(owner=owner).wrapped_key
    with pytest.raises(keys.WrongPassphrase):
        keys.open_data_key(owner, "not the passphrase at all")
    assert KeyEnvelope.objects.get(owner=owner).wrapped_key == before
    assert KeyEnvelope.objects.count() == 1


def test_changing_the_passphrase_rewraps_the_same_key(owner: User) -> None:
    data_key = keys.open_data_key(owner, PASSPHRASE)
    before = KeyEnvelope.objects.get(owner=owner).wrapped_key
    keys.rewrap_for_new_passphrase(owner, PASSPHRASE, "amber kettle north meadow")
    assert KeyEnvelope.objects.get(owner=owner).wrapped_key != before
    assert keys.open_data_key(owner, "amber kettle north meadow") == data_key
    with pytest.raises(keys.WrongPassphrase):
        keys.open_data_key(owner, PASSPHRASE)


def test_stored_parameters_below_the_floor_are_refused(
    owner: User, settings: SettingsWrapper
) -> None:
    settings.KDF_FLOOR = crypto.PRODUCTION_FLOOR  # the tests' cheap envelope is now too weak
    with pytest.raises(crypto.WeakKdfParameters):
        keys.open_data_key(owner, PASSPHRASE)


def test_a_server_account_is_wrapped_by_the_instance_key(server_mode: SettingsWrapper) -> None:
    person = services.create_account(name="Robin", passphrase="quiet harbour lemon tram")
    envelope = KeyEnvelope.objects.get(owner=person)
    assert envelope.kind == "instance"
    assert envelope.salt == ""
    assert envelope.kdf == {}
    assert len(keys.open_data_key(person)) == 32


def test_another_instance_key_does_not_open_a_server_account(
    server_mode: SettingsWrapper, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = services.create_account(name="Robin", passphrase="quiet harbour lemon tram")
    monkeypatch.setenv("EARNED_MASTER_KEY", "b3RoZXItaW5zdGFuY2Uta2V5LTMyLWJ5dGVzLWxvbmc=")
    with pytest.raises(crypto.DecryptionError):
        keys.open_data_key(person)


@pytest.mark.parametrize("value", ["", "bm90IDMyIGJ5dGVz", "%%%"])
def test_a_missing_or_malformed_instance_key_names_the_fix(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("EARNED_MASTER_KEY", value)
    monkeypatch.delenv("EARNED_MASTER_KEY_FILE", raising=False)
    with pytest.raises(ConfigurationError, match=r"EARNED_MASTER_KEY|32 bytes"):
        keys.instance_key()


def test_signing_in_unlocks_and_signing_out_locks(client: Client, owner: User) -> None:
    client.post("/sign-in/", {"passphrase": PASSPHRASE})
    session_key = client.session.session_key
    assert keyring.held(session_key) == keys.open_data_key(owner, PASSPHRASE)
    client.post("/sign-out/")
    assert keyring.held(session_key) is None


def test_after_a_restart_entries_are_locked_until_sign_in(owner_client: Client) -> None:
    keyring.release_all()  # what a restart does: the keys were only ever in memory
    response = owner_client.get("/settings/")
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/settings/"
    page = owner_client.get("/sign-in/?next=/settings/").content.decode()
    assert "Earned was restarted, so your entries are locked again." in page


def test_signing_out_a_device_locks_it(owner: User, owner_client: Client) -> None:
    other = Client()
    other.post("/sign-in/", {"passphrase": PASSPHRASE})
    other_key = other.session.session_key
    services.sign_out_everywhere(owner)
    assert keyring.held(other_key) is None


def test_an_account_from_before_keys_existed_gets_one_at_sign_in(client: Client, db: None) -> None:
    legacy = User.objects.create_user(username="sam", password=PASSPHRASE, display_name="Sam")
    client.post("/sign-in/", {"passphrase": PASSPHRASE})
    assert keys.open_data_key(legacy, PASSPHRASE) == keyring.held(client.session.session_key)


def test_the_current_key_is_only_there_during_a_request() -> None:
    with pytest.raises(keyring.Locked):
        keyring.current_key()
    with keyring.using(b"k" * 32):
        assert keyring.current_key() == b"k" * 32
    with pytest.raises(keyring.Locked):
        keyring.current_key()


NEW_INSTANCE_KEY = "bmV3LWluc3RhbmNlLWtleS1mb3ItdGVzdHMtMzJieXQ="


def test_rotating_the_instance_key_rewraps_every_key(
    server_mode: SettingsWrapper, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    people = [
        services.create_account(name=name, passphrase="quiet harbour lemon tram")
        for name in ("Robin", "Alex")
    ]
    before = {person.pk: keys.open_data_key(person) for person in people}
    new_key_file = tmp_path / "new-key"
    new_key_file.write_text(NEW_INSTANCE_KEY + "\n")
    result = CliRunner().invoke(main, ["keys", "rotate", "--new-key-file", str(new_key_file)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Re-wrapped 2 data keys.")
    monkeypatch.setenv("EARNED_MASTER_KEY", NEW_INSTANCE_KEY)
    assert {person.pk: keys.open_data_key(person) for person in people} == before


def test_rotating_to_a_malformed_key_changes_nothing(
    server_mode: SettingsWrapper, tmp_path: Path
) -> None:
    person = services.create_account(name="Robin", passphrase="quiet harbour lemon tram")
    before = KeyEnvelope.objects.get(owner=person).wrapped_key
    bad = tmp_path / "bad-key"
    bad.write_text("too short")
    result = CliRunner().invoke(main, ["keys", "rotate", "--new-key-file", str(bad)])
    assert result.exit_code == 1
    assert "32 bytes" in result.output
    assert KeyEnvelope.objects.get(owner=person).wrapped_key == before


def test_rotation_is_for_servers(tmp_path: Path) -> None:
    key_file = tmp_path / "key"
    key_file.write_text(NEW_INSTANCE_KEY)
    result = CliRunner().invoke(main, ["keys", "rotate", "--new-key-file", str(key_file)])
    assert result.exit_code == 1
    assert "server mode" in result.output
