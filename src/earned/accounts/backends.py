from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import BaseBackend
from django.http import HttpRequest

from earned.accounts.models import User
from earned.privacy import keys
from earned.privacy.models import KeyEnvelope

# Where a local sign-in leaves the data key it opened, for accounts.services.sign_in to keep
# for the session: the passphrase is worked through Argon2 once, not once to check it and
# again to open the key.
OPENED_KEY = "_earned_opened_key"


class PassphraseBackend(BaseBackend):
    """Sign in with a passphrase. Locally there is one account, so no name is asked for, and
    the passphrase is checked by opening the person's data key with it (AES-GCM says whether
    it opened); an account without a key yet, and every account on a server, by its hash."""

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
        locked_by_it = KeyEnvelope.objects.filter(owner=user, kind=KeyEnvelope.Kind.PASSPHRASE)
        if not settings.IS_SERVER and request is not None and locked_by_it.exists():
            try:
                opened = keys.open_data_key(user, password)
            except keys.WrongPassphrase:
                return None
            if not user.is_active:
                return None
            setattr(request, OPENED_KEY, opened)  # it opened: the passphrase is right
            return user
        return user if user.check_password(password) and user.is_active else None

    def get_user(self, user_id: Any) -> User | None:
        return User.objects.filter(pk=user_id, is_active=True).first()


def normalize_username(name: str) -> str:
    return name.strip().casefold()
