"""A questionnaire's item answers are sealed like words (docs/decisions.md): what one item says
can weigh more than the total (PHQ-9's last question). Answers an earlier Earned kept in clear
are sealed the first time the person's key is open again; damaged ones leave the rest readable."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from earned.accounts.models import User
from earned.measures.models import Response
from earned.privacy import keyring, keys
from earned.privacy.damage import damaged
from earned.privacy.fields import UnopenedData
from tests.conftest import PASSPHRASE, sign_in
from tests.test_damaged_values import flipped
from tests.test_measures_pages import ANSWERS

pytestmark = pytest.mark.django_db


def stored() -> str:
    """The answers column as stored."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT answers FROM measures_response")
        (value,) = cursor.fetchone() or (None,)
    return str(value)


def test_answers_are_sealed_and_read_back_with_the_key(owner: User, owner_client: Client) -> None:
    owner_client.post("/insights/measures/practice/", {**ANSWERS, "note": ""})
    response = Response.objects.get()
    assert stored().startswith("e1.")
    assert response.total == 14.0  # the score stays in clear, for the charts
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        assert Response.objects.get().answers == {"1": 3, "2": 2, "3": 4, "4": 1, "5": 4}


def test_answers_kept_in_clear_before_are_sealed_at_the_next_sign_in(
    owner: User, owner_client: Client
) -> None:
    owner_client.post("/insights/measures/practice/", {**ANSWERS, "note": ""})
    with connection.cursor() as cursor:  # as an earlier Earned stored them
        cursor.execute("UPDATE measures_response SET answers = %s", ['{"1": 3, "2": 2}'])
    assert Response.objects.get().answers == {"1": 3, "2": 2}  # still read, without the key
    sign_in(Client(), owner)
    assert stored().startswith("e1.")
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        assert Response.objects.get().answers == {"1": 3, "2": 2}


def test_damaged_answers_leave_the_page_and_the_score_readable(
    owner: User, owner_client: Client
) -> None:
    owner_client.post("/insights/measures/practice/", {**ANSWERS, "note": ""})
    token = stored()
    broken = flipped(token)
    Response.objects.update(answers=broken)
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        read = Response.objects.get()
        assert isinstance(read.answers, UnopenedData)
        assert read.answers == {}
        assert [(d.kind, d.field) for d in damaged(owner)] == [("response", "the answers")]
    for address in ("/insights/measures/", "/insights/measures/practice/", "/insights/"):
        assert owner_client.get(address).status_code == 200, address
    assert stored() == broken  # nothing written over it


def test_answers_changed_in_place_are_sealed_anew(owner: User, owner_client: Client) -> None:
    owner_client.post("/insights/measures/practice/", {**ANSWERS, "note": ""})
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        response = Response.objects.get()
        response.answers["1"] = 0
        response.save()
        assert Response.objects.get().answers["1"] == 0
