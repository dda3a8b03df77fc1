"""`earned unlock` and `earned lock`: the data key kept in a background process for a while, so
that everyday commands ask nothing (earned/agent.py says how, and what it means for privacy)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import click

from earned.cli import fail
from earned.cli.passphrase import for_the_person

if TYPE_CHECKING:
    from earned.accounts.models import User

UNITS = {"s": 1, "m": 60, "h": 3600}


def seconds_in(duration: str) -> int:
    """'30m', '2h', '90s' or a number of minutes, in seconds (refused past twelve hours)."""
    from earned.agent import LONGEST

    found = re.fullmatch(r"\s*(\d{1,6})\s*([smh]?)\s*", duration.lower())
    if found is None:
        fail(f"--for takes a length like 30m, 2h or 90s, not {duration!r}.")
    seconds = int(found[1]) * UNITS[found[2] or "m"]
    if not 0 < seconds <= LONGEST:
        fail("--for can be from a second up to 12 hours.")
    return seconds


def _checked(duration: str, **_: Any) -> Mapping[str, Any]:
    from django.conf import settings

    from earned import agent

    if agent.turned_off():
        fail("Unlocking is turned off on this computer (EARNED_UNLOCK=0).")
    if settings.IS_SERVER:
        fail("On a server, commands open entries with the server's key: nothing to unlock.")
    return {"seconds": seconds_in(duration)}


@click.command()
@click.option("--for", "duration", default="30m", show_default=True, metavar="LENGTH",
              help="How long: like 30m, 2h or 90s (at most 12h).")  # fmt: skip
@for_the_person(_checked)
def unlock(user: User, duration: str, seconds: int) -> None:
    """Keep your entries unlocked for a while: everyday commands (journal -m, log and checkin
    with flags, search, expectations, people) then ask for no passphrase and start at once.
    Anything running as you on this computer can use them meanwhile, as with a signed-in
    browser. `earned lock` ends it sooner."""
    import datetime
    import subprocess
    import sys

    from earned import agent
    from earned.privacy import keyring

    agent.lock()  # one unlocked at a time: an earlier one ends, and the time starts again
    process = subprocess.Popen(
        [sys.executable, "-m", "earned.agent"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, start_new_session=True, text=True,
    )  # fmt: skip
    assert process.stdin is not None
    assert process.stdout is not None
    process.stdin.write(f"{keyring.current_key().hex()}\n{seconds}\n")  # a pipe, never a file
    process.stdin.close()
    if process.stdout.readline().strip() != "ready":
        fail("Earned could not stay unlocked (its background process ended): still locked.")
    process.stdout.close()
    until = datetime.datetime.now() + datetime.timedelta(seconds=seconds)
    click.echo(
        f"Unlocked until {until:%H:%M}: everyday commands will not ask for your passphrase. "
        "`earned lock` locks again now."
    )


@click.command()
def lock() -> None:
    """Lock your entries again now: the unlocked background process ends, and its key with it."""
    from earned import agent

    click.echo("Locked." if agent.lock() else "Nothing was unlocked.")
