"""Unlocked for a while: `earned unlock` keeps the person's data key in a small background
process for a time they choose, so that everyday commands (a journal line, a log with flags, a
check-in, a search, the lists) run without the passphrase and without starting Django again.

The key is handed to the process through a pipe and lives only in its memory — never on disk,
in an argument or in the environment. The process listens on a socket in the data folder that
only this user may open (mode 600, in a folder of mode 700; on Linux the caller's user id is
checked too) and runs one command at a time, exactly as the terminal would, returning its output.
It ends — and the key with it — at the time chosen, on `earned lock`, or when stopped. While it
runs, anything running as this user on this computer can run those commands: the same as a
browser signed in on it (docs/privacy.md). EARNED_UNLOCK=0 turns the whole feature off.

This module's client half (`forward`) uses the standard library only: it runs before click or
Django is imported, which is what makes a forwarded command fast."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from pathlib import Path
from typing import Any

SOCKET_NAME = "unlocked.sock"
LONGEST = 12 * 60 * 60  # seconds: as long as a local browser session may stay idle
MOST_BYTES = 4 * 1024 * 1024  # a reply: the lists and search results, as printed
FLAGS_ASKED_NOTHING = ("--help", "-h", "--passphrase-file", "--user")


def turned_off() -> bool:
    return os.environ.get("EARNED_UNLOCK", "1").strip().lower() in ("0", "false", "no", "off")


def socket_path() -> Path:
    from earned.environment import data_dir

    return data_dir() / SOCKET_NAME


def answers_itself(argv: list[str]) -> bool:
    """Whether a command line is one of the everyday verbs, complete as given — nothing would be
    asked (a command that asks runs in the terminal, as before)."""
    if not argv or any(arg in ("--help", "-h") for arg in argv):
        return False
    verb, rest = argv[0], argv[1:]
    flags = [arg.partition("=")[0] for arg in rest if arg.startswith("-")]
    if verb in ("search", "expectations", "people"):
        return True
    if verb == "journal":
        return "-m" in flags or "--text" in flags
    if verb == "log":
        return "--situation" in flags
    if verb == "checkin":
        return any(flag not in FLAGS_ASKED_NOTHING for flag in flags)
    return False


def _exchange(request: dict[str, Any], timeout: float = 60.0) -> dict[str, Any] | None:
    """One request to the running process, and its reply — or None if none answers."""
    path = socket_path()
    if not path.exists():
        return None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as link:
            link.settimeout(timeout)
            link.connect(str(path))
            link.sendall(json.dumps(request).encode() + b"\n")
            link.shutdown(socket.SHUT_WR)
            received = bytearray()
            while chunk := link.recv(65536):
                received += chunk
                if len(received) > MOST_BYTES:
                    return None
    except OSError:
        return None
    try:
        reply = json.loads(received)
    except ValueError:
        return None
    return reply if isinstance(reply, dict) else None


def _database() -> str:
    """What the caller's database is: a process unlocked for another answers nothing."""
    return os.environ.get("DATABASE_URL", "").strip()


def forward(argv: list[str]) -> int | None:
    """Run an everyday command in the unlocked process, printing what it printed; its exit
    code, or None when it must run here (nothing unlocked, another database, a question)."""
    if turned_off() or not answers_itself(argv):
        return None
    if os.environ.get("EARNED_MODE", "").strip().lower() == "server":
        return None
    import shutil

    columns = shutil.get_terminal_size().columns
    reply = _exchange({"argv": argv, "database": _database(), "columns": columns})
    if reply is None or reply.get("fallback"):
        return None
    sys.stdout.write(str(reply.get("stdout", "")))
    sys.stderr.write(str(reply.get("stderr", "")))
    sys.stdout.flush()
    return int(reply.get("code", 1))


def lock() -> bool:
    """Ends the running process (and the key in it); False if none was running."""
    return _exchange({"lock": True, "database": _database()}, timeout=5.0) is not None


# --- The unlocked process ---------------------------------------------------------------------

_held: bytes | None = None


def held_key() -> bytes | None:
    """In the unlocked process: the key it holds (the CLI's unlock uses it, asking nothing)."""
    return _held


def _peer_is_us(link: socket.socket) -> bool:
    if not hasattr(socket, "SO_PEERCRED"):
        return True  # the socket's mode and folder already keep others out
    import struct

    credentials = link.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", credentials)
    return bool(uid == os.getuid())


def _run(argv: list[str], columns: int) -> dict[str, Any]:
    """A command, as `earned` in a terminal would run it, with nobody to answer questions."""
    from click.testing import CliRunner
    from django.db import close_old_connections

    from earned.cli import main

    close_old_connections()  # one a failed command left unusable is opened afresh
    result = CliRunner().invoke(
        main, argv, prog_name="earned", env={"COLUMNS": str(columns)}, color=False
    )
    errors = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        errors += (
            f"earned: Something unexpected went wrong ({type(result.exception).__name__}). "
            "Run again with EARNED_DEBUG=1 to see the details.\n"
        )
    return {"stdout": result.stdout, "stderr": errors, "code": result.exit_code}


def _answer(request: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The reply to one request, and whether to stop afterwards."""
    if request.get("lock"):  # whoever asks (as this user): locking is always allowed
        return {"locked": True}, True
    if request.get("database") != _database():
        return {"fallback": True}, False
    argv = request.get("argv")
    if not isinstance(argv, list) or not answers_itself([str(arg) for arg in argv]):
        return {"fallback": True}, False
    columns = request.get("columns")
    return _run([str(arg) for arg in argv], columns if isinstance(columns, int) else 80), False


def serve(key: bytes, seconds: int) -> None:
    """Hold the key and answer on the socket until the time is up or someone locks."""
    import time

    global _held
    from earned.cli.django_setup import prepare_database, setup_django

    setup_django()
    prepare_database()
    _held = key
    until = time.time() + min(seconds, LONGEST)
    path = socket_path()
    path.unlink(missing_ok=True)  # a stale one, left by a process that was killed
    old_mask = os.umask(0o177)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(str(path))
        os.umask(old_mask)
        path.chmod(0o600)
        listener.listen(8)
        print("ready", flush=True)  # the parent waits for this before saying it is unlocked
        stopping = False
        while not stopping and (left := until - time.time()) > 0:
            listener.settimeout(left)
            try:
                link, _ = listener.accept()
            except TimeoutError:
                break
            with link:
                if not _peer_is_us(link):
                    continue
                link.settimeout(30)
                try:
                    reply, stopping = _answer(_read(link))
                except Exception:  # never the end of the process: the terminal runs it
                    reply = {"fallback": True}
                with contextlib.suppress(OSError):  # its terminal went away; the next may come
                    link.sendall(json.dumps(reply).encode())

    finally:
        _held = None
        listener.close()
        path.unlink(missing_ok=True)


def _read(link: socket.socket) -> dict[str, Any]:
    received = bytearray()
    while chunk := link.recv(65536):
        received += chunk
        if len(received) > MOST_BYTES:
            return {}
    try:
        request = json.loads(received)
    except ValueError:
        return {}
    return request if isinstance(request, dict) else {}


def main() -> None:
    """`python -m earned.agent`: the key (hex) and the seconds, one per line, on standard
    input — from `earned unlock`, never from a file."""
    key, seconds = sys.stdin.readline().strip(), sys.stdin.readline().strip()
    sys.stdin.close()
    serve(bytes.fromhex(key), int(seconds))


if __name__ == "__main__":  # run as the module the CLI imports, so that it sees the key held
    from earned import agent

    agent.main()
