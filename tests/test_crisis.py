from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from earned.accounts.models import User
from earned.safety.services import crisis_data, dial_uri, resources_for

REQUIRED = [
    "US",
    "CA",
    "GB",
    "IE",
    "AU",
    "NZ",
    "DE",
    "FR",
    "NL",
    "ES",
    "IT",
    "IN",
    "BR",
    "JP",
    "ZA",
]


def test_it_covers_the_countries_we_promise() -> None:
    assert set(REQUIRED) <= set(crisis_data().countries)


@pytest.mark.parametrize("code", REQUIRED)
def test_every_entry_is_dated_sourced_and_reachable(code: str) -> None:
    country = resources_for(code)
    assert country is not None
    assert re.fullmatch(r"[0-9]{2,6}", country.emergency.number)
    assert country.emergency.source.startswith("https://")
    assert country.lines, f"{code} has no crisis line"
    for line in country.lines:
        assert line.call or line.text, line.name
        assert line.url.startswith("https://")
        assert line.source.startswith("https://")
        checked = datetime.date.fromisoformat(line.verified)
        assert checked <= datetime.date.today()
        for number in (line.call, line.text, *line.also_call):
            if number:
                assert re.fullmatch(r"[0-9][0-9 -]*[0-9]", number), number


def test_well_known_numbers_are_right() -> None:
    expectations = {
        "US": ("911", "988"),
        "CA": ("911", "988"),
        "GB": ("999", "116 123"),
        "AU": ("000", "13 11 14"),
        "NZ": ("111", "1737"),
        "FR": ("112", "3114"),
        "NL": ("112", "113"),
        "ES": ("112", "024"),
        "BR": ("192", "188"),
        "IN": ("112", "14416"),
    }
    for code, (emergency, first_line) in expectations.items():
        country = resources_for(code)
        assert country is not None
        assert (country.emergency.number, country.lines[0].call) == (emergency, first_line), code


@given(st.text())
def test_dial_targets_hold_only_digits_and_plus(number: str) -> None:
    assert re.fullmatch(r"[0-9+]*", dial_uri(number))


def test_dial_targets_drop_what_people_read_but_phones_do_not_need() -> None:
    assert dial_uri("0800 111 0 111") == "08001110111"
    assert dial_uri("1-800-891-4416") == "18008914416"


@pytest.mark.django_db
def test_the_page_is_open_to_everyone(client: Client) -> None:
    response = client.get("/help/?country=GB")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'href="tel:116123"' in body
    assert 'href="tel:999"' in body


@pytest.mark.django_db
def test_it_shows_the_persons_own_country(owner_client: Client, owner: User) -> None:
    body = owner_client.get("/help/").content.decode()
    assert "Emergency in Ireland" in body
    assert "Pieta" in body


@pytest.mark.django_db
def test_it_offers_directories_when_the_country_is_unknown(client: Client) -> None:
    body = client.get("/help/?country=XX").content.decode()
    assert "Find a line near you" in body
    assert "findahelpline.com" in body
    assert "local emergency number" in body


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/settings/", "/help/", "/no-such-page/"])
def test_help_is_one_click_from_every_signed_in_page(owner_client: Client, path: str) -> None:
    assert 'href="/help/"' in owner_client.get(path).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/sign-in/", "/welcome/not-a-link/", "/no-such-page/"])
def test_help_is_one_click_from_every_signed_out_page(client: Client, path: str) -> None:
    assert 'href="/help/"' in client.get(path).content.decode()
