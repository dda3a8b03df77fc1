"""Errors as RFC 9457 problem details, in our own plain words: `type`, `title`, `status`,
`detail`, and for a refused field, `errors` naming each one."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse

MEDIA_TYPE = "application/problem+json"

TITLES = {
    400: "That request could not be read",
    401: "Not signed in",
    403: "Not allowed with this token",
    404: "Not found",
    405: "Not a way this address is used",
    413: "Too much at once",
    422: "Please check what was sent",
    429: "Too many requests",
    500: "Something went wrong on our side",
    503: "Not ready yet",
}


def problem(status: int, detail: str, **extra: Any) -> JsonResponse:
    body = {"type": "about:blank", "title": TITLES.get(status, "A problem"), "status": status,
            "detail": detail, **extra}  # fmt: skip
    return JsonResponse(body, status=status, content_type=MEDIA_TYPE)


def answer(request: HttpRequest, status: int, detail: str, **extra: Any) -> JsonResponse:
    """A problem as an API handler answers it (ninja passes the request first)."""
    return problem(status, detail, **extra)
