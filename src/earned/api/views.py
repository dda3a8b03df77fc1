"""Access tokens in Settings — make one (shown once), see each one's use, revoke one after
saying what that means — and the API's own page of documentation, drawn from its description."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from earned.access import signed_in_user
from earned.api import tokens
from earned.api.forms import TokenForm
from earned.api.models import AccessToken
from earned.circles.services import category_names
from earned.web.pages import status_of


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = tokens.create(user, **form.cleaned_data)
        return render(
            request,
            "api/token_made.html",
            {"made": made, "shared": category_names(made.token.categories)},
        )
    return render(
        request,
        "api/tokens.html",
        {"tokens": _listed(user), "form": form},
        status=status_of(form),
    )


def _listed(user: Any) -> list[tuple[AccessToken, list[str]]]:
    return [(each, category_names(each.categories)) for each in tokens.tokens_of(user)]


@login_required
def revoke(request: HttpRequest, token_id: str) -> HttpResponse:
    user = signed_in_user(request)
    token = get_object_or_404(tokens.tokens_of(user), pk=token_id)
    if request.method == "POST":
        name = token.name  # read while the row is there: its words are bound to it
        tokens.revoke(user, token)
        messages.success(request, f"Revoked. “{name}” opens nothing from now on.")
        return redirect("api:tokens")
    return render(request, "api/revoke.html", {"token": token})


@require_safe
def docs(request: HttpRequest) -> HttpResponse:
    """The API, described for a person reading it: each operation with what it takes and
    gives, from the same description /api/openapi.json serves."""
    from earned.api.main import api

    described = api.get_openapi_schema()
    return render(
        request,
        "api/docs.html",
        {"operations": _operations(described), "per_minute": settings.API_CALLS_PER_MINUTE},
    )


def _operations(described: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for path, methods in described["paths"].items():
        for method, operation in methods.items():
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "takes": [  # what it takes besides the record named in its address
                        each["name"]
                        for each in operation.get("parameters", [])
                        if each.get("in") != "path"
                    ],
                    "body": "requestBody" in operation,
                    "anchor": operation.get("operationId", ""),
                }
            )
    return sorted(found, key=lambda each: (each["tag"], each["path"], each["method"]))
