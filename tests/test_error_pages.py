"""Every error answers with a calm page in the app's look, Help now one click away."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def in_the_apps_look(text: str) -> None:
    assert '<link rel="stylesheet"' in text
    assert ">Help now</a>" in text


def test_a_page_that_does_not_exist(owner_client: Client) -> None:
    response = owner_client.get("/no-such-page/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "We could not find that page" in text
    in_the_apps_look(text)


@pytest.mark.parametrize("path", ["/sign-out/", "/settings/sessions/end-all/"])
def test_a_visit_to_an_address_that_takes_only_a_form(owner_client: Client, path: str) -> None:
    response = owner_client.get(path)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    text = response.content.decode()
    assert "There is nothing to show at this address" in text
    assert "nothing was changed" in text
    in_the_apps_look(text)


@pytest.mark.urls("tests.error_urls")
def test_a_failure_on_our_side(owner_client: Client) -> None:
    owner_client.raise_request_exception = False
    response = owner_client.get("/fails/")
    assert response.status_code == 500
    text = response.content.decode()
    assert "Something went wrong on our side" in text
    assert "This was not caused by anything you did." in text
    in_the_apps_look(text)
    assert "a failure on our side" not in text  # never the details
