"""The app's addresses, plus one that fails, to see the page a failure answers with."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from earned.urls import handler404, handler500, urlpatterns


def fails(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a failure on our side")


urlpatterns = [*urlpatterns, path("fails/", fails)]  # type: ignore[list-item]
__all__ = ["handler404", "handler500", "urlpatterns"]
