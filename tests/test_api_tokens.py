"""Access tokens from Settings and from `earned tokens`: made with a name, the kinds they open,
whether they write and how long they last; shown once; listed with their last use; revoked
after a page that says what that means."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from earned.accounts.models import User
from earned.api.models import AccessToken
from tests.conftest import Runner

pytestmark = pytest.mark.django_db


def test_a_token_is_made_in_settings_shown_once_and_revoked(
    owner: User, client_for: Callable[[User], Client]
) -> None:
    browser = client_for(owner)
    empty = browser.get(reverse("api:tokens")).content.decode()
    assert "None yet." in empty
    refused = browser.post(reverse("api:tokens"), {"name": "", "lifetime": "90"})
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "Please name the token, so you know it again." in page
    assert "Please choose at least one kind of entry it may open." in page
    made = browser.post(
        reverse("api:tokens"),
        {"name": "journal script", "categories": ["experiences", "reflection"], "lifetime": "30"},
    )
    secret = made.context["made"].secret
    assert secret in made.content.decode()
    token = AccessToken.objects.get()
    assert not token.can_write
    assert token.categories == ["experiences", "reflection"]
    listed = browser.get(reverse("api:tokens")).content.decode()
    assert "journal script" in listed
    assert secret not in listed  # never shown again
    assert "not used yet" in listed
    Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/experiences")
    assert "last used" in browser.get(reverse("api:tokens")).content.decode()
    confirm = browser.get(reverse("api:revoke", args=[token.pk])).content.decode()
    assert "anything using it is turned away" in confirm
    browser.post(reverse("api:revoke", args=[token.pk]))
    assert not AccessToken.objects.exists()
    assert Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/experiences").status_code == 401


def test_someone_elses_token_cannot_be_revoked(
    owner: User, client_for: Callable[[User], Client]
) -> None:
    client_for(owner).post(
        reverse("api:tokens"), {"name": "mine", "categories": ["experiences"], "lifetime": "90"}
    )
    token = AccessToken.objects.get()
    from tests.conftest import make_person

    other = client_for(make_person("robin", "Robin"))
    assert other.get(reverse("api:revoke", args=[token.pk])).status_code == 404
    assert other.post(reverse("api:revoke", args=[token.pk])).status_code == 404
    assert AccessToken.objects.exists()


def test_the_command_line_makes_lists_and_revokes_tokens(owner: User, earned: Runner) -> None:
    made = earned("tokens", "create", "nightly backup", "--open", "experiences", "--write")
    assert made.exit_code == 0, made.output
    secret = made.stdout.strip().splitlines()[0]
    assert secret.startswith("earned_")
    assert "This is the only time it is shown." in made.output
    assert AccessToken.objects.get().can_write
    listed = earned("tokens", "list").output
    assert "nightly backup" in listed
    assert secret not in listed
    prefix = AccessToken.objects.get().prefix
    missing = earned("tokens", "revoke", "earned_nothing", "--yes")
    assert missing.exit_code != 0
    assert "No token of yours starts with" in missing.output
    assert earned("tokens", "revoke", prefix, "--yes").exit_code == 0
    assert not AccessToken.objects.exists()
    nothing = earned("tokens", "create", "no kinds")
    assert nothing.exit_code != 0
    assert "Traceback" not in nothing.output


def test_the_api_page_describes_every_operation(client: Client) -> None:
    page = client.get(reverse("api:docs")).content.decode()
    assert "GET /api/experiences" in page
    assert "POST /api/experiences" in page
    assert "POST /api/attempts" in page
    assert "GET /api/questionnaires" in page
    assert "/api/openapi.json" in page
    assert "Up to 600 calls a minute." in page  # EARNED_API_CALLS_PER_MINUTE, unless set


def test_erasing_an_account_takes_its_tokens_and_pair_requests_with_it(
    ana: User, okafor: User
) -> None:
    from earned.api import tokens
    from earned.exchange import services
    from earned.groups.models import PairRequest
    from earned.privacy import keyring, keys
    from tests.factories import one_of_everything

    made = one_of_everything(ana)  # in a group, where Wren asked her to practise as a pair
    with keyring.using(keys.open_data_key(ana)):
        secret = tokens.create(ana, "my script", ["experiences"]).secret
    services.erase_account(ana)
    assert services.rows_referencing(ana) == {}
    assert not AccessToken.objects.exists()
    assert tokens.authenticate(secret) is None
    assert not PairRequest.objects.filter(pk=made["pair_request_id"].pk).exists()
