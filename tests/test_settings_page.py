from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from earned.accounts.models import DeviceSession, User
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.django_db


def test_it_shows_the_settings(owner_client: Client) -> None:
    body = owner_client.get("/settings/").content.decode()
    assert "About you" in body
    assert "Firefox on Linux" in body
    assert "this device" in body


def test_it_saves_name_timezone_country_and_theme(owner_client: Client, owner: User) -> None:
    response = owner_client.post(
        "/settings/profile/",
        {"display_name": "Sammy", "timezone": "Pacific/Auckland", "country": "NZ", "theme": "dark"},
    )
    assert response["Location"] == "/settings/"
    owner.refresh_from_db()
    assert (owner.display_name, owner.timezone, owner.country, owner.theme) == (
        "Sammy",
        "Pacific/Auckland",
        "NZ",
        "dark",
    )
    assert '<html lang="en" data-theme="dark">' in owner_client.get("/").content.decode()


def test_it_keeps_typed_values_when_the_profile_is_invalid(owner_client: Client) -> None:
    response = owner_client.post(
        "/settings/profile/",
        {"display_name": "Sammy", "timezone": "Mars/Olympus", "country": "", "theme": "light"},
    )
    assert response.status_code == 400
    assert 'value="Sammy"' in response.content.decode()


def test_changing_the_passphrase_needs_the_current_one(owner_client: Client, owner: User) -> None:
    response = owner_client.post(
        "/settings/passphrase/",
        {
            "current": "not my passphrase",
            "passphrase": "amber kettle north meadow",
            "passphrase_again": "amber kettle north meadow",
        },
    )
    assert response.status_code == 400
    assert "not your current passphrase" in response.content.decode()
    owner.refresh_from_db()
    assert owner.check_password(PASSPHRASE)


def test_changing_the_passphrase_ends_other_sessions_only(
    owner: User, client_for: Callable[[User], Client]
) -> None:
    here, elsewhere = client_for(owner), client_for(owner)
    response = here.post(
        "/settings/passphrase/",
        {
            "current": PASSPHRASE,
            "passphrase": "amber kettle north meadow",
            "passphrase_again": "amber kettle north meadow",
        },
    )
    assert response["Location"] == "/settings/"
    assert here.get("/").status_code == 200
    assert elsewhere.get("/").status_code == 302
    owner.refresh_from_db()
    assert owner.check_password("amber kettle north meadow")


def test_it_signs_out_another_device(owner: User, client_for: Callable[[User], Client]) -> None:
    here, elsewhere = client_for(owner), client_for(owner)
    other = DeviceSession.objects.exclude(session_key=here.session.session_key).get(owner=owner)
    response = here.post(f"/settings/sessions/{other.public_id}/end/")
    assert response["Location"] == "/settings/"
    assert elsewhere.get("/").status_code == 302
    assert here.get("/").status_code == 200


def test_signing_out_everywhere_ends_every_session(
    owner: User, client_for: Callable[[User], Client]
) -> None:
    here, elsewhere = client_for(owner), client_for(owner)
    response = here.post("/settings/sessions/end-all/")
    assert response["Location"] == "/sign-in/"
    assert here.get("/").status_code == 302
    assert elsewhere.get("/").status_code == 302
    assert not DeviceSession.objects.filter(owner=owner).exists()


def test_another_persons_session_is_not_found(
    owner: User, other_client: User, client_for: Callable[[User], Client]
) -> None:
    mine = client_for(owner)
    theirs = client_for(other_client)
    their_session = DeviceSession.objects.get(owner=other_client)
    response = mine.post(f"/settings/sessions/{their_session.public_id}/end/")
    assert response.status_code == 404
    assert theirs.get("/").status_code == 200


def test_settings_need_signing_in(anonymous: Client, owner: User) -> None:
    assert anonymous.get("/settings/").status_code == 302
    assert anonymous.post("/settings/sessions/end-all/").status_code == 302
