from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django import Settings as SettingsWrapper

from earned.accounts import services
from earned.accounts.models import SignInLink, User

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Alex",
    "passphrase": "quiet harbour lemon tram",
    "passphrase_again": "quiet harbour lemon tram",
    "timezone": "Europe/Berlin",
    "country": "DE",
}


def open_link(client: Client) -> None:
    token = services.issue_welcome_link()
    response = client.get(f"/welcome/{token}/")
    assert response["Location"] == "/welcome/"


def test_it_sets_up_the_owner_and_signs_them_in(client: Client) -> None:
    open_link(client)
    response = client.post("/welcome/", GOOD)
    assert response["Location"] == "/"
    owner = User.objects.get()
    assert (owner.display_name, owner.timezone, owner.country) == ("Alex", "Europe/Berlin", "DE")
    assert owner.check_password(GOOD["passphrase"])
    assert "Good" in client.get("/").content.decode()


def test_the_link_works_only_once(client: Client) -> None:
    token = services.issue_welcome_link()
    client.get(f"/welcome/{token}/")
    client.post("/welcome/", GOOD)
    again = Client().get(f"/welcome/{token}/")
    assert again.status_code == 410
    assert "already been used" in again.content.decode()


def test_opening_the_link_does_not_use_it_up(client: Client) -> None:
    token = services.issue_welcome_link()
    preview = Client().get(f"/welcome/{token}/")  # a link preview, or another browser
    assert preview["Location"] == "/welcome/"
    client.get(f"/welcome/{token}/")
    client.get(f"/welcome/{token}/")  # a reopened tab
    assert not SignInLink.objects.get().used_at
    assert client.post("/welcome/", GOOD)["Location"] == "/"
    assert SignInLink.objects.get().used_at


def test_of_two_browsers_that_opened_the_link_only_the_first_sets_up(client: Client) -> None:
    token = services.issue_welcome_link()
    other = Client()
    client.get(f"/welcome/{token}/")
    other.get(f"/welcome/{token}/")
    assert client.post("/welcome/", GOOD)["Location"] == "/"
    late = other.post("/welcome/", {**GOOD, "name": "Someone else"})
    assert late.status_code == 410
    assert "already been used" in late.content.decode()
    assert [user.display_name for user in User.objects.all()] == ["Alex"]


def test_a_refused_set_up_leaves_the_link_usable(client: Client) -> None:
    open_link(client)
    client.post("/welcome/", {**GOOD, "name": "   "})
    assert not SignInLink.objects.get().used_at
    assert client.post("/welcome/", GOOD)["Location"] == "/"


def test_a_browser_that_opened_the_link_in_time_may_take_its_time(client: Client) -> None:
    open_link(client)
    SignInLink.objects.update(expires_at=timezone.now() - timedelta(minutes=5))
    assert client.post("/welcome/", GOOD)["Location"] == "/"


def test_an_expired_link_says_how_to_get_a_new_one(client: Client) -> None:
    token = services.issue_welcome_link()
    SignInLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(f"/welcome/{token}/")
    assert response.status_code == 410
    assert "make run" in response.content.decode()


def test_the_link_expires_after_fifteen_minutes(db: None) -> None:
    services.issue_welcome_link()
    lifetime = SignInLink.objects.get().expires_at - timezone.now()
    assert timedelta(minutes=14) < lifetime <= timedelta(minutes=15)


def test_the_welcome_link_works_only_on_this_machine(client: Client) -> None:
    token = services.issue_welcome_link()
    response = client.get(f"/welcome/{token}/", REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 403
    assert not SignInLink.objects.get().used_at  # still usable from the right machine


def test_an_unknown_link_is_not_found(client: Client) -> None:
    assert client.get("/welcome/made-up-token/").status_code == 404


def test_the_form_needs_the_link_first(client: Client) -> None:
    response = client.post("/welcome/", GOOD)
    assert response["Location"] == "/sign-in/"
    assert not User.objects.exists()


def test_it_keeps_what_was_typed_when_something_needs_fixing(client: Client) -> None:
    open_link(client)
    response = client.post("/welcome/", {**GOOD, "passphrase_again": "something else entirely"})
    body = response.content.decode()
    assert "The two passphrases are not the same" in body
    assert 'value="Alex"' in body
    assert 'value="quiet harbour lemon tram"' in body
    assert '<option value="Europe/Berlin" selected>' in body
    assert not User.objects.exists()


def test_it_refuses_a_short_passphrase(client: Client) -> None:
    open_link(client)
    response = client.post(
        "/welcome/", {**GOOD, "passphrase": "short", "passphrase_again": "short"}
    )
    text = response.content.decode()
    said = "A passphrase needs at least 10 characters (this one has 5). A few words together"
    assert text.count(f'<p class="error">{said}') == 1  # once beside the field, in our words
    assert "Ensure this value" not in text
    assert "easy to guess" not in text  # one thing to fix at a time


def test_it_refuses_an_easily_guessed_passphrase(client: Client) -> None:
    open_link(client)
    weak = {**GOOD, "passphrase": "password123", "passphrase_again": "password123"}
    response = client.post("/welcome/", weak)
    assert "easy to guess" in response.content.decode()
    assert not User.objects.exists()


def test_a_local_installation_keeps_one_owner(client: Client, owner: User) -> None:
    open_link(client)
    response = client.post("/welcome/", GOOD)
    assert "already belongs to someone" in response.content.decode()
    assert User.objects.count() == 1


def test_an_invitation_creates_an_account_on_a_server(
    client: Client, server_mode: SettingsWrapper, owner: User
) -> None:
    token = services.issue_invitation()
    client.get(f"/welcome/{token}/", REMOTE_ADDR="198.51.100.7")
    response = client.post("/welcome/", {**GOOD, "username": "Alex.K"})
    assert response["Location"] == "/"
    assert User.objects.get(username="alex.k").display_name == "Alex"


def test_an_invitation_can_set_up_a_practitioners_account(
    client: Client, server_mode: SettingsWrapper, owner: User
) -> None:
    token = services.issue_invitation(practitioner=True)
    client.get(f"/welcome/{token}/", REMOTE_ADDR="198.51.100.7")
    assert "sets up a practitioner’s account" in client.get("/welcome/").content.decode()
    client.post("/welcome/", {**GOOD, "username": "dr.okafor"})
    assert User.objects.get(username="dr.okafor").is_practitioner
    # A person's invitation sets up a person's account.
    token = services.issue_invitation()
    other = Client()
    other.get(f"/welcome/{token}/", REMOTE_ADDR="198.51.100.8")
    assert "practitioner" not in other.get("/welcome/").content.decode()
    other.post("/welcome/", {**GOOD, "username": "robin"})
    assert not User.objects.get(username="robin").is_practitioner


def test_a_practitioners_invitation_is_for_a_server(db: None) -> None:
    with pytest.raises(services.AccountError, match="practice server"):
        services.issue_invitation(practitioner=True)


def test_an_invitation_lasts_a_week(db: None) -> None:
    services.issue_invitation()
    lifetime = SignInLink.objects.get().expires_at - timezone.now()
    assert timedelta(days=6, hours=23) < lifetime <= timedelta(days=7)


def test_the_strength_endpoint_uses_our_words(client: Client) -> None:
    weak = client.post("/passphrase-strength/", {"passphrase": "password"}).json()
    strong = client.post("/passphrase-strength/", {"passphrase": "quiet harbour lemon tram"}).json()
    assert weak["score"] < 2 <= strong["score"]
    assert weak["message"].startswith("Very easy to guess")
