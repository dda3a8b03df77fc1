"""Earned on a home screen: a manifest a phone can install from, and a worker that keeps only
the app's look, Help now and a no-connection page — never a page with a person's words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from earned.accounts.models import User
from tests.browser.conftest import until
from tests.browser.test_journeys import sign_in

KEPT_HELP = """async () => {
    const names = (await caches.keys()).filter((name) => name.startsWith('earned-app'));
    const help = names.length ? await (await caches.open(names[0])).match('/help/') : undefined;
    return help === undefined ? null : (await help.text()).includes('Emergency in Ireland');
}"""


def test_installable_and_calm_without_a_connection(
    page: Any, owner: User, check_page: Callable[[Any, str], None]
) -> None:
    # Before signing in, the worker keeps Help now as anyone sees it (no country's lines)...
    page.goto("/sign-in/")
    until(page, f"({KEPT_HELP})().then((irish) => irish === false)")
    sign_in(page)
    page.goto("/reflect/journal/new/")
    page.get_by_label("Write as much or as little as you like").fill("Words that stay mine.")
    page.goto("/")
    manifest = page.evaluate(
        """async () => {
            const link = document.querySelector('link[rel=manifest]');
            const answer = await fetch(link.href);
            return {type: answer.headers.get('content-type'), body: await answer.json()};
        }"""
    )
    assert manifest["type"] == "application/manifest+json"
    assert manifest["body"]["display"] == "standalone"
    assert {icon["sizes"] for icon in manifest["body"]["icons"]} >= {"192x192", "512x512"}
    kept = page.evaluate(
        """async () => {
            const names = (await caches.keys()).filter((name) => name.startsWith('earned-app'));
            const cache = await caches.open(names[0]);
            return (await cache.keys()).map((request) => new URL(request.url).pathname);
        }"""
    )
    assert set(kept) == {
        "/static/earned/earned.css", "/static/earned/earned.js", "/static/earned/icon.svg",
        "/static/earned/icon-192.png", "/static/earned/icon-512.png",
        "/static/earned/manifest.webmanifest", "/help/", "/offline/",
    }  # fmt: skip

    # ...and once she is signed in, with Sam's own country's lines.
    until(page, KEPT_HELP)
    page.context.set_offline(True)
    try:
        page.goto("/reflect/journal/")
        page.get_by_role("heading", name="No connection just now").wait_for()
        check_page(page, "offline")
        page.get_by_role("link", name="Help now").first.click()
        page.get_by_role("heading", name="Help right now").wait_for()
        page.get_by_role("link", name="Call 112").wait_for()  # Sam's country's lines, kept
    finally:
        page.context.set_offline(False)
    page.goto("/settings/")
    page.get_by_role("heading", name="On your phone").wait_for()
