"""Running `earned` as a person does: in its own process, with only the environment given."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PROCESS_TIMEOUT = 60


def person_environment(**env: str) -> dict[str, str]:
    """This process's environment without any Earned or Django setting (nor a DATABASE_URL, so
    SQLite is used unless one is given), plus `env`."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("EARNED_", "DJANGO_"))}
    environ.pop("DATABASE_URL", None)
    return {**environ, **env}


@dataclass
class Running:
    address: str
    printed: list[str] = field(default_factory=list)  # what it printed before serving
    welcome: str | None = None  # the one-time welcome link, if it printed one
    output: str = ""  # what it printed afterwards, once stopped
    errors: str = ""


@contextlib.contextmanager
def earned_serve(data_dir: Path) -> Iterator[Running]:
    """`earned serve` with production settings in data_dir, stopped as Ctrl+C would."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "earned", "serve", "--no-browser", "--port", str(port)],
        env=person_environment(EARNED_DATA_DIR=str(data_dir)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    running = Running(f"http://127.0.0.1:{port}")
    try:
        assert process.stdout is not None
        while not running.printed or "Ctrl+C" not in running.printed[-1]:
            line = process.stdout.readline()
            assert line, f"earned serve stopped: {process.stderr.read() if process.stderr else ''}"
            running.printed.append(line)
        running.welcome = next((s.strip() for s in running.printed if "/welcome/" in s), None)
        yield running
    finally:
        process.send_signal(2)  # SIGINT, as Ctrl+C
        running.output, running.errors = process.communicate(timeout=PROCESS_TIMEOUT)
