"""How a person's words become the index's tokens: each distinct word form in a record
(earned.core.words) hashed — a 63-bit HMAC — under a key derived from the person's own data
key, so the index holds no word in clear; and how an entry keeps its tokens together."""

from __future__ import annotations

import hmac
import struct
from collections.abc import Iterable
from dataclasses import dataclass, field
from hashlib import sha256
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from earned.core.words import keys_of
from earned.privacy import keyring
from earned.privacy.fields import CouldNotOpen


def index_key() -> bytes:
    """The current person's key for hashing their words."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"earned search index v1")
    return hkdf.derive(keyring.current_key())


def token(key: bytes, form: str) -> int:
    return int.from_bytes(hmac.digest(key, form.encode(), sha256)[:8], "big") >> 1


@dataclass
class Memo:
    """What a rebuild has worked out already — each word's form, each form's token — kept for
    that rebuild only (a person's words are not kept in memory after it)."""

    forms: dict[str, str | None] = field(default_factory=dict)
    tokens: dict[str, int] = field(default_factory=dict)


def tokens_of(record: Any, key: bytes, memo: Memo | None = None) -> list[int]:
    """The keyed hash of each distinct word form in the record."""
    return tokens_in(openable(record.search_texts()), key, memo)


def tokens_in(texts: Iterable[str | None], key: bytes, memo: Memo | None = None) -> list[int]:
    """The keyed hash of each distinct word form in these texts."""
    memo = memo or Memo()
    tokens = memo.tokens
    return [
        tokens[form] if form in tokens else tokens.setdefault(form, token(key, form))
        for form in keys_of(texts, memo.forms)
    ]


def openable(texts: Iterable[str | None]) -> list[str | None]:
    """A record's texts but any that could not be opened: their stand-in is not their words."""
    return [text for text in texts if not isinstance(text, CouldNotOpen)]


def packed(tokens: list[int]) -> bytes:
    """An entry's tokens as the entry keeps them."""
    return struct.pack(f">{len(tokens)}q", *tokens)


def unpacked(tokens: bytes | memoryview) -> tuple[int, ...]:  # PostgreSQL: a memoryview
    return struct.unpack(f">{len(tokens) // 8}q", tokens)
