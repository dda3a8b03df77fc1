"""The web app under load (issue 26), on a real server: Earned served by waitress on loopback in
a process of its own (bench/api_server.py, as `earned serve` runs it), over ten years of entries,
signed in as a browser is (a session cookie; the key held by the server since sign-in), called
over four keep-alive connections at once. Each page is measured against a floor on the same
server, in the same run, in alternating rounds so that the machine's noise falls on each alike:
a minimal Django view behind the same middleware, signed in (the least any answer costs). Each
figure is printed beside its target."""

from __future__ import annotations

import http.client
import re
import statistics
import urllib.parse
from http.cookies import SimpleCookie
from typing import Any

from bench.api import CONNECTIONS, MINIMAL, ROUNDS, load, p99, serve

PAGES = {"Today": "/", "the ledger": "/experiences/", "search (a name)": "/search/?q=Jo"}
TARGET_SHARE = {"Today": 0.6, "the ledger": 0.6, "search (a name)": 0.6}
TARGET_P99_MS = 50
TARGET_CREATE_SHARE = 0.7
TARGET_INSIGHTS_MS = 300


def signed_in(port: int, passphrase: str) -> tuple[str, str]:
    """Sign in through the page, as a browser does; returns the cookies and the form token."""
    link = http.client.HTTPConnection("127.0.0.1", port)
    link.request("GET", "/sign-in/")
    answer = link.getresponse()
    form = answer.read().decode()
    jar: SimpleCookie = SimpleCookie()
    jar.load(answer.getheader("Set-Cookie") or "")

    def sent() -> str:  # the cookies as a browser sends them back
        return "; ".join(f"{name}={morsel.value}" for name, morsel in jar.items())

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token is not None, "the sign-in page has no form token"
    body = urllib.parse.urlencode({"passphrase": passphrase, "csrfmiddlewaretoken": token.group(1)})
    link.request("POST", "/sign-in/", body=body, headers={
        "Cookie": sent(), "Content-Type": "application/x-www-form-urlencoded",
    })  # fmt: skip
    answer = link.getresponse()
    answer.read()
    assert answer.status == 302, f"signing in answered {answer.status}"
    for header, value in answer.getheaders():
        if header.lower() == "set-cookie":
            jar.load(value)
    link.close()
    return sent(), jar["csrftoken"].value


def bench_web(user: Any) -> None:
    from bench.__main__ import PASSPHRASE, ten_years
    from earned.privacy import keyring, keys
    from earned.search import services as search

    print(f"\nThe web app on loopback, a server process, ten years, {CONNECTIONS} connections, "
          f"{ROUNDS} rounds (each beside the floor: a minimal view, signed in):")  # fmt: skip
    ten_years(user)
    with keyring.using(keys.open_data_key(user, PASSPHRASE)):
        search.ensure_index(user)
    server, port = serve()
    try:
        cookies, form_token = signed_in(port, PASSPHRASE)
        headers = {"Cookie": cookies}
        paths = {"floor": MINIMAL, **PAGES}
        for path in paths.values():
            load(port, "GET", path, headers, None, per_connection=5)  # warm each
        rates: dict[str, list[float]] = {name: [] for name in paths}
        times: dict[str, list[float]] = {name: [] for name in paths}
        for _ in range(ROUNDS):
            for name, path in paths.items():
                served, took = load(port, "GET", path, headers, None, per_connection=20)
                rates[name].append(served)
                times[name] += took
        floor = statistics.median(rates["floor"])
        print(f"  {'a minimal view (the floor)':<34} {floor:6.0f} requests/s   "
              f"p99 {p99(times['floor']):6.1f} ms")  # fmt: skip
        for name in PAGES:
            rate, late = statistics.median(rates[name]), p99(times[name])
            share, wanted = rate / floor, TARGET_SHARE[name]
            fits = share >= wanted and late < TARGET_P99_MS
            print(f"  {name:<34} {rate:6.0f} requests/s   p99 {late:6.1f} ms   {share:4.2f} times "
                  f"the floor (target ≥ {wanted} times, p99 < {TARGET_P99_MS} ms) "
                  f"{'✓' if fits else '✗'}")  # fmt: skip
        number = iter(range(10**9))
        form = {"Cookie": cookies, "Content-Type": "application/x-www-form-urlencoded"}

        def entry() -> bytes:
            return urllib.parse.urlencode({
                "body": f"A small note, number {next(number)}.",
                "csrfmiddlewaretoken": form_token,
            }).encode()  # fmt: skip

        creating, floors = [], []
        for _ in range(ROUNDS):
            floors.append(load(port, "GET", MINIMAL, headers, None, per_connection=20)[0])
            creating.append(load(port, "POST", "/reflect/journal/new/", form, entry,
                                 per_connection=20, answered=400)[0])  # fmt: skip
        share = statistics.median(creating) / statistics.median(floors)
        print(f"  {'creating a journal entry':<34} {statistics.median(creating):6.0f} "
              f"requests/s   {share:4.2f} times the floor (target ≥ {TARGET_CREATE_SHARE} times) "
              f"{'✓' if share >= TARGET_CREATE_SHARE else '✗'}")  # fmt: skip
        _, took = load(port, "GET", "/insights/?period=all", headers, None,
                       per_connection=5, connections=1)  # fmt: skip
        middle = statistics.median(took)
        print(f"  {'Insights over ten years, one at a time':<34} median {middle:6.0f} ms "
              f"(target < {TARGET_INSIGHTS_MS} ms) "
              f"{'✓' if middle < TARGET_INSIGHTS_MS else '✗'}")  # fmt: skip
    finally:
        server.terminate()
        server.wait()
