"""Measure what a person feels: how fast the command starts and how fast pages render.

Runs against a throwaway data folder; prints medians and 90th percentiles in milliseconds.
"""

from __future__ import annotations

import datetime
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

RUNS = 30


def summarize(name: str, samples: list[float], target_ms: float | None = None) -> None:
    ordered = sorted(samples)
    p90 = ordered[int(len(ordered) * 0.9) - 1]
    median = statistics.median(ordered)
    beside = (
        ""
        if target_ms is None
        else (f"   target ≤ {target_ms:.0f} ms {'✓' if median <= target_ms else '✗'}")
    )
    print(f"{name:<38} median {median:7.1f} ms   p90 {p90:7.1f} ms{beside}")


def timed(action: Callable[[], object], runs: int = RUNS) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


PASSPHRASE = "tidal lantern orchard velvet"


def fresh_earned(data_dir: str) -> Any:
    """A fresh local Earned in data_dir, in this process, and its one account."""
    os.environ["EARNED_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "earned.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from earned.accounts.services import create_account

    call_command("migrate", verbosity=0)
    return create_account(
        name="Bench", passphrase=PASSPHRASE, timezone_name="Europe/Dublin", country="IE"
    )


def start_django(data_dir: str) -> tuple[Any, Any, Any]:
    """A fresh local Earned with its one account; returns it with an anonymous and a signed-in
    browser."""
    user = fresh_earned(data_dir)
    from django.test import Client

    import earned.wsgi  # noqa: F401 — starts as `earned serve` does, settled (earned.wsgi.settle)

    anonymous = Client(SERVER_NAME="localhost")
    signed_in = Client(SERVER_NAME="localhost")
    signed_in.post("/sign-in/", {"passphrase": PASSPHRASE})  # opens the key, as a person would
    return user, anonymous, signed_in


def bench_pages(user: Any, anonymous: Any, signed_in: Any) -> None:
    expectation = fill_ledger(user, experiences=50)
    pages = (
        ("GET /sign-in/ (anonymous)", anonymous, "/sign-in/"),
        ("GET /help/?country=GB (anonymous)", anonymous, "/help/?country=GB"),
        ("GET / (Today, signed in)", signed_in, "/"),
        ("GET /settings/ (signed in)", signed_in, "/settings/"),
        ("GET /experiences/ (first 25 of 50 entries)", signed_in, "/experiences/"),
        ("GET /expectations/<id>/ (chart of 50 tests)", signed_in, f"/expectations/{expectation}/"),
    )
    for name, client, path in pages:
        time_page(name, client, path)
    print()
    print("Encryption overhead: the same two pages, runs alternating with and without")
    print("decryption (replaced by a no-op), so that machine noise falls on both alike:")
    for name, client, path in pages[-2:]:
        compare_decryption(name, client, path)


SEARCHES = (
    ("a name in many entries", "Jo"),
    ("a word in a few hundred", "shelves"),
    ("two words, both common", "asked Jo"),
    ("a common word, journal, one year", "Priya&kind=journal&since={year_ago}"),
    ("a word in no entry", "lighthouse"),
)


def print_sizes(database: Path) -> None:
    """The SQLite file's size, and how much of it the search index takes."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            cursor.execute(
                "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'search_%' OR name IN "
                "(SELECT name FROM sqlite_master WHERE tbl_name = 'search_term')"
            )
            index = f", of which the search index {cursor.fetchone()[0] / 2**20:.0f} MiB"
        except Exception:  # dbstat is not compiled into every SQLite
            index = ""
    print(f"database {database.stat().st_size / 2**20:.0f} MiB{index}")


def bench_search(user: Any, signed_in: Any) -> None:
    """Search at the ten-year scale: about 60,000 entries, through the page a person uses."""
    from urllib.parse import quote

    from django.conf import settings
    from django.utils import timezone

    from bench import scale
    from earned.privacy import keyring, keys
    from earned.search import finding
    from earned.search import services as search

    print(f"\nSearch at the ten-year scale ({scale.YEARS} years, about 16 entries a day):")
    ten_years(user)
    with keyring.using(keys.open_data_key(user, PASSPHRASE)):
        started = time.perf_counter()
        rows = search.rebuild(user)
        indexed = time.perf_counter() - started
    print(f"the whole index rebuilt in {indexed:.0f} s ({rows} rows)")
    print_sizes(Path(settings.DATABASES["default"]["NAME"]))
    year_ago = (timezone.localdate() - datetime.timedelta(days=365)).isoformat()
    for name, query in SEARCHES:
        words, _, filters = query.partition("&")
        path = f"/search/?q={quote(words)}" + (
            f"&{filters.format(year_ago=year_ago)}" if filters else ""
        )
        with keyring.using(keys.open_data_key(user, PASSPHRASE)):
            found = finding.find(user, words).count
        time_page(f"search: {name} ({found} found)", signed_in, path)


_written: set[str] = set()


def ten_years(user: Any) -> None:
    """Writes the ten-year scale once, for whichever section needs it first."""
    import random

    from django.utils import timezone

    from bench import scale
    from earned.privacy import keyring, keys
    from earned.records import planner

    if user.pk in _written:
        return
    with keyring.using(keys.open_data_key(user, PASSPHRASE)):
        started = time.perf_counter()
        counts = scale.write(user, timezone.now(), random.Random(2026))
    _written.add(user.pk)
    print(f"{sum(counts.values())} entries written in {time.perf_counter() - started:.0f} s")
    planner.gather()  # as a server does when it starts, and hourly


def bench_insights(user: Any, signed_in: Any) -> None:
    """Insights at the ten-year scale: the progress page and the map over each period, and the
    PDF report over a year and over everything."""
    from bench import scale

    print(f"\nInsights at the ten-year scale ({scale.YEARS} years, about 16 entries a day):")
    ten_years(user)
    # In-process server time, the targets of issue 23.
    time_page("Today", signed_in, "/", target_ms=50)
    time_page("the ledger", signed_in, "/experiences/", target_ms=50)
    for period in ("4w", "3m", "1y", "all"):
        time_page(f"progress page, period {period}", signed_in, f"/insights/?period={period}",
                  target_ms=300 if period == "all" else None)  # fmt: skip
    for period in ("3m", "all"):
        time_page(f"map, period {period}", signed_in, f"/insights/map/?period={period}")
    from earned.ledger.models import Expectation

    busiest = Expectation.objects.filter(owner=user).first()
    assert busiest is not None
    tests = busiest.tests.count()
    # Held to Insights' bar over ten years: a page that reads a decade at once.
    time_page(f"an expectation's page ({tests} tests)", signed_in, f"/expectations/{busiest.pk}/",
              target_ms=300)  # fmt: skip
    taken = ten_years_of_measures(user)
    time_page(f"measures page ({taken} times taken)", signed_in, "/insights/measures/")
    today = datetime.date.today()
    for name, first in (
        ("a year", today - datetime.timedelta(days=365)),
        ("ten years", today - datetime.timedelta(days=365 * scale.YEARS)),
    ):
        path = (
            f"/insights/report/?first={first}&last={today}&sections=model&sections=markers"
            "&sections=map&sections=patterns"
        )
        time_page(f"report PDF, {name}", signed_in, path, runs=5)


def ten_years_of_measures(user: Any) -> int:
    """The practice check-in every week and a PHQ-9 (placeholder wording) every fortnight."""
    import json
    import random

    from bench import scale
    from earned.core.instruments import PHQ_9
    from earned.core.measures import score
    from earned.measures import services
    from earned.measures.instruments import PRACTICE
    from earned.measures.models import Response
    from earned.measures.placeholder import placeholder_questionnaire
    from earned.privacy import keyring, keys

    existing = Response.objects.filter(owner=user).count()
    if existing:
        return existing
    rng = random.Random(9)
    now = datetime.datetime.now(datetime.UTC)
    rows = []
    with keyring.using(keys.open_data_key(user, PASSPHRASE)):
        services.import_questionnaire(user, json.dumps(placeholder_questionnaire(PHQ_9)).encode())
        for days, instrument in ((7, PRACTICE.rules), (14, PHQ_9.rules)):
            key = "practice" if instrument is PRACTICE.rules else PHQ_9.key
            for n in range(scale.YEARS * 365 // days):
                answers = {i: rng.randint(instrument.low, instrument.high)
                           for i in range(1, instrument.items + 1)}  # fmt: skip
                result = score(instrument, answers)
                rows.append(Response(owner=user, instrument=key,
                                     at=now - datetime.timedelta(days=days * n),
                                     answers={str(i): a for i, a in answers.items()},
                                     total=result.total, scores=result.subscales))  # fmt: skip
        Response.objects.bulk_create(rows)
    return len(rows)


def time_page(
    name: str, client: Any, path: str, runs: int = RUNS, target_ms: float | None = None
) -> None:
    warm = client.get(path)  # also warms the template cache
    if warm.status_code != 200:
        raise SystemExit(f"{path} answered {warm.status_code}; refusing to time an error")
    summarize(name, timed(lambda: client.get(path), runs), target_ms)


def compare_decryption(name: str, client: Any, path: str) -> None:
    from unittest import mock

    from earned.privacy import crypto

    with_it: list[float] = []
    without: list[float] = []
    plain = mock.patch.object(crypto, "decrypt_text", return_value=ENTRY)
    for _ in range(RUNS):
        with_it += timed(lambda: client.get(path), 1)
        with plain:
            without += timed(lambda: client.get(path), 1)
    encrypted, clear = statistics.median(with_it), statistics.median(without)
    overhead = 100 * (encrypted - clear) / clear
    print(f"{name:<38} {encrypted:6.1f} ms vs {clear:6.1f} ms   overhead {overhead:+5.1f} %")


ENTRY = "They listened, and nothing bad happened. " * 4


def fill_ledger(user: Any, experiences: int) -> str:
    """A realistic page: every experience planned and debriefed, with text in its fields."""

    from django.utils import timezone

    from earned.ledger import services
    from earned.ledger.models import Experience
    from earned.privacy import keyring, keys

    with keyring.using(keys.open_data_key(user, PASSPHRASE)):
        expectation = services.add_expectation(
            user,
            "When I ask for help, people get annoyed.",
            feels_true=80,
            think_true=40,
        )
        for number in range(experiences):
            experience = Experience(
                situation=ENTRY, feared=ENTRY, happened=ENTRY, learned=ENTRY, likelihood=80,
                occurred=number % 60, status=Experience.Status.DONE,
                happens_at=timezone.now() - datetime.timedelta(days=number),
            )  # fmt: skip
            services.save_experience(user, experience, expectations=[expectation], finish=True)
    return str(expectation.pk)


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


SECTIONS = ("cli", "crypto", "crisis", "pages", "search", "insights", "api", "web", "processes")


def main() -> None:
    wanted = sys.argv[1:] or list(SECTIONS)
    unknown = sorted(set(wanted) - set(SECTIONS))
    if unknown:
        raise SystemExit(f"Unknown section {unknown}; choose from {', '.join(SECTIONS)}.")
    with tempfile.TemporaryDirectory(prefix="earned-bench-") as data_dir:
        print(f"Earned benchmarks, {RUNS} runs per page, Python {sys.version.split()[0]}\n")
        if "cli" in wanted:
            from bench.cli import bench_cli

            bench_cli()
        if "crypto" in wanted:
            bench_crypto()
        if "processes" in wanted:
            from bench.processes import bench_processes

            bench_processes()
        if "crisis" in wanted:
            from bench.crisis_language import bench_crisis_language

            bench_crisis_language()
        if {"pages", "search", "insights", "api", "web"} & set(wanted):
            user, anonymous, signed_in = start_django(data_dir)
            if "pages" in wanted:
                bench_pages(user, anonymous, signed_in)
            if "search" in wanted:
                bench_search(user, signed_in)
            if "insights" in wanted:
                bench_insights(user, signed_in)
            if "api" in wanted:
                from bench.api import bench_api

                bench_api(user)
            if "web" in wanted:
                from bench.web import bench_web

                bench_web(user)


if __name__ == "__main__":
    main()
