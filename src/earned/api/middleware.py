"""The API's doorway, before any view: a request with `Authorization: Bearer <token>` is the
token's person for this request (their data key opened by the token: earned/privacy/
middleware.py makes it current), and an oversized body is refused before it is read. On the way
out, an answer to a write whose words (or a questionnaire's answers) suggest thoughts of suicide
or self-harm links to Help now, where a page would show the calm notice (safety/noticing.py)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from earned.api import tokens
from earned.api.problems import problem

API = "/api/"
BODY_LIMIT = 256 * 1024  # a record is a few kilobytes; a quarter of a megabyte is plenty


def bearer(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API):
            return get_response(request)
        try:
            size = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            size = 0
        if size > BODY_LIMIT:
            return problem(413, f"A request may carry up to {BODY_LIMIT // 1024} KB.")
        header = request.headers.get("Authorization", "")
        scheme, _, presented = header.partition(" ")
        if scheme.lower() != "bearer":
            return _with_help(request, get_response(request))  # a browser, or nobody
        found = tokens.authenticate(presented.strip())
        if found is None:
            return _unauthorised()
        request.user, request.api_token_key = found[0].owner, found[1]  # type: ignore[attr-defined]
        request.api_token = found[0]  # type: ignore[attr-defined]
        return _with_help(request, get_response(request))

    return middleware


def _with_help(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    noticed = getattr(request, "_safety_noticed", None)
    if noticed:
        help_now = request.build_absolute_uri(reverse("safety:crisis"))
        response["Link"] = f'<{help_now}>; rel="help"; title="Help now"'
        response["Earned-Notice"] = noticed  # what it speaks of: words, answers or plan
    return response


def _unauthorised() -> HttpResponse:
    answer = problem(401, "That token opens nothing: it may be mistyped, expired or revoked.")
    answer["WWW-Authenticate"] = 'Bearer error="invalid_token"'
    return answer
