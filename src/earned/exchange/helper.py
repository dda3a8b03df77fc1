"""The helper process a large import's records are prepared in (earned/exchange/preparing.py),
run as `python -m earned.exchange.helper` by the importing process, never by a person.

It reads what it is asked from its standard input, sets Django up as the importing process has
it (the same settings and environment), and sends each batch, pickled, on its standard output;
anything else it might print goes to standard error instead. This module is read before Django
is set up, so it imports nothing of Earned's own until then."""

from __future__ import annotations

import os
import pickle
import sys
from typing import IO, Any

STOPPED = (
    "The import stopped part way while its file was being read, and nothing was written. "
    "Please try again."
)


def main() -> None:
    sending = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print must not join the batches
    try:
        with sending:
            _help(sending)
    except BrokenPipeError:
        pass  # the import stopped: nobody is listening


def _help(sending: IO[bytes]) -> None:
    def send(said: Any) -> None:
        pickle.dump(said, sending, protocol=pickle.HIGHEST_PROTOCOL)
        sending.flush()

    try:
        # What the importing process asks, from the pipe it started this one with.
        path, known_by, job, key, vendor = pickle.load(sys.stdin.buffer)  # noqa: S301
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "earned.settings")
        import django

        django.setup()
        from earned.exchange import preparing
    except Exception as error:  # said in a line, never as a traceback
        send(f"{STOPPED} ({type(error).__name__})")
        return
    preparing.prepare(send, path, known_by, preparing.Job(*job), key, vendor)


if __name__ == "__main__":
    main()
