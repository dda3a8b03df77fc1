"""What a call may do: a person signed in to the browser may do anything with their own entries;
a token, only what it was made for — the kinds it names, and writing only if it may write."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.errors import HttpError

from earned.api import tokens
from earned.api.models import AccessToken
from earned.records.models import Category


def token_of(request: HttpRequest) -> AccessToken | None:
    return getattr(request, "api_token", None)  # set by earned/api/middleware.py


def need(request: HttpRequest, category: Category, *, write: bool = False) -> None:
    if not tokens.allows(token_of(request), category, write=write):
        doing = "change" if write else "open"
        raise HttpError(
            403,
            f"This token cannot {doing} {category.label.lower()}. Make one that can under "
            "Settings → Access tokens.",
        )
