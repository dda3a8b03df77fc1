"""Creating, opening and re-wrapping each person's data key."""

from __future__ import annotations

import base64
import binascii
import os

from django.conf import settings
from django.db import transaction

from earned.accounts.models import User
from earned.environment import ConfigurationError, value_or_file
from earned.privacy import crypto
from earned.privacy.models import KeyEnvelope


class WrongPassphrase(Exception):
    """The passphrase does not open the data key. Nothing is created in its place."""


def instance_key() -> bytes:
    """The server's key-wrapping key, from outside the database (file or environment)."""
    raw = value_or_file("EARNED_MASTER_KEY")
    if not raw:
        raise ConfigurationError(
            "Server mode needs an instance key: set EARNED_MASTER_KEY or EARNED_MASTER_KEY_FILE "
            "to 32 random bytes in base64 (for example: "
            'python3 -c "import os, base64; print(base64.b64encode(os.urandom(32)).decode())").'
        )
    return decode_instance_key(raw)


def _passphrase_key(passphrase: str, envelope: KeyEnvelope) -> bytes:
    parameters = crypto.KdfParameters.from_dict(envelope.kdf)
    salt = base64.b64decode(envelope.salt)
    return crypto.derive_key(passphrase, salt, parameters, floor=settings.KDF_FLOOR)


def create_envelope(user: User, passphrase: str | None) -> bytes:
    """Give a new account its data key; returns the key, ready to use at once."""
    data_key = crypto.new_key()
    owner_id = str(user.pk)
    if settings.IS_SERVER:
        envelope = KeyEnvelope(owner=user, kind=KeyEnvelope.Kind.INSTANCE)
        envelope.wrapped_key = crypto.wrap_key(data_key, instance_key(), owner_id)
    else:
        if passphrase is None:
            raise ValueError("a local account's key is wrapped by its passphrase")
        envelope = KeyEnvelope(
            owner=user,
            kind=KeyEnvelope.Kind.PASSPHRASE,
            salt=base64.b64encode(os.urandom(crypto.SALT_BYTES)).decode(),
            kdf=settings.KDF_PARAMETERS.as_dict(),
        )
        envelope.wrapped_key = crypto.wrap_key(
            data_key, _passphrase_key(passphrase, envelope), owner_id
        )
    envelope.save()
    return data_key


def open_data_key(user: User, passphrase: str | None = None) -> bytes:
    envelope = KeyEnvelope.objects.get(owner=user)
    if envelope.kind == KeyEnvelope.Kind.INSTANCE:
        return crypto.unwrap_key(envelope.wrapped_key, instance_key(), str(user.pk))
    if passphrase is None:
        raise WrongPassphrase("This account's entries open only with its passphrase.")
    try:
        return crypto.unwrap_key(
            envelope.wrapped_key, _passphrase_key(passphrase, envelope), str(user.pk)
        )
    except crypto.DecryptionError:
        raise WrongPassphrase("That passphrase does not open this account's entries.") from None


def rewrap_for_new_passphrase(user: User, current: str, new: str) -> None:
    """Re-wrap the same data key under the new passphrase; entries are not touched."""
    envelope = KeyEnvelope.objects.get(owner=user)
    if envelope.kind != KeyEnvelope.Kind.PASSPHRASE:
        return  # a server's envelope does not depend on the passphrase
    data_key = open_data_key(user, current)
    envelope.salt = base64.b64encode(os.urandom(crypto.SALT_BYTES)).decode()
    envelope.kdf = settings.KDF_PARAMETERS.as_dict()
    envelope.wrapped_key = crypto.wrap_key(data_key, _passphrase_key(new, envelope), str(user.pk))
    envelope.save(update_fields=["salt", "kdf", "wrapped_key", "updated_at"])


def decode_instance_key(raw: str) -> bytes:
    try:
        key = base64.b64decode(raw.strip(), validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != crypto.KEY_BYTES:
        raise ConfigurationError("An instance key must be exactly 32 bytes, written in base64.")
    return key


def rotate_instance_key(new_key: bytes) -> int:
    """Re-wrap every server-wrapped data key under new_key, all or nothing. Entries are not
    touched. Returns how many keys were re-wrapped."""
    current = instance_key()
    if new_key == current:
        raise ConfigurationError("The new instance key is the same as the current one.")
    envelopes = KeyEnvelope.objects.filter(kind=KeyEnvelope.Kind.INSTANCE).select_for_update()
    with transaction.atomic():
        count = 0
        for envelope in envelopes:
            owner_id = str(envelope.owner_id)
            data_key = crypto.unwrap_key(envelope.wrapped_key, current, owner_id)
            envelope.wrapped_key = crypto.wrap_key(data_key, new_key, owner_id)
            envelope.save(update_fields=["wrapped_key", "updated_at"])
            count += 1
    return count
