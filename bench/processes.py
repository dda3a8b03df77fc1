"""Several server processes on a practice server (issue 26): Earned in server mode on
PostgreSQL, ten years of one person's entries, served by 1, 2 and 4 processes as `earned serve`
runs (waitress, 8 threads each) on ports of their own, with the four connections spread over
them as a reverse proxy spreads its upstreams. At each count, in alternating rounds: the floor
(a minimal view, signed in), Today and the ledger — how many requests a second, and how that
grows with processes on this machine's cores.

`make bench ARGS=processes` runs it in a process of its own (server mode is set before Django
starts). It makes a throwaway database on the PostgreSQL server DATABASE_URL names (by default
127.0.0.1:5432 as `postgres`) and drops it afterwards."""

from __future__ import annotations

import base64
import os
import secrets
import statistics
import subprocess
import sys
import urllib.parse

import psycopg

from bench.api import CONNECTIONS, MINIMAL, ROUNDS, load, serve

COUNTS = (1, 2, 4)
PAGES = {"the floor": MINIMAL, "Today": "/", "the ledger": "/experiences/"}
SERVER = "postgres://postgres@127.0.0.1:5432/postgres"


def bench_processes() -> None:
    """Runs this module as a process of its own, in server mode, on a throwaway database."""
    server = urllib.parse.urlsplit(os.environ.get("DATABASE_URL") or SERVER)
    name = f"earned_bench_processes_{os.getpid()}"
    admin = server._replace(path="/postgres").geturl()
    try:
        _run_sql(admin, f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        print(f"\nSeveral server processes: left out, no PostgreSQL server to use ({error}).")
        return
    try:
        env = {
            **os.environ,
            "DATABASE_URL": server._replace(path=f"/{name}").geturl(),
            "EARNED_MODE": "server",
            "EARNED_SECRET_KEY": secrets.token_urlsafe(64),
            "EARNED_MASTER_KEY": base64.b64encode(os.urandom(32)).decode(),
            "EARNED_ALLOWED_HOSTS": "127.0.0.1",
            "EARNED_SSL_REDIRECT": "0",
        }
        subprocess.run([sys.executable, "-m", "bench.processes"], env=env, check=True)
    finally:
        _run_sql(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run_sql(url: str, statement: str) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)  # names made here, nothing given from outside


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "earned.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from bench.__main__ import PASSPHRASE, ten_years
    from earned.accounts.services import create_account
    from earned.privacy import keyring, keys
    from earned.search import services as search

    print(f"\nSeveral server processes: server mode on PostgreSQL, ten years, {CONNECTIONS} "
          f"connections spread over the processes, {ROUNDS} rounds, "
          f"{os.cpu_count()} cores:")  # fmt: skip
    call_command("migrate", verbosity=0)
    user = create_account(name="Bench", passphrase=PASSPHRASE, timezone_name="Europe/Dublin",
                          country="IE")  # fmt: skip
    ten_years(user)
    with keyring.using(keys.open_data_key(user)):
        search.ensure_index(user)
    browser = Client()
    browser.force_login(user)  # a session in the database: every process knows it
    headers = {"Cookie": f"{settings.SESSION_COOKIE_NAME}="
                         f"{browser.cookies[settings.SESSION_COOKIE_NAME].value}"}  # fmt: skip
    served: dict[int, dict[str, float]] = {}
    for count in COUNTS:
        served[count] = _served_by(count, headers)
        rates = (f"{name} {rate:5.0f} requests/s" for name, rate in served[count].items())
        print(f"  {count} process{'es' if count > 1 else '  '}   " + "   ".join(rates))
    for name in PAGES:
        growth = ", ".join(
            f"{served[count][name] / served[1][name]:.2f} times" for count in COUNTS[1:]
        )
        more = ", ".join(map(str, COUNTS[1:]))
        print(f"  {name}: with {more} processes, {growth} one process's rate")


def _served_by(count: int, headers: dict[str, str]) -> dict[str, float]:
    """Requests a second for each page, `count` server processes answering."""
    started = [serve() for _ in range(count)]
    ports = [port for _, port in started]
    try:
        for path in PAGES.values():
            load(ports, "GET", path, headers, None, per_connection=5)  # warm each process
        rates: dict[str, list[float]] = {name: [] for name in PAGES}
        for _ in range(ROUNDS):
            for name, path in PAGES.items():
                rates[name].append(load(ports, "GET", path, headers, None, per_connection=20)[0])
        return {name: statistics.median(each) for name, each in rates.items()}
    finally:
        for process, _ in started:
            process.terminate()
            process.wait()


if __name__ == "__main__":
    main()
