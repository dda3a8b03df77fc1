"""The access helper every view uses: your own records, or a 404."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import Client

from earned.access import get_owned_or_404, owned
from earned.accounts.models import DeviceSession, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessions(
    owner: User, therapist: User, other_client: User, client_for: Callable[[User], Client]
) -> dict[str, DeviceSession]:
    for person in (owner, therapist, other_client):
        client_for(person)
    return {s.owner.username: s for s in DeviceSession.objects.select_related("owner") if s.owner}


def test_it_returns_your_own_record(owner: User, sessions: dict[str, DeviceSession]) -> None:
    mine = sessions["sam"]
    assert get_owned_or_404(DeviceSession, owner, public_id=mine.public_id) == mine


@pytest.mark.parametrize("someone_else", ["dr-okafor", "robin"])
def test_another_persons_record_is_not_found(
    owner: User, sessions: dict[str, DeviceSession], someone_else: str
) -> None:
    with pytest.raises(Http404):
        get_owned_or_404(DeviceSession, owner, public_id=sessions[someone_else].public_id)


def test_a_missing_record_looks_the_same_as_someone_elses(owner: User) -> None:
    with pytest.raises(Http404) as missing:
        get_owned_or_404(DeviceSession, owner, public_id=uuid.uuid4())
    assert str(missing.value) == "No such record."


def test_a_malformed_id_is_not_found(owner: User) -> None:
    with pytest.raises(Http404):
        get_owned_or_404(DeviceSession, owner, public_id="not-a-uuid")


def test_an_anonymous_visitor_owns_nothing(sessions: dict[str, DeviceSession]) -> None:
    visitor = AnonymousUser()
    assert not owned(DeviceSession, visitor).exists()  # type: ignore[arg-type]


def test_owned_narrows_a_queryset(owner: User, sessions: dict[str, DeviceSession]) -> None:
    everyone = DeviceSession.objects.all()
    assert list(owned(everyone, owner)) == [sessions["sam"]]
