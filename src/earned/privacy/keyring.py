"""Unlocked data keys, held only in this process's memory.

Locally, a person's data key is opened with their passphrase at sign-in and kept here, against a
hash of their session key, until they sign out or the process stops. Nothing unlocked is ever
written to disk, so after a restart every entry is locked again until the person signs in.
On a server the key is opened with the instance key instead, when a request needs it.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from hashlib import sha256

_lock = threading.Lock()
_held: dict[str, tuple[str, bytes]] = {}  # slot -> (owner id, data key)
_current: contextvars.ContextVar[bytes | None] = contextvars.ContextVar("data_key", default=None)


class Locked(Exception):
    """Entry text was needed, but this person's key is not unlocked here."""


def _slot(session_key: str) -> str:
    return sha256(session_key.encode()).hexdigest()


def hold(session_key: str, owner_id: str, data_key: bytes) -> None:
    with _lock:
        _held[_slot(session_key)] = (owner_id, data_key)


def held(session_key: str | None) -> bytes | None:
    if not session_key:
        return None
    with _lock:
        entry = _held.get(_slot(session_key))
    return entry[1] if entry else None


def move(old_session_key: str, new_session_key: str) -> None:
    with _lock:
        entry = _held.pop(_slot(old_session_key), None)
        if entry:
            _held[_slot(new_session_key)] = entry


def release(session_key: str) -> None:
    with _lock:
        _held.pop(_slot(session_key), None)


def release_owner(owner_id: str) -> None:
    with _lock:
        for slot in [slot for slot, (owner, _) in _held.items() if owner == owner_id]:
            del _held[slot]


def retain_only(session_keys: Iterable[str]) -> None:
    """Forget keys whose sessions have ended (signed out elsewhere, or idle too long)."""
    keep = {_slot(key) for key in session_keys}
    with _lock:
        for slot in [slot for slot in _held if slot not in keep]:
            del _held[slot]


def release_all() -> None:
    with _lock:
        _held.clear()


@contextmanager
def using(data_key: bytes | None) -> Iterator[None]:
    """Make a key (or no key) the current one inside the block: a request, or a test."""
    token = _current.set(data_key)
    try:
        yield
    finally:
        _current.reset(token)


def use_for_this_run(data_key: bytes) -> None:
    """The CLI opens one person's key for its whole, short run."""
    _current.set(data_key)


def current_key() -> bytes:
    key = _current.get()
    if key is None:
        raise Locked("Entries are locked: sign in (or give the passphrase) to open them.")
    return key
