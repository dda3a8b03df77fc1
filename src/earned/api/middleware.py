"""The API's doorway, before any view: a request with `Authorization: Bearer <token>` is the
token's person for this request (their data key opened by the token: earned/privacy/
middleware.py makes it current), and an oversized body is refused before it is read."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

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
            return get_response(request)  # a signed-in browser, or nobody: the API decides
        found = tokens.authenticate(presented.strip())
        if found is None:
            return _unauthorised()
        request.user, request.api_token_key = found[0].owner, found[1]  # type: ignore[attr-defined]
        request.api_token = found[0]  # type: ignore[attr-defined]
        return get_response(request)

    return middleware


def _unauthorised() -> HttpResponse:
    answer = problem(401, "That token opens nothing: it may be mistyped, expired or revoked.")
    answer["WWW-Authenticate"] = 'Bearer error="invalid_token"'
    return answer
