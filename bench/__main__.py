"""Measure what a person feels: how fast the command starts and how fast pages render.

Runs against a throwaway data folder; prints medians and 90th percentiles in milliseconds.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

RUNS = 30


def summarize(name: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p90 = ordered[int(len(ordered) * 0.9) - 1]
    print(f"{name:<38} median {statistics.median(ordered):7.1f} ms   p90 {p90:7.1f} ms")


def timed(action: Callable[[], object], runs: int = RUNS) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def bench_cli(data_dir: str) -> None:
    env = {**os.environ, "EARNED_DATA_DIR": data_dir}
    for args in (["--version"], ["--help"]):
        command = [sys.executable, "-m", "earned", *args]
        samples = timed(lambda c=command: subprocess.run(c, env=env, capture_output=True), 10)  # type: ignore[misc]
        summarize(f"earned {' '.join(args)}", samples)


def bench_pages(data_dir: str) -> None:
    os.environ["EARNED_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "earned.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from earned.accounts.models import User

    call_command("migrate", verbosity=0)
    user = User.objects.create_user(username="bench", password="x", display_name="Bench")
    anonymous = Client(SERVER_NAME="localhost")
    signed_in = Client(SERVER_NAME="localhost")
    signed_in.force_login(user)
    for name, client, path in (
        ("GET /sign-in/ (anonymous)", anonymous, "/sign-in/"),
        ("GET /help/?country=GB (anonymous)", anonymous, "/help/?country=GB"),
        ("GET / (Today, signed in)", signed_in, "/"),
        ("GET /settings/ (signed in)", signed_in, "/settings/"),
    ):
        warm = client.get(path)  # also warms the template cache
        if warm.status_code != 200:
            raise SystemExit(f"{path} answered {warm.status_code}; refusing to time an error")
        summarize(name, timed(lambda c=client, p=path: c.get(p)))  # type: ignore[misc]


def bench_crypto() -> None:
    from earned.privacy import crypto

    key = crypto.new_key()
    binding = crypto.Binding("ledger_experience", "what_happened", "record-id", "owner-id")
    text = "They listened, and nothing bad happened. " * 12  # about 500 characters
    token = crypto.encrypt_text(key, text, binding)
    runs = 2000
    for name, action in (
        ("encrypt one 500-char field (x2000)", lambda: crypto.encrypt_text(key, text, binding)),
        ("decrypt one 500-char field (x2000)", lambda: crypto.decrypt_text(key, token, binding)),
    ):
        samples = timed(lambda a=action: [a() for _ in range(runs)], 10)  # type: ignore[misc]
        per_field_us = statistics.median(samples) * 1000 / runs
        print(f"{name:<38} median {per_field_us:7.1f} µs per field")
    start = time.perf_counter()
    crypto.derive_key("tidal lantern orchard velvet", b"s" * 16, crypto.RECOMMENDED)
    elapsed_ms = 1000 * (time.perf_counter() - start)
    print(f"{'Argon2id, production parameters':<38} {elapsed_ms:7.1f} ms once")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="earned-bench-") as data_dir:
        print(f"Earned benchmarks, {RUNS} runs per page, Python {sys.version.split()[0]}\n")
        bench_cli(data_dir)
        bench_crypto()
        bench_pages(data_dir)


if __name__ == "__main__":
    main()
