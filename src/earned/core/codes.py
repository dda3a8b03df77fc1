"""One-time codes a person reads out or types: twelve letters and digits that cannot be mistaken
for one another, shown in groups of four, and kept only as a hash. With an expiry and a single
use (the caller's), about 59 bits is not guessable."""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 12


def new() -> str:
    """A fresh code, as it is shown: ABCD-EFGH-JKLM."""
    return shown("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def normalised(code: str) -> str:
    """The code as typed, without the dashes, spaces and small letters people add."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def hashed(code: str) -> str:
    """What is stored of a code: the same for every way of typing it."""
    return hashlib.sha256(normalised(code).encode()).hexdigest()


def shown(code: str) -> str:
    """A code in groups of four, easier to read out."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
