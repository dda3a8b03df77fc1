"""Chromium through Playwright against a live server, with every outside request refused."""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

from earned.accounts.models import User
from tests.conftest import make_person

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).parents[2] / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


class OneRequestAtATime(ThreadedWSGIServer):
    """The live server, answering one request at a time. Its threads share the test database's
    one connection (SQLite in memory), and a page's own calls (a draft kept as the person types)
    would otherwise use it at the same moment as the next page. A real server has a connection
    a thread; only the tests need this."""

    lock = threading.Lock()

    def set_app(self, application: Any) -> None:
        def one_at_a_time(environ: Any, start_response: Any) -> list[bytes]:
            with self.lock:
                answer = application(environ, start_response)
                try:
                    return list(answer)
                finally:
                    if hasattr(answer, "close"):
                        answer.close()

        super().set_app(one_at_a_time)


LiveServerThread.server_class = OneRequestAtATime  # type: ignore[attr-defined]


@contextlib.contextmanager
def server_paused() -> Iterator[None]:
    """For a test that writes to the database itself while pages are open: the live server
    answers nothing meanwhile (they share one connection, and a page's worker may be fetching
    in the background — keeping Help now, say)."""
    with OneRequestAtATime.lock:
        yield


def until(page: Any, script: str, timeout: float = 10.0) -> None:
    """Wait until a script in the page answers true. Unlike page.wait_for_function, this waits
    for an async script's answer (that one takes the promise itself as true)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script):
        assert time.monotonic() < deadline, f"still not true after {timeout} s: {script}"
        page.wait_for_timeout(100)


# Playwright's sync API runs an event loop in the test thread; Django's ORM, called by the test
# itself to set things up, is safe here because the live server runs in its own thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed here (apt-get install chromium); CI installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def outside_requests() -> list[str]:
    """Every request the page tried to send off this machine (it should stay empty)."""
    return []


def guarded_context(browser: Any, base_url: str, outside_requests: list[str]) -> Any:
    """A browser context for base_url that refuses, and records, any request off this machine."""
    context = browser.new_context(base_url=base_url, timezone_id="Europe/Berlin", viewport=DESKTOP)
    own_host = urlsplit(base_url).netloc

    def guard(route: Any) -> None:
        if urlsplit(route.request.url).netloc == own_host:
            route.continue_()
        else:
            outside_requests.append(route.request.url)
            route.abort()

    def leave(dialog: Any) -> None:
        """Leaving a page with unsaved words asks first (earned.js): journeys leave on purpose."""
        dialog.accept() if dialog.type == "beforeunload" else dialog.dismiss()

    context.route("**/*", guard)
    context.on("dialog", leave)
    return context


@pytest.fixture
def page(
    browser: Any, live_server: Any, outside_requests: list[str], transactional_db: None
) -> Iterator[Any]:
    context = guarded_context(browser, live_server.url, outside_requests)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
    assert outside_requests == [], "a page tried to reach another machine"


AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


@pytest.fixture(scope="session")
def axe() -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def check_page(axe: Any) -> Callable[[Any, str], None]:
    """Run axe in light and dark, at desktop and phone width, and keep a screenshot of each."""

    def check(page: Any, name: str) -> None:
        SCREENSHOTS.mkdir(exist_ok=True)
        # A located element can be in the DOM before the stylesheet has applied; axe measures
        # sizes (target-size), so it waits for the whole page.
        page.wait_for_load_state("load")
        assert "---------" not in page.content(), f"{name}: Django's empty choice, not our words"
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
                page.set_viewport_size(size)
                results = axe.run(page, options=AXE_OPTIONS)
                assert results.violations_count == 0, (
                    f"{name} ({scheme}, {label}):\n{results.generate_report()}"
                )
                page.screenshot(path=SCREENSHOTS / f"{name}-{scheme}-{label}.png", full_page=True)
        page.emulate_media(color_scheme="light")
        page.set_viewport_size(DESKTOP)

    return check


@pytest.fixture
def owner(transactional_db: None) -> User:
    """The person in a journey, living on the browser's own clock (Europe/Berlin)."""
    return make_person("sam", "Sam", timezone="Europe/Berlin", country="IE")
