"""`earned measures`: import a validated questionnaire's wording from a FHIR file, see what can
be taken and the latest scores, and export one's answers and scores as FHIR."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from earned.cli import fail
from earned.cli.passphrase import for_the_person
from earned.core.instruments import DEFINITIONS

if TYPE_CHECKING:  # Django models are imported once Django is set up
    from earned.accounts.models import User


@click.group()
def measures() -> None:
    """Questionnaires: our weekly practice check-in and validated ones whose wording you import."""


@measures.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--as",
    "chosen",
    type=click.Choice(sorted(DEFINITIONS)),
    help="Which questionnaire it is, when the file's codes do not say.",
)
@for_the_person()
def import_(user: User, file: Path, chosen: str | None) -> None:
    """Import a FHIR R4 Questionnaire file (JSON) holding a validated questionnaire's wording.
    It is checked against the instrument's published scoring and kept, encrypted, as yours."""
    from earned.core.fhir import ProblemInFile
    from earned.measures import services

    try:
        imported = services.import_questionnaire(
            user, file.read_bytes()[: services.MOST_FILE_BYTES + 1], chosen or ""
        )
    except services.NeedsChoosing:
        fail(
            "The file's codes do not say which questionnaire it is: give it with --as "
            f"({', '.join(sorted(DEFINITIONS))})."
        )
    except ProblemInFile as problem:
        fail(str(problem))
    click.echo(imported.words())


@measures.command("list")
@for_the_person()
def list_(user: User) -> None:
    """The questionnaires you can take, with your latest score of each."""
    from earned.measures import readings, services
    from earned.measures.instruments import available

    for instrument in available(user).values():
        taken = services.history(user, instrument)
        latest = (
            f"{taken[0].at:%-d %b %Y}: {readings.score_words(instrument, taken[0])}"
            if taken
            else "not taken yet"
        )
        click.echo(f"{instrument.key:<9} {instrument.title} — {latest}")
    missing = [d.name for d in DEFINITIONS.values() if d.key not in available(user)]
    if missing:
        click.echo(f"Can be imported: {', '.join(missing)} (earned measures import FILE).")


@measures.command("fhir")
@click.argument("key")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--force", is_flag=True, help="Replace the file if it is already there.")
@for_the_person()
def fhir(user: User, key: str, out: Path, force: bool) -> None:
    """Write one questionnaire's answers and scores as a FHIR R4 Bundle (QuestionnaireResponse
    and Observation resources), for a clinic's record system."""
    from earned.measures import fhir_export, services
    from earned.measures.instruments import available

    instrument = available(user).get(key)
    if instrument is None:
        fail(f"There is no questionnaire “{key}” here; `earned measures list` shows them.")
    if out.exists() and not force:
        fail(f"{out} is already there; add --force to replace it.")
    bundle = fhir_export.bundle(instrument, services.history(user, instrument))
    out.write_text(json.dumps(bundle, indent=2, ensure_ascii=False), encoding="utf-8")
    click.echo(f"Wrote {len(bundle['entry'])} FHIR resources to {out}. It holds your answers.")
