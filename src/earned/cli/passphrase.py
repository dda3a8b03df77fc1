"""Reading a passphrase for a command: from a file, from EARNED_PASSPHRASE_FILE, or by asking."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from earned.cli import fail

if TYPE_CHECKING:  # the CLI imports Django models only once Django is set up
    from earned.accounts.models import User


def read_passphrase(passphrase_file: Path | None, *, confirm: bool = False) -> str:
    if passphrase_file is None and os.environ.get("EARNED_PASSPHRASE_FILE"):
        passphrase_file = Path(os.environ["EARNED_PASSPHRASE_FILE"])
    if passphrase_file is not None:
        try:
            return passphrase_file.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as error:
            fail(f"Cannot read {passphrase_file} ({error.strerror or error}).")
    try:
        return str(click.prompt("Passphrase", hide_input=True, confirmation_prompt=confirm))
    except click.Abort:
        fail("A passphrase is needed: type it when asked, or give --passphrase-file.")


passphrase_option = click.option(
    "--passphrase-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read the passphrase from this file (or set EARNED_PASSPHRASE_FILE) instead of asking.",
)


def unlock(passphrase_file: Path | None, username: str | None = None) -> User:
    """Find the account a command acts on and make its data key current. Derives the key once."""
    from django.conf import settings

    from earned.accounts import services
    from earned.accounts.backends import normalize_username
    from earned.accounts.models import User
    from earned.privacy import keyring, keys

    if settings.IS_SERVER:
        if not username:
            fail("On a server, say whose data: --user NAME.")
        user = User.objects.filter(username=normalize_username(username)).first()
        if user is None:
            fail(f"There is no account called {username!r}.")
        keyring.use_for_this_run(keys.open_data_key(user))
        return user
    owner = services.owner()
    if owner is None:
        fail("Earned is not set up yet: start it with `earned serve` and open the link it prints.")
    try:
        keyring.use_for_this_run(keys.open_data_key(owner, read_passphrase(passphrase_file)))
    except keys.WrongPassphrase:
        fail("That passphrase does not open your entries.")
    return owner
