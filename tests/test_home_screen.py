"""The worker that lets Earned sit on a home screen keeps the app's look, Help now and the
no-connection page, and names nothing else; the no-connection page opens for anyone."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from earned.web import installing

pytestmark = pytest.mark.django_db


def test_the_worker_keeps_only_the_apps_look_help_now_and_the_offline_page() -> None:
    answer = Client().get("/service-worker.js")
    assert answer["Content-Type"].startswith("text/javascript")
    script = answer.content.decode()
    (kept,) = re.findall(r"const KEPT = \[(.*)\];", script)
    assert re.findall(r'"([^"]+)"', kept) == [f"/static/{name}" for name in installing.SHELL]
    assert 'const HELP = "/help/";' in script
    assert 'const OFFLINE = "/offline/";' in script
    assert re.search(r'const SHELL = "earned-app-shell-[0-9a-f]{12}";', script)


def test_the_offline_page_opens_for_anyone_and_is_never_cached_by_http() -> None:
    answer = Client().get("/offline/")
    assert answer.status_code == 200
    assert "No connection just now" in answer.content.decode()
    assert answer["Cache-Control"] == "no-store"


def test_every_page_links_the_manifest_and_offers_the_worker(owner_client: Client) -> None:
    page = owner_client.get("/").content.decode()
    assert '<link rel="manifest" href="/static/earned/manifest.webmanifest">' in page
    assert 'data-worker="/service-worker.js"' in page


def test_the_manifest_is_served_as_one() -> None:
    answer = Client().get("/static/earned/manifest.webmanifest")  # through WhiteNoise, as served
    assert answer["Content-Type"] == "application/manifest+json"
