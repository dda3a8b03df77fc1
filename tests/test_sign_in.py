from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from django.test import Client
from pytest_django import Settings as SettingsWrapper

from earned.accounts.models import DeviceSession, SignInFailure, User
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.django_db


def counted(calls: list[object], function: Callable[..., Any]) -> Callable[..., Any]:
    """The function, noting each call in `calls`."""

    def call(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return function(*args, **kwargs)

    return call


def test_it_signs_the_owner_in_with_the_passphrase_alone(client: Client, owner: User) -> None:
    response = client.post("/sign-in/", {"passphrase": PASSPHRASE})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_it_gives_a_new_session_key_on_sign_in(client: Client, owner: User) -> None:
    client.get("/sign-in/")
    client.session.save()
    before = client.session.session_key
    client.post("/sign-in/", {"passphrase": PASSPHRASE})
    assert client.session.session_key != before


def test_it_records_the_device_for_the_settings_page(client: Client, owner: User) -> None:
    client.post("/sign-in/", {"passphrase": PASSPHRASE}, HTTP_USER_AGENT="Mozilla Firefox/130")
    device = DeviceSession.objects.get(owner=owner)
    assert device.device == "Firefox"
    assert device.public_id is not None
    assert device.signed_in_at is not None


@pytest.mark.parametrize("passphrase", [PASSPHRASE, "not the one at all"])
def test_locally_the_passphrase_is_worked_through_argon2_once(
    client: Client, owner: User, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The passphrase is checked by opening the data key with it — not hashed to check it and
    then again to open the key (each run of Argon2 takes a noticeable moment, and memory)."""
    from earned.privacy import crypto

    derived: list[object] = []
    hashed: list[object] = []
    monkeypatch.setattr(crypto, "derive_key", counted(derived, crypto.derive_key))
    monkeypatch.setattr(User, "check_password", counted(hashed, User.check_password))
    client.post("/sign-in/", {"passphrase": passphrase})
    assert (len(derived), len(hashed)) == (1, 0)
    signed_in = client.get("/reflect/journal/").status_code == 200
    assert signed_in == (passphrase == PASSPHRASE)


def test_on_a_server_the_hash_alone_checks_the_passphrase(
    client: Client, ana: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """There the data key is the server's to open: the passphrase goes through Argon2 once, to
    check it against its hash."""
    from earned.privacy import crypto

    derived: list[object] = []
    monkeypatch.setattr(crypto, "derive_key", counted(derived, crypto.derive_key))
    answer = client.post("/sign-in/", {"username": "ana", "passphrase": PASSPHRASE})
    assert answer.status_code == 302
    assert derived == []
    assert client.get("/reflect/journal/").status_code == 200


def test_it_refuses_a_wrong_passphrase_kindly(client: Client, owner: User) -> None:
    response = client.post("/sign-in/", {"passphrase": "not the one at all"})
    assert response.status_code == 200
    assert "That passphrase does not match" in response.content.decode()
    assert client.get("/").status_code == 302


def test_it_sends_visitors_to_sign_in_and_back(client: Client, owner: User) -> None:
    response = client.get("/settings/")
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/settings/"
    response = client.post(
        "/sign-in/?next=/settings/", {"passphrase": PASSPHRASE, "next": "/settings/"}
    )
    assert response["Location"] == "/settings/"


def test_it_never_redirects_off_site_after_sign_in(client: Client, owner: User) -> None:
    response = client.post("/sign-in/", {"passphrase": PASSPHRASE, "next": "https://evil.test/"})
    assert response["Location"] == "/"


def test_it_explains_how_to_begin_before_set_up(client: Client, db: None) -> None:
    response = client.get("/sign-in/")
    assert "Almost ready" in response.content.decode()


def test_it_pauses_after_too_many_wrong_passphrases(
    client: Client, owner: User, settings: SettingsWrapper
) -> None:
    settings.SIGN_IN_LIMIT_PER_ACCOUNT = 3
    for _ in range(3):
        client.post("/sign-in/", {"passphrase": "wrong wrong wrong"})
    response = client.post("/sign-in/", {"passphrase": PASSPHRASE})
    body = response.content.decode()
    assert "signing in is paused for 15 minutes" in body
    assert client.get("/").status_code == 302  # even the right passphrase waits


def test_it_limits_by_address_too(client: Client, owner: User, settings: SettingsWrapper) -> None:
    settings.SIGN_IN_LIMIT_PER_ADDRESS = 2
    for _ in range(2):
        client.post("/sign-in/", {"passphrase": "wrong wrong wrong"})
    response = client.post("/sign-in/", {"passphrase": PASSPHRASE})
    assert "paused" in response.content.decode()


def test_it_stores_no_name_or_address_in_the_throttle(client: Client, owner: User) -> None:
    client.post("/sign-in/", {"passphrase": "wrong wrong wrong"})
    keys = list(SignInFailure.objects.values_list("key_hash", flat=True))
    assert len(keys) == 2
    assert all("127.0.0.1" not in key and "sam" not in key for key in keys)


def test_it_signs_in_by_name_on_a_server(
    client: Client, server_mode: SettingsWrapper, owner: User, other_client: User
) -> None:
    response = client.post("/sign-in/", {"username": "Robin ", "passphrase": PASSPHRASE})
    assert response.status_code == 302
    assert client.get("/").context["user"] == other_client


def test_it_answers_the_same_whether_or_not_an_account_exists(
    server_mode: SettingsWrapper, owner: User
) -> None:
    known = Client().post("/sign-in/", {"username": "sam", "passphrase": "wrong wrong wrong"})
    unknown = Client().post("/sign-in/", {"username": "nobody", "passphrase": "wrong wrong wrong"})
    assert known.status_code == unknown.status_code == 200
    assert known.context["form"].errors == unknown.context["form"].errors


def test_it_rate_limits_unknown_names_like_known_ones(
    server_mode: SettingsWrapper, owner: User
) -> None:
    server_mode.SIGN_IN_LIMIT_PER_ACCOUNT = 2
    server_mode.SIGN_IN_LIMIT_PER_ADDRESS = 100
    for name in ("sam", "nobody"):
        client = Client()
        for _ in range(2):
            client.post("/sign-in/", {"username": name, "passphrase": "wrong wrong wrong"})
        response = client.post("/sign-in/", {"username": name, "passphrase": "wrong wrong wrong"})
        assert "paused" in response.content.decode(), name


def test_it_signs_out(owner_client: Client) -> None:
    response = owner_client.post("/sign-out/")
    assert response["Location"] == "/sign-in/"
    assert owner_client.get("/").status_code == 302


def test_sign_out_needs_a_post(owner_client: Client) -> None:
    assert owner_client.get("/sign-out/").status_code == 405


def test_idle_timeout_defaults_to_twelve_hours_locally(settings: SettingsWrapper) -> None:
    assert settings.SESSION_COOKIE_AGE == 12 * 3600


def test_reading_pages_moves_the_sessions_end_without_writing_it_each_time(
    owner_client: Client, owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Idle time counts from the last request, yet a page read is not a write each time: the
    session's end moves on at most once a minute (so it ends at most a minute early)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def writes() -> list[str]:
        found = [query["sql"] for query in queries.captured_queries]
        return [sql for sql in found if sql.startswith(("UPDATE", "INSERT")) and "session" in sql]

    def session_ends() -> datetime:
        return DeviceSession.objects.get(owner=owner).expire_date

    now, later = time.time, [0.0]
    monkeypatch.setattr(time, "time", lambda: now() + later[0])
    owner_client.get("/")
    ends = session_ends()
    with CaptureQueriesContext(connection) as queries:
        later[0] += 30
        assert owner_client.get("/").status_code == 200
        assert owner_client.get("/reflect/journal/").status_code == 200
    assert writes() == []
    assert session_ends() == ends
    later[0] += 31  # a minute since the session was last written
    with CaptureQueriesContext(connection) as queries:
        assert owner_client.get("/").status_code == 200
    assert len(writes()) == 1
    assert session_ends() > ends


def test_a_visitor_reading_pages_leaves_no_session_behind(client: Client, owner: User) -> None:
    for path in ("/sign-in/", "/help/", "/offline/"):
        assert client.get(path).status_code == 200
    assert not DeviceSession.objects.exists()


def test_it_ends_a_session_that_has_been_idle_too_long(owner_client: Client, owner: User) -> None:
    from datetime import timedelta

    from django.utils import timezone

    DeviceSession.objects.filter(owner=owner).update(expire_date=timezone.now() - timedelta(1))
    assert owner_client.get("/").status_code == 302


def test_production_hashing_is_argon2id() -> None:
    from django.contrib.auth.hashers import Argon2PasswordHasher

    from earned import settings as production

    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    encoded = Argon2PasswordHasher().encode("tidal lantern orchard velvet", "somesaltvalue1234")
    assert encoded.startswith("argon2$argon2id$")
