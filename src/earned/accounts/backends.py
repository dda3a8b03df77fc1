from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import BaseBackend
from django.http import HttpRequest

from earned.accounts.models import User


class PassphraseBackend(BaseBackend):
    """Sign in with a passphrase. Locally there is one account, so no name is asked for."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if not password:
            return None
        if settings.IS_SERVER:
            user = User.objects.filter(username=normalize_username(username or "")).first()
        else:
            user = User.objects.order_by("created_at").first()
        if user is None:
            # Hash anyway, so the time taken does not reveal whether the account exists.
            User().set_password(password)
            return None
        if user.check_password(password) and user.is_active:
            return user
        return None

    def get_user(self, user_id: Any) -> User | None:
        return User.objects.filter(pk=user_id, is_active=True).first()


def normalize_username(name: str) -> str:
    return name.strip().casefold()
