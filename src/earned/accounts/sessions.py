"""Database sessions that know their owner, so "sign out everywhere" can find them all."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, cast

from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.http import HttpRequest, HttpResponse
from django.utils.dateparse import parse_datetime

from earned.accounts.models import DeviceSession
from earned.privacy import keyring

# Keys in the session data that services.sign_in() sets; copied into columns on every save.
PUBLIC_ID = "earned.public_id"
DEVICE = "earned.device"
SIGNED_IN_AT = "earned.signed_in_at"
TOUCHED_AT = "earned.touched_at"  # when a request last moved the session's end (epoch seconds)
TOUCH_EVERY = 60  # seconds


def idle_clock(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    """A session ends after SESSION_COOKIE_AGE without a request: its end moves with each one.
    Django can do that by writing the session on every request; here it is written only when
    something in it changed or a minute has passed since it last was — so a page read is not a
    database write, and the session still ends at most a minute early, never late."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        session = request.session
        due = session.accessed and not session.is_empty()
        if due and time.time() - session.get(TOUCHED_AT, 0) >= TOUCH_EVERY:
            touched(session)  # changed: SessionMiddleware writes it, its end moved on
        return response

    return middleware


def touched(session: SessionBase) -> None:
    """Note that the session is being written now, and so its end set from now."""
    session[TOUCHED_AT] = int(time.time())


class SessionStore(DatabaseSessionStore):
    @classmethod
    def get_model_class(cls) -> type[DeviceSession]:
        return DeviceSession

    def create_model_instance(self, data: dict[str, Any]) -> DeviceSession:
        instance = cast(DeviceSession, super().create_model_instance(data))
        instance.owner_id = data.get("_auth_user_id")
        instance.public_id = data.get(PUBLIC_ID)
        instance.device = str(data.get(DEVICE, ""))[:80]
        signed_in_at = data.get(SIGNED_IN_AT)
        instance.signed_in_at = parse_datetime(signed_in_at) if signed_in_at else None
        return instance

    def cycle_key(self) -> None:
        # Django inserts the new row before deleting the old one; our public_id is unique, so
        # that order would collide (and Django's create() retries a collision forever).
        data = dict(self.items())
        old_key = self.session_key
        if old_key:
            super().delete(old_key)
        self.create()
        self._session_cache = data
        if old_key and self.session_key:
            keyring.move(old_key, self.session_key)

    def delete(self, session_key: str | None = None) -> None:
        ended = session_key or self.session_key
        super().delete(session_key)
        if ended:
            keyring.release(ended)  # signing out locks the entries again
