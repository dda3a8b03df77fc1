"""How a command reaches a person's entries: the passphrase read from a file, from
EARNED_PASSPHRASE_FILE, or by asking; and `@for_the_person`, the start every such command
shares."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from earned.cli import fail
from earned.cli.django_setup import prepare_database, setup_django

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
    if not _has_terminal():
        return _from_standard_input(confirm)
    try:
        return str(click.prompt("Passphrase", hide_input=True, confirmation_prompt=confirm))
    except click.Abort:
        fail("A passphrase is needed: type it when asked, or give --passphrase-file.")


def _has_terminal() -> bool:
    """Whether there is a terminal to ask in, as Python's getpass looks for one: without it,
    getpass prints a raw warning and reads what is piped in."""
    if os.name != "posix":
        return True  # elsewhere getpass asks the console itself
    try:
        with Path("/dev/tty").open("rb"):
            return True
    except OSError:
        return False


def _from_standard_input(confirm: bool) -> str:
    """No terminal (a script, a service): the passphrase is the line piped in, if any."""
    given = sys.stdin.readline().rstrip("\r\n")
    if not given:
        fail(
            "There is no terminal to ask for the passphrase in: give --passphrase-file, or set "
            "EARNED_PASSPHRASE_FILE."
        )
    if confirm and sys.stdin.readline().rstrip("\r\n") != given:
        fail("The two passphrases given are not the same.")
    return given


user_option = click.option("--user", "username", help="Server mode: whose data.")
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
    from earned.agent import held_key

    held = held_key()  # in the unlocked process (`earned unlock`): asked nothing
    if held is not None:
        keyring.use_for_this_run(held)
        return owner
    try:
        keyring.use_for_this_run(keys.open_data_key(owner, read_passphrase(passphrase_file)))
    except keys.WrongPassphrase:
        fail("That passphrase does not open your entries.")
    return owner


Result = TypeVar("Result")
Command = Callable[..., Result]


def for_the_person(
    first: Callable[..., Mapping[str, Any]] | None = None,
) -> Callable[[Command[Result]], Command[Result]]:
    """The start every command that reads or writes a person's entries shares: Django set up,
    the database brought up to date, the person's entries unlocked (--passphrase-file, or
    asking; on a server, --user). The command is given the person as its first argument.

    `first` checks the command's arguments before the passphrase is asked for, so a mistake in
    them is said at once; what it returns is given to the command too."""

    def decorate(command: Command[Result]) -> Command[Result]:
        @passphrase_option
        @user_option
        @functools.wraps(command)
        def run(
            *args: Any, passphrase_file: Path | None, username: str | None, **kwargs: Any
        ) -> Result:
            setup_django()
            prepare_database()
            checked = first(*args, **kwargs) if first is not None else {}
            return command(unlock(passphrase_file, username), *args, **kwargs, **checked)

        return run

    return decorate
