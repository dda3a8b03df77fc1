"""The working model from the terminal."""

from __future__ import annotations

from pathlib import Path

import click

from earned.cli.data import user_option
from earned.cli.django_setup import prepare_database, setup_django
from earned.cli.passphrase import passphrase_option, unlock


@click.command()
@click.option("--archived", is_flag=True, help="Include archived expectations.")
@passphrase_option
@user_option
def expectations(archived: bool, passphrase_file: Path | None, username: str | None) -> None:
    """List your old expectations with both ratings and the evidence so far."""
    setup_django()
    prepare_database()
    from rich.console import Console
    from rich.table import Table

    from earned.ledger import services

    user = unlock(passphrase_file, username)
    shown = [
        summary
        for summary in services.working_model(user)
        if archived or summary.expectation.archived_at is None
    ]
    if not shown:
        click.echo("No expectations yet. Name your first one in the app: Expectations → Name one.")
        return
    table = Table(box=None, pad_edge=False)
    table.add_column("Id", style="dim")  # enough to name it: earned log --expectation ID
    table.add_column("Expectation", overflow="fold")
    table.add_column("Feels true", justify="right")
    table.add_column("Think true", justify="right")
    table.add_column("Evidence (80% band)", justify="right")
    table.add_column("Tested", justify="right")
    for summary in shown:
        estimate = summary.estimate
        evidence = (
            f"{estimate.mean:.0f}% ({estimate.low:.0f}–{estimate.high:.0f})"
            if estimate.tested
            else "not tested yet"
        )
        note = " (archived)" if summary.expectation.archived_at else ""
        table.add_row(
            str(summary.expectation.pk)[:8],
            f"{summary.expectation.text}{note}",
            f"{summary.latest.feels_true}%" if summary.latest else "—",
            f"{summary.latest.think_true}%" if summary.latest else "—",
            evidence,
            str(estimate.tested),
        )
    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = 160  # piped or captured: keep each expectation on one line if we can
    console.print(table)
