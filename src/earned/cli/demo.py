"""`earned demo`: make (or refresh) the demo account."""

from __future__ import annotations

import os
import zoneinfo
from pathlib import Path

import click

from earned.cli import fail
from earned.cli.django_setup import prepare_database, setup_django


def machine_timezone() -> str:
    """This computer's time zone name (TZ, or where /etc/localtime points), else UTC."""
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        try:
            name = str(Path("/etc/localtime").readlink()).partition("zoneinfo/")[2]
        except OSError:
            name = ""
    return name if name in zoneinfo.available_timezones() else "UTC"


@click.command()
@click.option(
    "--timezone",
    "timezone_name",
    help="The demo person's time zone [default: this computer's].",
)
def demo(timezone_name: str | None) -> None:
    """Make a demo account with six months of a fictional person's entries, or refresh it.

    Locally it needs an Earned of its own (a separate EARNED_DATA_DIR): it never touches a real
    account. Running it again moves the six months to end today.
    """
    timezone_name = timezone_name or machine_timezone()
    if timezone_name not in zoneinfo.available_timezones():
        fail(f"{timezone_name!r} is not a time zone we know (for example: Europe/Dublin).")
    setup_django()
    prepare_database()
    from django.conf import settings

    from earned import demo as demo_data

    click.echo("Writing six months of entries…", err=True)
    try:
        made = demo_data.create_or_refresh(timezone_name)
    except demo_data.DemoRefused as refusal:
        fail(str(refusal))
    counts = made.counts
    reflections = sum(
        counts[kind] for kind in ("journal_entries", "dialogues", "imagery", "shifts")
    )
    click.echo(
        f"{'Refreshed' if made.refreshed else 'Made'} the demo: {demo_data.NAME}, a fictional "
        f"person, with {counts['expectations']} expectations, {counts['experiences']} "
        f"experiences, {counts['ratings']} ratings, {counts['check_ins']} check-ins and "
        f"{reflections} reflections over six months."
    )
    where = "sign in as `demo`" if settings.IS_SERVER else "start it with `earned serve`"
    click.echo(f"To look around, {where}; the passphrase is: {demo_data.PASSPHRASE}")
    if not settings.IS_SERVER:
        click.echo(f"(Its data folder: {Path(settings.DATA_DIR)})", err=True)
