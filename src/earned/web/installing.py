"""Earned on a home screen: the worker that keeps the app's look, Help now and a page for when
there is no connection (web/templates/web/app-worker.js), and that page."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse

from earned import __version__

# What the worker keeps: the app's look, never a page with a person's words.
SHELL = (
    "earned/earned.css",
    "earned/earned.js",
    "earned/icon.svg",
    "earned/icon-192.png",
    "earned/icon-512.png",
    "earned/manifest.webmanifest",
)


@cache
def _version() -> str:
    """Changes whenever a kept file does, so the browser takes the new worker and its copy."""
    digest = hashlib.sha256(__version__.encode())
    for name in SHELL:
        found = finders.find(name)
        if isinstance(found, str):
            digest.update(Path(found).read_bytes())
    return digest.hexdigest()[:12]


def app_worker(request: HttpRequest) -> HttpResponse:
    """Served at the site's root, so it may look after every page (and keeps only what SHELL,
    Help now and the offline page are)."""
    context = {
        "version": _version(),
        "kept": [static(name) for name in SHELL],
        "help": reverse("safety:crisis"),
        "offline": reverse("web:offline"),
    }
    return render(request, "web/app-worker.js", context, content_type="text/javascript")


def offline(request: HttpRequest) -> HttpResponse:
    """What the worker shows for a page it cannot fetch: never a copy of the page itself."""
    return render(request, "web/offline.html")
