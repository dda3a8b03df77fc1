"""Keeping SQLite's query planner informed about the records.

SQLite chooses how to answer a query from what it knows of each table's indexes, and with no
statistics it guesses that `owner = ?` picks out a few rows. On a person's own database it picks
out nearly every row: a search opening seven entries by id walked all 18,000 of their
experiences by owner instead (22 ms rather than a tenth of one). `ANALYZE` gathers the
statistics from a sample of each index (`analysis_limit` in settings: some 7 ms at ten years).
A server gathers them as it starts and then hourly, as a person's entries grow, on a thread of
its own; an import, as it finishes. PostgreSQL gathers its own (autovacuum).

(`PRAGMA optimize`, after each request, would gather only what is missing; but SQLite before
3.46 looks only at the tables one connection has used, and takes an empty table for one never
measured, so it wrote to the database after every request.)"""

from __future__ import annotations

import threading
import time

EVERY_SECONDS = 3600


def gather() -> None:
    """Let SQLite measure every table anew (on PostgreSQL, nothing to do)."""
    from django.db import DatabaseError, connection

    if connection.vendor != "sqlite":
        return
    try:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    except DatabaseError:  # busy writing elsewhere past the timeout: the next time, then
        pass


def keep_gathering(every: float = EVERY_SECONDS) -> threading.Thread | None:
    """On SQLite, gather now and then every `every` seconds, on a thread that ends with the
    process."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return None

    def now_and_then() -> None:
        while True:
            gather()
            connection.close()  # the thread's own, not held between times
            time.sleep(every)

    thread = threading.Thread(target=now_and_then, name="earned-planner", daemon=True)
    thread.start()
    return thread
