"""Writing in the person's own editor without leaving their words on disk.

The editor gets a file in a fresh folder only this user can open, in memory-backed storage where
the system has it (/dev/shm). Afterwards every file in that folder — the text and anything the
editor left beside it, such as a swap or backup file — is overwritten and removed, whatever
happened.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from earned.cli import fail

MEMORY_BACKED = Path("/dev/shm")  # noqa: S108 (a private folder is made inside it)


def editor_command() -> list[str]:
    for name in ("VISUAL", "EDITOR"):
        if os.environ.get(name, "").strip():
            return shlex.split(os.environ[name])
    found = next((name for name in ("nano", "vi") if shutil.which(name)), None)
    if found is None:
        fail("No editor found: set EDITOR (for example EDITOR=nano), or pipe the text in.")
    return [found]


def edit_privately(starting_text: str = "") -> str:
    """Open the person's editor on a private file and return what they saved."""
    command = editor_command()
    place = MEMORY_BACKED if MEMORY_BACKED.is_dir() and os.access(MEMORY_BACKED, os.W_OK) else None
    folder = Path(tempfile.mkdtemp(prefix="earned-", dir=place))  # mode 0700
    path = folder / "entry.md"
    try:
        path.write_text(starting_text, encoding="utf-8")
        path.chmod(0o600)
        try:
            finished = subprocess.run([*command, str(path)], check=False)  # noqa: S603
        except OSError as error:
            fail(f"Cannot start the editor {command[0]!r} ({error.strerror or error}).")
        if finished.returncode != 0:
            fail(f"The editor stopped with an error ({finished.returncode}); nothing was kept.")
        return path.read_text(encoding="utf-8")
    finally:
        wipe(folder)


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
