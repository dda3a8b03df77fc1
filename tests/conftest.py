"""Shared fixtures: the named people of every test, and signing them in for real."""

from __future__ import annotations

import inspect
import os
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import hypothesis
import pytest
from click.testing import CliRunner, Result
from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.test import Client, RequestFactory
from pytest_django import Settings as SettingsWrapper

from earned.accounts import services
from earned.accounts.models import User
from earned.privacy import keyring, keys

PASSPHRASE = "tidal lantern orchard velvet"

# Speed is measured in bench/, never asserted in tests: no per-example deadline and no
# too-slow health check (a loaded CI machine would otherwise fail a correct test).
hypothesis.settings.register_profile(
    "earned", deadline=None, suppress_health_check=[hypothesis.HealthCheck.too_slow]
)
hypothesis.settings.load_profile("earned")


# A test that starts another process (the `earned` command, a server, a database dump) is slow:
# marked so that `make test` leaves it to `make test-all` and CI. Found by what its body calls,
# so a new one cannot be forgotten.
STARTS_A_PROCESS = re.compile(
    r"\b(?:subprocess\.|run_earned\(|earned_serve\(|deploy_check\(|canary_written\()"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        test = getattr(item, "function", None)
        if test is not None and STARTS_A_PROCESS.search(inspect.getsource(test)):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def no_key_in_use() -> Iterator[None]:
    """Each test starts with no data key current (the CLI sets one for its whole process)."""
    with keyring.using(None):
        yield


def make_person(username: str, display_name: str, **fields: str) -> User:
    person = User.objects.create_user(
        username=username, password=PASSPHRASE, display_name=display_name, **fields
    )
    keys.create_envelope(person, PASSPHRASE)
    return person


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    """The owners' passphrase in a file, as scripts give it to the CLI."""
    path = tmp_path / "passphrase"
    path.write_text(PASSPHRASE + "\n")
    return path


Runner = Callable[..., Result]


@pytest.fixture
def earned(owner: User, passphrase_file: Path) -> Runner:
    """Runs `earned ARGS…` for the owner, the passphrase read from a file, as scripts do;
    `typed` is what the person types (standard input)."""

    def invoke(*args: str, typed: str | None = None) -> Result:
        from earned.cli import main

        return CliRunner().invoke(
            main, [*args, "--passphrase-file", str(passphrase_file)], input=typed
        )

    return invoke


@pytest.fixture
def owner(db: None) -> User:
    """The person doing the work; in local mode, the one account (created first)."""
    return make_person("sam", "Sam", timezone="Europe/Dublin", country="IE")


@pytest.fixture
def therapist(owner: User) -> User:
    return make_person("dr-okafor", "Dr Okafor")


@pytest.fixture
def other_therapist(owner: User) -> User:
    return make_person("dr-lind", "Dr Lind")


@pytest.fixture
def other_client(owner: User) -> User:
    return make_person("robin", "Robin", country="NZ")


@pytest.fixture
def anonymous(client: Client) -> Client:
    """A visitor who is not signed in."""
    return client


@pytest.fixture
def server_mode(settings: SettingsWrapper) -> SettingsWrapper:
    settings.IS_SERVER = True
    return settings


@pytest.fixture
def ana(server_mode: SettingsWrapper) -> User:
    """A person on a practice server (her key wrapped by the server's), for care circles."""
    return make_person("ana", "Ana")


@pytest.fixture
def okafor(server_mode: SettingsWrapper) -> User:
    """A practitioner on a practice server."""
    return make_practitioner("dr-okafor", "Dr Okafor")


@pytest.fixture
def lind(server_mode: SettingsWrapper) -> User:
    """Another practitioner, in circles of her own."""
    return make_practitioner("dr-lind", "Dr Lind")


def make_practitioner(username: str, name: str) -> User:
    person = make_person(username, name)
    person.role = User.Role.PRACTITIONER
    person.save(update_fields=["role"])
    return person


def sign_in(client: Client, user: User, user_agent: str = "Firefox/130 (X11; Linux)") -> Client:
    """Sign a test client in through the real sign-in service, as a browser would be."""
    request = RequestFactory().get("/", HTTP_USER_AGENT=user_agent)
    SessionMiddleware(lambda _: HttpResponse()).process_request(request)
    services.sign_in(request, user, PASSPHRASE)
    request.session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = request.session.session_key or ""
    return client


@pytest.fixture
def owner_client(client: Client, owner: User) -> Client:
    return sign_in(client, owner)


@pytest.fixture
def client_for(db: None) -> Callable[[User], Client]:
    return lambda user: sign_in(Client(), user)


POSTGRES = os.environ.get("EARNED_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")


@pytest.fixture
def two_postgres_databases() -> Iterator[tuple[str, str]]:
    """Two new, empty PostgreSQL databases on the machine's server, dropped afterwards."""
    psycopg = pytest.importorskip("psycopg")
    suffix = uuid.uuid4().hex[:8]
    names = (f"earned_backup_source_{suffix}", f"earned_backup_target_{suffix}")
    try:
        admin = psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        pytest.skip(f"no PostgreSQL server at {POSTGRES} (CI has one)")
    with admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield (f"{POSTGRES}/{names[0]}", f"{POSTGRES}/{names[1]}")
        finally:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
