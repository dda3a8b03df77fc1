"""The JSON API: one NinjaAPI over the same services the pages and the terminal use, described
by /api/openapi.json and read at /api/docs. Errors are problem details (earned/api/problems.py);
who may see what is decided in earned/access.py, and what a token may do in earned/api/scopes.py."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as RequestInvalid
from ninja.security import HttpBearer, django_auth
from ninja.throttling import AuthRateThrottle

from earned import __version__
from earned.api import insights, ledger, records  # noqa: F401 (each adds to the one router)
from earned.api.problems import answer
from earned.api.scopes import token_of

DESCRIPTION = """Your own entries, for your own scripts and the apps you trust. Call it with a
personal access token (`Authorization: Bearer earned_…`, made under Settings → Access tokens or
with `earned tokens create`), or from a browser signed in to Earned. Records have the shape of
the export (docs/export-format.md); errors are problem details (RFC 9457)."""


class Bearer(HttpBearer):
    """A token the doorway (earned/api/middleware.py) has already checked."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return token_of(request)


api = NinjaAPI(
    title="Earned",
    version=__version__,
    description=DESCRIPTION,
    urls_namespace="rest",
    auth=[Bearer(), django_auth],
    throttle=[AuthRateThrottle("600/m")],
    docs_url=None,  # our own page, in the app's look: earned/api/views.py
)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, problem: Exception) -> HttpResponse:
    return answer(request, 404, "There is nothing of yours here: no such record.")


@api.exception_handler(AuthenticationError)
def not_signed_in(request: HttpRequest, problem: Exception) -> HttpResponse:
    return answer(request, 401, "Please send a token (Authorization: Bearer earned_…), or sign in.")


@api.exception_handler(RequestInvalid)
def request_invalid(request: HttpRequest, problem: RequestInvalid) -> HttpResponse:
    errors = [
        {"field": ".".join(str(part) for part in each.get("loc", ())[1:]) or "body",
         "message": each.get("msg", "Not valid.")}
        for each in problem.errors
    ]  # fmt: skip
    return answer(request, 422, "Some of what was sent could not be used.", errors=errors)


@api.exception_handler(ValidationError)
def refused(request: HttpRequest, problem: ValidationError) -> HttpResponse:
    if hasattr(problem, "error_dict"):
        errors = [
            {"field": field, "message": message}
            for field, messages in problem.message_dict.items()
            for message in messages
        ]
    else:
        errors = [{"field": "body", "message": message} for message in problem.messages]
    return answer(request, 422, " ".join(each["message"] for each in errors), errors=errors)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, problem: HttpError) -> HttpResponse:
    return answer(request, problem.status_code, str(problem))


records.add_every_kind()
api.add_router("", records.router)
