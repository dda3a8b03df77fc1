"""The JSON API: one NinjaAPI over the same services the pages and the terminal use, described
by /api/openapi.json and read at /api/docs. Errors are problem details (earned/api/problems.py);
who may see what is decided in earned/access.py, and what a token may do in earned/api/scopes.py."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as RequestInvalid
from ninja.security import HttpBearer, django_auth
from ninja.throttling import AuthRateThrottle

from earned import __version__
from earned.api import (
    care,
    finding,
    insights,
    ledger,
    measures,
    practice,
    records,
    reflection,
    relationships,
    rituals,
    safety,
)
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


# What any call may answer besides its own success, each as a problem: documented on every
# operation, so the description says everything the API can answer.
PROBLEMS = {
    400: "The body could not be read as JSON.",
    401: "No token, or one that opens nothing (mistyped, expired or revoked).",
    403: "The token may not open, or change, this kind of entry.",
    404: "No such record of yours.",
    409: "There is one already (a morning check-in or evening review of that day).",
    413: "More than a request may carry.",
    422: "Something sent could not be used; `errors` names each field.",
    429: "Too many calls in a minute.",
}
PROBLEM = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}


class EarnedAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        described = super().get_openapi_schema(*args, **kwargs)
        described.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM
        problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for methods in described["paths"].values():
            for operation in methods.values():
                for status, words in PROBLEMS.items():
                    operation["responses"].setdefault(
                        str(status), {"description": words, "content": problem}
                    )
        return described


api = EarnedAPI(
    title="Earned",
    version=__version__,
    description=DESCRIPTION,
    urls_namespace="rest",
    auth=[Bearer(), django_auth],
    throttle=[AuthRateThrottle(f"{settings.API_CALLS_PER_MINUTE}/m")],
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
        {"field": _field(each.get("loc", ())), "message": _plainly(each)} for each in problem.errors
    ]
    return answer(request, 422, "Some of what was sent could not be used.", errors=errors)


PLAIN = {
    "missing": "This is needed.",
    "string_type": "Please give text here.",
    "string_too_short": "Please write something here.",
    "string_too_long": "Please keep it to {max_length} characters.",
    "bool_type": "Please give true or false.",
    "uuid_parsing": "Please give an id as Earned gives it (a UUID).",
    "uuid_type": "Please give an id as Earned gives it (a UUID).",
    "greater_than_equal": "Please give a number from {ge}.",
    "less_than_equal": "Please give a number up to {le}.",
    "literal_error": "Please use one of: {expected}.",
    "list_type": "Please give a list here.",
    "int_parsing": "Please give a whole number.",
    "int_type": "Please give a whole number.",
}


def _plainly(error: dict[str, Any]) -> str:
    """What was wrong, in our words (our own checks already speak them)."""
    if error.get("type") == "value_error":
        return str(error.get("ctx", {}).get("error", error.get("msg", "")))
    words = PLAIN.get(str(error.get("type")))
    return words.format(**error.get("ctx", {})) if words else str(error.get("msg", "Not valid."))


def _field(where: Any) -> str:
    """A refused field's name as the caller wrote it: "emotions.0.intensity", "limit"."""
    parts = [str(part) for part in where[1:]]  # past "body", "query" or "path"
    if parts and parts[0] == "sent":  # every body is read as `sent`
        parts = parts[1:]
    return ".".join(parts) or "body"


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
    if problem.status_code == 400:  # the body was not JSON (ninja's words are for developers)
        return answer(request, 400, "The body could not be read: please send a JSON object.")
    return answer(request, problem.status_code, str(problem))


# Each module adds its operations to the one router: on import, or when asked to here.
MODULES = (
    care, finding, insights, ledger, measures, practice, records, reflection, relationships,
    rituals, safety,
)  # fmt: skip
records.add_every_kind()
care.add_every_kind()
practice.add()
reflection.add()
relationships.add()
api.add_router("", records.router)
