"""Encryption of entry text, and the key hierarchy. Plain bytes and strings; no Django.

Format 1 of an encrypted value, stored as ASCII text:

    "e1." + base64url(nonce || ciphertext || tag), without padding

AES-256-GCM with a random 96-bit nonce. The associated data binds each ciphertext to the
place it belongs — table, field, record id and owner id — so a value copied to another row,
field or person fails to open, exactly like a value with a flipped byte.

Each person's entries are encrypted with their own random 256-bit data key. That key is stored
only wrapped (encrypted in the same format) by a key derived from their passphrase with
Argon2id, or, on a server, by the instance key. Changing the passphrase re-wraps the data key;
it never re-encrypts entries.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from typing import NamedTuple

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT_PREFIX = "e1."
KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
SALT_BYTES = 16
CONTEXT = b"earned/1"


class DecryptionError(Exception):
    """A value that cannot be opened: altered, moved, or opened with the wrong key."""


class Binding(NamedTuple):
    """Where an encrypted value lives. Part of the associated data, never stored with it. (A
    named tuple: one is made for every value sealed or opened, and a frozen dataclass took
    several times as long to make.)"""

    table: str
    field: str
    record_id: str
    owner_id: str

    def associated_data(self) -> bytes:
        # Length-prefixed, so no choice of names can make two bindings serialise alike.
        # (Written out part by part: it is made for every value sealed or opened.)
        table, field = self.table.encode(), self.field.encode()
        record, owner = self.record_id.encode(), self.owner_id.encode()
        return b"".join((
            CONTEXT,
            len(table).to_bytes(4, "big"), table,
            len(field).to_bytes(4, "big"), field,
            len(record).to_bytes(4, "big"), record,
            len(owner).to_bytes(4, "big"), owner,
        ))  # fmt: skip


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


_kept_cipher: ContextVar[tuple[bytes, AESGCM] | None] = ContextVar("kept_cipher", default=None)


@contextmanager
def cipher_kept(key: bytes) -> Iterator[None]:
    """One cipher for the many values a bulk job seals or opens with one key (an import's):
    making a cipher anew for each value took a third of sealing's time. It is let go with the
    block, as the key itself is when its session ends."""
    token = _kept_cipher.set((key, AESGCM(key)))
    try:
        yield
    finally:
        _kept_cipher.reset(token)


def _cipher(key: bytes) -> AESGCM:
    kept = _kept_cipher.get()
    return kept[1] if kept is not None and kept[0] == key else AESGCM(key)


def _seal(key: bytes, nonce: bytes, data: bytes, associated: bytes) -> str:
    sealed = nonce + _cipher(key).encrypt(nonce, data, associated)
    return FORMAT_PREFIX + base64.urlsafe_b64encode(sealed).rstrip(b"=").decode("ascii")


def _open(key: bytes, token: str, associated: bytes) -> bytes:
    if not token.startswith(FORMAT_PREFIX):
        raise DecryptionError("This value is not in a format Earned knows.")
    body = token[len(FORMAT_PREFIX) :]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError):
        raise DecryptionError("This value is damaged.") from None
    if len(raw) < NONCE_BYTES + TAG_BYTES:
        raise DecryptionError("This value is damaged.")
    try:
        return _cipher(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], associated)
    except InvalidTag:
        raise DecryptionError(
            "This value does not open with this key here: it was altered, moved, or the key "
            "is wrong."
        ) from None


def encrypt_text(key: bytes, plaintext: str, binding: Binding) -> str:
    return _seal(key, os.urandom(NONCE_BYTES), plaintext.encode("utf-8"), binding.associated_data())


def decrypt_text(key: bytes, token: str, binding: Binding) -> str:
    return _open(key, token, binding.associated_data()).decode("utf-8")


# --- Deriving a key from a passphrase ---------------------------------------------------------


class WeakKdfParameters(ValueError):
    """Stored key-derivation parameters below the floor: refused, never silently used."""


@dataclass(frozen=True)
class KdfParameters:
    """Argon2id cost parameters, stored beside each wrapped key so they can be raised later."""

    time_cost: int
    memory_kib: int
    parallelism: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, int]) -> KdfParameters:
        return cls(int(values["time_cost"]), int(values["memory_kib"]), int(values["parallelism"]))


# RFC 9106's second recommended option; the floor is what the issue asks of production.
RECOMMENDED = KdfParameters(time_cost=3, memory_kib=64 * 1024, parallelism=4)
PRODUCTION_FLOOR = KdfParameters(time_cost=3, memory_kib=64 * 1024, parallelism=1)


def check_floor(parameters: KdfParameters, floor: KdfParameters = PRODUCTION_FLOOR) -> None:
    if (
        parameters.time_cost < floor.time_cost
        or parameters.memory_kib < floor.memory_kib
        or parameters.parallelism < max(1, floor.parallelism)
    ):
        raise WeakKdfParameters(
            f"Key-derivation parameters {parameters.as_dict()} are below the floor "
            f"{floor.as_dict()}; refusing to use them."
        )


def derive_key(
    passphrase: str,
    salt: bytes,
    parameters: KdfParameters,
    floor: KdfParameters = PRODUCTION_FLOOR,
) -> bytes:
    check_floor(parameters, floor)
    if len(salt) < SALT_BYTES:
        raise ValueError(f"the salt must be at least {SALT_BYTES} bytes")
    return hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=salt,
        time_cost=parameters.time_cost,
        memory_cost=parameters.memory_kib,
        parallelism=parameters.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


# --- Wrapping a person's data key -------------------------------------------------------------


def _key_binding(owner_id: str) -> bytes:
    return Binding("data-key", "wrapped", owner_id, owner_id).associated_data()


def wrap_key(data_key: bytes, wrapping_key: bytes, owner_id: str) -> str:
    return _seal(wrapping_key, os.urandom(NONCE_BYTES), data_key, _key_binding(owner_id))


def unwrap_key(wrapped: str, wrapping_key: bytes, owner_id: str) -> bytes:
    """The data key, or DecryptionError: a wrong passphrase never yields a new, empty key."""
    data_key = _open(wrapping_key, wrapped, _key_binding(owner_id))
    if len(data_key) != KEY_BYTES:
        raise DecryptionError("The stored key has the wrong length.")
    return data_key


# --- Secrets that open a key (an access token, a calendar link) --------------------------------


def secret_hash(whole: str) -> str:
    """How a random secret of 256 bits or so is checked: a fast hash is enough, unlike a
    passphrase."""
    return hashlib.sha256(whole.encode()).hexdigest()


def key_from_secret(whole: str, purpose: bytes) -> bytes:
    """The key a secret wraps a person's data key under, for one purpose (HKDF-SHA256)."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=purpose).derive(
        whole.encode()
    )
