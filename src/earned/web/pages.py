"""What many pages do alike: a form that saves through a service, and a list in pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

PAGE_SIZE = 20


def status_of(form: Any) -> int:
    """A form shown again: 400 when what was sent has errors, 200 otherwise."""
    return 400 if form.is_bound and form.errors else 200


def form_page(
    request: HttpRequest,
    form: Any,
    template: str,
    save: Callable[[Any], Any],  # returns the saved record (it has get_absolute_url)
    saved: str,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """A valid POST saves (through a service), says so kindly and shows the record; otherwise
    the form is shown again with everything typed still in it (400 when it has errors)."""
    if request.method == "POST" and form.is_valid():
        record = save(form)
        messages.success(request, saved)
        return redirect(record)
    return render(
        request,
        template,
        {"form": form, **(context or {})},
        status=400 if form.errors else 200,
    )


def list_page(
    request: HttpRequest, records: QuerySet[Any], template: str, **context: Any
) -> HttpResponse:
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, template, {"page": page, "records": list(page.object_list), **context})
