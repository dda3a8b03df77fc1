"""The calm notice after saving words that suggest thoughts of suicide or self-harm. Every save
of a person's record is looked at here — only the text that changed, in memory, before it is
encrypted — by the pure function in earned/core/crisis_language.py. Nothing is stored, logged or
sent: the page that follows shows the notice once, and the terminal prints one line."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from typing import Any

from django.contrib import messages
from django.db import models
from django.http import HttpRequest, HttpResponse

from earned.core.crisis_language import suggests_risk
from earned.privacy.fields import EncryptedTextField, Sealed
from earned.safety import command_run

NOTICE_TAG = "safety-notice"
_request: ContextVar[HttpRequest | None] = ContextVar("earned_request", default=None)
_looking: ContextVar[bool] = ContextVar("earned_looking_at_words", default=True)


def remember_request(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., Any]:
    """Middleware: lets a save during this request leave the notice for the next page."""

    def middleware(request: HttpRequest) -> HttpResponse:
        token = _request.set(request)
        try:
            return get_response(request)
        finally:
            _request.reset(token)

    return middleware


@contextlib.contextmanager
def words_brought_back() -> Iterator[None]:
    """Saves that restore words written before (an import) are not looked at: the notice
    answers what a person writes now, not an old entry coming home."""
    token = _looking.set(False)
    try:
        yield
    finally:
        _looking.reset(token)


def changed_texts(instance: models.Model) -> list[str]:
    """The encrypted fields' texts that this save writes anew (not those merely loaded)."""
    found = []
    for field in instance._meta.concrete_fields:
        if not isinstance(field, EncryptedTextField):
            continue
        value = instance.__dict__.get(field.attname)
        if not isinstance(value, str) or isinstance(value, Sealed):
            continue
        origin = instance.__dict__.get(getattr(type(instance), field.attname).origin_key)
        if origin is None or origin[1] != value:
            found.append(value)
    return found


ABOUT_WORDS = "A calm note about what you wrote."
ABOUT_ANSWERS = "About your answers."
ABOUT_PLAN = "About your plan."


def look_at_saved_words(sender: type[models.Model], instance: models.Model, **_: Any) -> None:
    """pre_save receiver for every model with entry text, except an imported questionnaire's
    wording, which is not a person's own account (`words_looked_at = False`). A model may say
    what its notice speaks of (`notice_about`): the safety plan's, whose warning signs may
    rightly name such thoughts, says so."""
    if getattr(sender, "words_looked_at", True):
        look_at_words(changed_texts(instance), getattr(sender, "notice_about", ABOUT_WORDS))


def look_at_words(texts: Iterable[str], about: str = ABOUT_WORDS) -> None:
    """The look itself, at words the caller knows are new; called directly by saves that bypass
    `pre_save` (rows written together, like a dialogue's turns)."""
    if _looking.get() and suggests_risk(*texts):
        show_notice(about)


def show_notice(about: str = ABOUT_WORDS) -> None:
    """Leaves the notice for the page that follows (once per request), or a line in the
    terminal when the save came from a command. `about` (ABOUT_ANSWERS after a questionnaire's
    risk answer, ABOUT_PLAN after the safety plan) chooses what the notice speaks of."""
    request = _request.get()
    if request is None:
        command_run.noticed()
    elif not getattr(request, "_safety_noticed", False):
        request._safety_noticed = True  # type: ignore[attr-defined]
        messages.add_message(request, messages.INFO, about, extra_tags=NOTICE_TAG)
