"""Reflection tools through the pages a person uses. Interpretation shifts: a signal, the
verdict that came, other readings, and how believable the verdict is afterwards."""

from __future__ import annotations

import pytest
from django.test import Client

from earned.accounts.models import User
from earned.privacy import keyring, keys
from earned.reflection.models import Shift
from tests.conftest import PASSPHRASE
from tests.pages import page, queries_for
from tests.test_ledger import an_expectation

pytestmark = pytest.mark.django_db

SHIFT = {
    "signal": "My friend hasn’t answered my message for a day.",
    "verdict": "She’s had enough of me.",
    "believable_before": "80",
    "reading_1": "She’s busy with the move.",
    "reading_2": "She read it and means to answer properly later.",
    "information": "I know she hasn’t replied yet; nothing more.",
    "believable_after": "35",
}


def a_shift(owner: User) -> Shift:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        return Shift.objects.create(
            owner=owner, signal="A sigh", verdict="I annoy him", reading_1="He is tired",
            reading_2="He sighs at his phone",
        )  # fmt: skip


def test_catching_a_verdict(owner_client: Client, owner: User) -> None:
    expectation = an_expectation(owner)
    assert "Catch a verdict" in page(owner_client, "/reflect/")
    response = owner_client.post(
        "/reflect/shifts/new/", {**SHIFT, "expectation": str(expectation.pk)}
    )
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        shift = Shift.objects.get()
        assert shift.readings == [SHIFT["reading_1"], SHIFT["reading_2"]]
    assert response["Location"] == f"/reflect/shifts/{shift.pk}/"
    assert (shift.believable_before, shift.believable_after) == (80, 35)
    assert shift.expectation == expectation
    text = page(owner_client, response["Location"])
    assert "She’s busy with the move." in text
    assert "When I ask for help" in text  # the old expectation speaking, linked
    assert "verdict 80% → 35% believable" in page(owner_client, "/reflect/shifts/")
    assert "Your shifts (1)" in page(owner_client, "/reflect/")


def test_two_other_readings_are_asked_for_kindly_and_nothing_is_lost(
    owner_client: Client,
) -> None:
    response = owner_client.post("/reflect/shifts/new/", {**SHIFT, "reading_2": ""})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Please find at least two other ways to read it" in text
    assert "She’s busy with the move." in text  # what was typed is still there
    assert not Shift.objects.exists()


def test_a_shift_cannot_point_at_another_persons_expectation(
    owner_client: Client, other_client: User
) -> None:
    theirs = an_expectation(other_client)
    response = owner_client.post("/reflect/shifts/new/", {**SHIFT, "expectation": str(theirs.pk)})
    assert response.status_code == 400
    assert not Shift.objects.exists()


def test_a_shift_can_be_changed_and_deleted_after_asking(owner_client: Client, owner: User) -> None:
    shift = a_shift(owner)
    assert "A sigh" in page(owner_client, f"/reflect/shifts/{shift.pk}/edit/")
    owner_client.post(f"/reflect/shifts/{shift.pk}/edit/", {**SHIFT, "believable_after": "20"})
    assert Shift.objects.get().believable_after == 20
    assert "Delete this interpretation shift?" in page(
        owner_client, f"/reflect/shifts/{shift.pk}/delete/"
    )
    owner_client.post(f"/reflect/shifts/{shift.pk}/delete/")
    assert not Shift.objects.exists()


def test_no_shifts_yet_says_when_to_use_one(owner_client: Client) -> None:
    assert "The next time a silence or a look lands like a verdict" in page(
        owner_client, "/reflect/shifts/"
    )


def test_the_list_uses_a_fixed_number_of_queries(owner_client: Client, owner: User) -> None:
    a_shift(owner)
    few = queries_for(owner_client, "/reflect/shifts/")
    for _ in range(10):
        a_shift(owner)
    assert queries_for(owner_client, "/reflect/shifts/") == few
