"""The helper process a large import's records are prepared in (earned/exchange/preparing.py).

It starts fresh, so this module is read before Django is set up there: it sets Django up as
the importing process has it (the same settings and environment), then hands over."""

from __future__ import annotations

import os
from multiprocessing.connection import Connection
from typing import Any

STOPPED = (
    "The import stopped part way while its file was being read, and nothing was written. "
    "Please try again."
)


def run(
    sending: Connection,
    path: str,
    known_by: tuple[int, ...],
    job: tuple[Any, ...],
    key: bytes,
    vendor: str,
) -> None:
    try:
        import django

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "earned.settings")
        django.setup()
        from earned.exchange import preparing
    except Exception as error:  # said in a line, never as a traceback
        sending.send(f"{STOPPED} ({type(error).__name__})")
        sending.close()
        return
    try:
        preparing.prepare(sending, path, known_by, preparing.Job(*job), key, vendor)
    finally:
        sending.close()
