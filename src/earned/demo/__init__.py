"""`earned demo`: a fictional person's six months, so a newcomer sees a living Earned at once.

The demo account is marked as such (User.is_demo), so it can be refreshed, and is never confused
with a real one: a real account is never touched. Later capabilities add their part to
story.write.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from earned.accounts import services as accounts
from earned.accounts.models import User
from earned.demo import story
from earned.exchange.services import erase_account
from earned.privacy import keyring, keys

USERNAME = "demo"
NAME = "Robin"
# The demo holds nothing private, so its passphrase may be printed and shown on the sign-in page.
PASSPHRASE = "a demo with nothing private in it"  # noqa: S105
SEED = 2026  # the same six months every time, moved to end today


class DemoRefused(Exception):
    """There is a real account where the demo would go; nothing was changed."""


@dataclass(frozen=True)
class Demo:
    user: User
    refreshed: bool
    counts: dict[str, int]


def current() -> User | None:
    """The account the demo would replace: locally the one owner; on a server, `demo`."""
    if settings.IS_SERVER:
        return User.objects.filter(username=USERNAME).first()
    return accounts.owner()


def create_or_refresh(timezone_name: str = "UTC", now: datetime.datetime | None = None) -> Demo:
    existing = current()
    if existing is not None and not existing.is_demo:
        if settings.IS_SERVER:
            raise DemoRefused(
                f"The sign-in name {USERNAME!r} belongs to a real account; it was left untouched."
            )
        raise DemoRefused(
            "This Earned already holds your own account, and the demo will never touch it. "
            "Try the demo in a data folder of its own: EARNED_DATA_DIR=~/earned-demo earned demo"
        )
    with transaction.atomic():
        if existing is not None:
            erase_account(existing)
        user = User.objects.create_user(
            username=USERNAME,
            password=PASSPHRASE,
            display_name=NAME,
            timezone=timezone_name,
            is_demo=True,
        )
        with keyring.using(keys.create_envelope(user, PASSPHRASE)):
            counts = story.write(user, now or timezone.now(), random.Random(SEED))  # noqa: S311 (a story, not a secret)
    return Demo(user, existing is not None, counts)
