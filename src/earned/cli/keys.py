from __future__ import annotations

from pathlib import Path

import click

from earned.cli import fail
from earned.cli.django_setup import prepare_database, setup_django


@click.group()
def keys() -> None:
    """Manage a server's instance key."""


@keys.command()
@click.option(
    "--new-key-file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    required=True,
    help="A file holding the new instance key: 32 random bytes in base64.",
)
def rotate(new_key_file: Path) -> None:
    """Re-wrap every person's data key under a new instance key (entries are not touched)."""
    setup_django()
    from django.conf import settings

    if not settings.IS_SERVER:
        fail("Instance keys are for server mode; locally, your passphrase protects your key.")
    prepare_database()
    from earned.privacy import keys as key_services

    new_key = key_services.decode_instance_key(new_key_file.read_text(encoding="utf-8"))
    count = key_services.rotate_instance_key(new_key)
    click.echo(
        f"Re-wrapped {count} data key{'s' if count != 1 else ''}. Now point EARNED_MASTER_KEY "
        f"(or EARNED_MASTER_KEY_FILE) at the new key and restart Earned; keep the old key until "
        "you have checked that people can sign in."
    )
