"""The API under load, on a real server: Earned served by waitress on loopback in a process of
its own (bench/api_server.py), called over four keep-alive connections at once. Listing the
newest 20 experiences is measured against two views on the same server, in the same run, in
alternating rounds so that the machine's noise falls on each alike: a minimal Django JSON view
(the floor of any answer) and a plain Django view doing the list's own work behind the same
middleware (the peer: the ratio is what the API's own layer costs). Creating experiences is
measured in requests a second. The issue's bar: the list at least 80% of the peer's rate with
a p99 under 25 ms, and at least 150 creates a second.
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

CONNECTIONS = 4
THREADS = 8  # as `earned serve` runs
PER_CONNECTION = 60  # requests each connection makes in one round
ROUNDS = 5
SAME_WORK, MINIMAL = "/api/bench-same-work/", "/api/bench-minimal/"  # bench/api_server.py


def serve() -> tuple[subprocess.Popen[str], int]:
    """Earned in a server process of its own, on this data (with the limit on calls a minute
    out of the way: the rounds make more calls than a person's script would)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.api_server", str(THREADS)],
        env={**os.environ, "EARNED_API_CALLS_PER_MINUTE": str(10**9)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    return server, int(server.stdout.readline())


def load(
    port: int | Sequence[int],
    method: str,
    path: str,
    headers: dict[str, str],
    body: Callable[[], bytes] | None,
    per_connection: int = PER_CONNECTION,
    connections: int = CONNECTIONS,
    answered: int = 300,  # statuses below this are answers (400: a form's redirect too)
) -> tuple[float, list[float]]:
    """Requests a second over all connections, and every request's time in milliseconds. Given
    several ports (several server processes), the connections are spread over them in turn, as
    a reverse proxy spreads them over its upstream servers."""
    ports = [port] if isinstance(port, int) else list(port)
    latencies: list[list[float]] = [[] for _ in range(connections)]
    failures: list[str] = []

    def connection(index: int) -> None:
        link = http.client.HTTPConnection("127.0.0.1", ports[index % len(ports)])
        for _ in range(per_connection):
            started = time.perf_counter()
            link.request(method, path, body=body() if body else None, headers=headers)
            answer = link.getresponse()
            answer.read()
            latencies[index].append((time.perf_counter() - started) * 1000)
            if answer.status >= answered:
                failures.append(f"{method} {path}: {answer.status}")
        link.close()

    threads = [threading.Thread(target=connection, args=(n,)) for n in range(connections)]
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

    print(f"\nThe API on loopback, a server process, {CONNECTIONS} connections, {ROUNDS} rounds:")
    fill_ledger(user, experiences=200)
    with keyring.using(keys.open_data_key(user, PASSPHRASE)):
        secret = tokens.create(user, "bench", ["experiences"], can_write=True).secret
    server, port = serve()
    auth = {"Authorization": f"Bearer {secret}"}
    paths = {"minimal": MINIMAL, "same work": SAME_WORK, "api": "/api/experiences"}
    try:
        for path in paths.values():
            load(port, "GET", path, auth, None)  # warm each
        rates: dict[str, list[float]] = {name: [] for name in paths}
        times: dict[str, list[float]] = {name: [] for name in paths}
        for _ in range(ROUNDS):  # alternating, so the machine's noise falls on each alike
            for name, path in paths.items():
                served, took = load(port, "GET", path, auth, None)
                rates[name].append(served)
                times[name] += took
        rate = {name: statistics.median(each) for name, each in rates.items()}

        def line(what: str, name: str, beside: str = "") -> None:
            print(f"{what:<42} {rate[name]:6.0f} requests/s   median "
                  f"{statistics.median(times[name]):5.1f} ms   p99 {p99(times[name]):5.1f} ms"
                  f"{beside}")  # fmt: skip

        line("a minimal Django JSON view (the floor)", "minimal")
        line("a plain Django view, the same work (peer)", "same work")
        share = 100 * rate["api"] / rate["same work"]
        line("GET /api/experiences (newest 20)", "api",
             f"\n{'':<42} {share:5.1f} % of the peer (target ≥ 80 %), "
             f"p99 {p99(times['api']):.1f} ms (target < 25 ms)")  # fmt: skip
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
        print(f"{'POST /api/experiences (logged, finished)':<42} "
              f"{statistics.median(creates):6.0f} requests/s   (target ≥ 150)")  # fmt: skip
    finally:
        server.terminate()
        server.wait()
