from __future__ import annotations

import contextlib
import errno
import os
import sys
import threading
import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING

import click

from earned.cli import fail
from earned.cli.django_setup import prepare_database, setup_django
from earned.cli.passphrase import passphrase_option, unlock, user_option

if TYPE_CHECKING:
    from earned.accounts.models import User

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port."
)
@click.option("--no-browser", is_flag=True, help="Do not open a browser window.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64), hidden=True)
def serve(host: str, port: int, no_browser: bool, threads: int) -> None:
    """Start Earned and print the link to open it."""
    setup_django()
    from django.conf import settings

    if not settings.IS_SERVER and host not in LOOPBACK_HOSTS:
        fail(
            "In local mode Earned only listens on this computer, to keep your entries private. "
            "To serve others, set EARNED_MODE=server and put it behind HTTPS."
        )
    prepare_database()

    from waitress.server import create_server

    from earned.cli.editing import sweep_abandoned_drafts
    from earned.records import planner

    sweep_abandoned_drafts()  # a journal draft a killed `earned journal` left in memory
    planner.keep_gathering()  # SQLite's statistics, for choosing how to answer each query

    from earned.wsgi import application

    try:
        server = create_server(application, host=host, port=port, threads=threads, ident="Earned")
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            fail(
                f"Port {port} is already in use (is Earned already running?). "
                f"Try another: earned serve --port {port + 1}"
            )
        fail(f"Cannot listen on {host}:{port} ({error.strerror or error}).")

    shown_host = f"[{host}]" if ":" in host else host
    base = f"http://{shown_host}:{port}/"
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C, at any moment from here on
        link = _entry_link(base, settings.IS_SERVER)
        if not no_browser and not settings.IS_SERVER and has_graphical_browser():
            threading.Timer(0.6, webbrowser.open, args=(link,)).start()
        server.run()  # returns when interrupted
    click.echo("\nEarned has stopped. Take care.")


def has_graphical_browser() -> bool:
    """False on a Linux machine without a desktop, where webbrowser would fall back to a
    text browser (lynx, w3m) and take over the terminal that shows the sign-in link."""
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _entry_link(base: str, is_server: bool) -> str:
    from earned.accounts import services

    click.echo(f"Earned is running at {base}")
    owner = None if is_server else services.owner()
    if is_server:
        click.echo("Create accounts with `earned user add NAME` or `earned user invite`.")
        link = base
    elif owner is None:
        link = f"{base}welcome/{services.issue_welcome_link()}/"
        click.echo("Open this link to set up your space (it works once, for 15 minutes):")
        click.echo(f"\n    {link}\n")
    else:
        link = f"{base}sign-in/"
        click.echo(f"Sign in with your passphrase at:\n\n    {link}\n")
        if owner.is_demo:
            from earned import demo

            click.echo(f"This Earned holds the demo; its passphrase is: {demo.PASSPHRASE}")
    click.echo("Press Ctrl+C to stop.")
    return link


@click.command()
@click.option(
    "--data",
    is_flag=True,
    help="Also try every encrypted value you own with your key, and name any that cannot be "
    "opened (by kind, date and id; never a word of it).",
)
@passphrase_option
@user_option
def check(data: bool, passphrase_file: Path | None, username: str | None) -> None:
    """Check the configuration (and, on a server, the deployment) for problems; with --data,
    your entries too."""
    setup_django()
    prepare_database()
    from django.conf import settings
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    try:
        call_command("check", deploy=settings.IS_SERVER, fail_level="WARNING")
    except SystemCheckError as error:
        click.echo(str(error).strip(), err=True)
        fail("the checks above need attention.")
    if data:
        _check_data(unlock(passphrase_file, username))
    click.echo("Everything looks right.")


def _check_data(user: User) -> None:
    from rich.progress import Progress

    from earned.privacy.damage import damaged

    with Progress(transient=True) as bar:
        task = bar.add_task("Opening every entry", total=None)
        found = list(damaged(user, lambda done, total: bar.update(task, completed=done,
                                                                   total=total)))  # fmt: skip
    if not found:
        click.echo("Every encrypted value you own opens with your key.")
        return
    for each in found:
        day = f"{each.when:%-d %B %Y}" if each.when else "no date"
        click.echo(f"  {each.kind}, {day} (id {each.record_id}): {each.field}")
    count = len(found)
    fail(f"{count} value{'s' if count != 1 else ''} above could not be opened (changed or damaged "
         "where stored); the rest of your entries are not affected. A backup from before the "
         "damage holds them: see `earned restore`.")  # fmt: skip
