"""Writing in the person's own editor without leaving their words on disk.

The editor gets a file in a fresh folder only this user can open, in memory-backed storage where
the system has it (/dev/shm). Afterwards every file in that folder — the text and anything the
editor left beside it, such as a swap or backup file — is overwritten and removed, whatever
happened: on a normal end, an error, Ctrl-C, and the hang-up or terminate signal a closed
terminal or a shutdown sends. Only a kill that cannot be caught can leave a folder behind, so
the next run sweeps away this user's folders whose process is gone.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from earned.cli import fail

MEMORY_BACKED = Path("/dev/shm")  # noqa: S108 (a private folder is made inside it)
PREFIX = "earned-"
# The folder's name carries the process that made it, so a sweep knows when it is abandoned.
OWNED_BY_PROCESS = re.compile(rf"{PREFIX}(\d+)-")
CAUGHT_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def editor_command() -> list[str]:
    for name in ("VISUAL", "EDITOR"):
        if os.environ.get(name, "").strip():
            return shlex.split(os.environ[name])
    found = next((name for name in ("nano", "vi") if shutil.which(name)), None)
    if found is None:
        fail("No editor found: set EDITOR (for example EDITOR=nano), or pipe the text in.")
    return [found]


def drafts_place() -> Path | None:
    """Where private folders go: memory-backed storage if writable, else the system default."""
    return MEMORY_BACKED if MEMORY_BACKED.is_dir() and os.access(MEMORY_BACKED, os.W_OK) else None


def edit_privately(starting_text: str = "") -> str:
    """Open the person's editor on a private file and return what they saved."""
    command = editor_command()
    sweep_abandoned_drafts()
    folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=drafts_place()))
    path = folder / "entry.md"  # the folder is mode 0700
    try:
        with signals_stop_the_edit():
            path.write_text(starting_text, encoding="utf-8")
            path.chmod(0o600)
            try:
                # On a signal, run() kills the editor before the exception reaches us.
                finished = subprocess.run([*command, str(path)], check=False)  # noqa: S603
            except OSError as error:
                fail(f"Cannot start the editor {command[0]!r} ({error.strerror or error}).")
            if finished.returncode != 0:
                fail(f"The editor stopped with an error ({finished.returncode}); nothing was kept.")
            return path.read_text(encoding="utf-8")
    finally:
        wipe(folder)


@contextlib.contextmanager
def signals_stop_the_edit() -> Iterator[None]:
    """Turn a hang-up or terminate signal into an exception, so the draft is wiped."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; Python's own handling stays
        return

    def stop(_number: int, _frame: FrameType | None) -> None:
        fail("Stopped before anything was kept; the draft was removed.")

    before = {number: signal.signal(number, stop) for number in CAUGHT_SIGNALS}
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def sweep_abandoned_drafts() -> None:
    """Wipe this user's draft folders whose process no longer runs (a kill left them)."""
    for place in {drafts_place() or Path(tempfile.gettempdir()), Path(tempfile.gettempdir())}:
        with contextlib.suppress(OSError):
            for folder in place.glob(f"{PREFIX}*"):
                if is_abandoned(folder):
                    wipe(folder)


def is_abandoned(folder: Path) -> bool:
    try:
        status = folder.lstat()
    except OSError:
        return False
    mine = os.getuid() if hasattr(os, "getuid") else status.st_uid
    if not folder.is_dir() or folder.is_symlink() or status.st_uid != mine:
        return False
    owner = OWNED_BY_PROCESS.match(folder.name)
    if owner is None:
        # Folders from before names carried a process were only ever drafts: none is in use.
        return bool(re.fullmatch(rf"{PREFIX}[a-z0-9_]{{8}}", folder.name))
    return not process_is_running(int(owner.group(1)))


def process_is_running(pid: int) -> bool:
    if os.name == "nt":
        return True  # os.kill would end the process there, not ask about it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, as another user's process
    return True


def wipe(folder: Path) -> None:
    """Overwrite every file below the folder with zeros, then remove it all."""
    for file in sorted(folder.rglob("*"), reverse=True):
        with contextlib.suppress(OSError):
            if file.is_file() and not file.is_symlink():
                size = file.stat().st_size
                with file.open("r+b") as handle:
                    handle.write(b"\0" * size)
                    handle.flush()
                    os.fsync(handle.fileno())
            file.unlink() if not file.is_dir() else file.rmdir()
    shutil.rmtree(folder, ignore_errors=True)
