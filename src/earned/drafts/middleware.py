from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse

from earned.accounts.models import User
from earned.drafts import services

# The page script adds this field to a form it kept a draft of (earned.js: keptDrafts).
KEPT = "earned-draft"
FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


def forget_saved_drafts(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[..., HttpResponse]:
    """A form that was saved (its page moved on, as every form here does after a save) no
    longer needs its draft. A form shown again with its messages keeps it, and so does one
    whose page moved on with a message that something was refused (a reply too long)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if (
            request.method == "POST"
            and response.status_code in (302, 303)
            and request.content_type in FORMS
            and KEPT in request.POST
            and isinstance(request.user, User)
            and request.user.is_authenticated
            and not _refused(request)
        ):
            services.forget(request.user, request.path)
        return response

    return middleware


def _refused(request: HttpRequest) -> bool:
    """Whether this request left a message that something was refused, for the next page."""
    added = getattr(messages.get_messages(request), "_queued_messages", [])  # this request's
    return any(message.level >= messages.ERROR for message in added)
