"""Data rights from the terminal: export, import, erase."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from earned.cli import fail, refuse_to_replace, write_private
from earned.cli.django_setup import prepare_database, setup_django
from earned.cli.passphrase import for_the_person

if TYPE_CHECKING:  # Django models are imported once Django is set up
    from earned.accounts.models import User

ERASE_CONFIRMATION = "erase everything"


def free_to_write(
    path: Path | None, force: bool, format_: str = "json", **_: Any
) -> dict[str, Any]:
    """Before the passphrase is asked for: PATH is not a file already there (unless --force),
    and a zip is not about to be poured into a terminal."""
    if path is None and format_ in ("csv", "markdown-files"):
        fail(f"A {format_} export is a zip file: give a PATH to write it to.")
    if path is not None:
        refuse_to_replace(path, force, "choose another PATH")
    return {}


@click.command("export")
@click.argument("path", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "format_",
    type=click.Choice(["json", "csv", "markdown", "markdown-files"]),
    default="json",
    show_default=True,
    help="json: everything, to bring back in; csv: a zip of tables for a spreadsheet; markdown: "
    "one document to read; markdown-files: a zip with a file for each entry.",
)
@click.option("--force", is_flag=True, help="Replace the file if it is already there.")
@for_the_person(first=free_to_write)
def export(user: User, path: Path | None, format_: str, force: bool) -> None:
    """Write everything you own, decrypted, to PATH (or standard output): as JSON, which comes
    back in whole, or as CSV or Markdown to read. PATH is made readable by you only, and never
    replaces a file unless you add --force."""
    from earned.exchange import formats, services

    document = services.export_document(user)
    data, _, _ = formats.rendered(document, format_)
    if path is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        write_private(path, data)
    unopened = len(document.get("could_not_open", ()))
    if unopened:
        where = f" to {path}" if path else ""
        fail(f"Exported everything else{where}; {services.unopened_said(unopened)}")
    if path is not None:
        click.echo(f"Exported everything to {path}. It holds your entries in clear: keep it safe.")


def read_export(path: Path) -> dict[str, Any]:
    """Before the passphrase is asked for: the file opens and begins as an export."""
    from earned.exchange import services

    try:
        with path.open("rb") as stream:
            services.read_header(stream)
    except OSError as error:
        fail(f"Cannot read {path} ({error.strerror or error}).")
    except services.ImportProblem as problem:
        fail(f"Nothing was imported. {problem}")
    return {}


@click.command("import")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@for_the_person(first=read_export)
def import_(user: User, path: Path) -> None:
    """Load an export into an empty account: all of it, or nothing."""
    from earned.exchange import services

    try:
        with path.open("rb") as stream:
            counts = services.import_file(user, stream)
    except OSError as error:
        fail(f"Cannot read {path} ({error.strerror or error}).")
    except services.ImportProblem as problem:
        fail(f"Nothing was imported. {problem}")
    click.echo(services.describe_import(counts))


@click.command()
@click.option("--yes", is_flag=True, help="Do not ask for the typed confirmation.")
@for_the_person()
def erase(user: User, yes: bool) -> None:
    """Delete your account and everything in it, for good."""
    from earned.exchange import services

    if not yes:
        if not sys.stdin.isatty():
            fail("Erasing needs a typed confirmation; run it in a terminal, or add --yes.")
        click.echo("This deletes your account and every entry in it. It cannot be undone.")
        typed = click.prompt(f"Type '{ERASE_CONFIRMATION}' to go ahead", default="")
        if typed.strip().lower() != ERASE_CONFIRMATION:
            fail("Nothing was erased.")
    services.erase_account(user)
    click.echo("Your account and everything in it are gone.")


@click.command()
@click.argument("path", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--force", is_flag=True, help="Replace the file if it is already there.")
def backup(path: Path | None, force: bool) -> None:
    """Copy the whole database to PATH (default: the data folder's backups/), safely while
    Earned runs. Entry text stays encrypted in the copy, which is readable by you only and
    never replaces a file unless you add --force."""
    if path is not None:
        refuse_to_replace(path, force, "choose another PATH")
    setup_django()
    prepare_database()
    from rich.progress import Progress

    from earned.exchange import backup as backups

    target = path or backups.default_backup_path()
    try:
        with Progress(transient=True) as bar:
            task = bar.add_task("Backing up", total=None)
            counts = backups.backup(
                target,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
                replace=force,
            )
    except backups.BackupProblem as problem:
        fail(str(problem))
    records = sum(counts.values())
    held = f" ({records} rows, integrity checked)" if counts else ""
    click.echo(f"Backed up to {target}{held}.")


@click.command()
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
def restore(path: Path) -> None:
    """Restore a backup into an empty Earned (a new data folder or database)."""
    setup_django()
    prepare_database()
    from earned.exchange import backup as backups

    try:
        counts = backups.restore(path)
    except backups.BackupProblem as problem:
        fail(f"Nothing was restored. {problem}")
    held = f" ({sum(counts.values())} rows, integrity checked)" if counts else ""
    click.echo(f"Restored {path}{held}. Sign in with your passphrase as before.")
