from __future__ import annotations

from pathlib import Path

import click

from earned.cli import fail
from earned.cli.django_setup import prepare_database, setup_django
from earned.cli.passphrase import read_passphrase


@click.group()
def user() -> None:
    """Create accounts and invitations without a browser."""


@user.command("add")
@click.argument("name")
@click.option(
    "--passphrase-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read the passphrase from this file instead of asking.",
)
@click.option("--username", default="", help="Sign-in name (server mode); defaults to NAME.")
@click.option("--timezone", "timezone_name", default="UTC", show_default=True, help="Time zone.")
@click.option("--country", default="", help="Two-letter country code, for crisis lines.")
@click.option(
    "--practitioner",
    is_flag=True,
    help="A therapist's or peer coach's account, joined to people's care circles (server mode).",
)
def add(
    name: str,
    passphrase_file: Path | None,
    username: str,
    timezone_name: str,
    country: str,
    practitioner: bool,
) -> None:
    """Create an account called NAME (locally: the one owner account)."""
    setup_django()
    import zoneinfo

    from django.core.exceptions import ValidationError

    from earned.accounts import services
    from earned.safety.services import resources_for

    if timezone_name not in zoneinfo.available_timezones():
        fail(f"{timezone_name!r} is not a time zone we know (for example: Europe/Dublin).")
    if country and resources_for(country) is None:
        fail(f"{country!r} is not a country code we hold crisis lines for; leave it out for now.")
    prepare_database()
    passphrase = read_passphrase(passphrase_file, confirm=True)
    try:
        account = services.create_account(
            name=name,
            username=username,
            passphrase=passphrase,
            timezone_name=timezone_name,
            country=country,
            practitioner=practitioner,
        )
    except services.AccountError as error:
        fail(str(error))
    except ValidationError as error:
        fail(" ".join(error.messages))
    kind = "a practitioner's account" if practitioner else "the account"
    click.echo(f"Created {kind} {account.username!r} for {account.display_name}.")


@user.command("invite")
@click.option(
    "--base-url",
    envvar="EARNED_BASE_URL",
    help="The address people use to reach this server (or set EARNED_BASE_URL).",
)
@click.option("--practitioner", is_flag=True, help="For a therapist's or peer coach's account.")
def invite(base_url: str | None, practitioner: bool) -> None:
    """Print a one-time link with which someone can create their own account (server mode)."""
    setup_django()
    from django.conf import settings

    if not settings.IS_SERVER:
        fail("Invitations are for server mode; a local Earned has a single owner.")
    if not base_url:
        fail("Give the server's address: --base-url https://earned.example.org")
    prepare_database()
    from earned.accounts import services

    token = services.issue_invitation(practitioner=practitioner)
    click.echo(f"{base_url.rstrip('/')}/welcome/{token}/")
    click.echo(f"It works once, for {settings.INVITATION_DAYS} days.", err=True)
