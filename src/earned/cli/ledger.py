"""The working model from the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from earned.cli.passphrase import for_the_person

if TYPE_CHECKING:  # Django models are imported once Django is set up
    from earned.accounts.models import User


@click.command()
@click.option("--archived", is_flag=True, help="Include archived expectations.")
@for_the_person()
def expectations(user: User, archived: bool) -> None:
    """List your old expectations with both ratings and the evidence so far."""
    from rich.console import Console
    from rich.table import Table

    from earned.ledger import services

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
