"""The calm notice after saving words that suggest thoughts of suicide or self-harm. Every save
of a person's record (earned/records/saving.py) hands its new words here — only the text that
changed, in memory, before it is encrypted — for the pure function in
earned/core/crisis_language.py. Nothing is stored, logged or sent: the page that follows shows
the notice once, and the terminal prints one line."""

from __future__ import annotations

from collections.abc import Callable, Iterable
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


def remember_request(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., Any]:
    """Middleware: lets a save during this request leave the notice for the next page."""

    def middleware(request: HttpRequest) -> HttpResponse:
        token = _request.set(request)
        try:
            return get_response(request)
        finally:
            _request.reset(token)

    return middleware


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


# What a notice speaks of; the page words it by a tag (safety/_notice.html), not by its text.
ABOUT_WORDS, ABOUT_ANSWERS, ABOUT_PLAN = "words", "answers", "plan"
HEADINGS = {
    ABOUT_WORDS: "Saved. And we noticed something in your words.",
    ABOUT_ANSWERS: "Saved. And one of your answers stayed with us.",
    ABOUT_PLAN: "Saved. Those are hard thoughts to write down.",
}


def about(model: type[models.Model]) -> str:
    """What the notice after saving this kind of record speaks of."""
    return str(getattr(model, "notice_about", ABOUT_WORDS))


def words_to_look_at(record: models.Model) -> list[str]:
    """The words a save of `record` writes anew, taken before it is saved (and encrypted). An
    imported questionnaire's wording is not a person's own account (`words_looked_at = False`)."""
    return changed_texts(record) if getattr(type(record), "words_looked_at", True) else []


def look(model: type[models.Model], texts: Iterable[str]) -> bool:
    """Whether words just written into a record of `model` suggest risk; if so, the notice is
    left for the page that follows or the terminal."""
    if suggests_risk(*texts):
        show_notice(about(model))
        return True
    return False


def show_notice(about: str = ABOUT_WORDS) -> None:
    """Leaves the notice for the page that follows (once per request), or a line in the
    terminal when the save came from a command. `about` (ABOUT_ANSWERS after a questionnaire's
    risk answer, ABOUT_PLAN after the safety plan) chooses what the notice speaks of."""
    request = _request.get()
    if request is None:
        command_run.noticed()
    elif not getattr(request, "_safety_noticed", False):
        request._safety_noticed = about  # type: ignore[attr-defined]
        if getattr(request, "api_token", None) is not None:
            return  # a script sees no page: the API's answer says it (earned/api/middleware.py)
        messages.add_message(
            request,
            messages.INFO,
            HEADINGS[about],
            extra_tags=f"{NOTICE_TAG} {NOTICE_TAG}--{about}",
        )
