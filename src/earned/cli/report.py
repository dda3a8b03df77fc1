"""`earned report`: the insights report as a PDF, to bring to therapy."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from earned.cli import fail, refuse_to_replace, write_private
from earned.cli.asking import refuse_first
from earned.cli.passphrase import for_the_person

if TYPE_CHECKING:  # Django models are imported once Django is set up
    from earned.accounts.models import User

SECTION_NAMES = ("model", "markers", "map", "patterns", "measures")


@click.command()
@click.option("--from", "first", metavar="YYYY-MM-DD", help="First day (default: 3 months ago).")
@click.option("--to", "last", metavar="YYYY-MM-DD", help="Last day (default: today).")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the PDF (default: earned-report-FROM-to-TO.pdf here).",
)
@click.option(
    "--section",
    "sections",
    multiple=True,
    type=click.Choice(SECTION_NAMES),
    help="Only these parts (repeat it); all five by default.",
)
@click.option("--force", is_flag=True, help="Replace the file if it is already there.")
@for_the_person()
def report(
    user: User,
    first: str | None,
    last: str | None,
    out: Path | None,
    sections: tuple[str, ...],
    force: bool,
) -> None:
    """Write a PDF summary of a period — your working model, progress week by week, the map of
    triggers and safe zones, and patterns worth reflecting on. It is made on this computer,
    says on its first page that it is a self-tracking summary and not an assessment, and holds
    your own words: keep it somewhere private."""
    from earned.insights import gathering
    from earned.insights import report as pdf
    from earned.insights.forms import ReportForm

    default = gathering.period(user, gathering.DEFAULT_PERIOD)
    form = ReportForm(
        {
            "first": first or default.first,
            "last": last or default.last,
            "sections": list(sections or SECTION_NAMES),
        }
    )
    if not form.is_valid():
        refuse_first(form.errors, {"first": "--from", "last": "--to"})
    chosen = gathering.Period(form.cleaned_data["first"], form.cleaned_data["last"])
    path = out or Path(pdf.filename(chosen))
    refuse_to_replace(path, force, "choose another --out")
    if not path.parent.exists():
        fail(f"There is no folder {path.parent} to write into.")
    document = pdf.render(user, chosen, form.cleaned_data["sections"])
    write_private(path, document)
    click.echo(f"Wrote {path} ({len(document) // 1024 + 1} KB), {chosen.first} to {chosen.last}.")
    click.echo("It holds your own words: keep it somewhere private.")
