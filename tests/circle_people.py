"""Helpers for the care-circle tests on a practice server (Ana, Dr Okafor and Dr Lind are
fixtures in tests/conftest.py): an experience of Ana's, a circle opened with a code, and the
practitioner's page of an entry."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from earned.accounts.models import User
from earned.circles import services
from earned.circles.models import Circle, default_categories
from earned.ledger import services as ledger
from earned.ledger.models import Experience
from earned.privacy import keyring, keys

SITUATION = "Asking Maya to help me move"


def an_experience(person: User) -> Experience:
    with keyring.using(keys.open_data_key(person)):
        expectation = ledger.add_expectation(person, "People leave", feels_true=80, think_true=40)
        return ledger.save_experience(
            person,
            Experience(
                situation=SITUATION, feared="She sighs", happened="She said yes", likelihood=80,
                occurred=10, happens_at=timezone.now() - datetime.timedelta(days=1),
            ),
            expectations=[expectation],
            finish=True,
        )  # fmt: skip


def in_circle(person: User, with_: User, categories: list[str] | None = None) -> Circle:
    code = services.invite(person, categories or default_categories())
    return services.join(with_, code)


def experience_page(circle: Circle, experience: Experience) -> str:
    return reverse("circles:entry", args=[circle.person_id, "experiences", experience.pk])
