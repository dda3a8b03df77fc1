"""Personal access tokens, step by step: make one (shown once), list them, revoke one, and find
the token and the data key behind a request's `Authorization: Bearer …` header.

A token reads `earned_<8 characters>_<43 characters>`. Its first part (the prefix) finds the
row; the whole token is compared with its stored SHA-256 (a token is 256 random bits, so a fast
hash is enough, unlike a passphrase). Locally, the person's data key is wrapped under a key
derived from the whole token (HKDF-SHA256), so a token opens entries without the passphrase —
and revoking deletes that wrap: the token then opens nothing, anywhere.
"""

from __future__ import annotations

import datetime
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone

from earned.accounts.models import User
from earned.api.models import NAME_LIMIT, AccessToken
from earned.circles.models import validate_categories
from earned.privacy import crypto, keyring, keys
from earned.records.models import Category

START = "earned_"
# How long a new token lasts, by the choice's name: the default first.
LIFETIMES: dict[str, int | None] = {"90": 90, "30": 30, "365": 365, "never": None}
TOUCH_EVERY = datetime.timedelta(minutes=1)  # "last used" is kept to the minute, not per call


@dataclass(frozen=True)
class Made:
    token: AccessToken
    secret: str  # the whole token: shown to the person once, kept nowhere


def _hash(whole: str) -> str:
    return crypto.secret_hash(whole)


def _wrapping_key(whole: str) -> bytes:
    return crypto.key_from_secret(whole, b"earned-token-key")


def create(
    owner: User,
    name: str,
    categories: Iterable[str],
    *,
    can_write: bool = False,
    lifetime: str = "90",
) -> Made:
    """A new token (the owner's data key current: its name is sealed with it, and locally the
    key itself is wrapped under the token)."""
    name = (name or "").strip()
    chosen = sorted(set(categories))
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "Please name the token, so you know it again: “journal script”."
    elif len(name) > NAME_LIMIT:
        errors["name"] = f"Please keep the name to {NAME_LIMIT} characters."
    if not chosen:
        errors["categories"] = "Please choose at least one kind of entry it may open."
    if lifetime not in LIFETIMES:
        errors["lifetime"] = "Please choose how long it lasts."
    if errors:
        raise ValidationError(errors)
    validate_categories(chosen)
    days = LIFETIMES[lifetime]
    prefix = START + secrets.token_hex(4)
    while AccessToken.objects.filter(prefix=prefix).exists():  # one in four billion
        prefix = START + secrets.token_hex(4)
    whole = f"{prefix}_{secrets.token_urlsafe(32)}"
    token = AccessToken(
        owner=owner,
        name=name,
        prefix=prefix,
        secret_hash=_hash(whole),
        can_write=can_write,
        categories=chosen,
        expires_at=timezone.now() + datetime.timedelta(days=days) if days else None,
    )
    if not settings.IS_SERVER:
        token.wrapped_key = crypto.wrap_key(
            keyring.current_key(), _wrapping_key(whole), str(owner.pk)
        )
    token.save()
    return Made(token, whole)


def tokens_of(owner: User) -> QuerySet[AccessToken]:
    return AccessToken.objects.filter(owner=owner)


def revoke(owner: User, token: AccessToken) -> None:
    """At once: the row goes, and with it the only wrap of the key the token could open."""
    if token.owner_id == owner.pk:
        token.delete()


def authenticate(whole: str) -> tuple[AccessToken, bytes] | None:
    """The live token a request presents, and the data key it opens — or None, the same for a
    mistyped, expired, revoked or unknown token."""
    if not whole.startswith(START) or len(whole) > 100:
        return None
    prefix = START + whole[len(START) :].partition("_")[0]  # the secret may hold "_" too
    found = AccessToken.objects.select_related("owner").filter(prefix=prefix)[:1]  # unique
    token = next(iter(found), None)
    if token is None or not hmac.compare_digest(token.secret_hash, _hash(whole)):
        return None
    if not token.is_live or not token.owner.is_active:
        return None
    if settings.IS_SERVER:
        data_key = keys.open_data_key(token.owner)
    else:
        try:
            data_key = crypto.unwrap_key(
                token.wrapped_key, _wrapping_key(whole), str(token.owner_id)
            )
        except crypto.DecryptionError:
            return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token, data_key


def allows(token: AccessToken | None, category: Category, *, write: bool = False) -> bool:
    """Whether a call may open (or change) entries of this category: a person signed in to the
    browser may, a token only within what it was made for."""
    if token is None:
        return True
    return category.value in token.categories and (token.can_write or not write)
