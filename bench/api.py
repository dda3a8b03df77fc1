"""The API under load, on a real server: Earned served by waitress on loopback, called over four
keep-alive connections at once. Listing the newest 20 experiences is measured against a peer
on the same server, in the same run — a minimal Django JSON view doing the same work behind the
same middleware — in alternating rounds, so that the machine's noise falls on both alike; the
ratio is what the API's own layer costs. Creating experiences is measured in requests a second.
The issue's bar: the list at least 80% of the peer's rate with a p99 under 25 ms, and at least
150 creates a second.
"""

from __future__ import annotations

import http.client
import json
import statistics
import threading
import time
from collections.abc import Callable
from typing import Any

CONNECTIONS = 4
PER_CONNECTION = 60  # requests each connection makes in one round
ROUNDS = 5
FLOOR = "/api/bench-floor/"  # under /api/, so the same token opens it


def add_floor() -> None:
    """The peer: a plain Django view doing the list's own work — the same query, the same
    decryption, the export's shape, as JSON — behind the same middleware and the same token,
    without the API's layer (its parameters, scopes, rate limit and description)."""
    from django.http import HttpRequest, JsonResponse
    from django.urls import path

    from earned import urls
    from earned.access import owned, signed_in_user
    from earned.exchange.kinds import KINDS
    from earned.exchange.services import export_record
    from earned.ledger.models import Experience

    kind = next(each for each in KINDS if each.name == "experiences")

    def floor(request: HttpRequest) -> JsonResponse:
        found = owned(Experience, signed_in_user(request)).order_by("-happens_at", "-pk")
        items = [export_record(kind, row) for row in found[:20]]
        return JsonResponse({"items": items, "count": found.count()})

    urls.urlpatterns.append(path(FLOOR.strip("/") + "/", floor))  # type: ignore[arg-type]


def serve() -> tuple[Any, int]:
    import logging

    from django.core.wsgi import get_wsgi_application
    from waitress.server import create_server

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # a queue of one is the point
    server = create_server(
        get_wsgi_application(), host="127.0.0.1", port=0, threads=CONNECTIONS, ident="Earned"
    )
    threading.Thread(target=server.run, daemon=True).start()
    return server, int(server.effective_port)  # type: ignore[union-attr]


def load(
    port: int, method: str, path: str, headers: dict[str, str], body: Callable[[], bytes] | None
) -> tuple[float, list[float]]:
    """Requests a second over all connections, and every request's time in milliseconds."""
    from django.core.cache import cache

    cache.clear()  # each round starts within the rate limit (240 calls of 600 a minute)
    latencies: list[list[float]] = [[] for _ in range(CONNECTIONS)]
    failures: list[str] = []

    def connection(index: int) -> None:
        link = http.client.HTTPConnection("127.0.0.1", port)
        for _ in range(PER_CONNECTION):
            started = time.perf_counter()
            link.request(method, path, body=body() if body else None, headers=headers)
            answer = link.getresponse()
            answer.read()
            latencies[index].append((time.perf_counter() - started) * 1000)
            if answer.status >= 300:
                failures.append(f"{method} {path}: {answer.status}")
        link.close()

    threads = [threading.Thread(target=connection, args=(n,)) for n in range(CONNECTIONS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise SystemExit(f"refusing to time errors: {failures[0]}")
    every = [each for one in latencies for each in one]
    return len(every) / elapsed, every


def p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[int(len(ordered) * 0.99) - 1]


def bench_api(user: Any) -> None:
    from bench.__main__ import PASSPHRASE, fill_ledger
    from earned.api import tokens
    from earned.privacy import keyring, keys

    print(f"\nThe API on loopback, {CONNECTIONS} connections, {ROUNDS} alternating rounds:")
    fill_ledger(user, experiences=200)
    with keyring.using(keys.open_data_key(user, PASSPHRASE)):
        secret = tokens.create(user, "bench", ["experiences"], can_write=True).secret
    add_floor()
    server, port = serve()
    auth = {"Authorization": f"Bearer {secret}"}
    try:
        load(port, "GET", FLOOR, auth, None)  # warm both
        load(port, "GET", "/api/experiences", auth, None)
        floors, lists, list_times = [], [], []
        for _ in range(ROUNDS):
            rate, _ = load(port, "GET", FLOOR, auth, None)
            floors.append(rate)
            rate, times = load(port, "GET", "/api/experiences", auth, None)
            lists.append(rate)
            list_times += times
        floor, listed = statistics.median(floors), statistics.median(lists)
        print(f"{'plain Django view, same work (the peer)':<38} {floor:7.0f} requests/s")
        print(
            f"{'GET /api/experiences (newest 20)':<38} {listed:7.0f} requests/s   "
            f"{100 * listed / floor:5.1f} % of the peer   "
            f"median {statistics.median(list_times):4.1f} ms"
            f"   p99 {p99(list_times):5.1f} ms"
        )
        number = iter(range(10**9))
        experience = {"Content-Type": "application/json", **auth}

        def body() -> bytes:
            return json.dumps({
                "situation": f"Asked for help, time {next(number)}",
                "happens_at": "2026-11-20T18:00:00Z", "likelihood": 70,
                "happened": "It went well", "occurred": 10, "finish": True,
            }).encode()  # fmt: skip

        creates = [load(port, "POST", "/api/experiences", experience, body)[0]
                   for _ in range(ROUNDS)]  # fmt: skip
        print(f"{'POST /api/experiences (logged, finished)':<38} "
              f"{statistics.median(creates):7.0f} requests/s")  # fmt: skip
    finally:
        server.task_dispatcher.shutdown()  # then the process ends, and the sockets with it
