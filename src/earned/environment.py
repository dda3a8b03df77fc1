"""Where Earned keeps its data and how it runs, read from the environment.

Kept free of Django so that the CLI can report a bad configuration in one line before
Django starts, and so that settings.py stays a flat list of decisions.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

LOCAL = "local"
SERVER = "server"


class ConfigurationError(Exception):
    """A configuration problem the person can fix; the message names the fix."""


def mode() -> str:
    value = os.environ.get("EARNED_MODE", LOCAL).strip().lower() or LOCAL
    if value not in (LOCAL, SERVER):
        raise ConfigurationError(
            f"EARNED_MODE is {value!r}; it must be 'local' (the default) or 'server'."
        )
    return value


def data_dir() -> Path:
    configured = os.environ.get("EARNED_DATA_DIR", "").strip()
    if configured:
        return Path(configured).expanduser().resolve()
    import platformdirs

    return platformdirs.user_data_path("earned", appauthor=False)


def ensure_data_dir(path: Path) -> Path:
    """Create the data directory, private to this user, and prove that it is writable."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        probe = path / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        reason = error.strerror or str(error)
        raise ConfigurationError(
            f"Earned cannot write to its data folder {path} ({reason}). "
            "Choose another folder with EARNED_DATA_DIR, or fix its permissions."
        ) from None
    return path


def env_flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ConfigurationError(f"{name} is {raw!r}; use 1 or 0 (or true/false).")


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} is {raw!r}; it must be a whole number.") from None
    if value < minimum:
        raise ConfigurationError(f"{name} is {value}; it must be at least {minimum}.")
    return value


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


MIN_SECRET_KEY_LENGTH = 50


def value_or_file(name: str) -> str:
    """The value of NAME, or else the contents of the file that NAME_FILE points to."""
    value = os.environ.get(name, "").strip()
    path = os.environ.get(f"{name}_FILE", "").strip()
    if path and not value:
        try:
            value = Path(path).expanduser().read_text(encoding="utf-8").strip()
        except OSError as error:
            raise ConfigurationError(
                f"{name}_FILE points to {path}, which cannot be read ({error.strerror or error})."
            ) from None
    return value


def server_secret_key() -> str:
    """The secret key a server must be given; there is deliberately no fallback."""
    key = value_or_file("EARNED_SECRET_KEY")
    if not key:
        raise ConfigurationError(
            "Server mode needs a secret key: set EARNED_SECRET_KEY or EARNED_SECRET_KEY_FILE "
            '(for example: python3 -c "import secrets; print(secrets.token_urlsafe(64))").'
        )
    if len(key) < MIN_SECRET_KEY_LENGTH or len(set(key)) < 5:
        raise ConfigurationError(
            f"The secret key is too weak; use at least {MIN_SECRET_KEY_LENGTH} random characters."
        )
    return key


def local_secret_key(directory: Path) -> str:
    """Read this installation's own secret key, creating it (private to the user) on first use."""
    path = directory / "secret_key"
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        pass
    except OSError as error:
        raise ConfigurationError(f"Cannot read {path} ({error.strerror or error}).") from None
    ensure_data_dir(directory)
    key = secrets.token_urlsafe(64)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first: use theirs
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key
