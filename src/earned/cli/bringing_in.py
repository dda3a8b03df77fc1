"""`earned bring-in`: entries and moods from another app (Daylio, Day One, jrnl, Journiv), shown
first and brought in only when the person says so — the same steps as Settings → Bring in."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from earned.cli import fail
from earned.cli.passphrase import for_the_person

if TYPE_CHECKING:  # Django models are imported once Django is set up
    from earned.accounts.models import User
    from earned.exchange.arrivals import Preview


def readable(path: Path, moods: tuple[str, ...], **_: Any) -> dict[str, Any]:
    """Before the passphrase is asked for: the file opens, is an export Earned reads (its times
    are read in the person's own zone later), and each --mood is WORD=NUMBER."""
    from zoneinfo import ZoneInfo

    from earned.core import other_apps

    try:
        data = path.read_bytes()
        other_apps.read(data, ZoneInfo("UTC"))
    except OSError as error:
        fail(f"Cannot read {path} ({error.strerror or error}).")
    except other_apps.NotReadable as problem:
        fail(f"Nothing was brought in. {problem}")
    return {"data": data, "numbers": _numbers(moods)}


def _numbers(moods: tuple[str, ...]) -> dict[str, int | None]:
    numbers: dict[str, int | None] = {}
    for given in moods:
        word, _, number = given.rpartition("=")
        try:
            value = None if number.strip().lower() in ("", "none") else int(number)
        except ValueError:
            value = 99
        if not word.strip() or (value is not None and not -5 <= value <= 5):
            fail(f"--mood {given}: give a mood word and a number from -5 to 5, as in rad=4 "
                 "(or sleepy=none to keep the word with the entry).")  # fmt: skip
        numbers[word.strip()] = value
    return numbers


@click.command("bring-in")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--mood",
    "moods",
    multiple=True,
    metavar="WORD=NUMBER",
    help="The number (-5 to 5) a mood word of the file becomes, instead of Earned's guess; "
    "WORD=none keeps the word with the entry. Repeat for each word.",
)
@click.option("--yes", is_flag=True, help="Bring it in without asking.")
@for_the_person(first=readable)
def bring_in(
    user: User,
    path: Path,
    moods: tuple[str, ...],
    yes: bool,
    data: bytes,
    numbers: dict[str, int | None],
) -> None:
    """Bring in what another app exported: Daylio's CSV, Day One's JSON zip, jrnl's JSON or
    Journiv's zip. Shows what the file holds and the number each mood word becomes, then asks
    before anything comes in: all of it, or nothing. Moments brought in before are left out."""
    from rich.progress import Progress

    from earned.exchange import arrivals

    arrival = arrivals.read(user, data)
    preview = arrivals.preview(user, arrival)
    unknown = sorted(set(numbers) - {mood.word for mood in preview.moods})
    if unknown:
        arrivals.let_go(user)
        fail(f"--mood {unknown[0]}: the file has no mood word {unknown[0]!r}.")
    chosen = {mood.word: numbers.get(mood.word, mood.guess) for mood in preview.moods}
    click.echo(_described(preview, chosen))
    if not preview.to_come:
        arrivals.let_go(user)
        click.echo("Everything in this file is here already; nothing more came in.")
        return
    if not yes:
        if not sys.stdin.isatty():
            arrivals.let_go(user)
            fail("Bringing in asks first; run it in a terminal, or add --yes.")
        if not click.confirm("Bring these in?", default=False):
            arrivals.let_go(user)
            fail("Nothing was brought in.")
    with Progress(transient=True) as bar:
        task = bar.add_task("Bringing in", total=None)
        brought = arrivals.bring_in(
            user, arrival, chosen,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )  # fmt: skip
    click.echo(arrivals.describe(brought, preview.app))


def _described(preview: Preview, chosen: dict[str, int | None]) -> str:
    span = f"{preview.first:%-d %B %Y} to {preview.last:%-d %B %Y}"
    lines = [f"From {preview.app}: {preview.moments:,} moments, {span}."]
    if preview.with_words:
        lines.append(f"  {preview.with_words:,} journal entries")
    if preview.with_mood:
        lines.append(f"  up to {preview.with_mood:,} mid-day check-ins, each with its mood")
    if preview.already_here:
        lines.append(f"  {preview.already_here:,} came in before and are left out")
    if preview.moods and preview.to_come:
        lines.append("Mood words (change one with --mood WORD=NUMBER):")
        width = max(len(mood.word) for mood in preview.moods)
        for mood in preview.moods:
            number = chosen[mood.word]
            becomes = "no number: kept with the entry" if number is None else f"{number:+d}"
            lines.append(f"  {mood.word:<{width}}  ({mood.times:,})  → {becomes}")
    if preview.left_behind:
        lines.append(f"Stays in {preview.app}: {', '.join(preview.left_behind)}.")
    return "\n".join(lines)
