"""`earned ladders` and `earned practice`: your ladders and the next step, from the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from earned.cli import fail
from earned.cli.passphrase import for_the_person

if TYPE_CHECKING:
    from earned.accounts.models import User
    from earned.practice.services import Progress

NO_LADDERS = "No ladders yet. Start one in the app: Practice → New ladder."


@click.command()
@click.option("--archived", is_flag=True, help="Include the ladders you have put away.")
@for_the_person()
def ladders(user: User, archived: bool) -> None:
    """List your ladders: how far up each one is, and its current step."""
    from earned.practice import services

    found = [
        services.progress(ladder)
        for ladder in services.ladders(user, archived=None if archived else False)
    ]
    if not found:
        click.echo(NO_LADDERS)
        return
    for number, progress in enumerate(found):
        if number:
            click.echo()
        put_away = " (put away)" if progress.ladder.archived_at else ""
        click.echo(f"{progress.ladder.goal}{put_away}")
        click.echo(
            f"  {rungs(progress)}  {progress.climbed} of {len(progress.steps)} steps climbed"
        )
        if progress.current is not None and progress.suggestion is not None:
            click.echo(f"  now: {progress.current.description} — {progress.suggestion.label}")


def rungs(progress: Progress) -> str:
    """The ladder drawn in a line: climbed, current, still ahead."""
    return "".join(
        "●" if step.climbed_at else "◐" if step == progress.current else "○"
        for step in progress.steps
    )


@click.command()
@click.argument("ladder", required=False)
@for_the_person()
def practice(user: User, ladder: str | None) -> None:
    """Show the next step of each ladder (or of LADDER, a few words of its goal), what the
    attempts so far suggest and why, and its plan if one is made."""
    import zoneinfo

    from django.utils import timezone

    from earned.ledger.models import Experience
    from earned.practice import services

    timezone.activate(zoneinfo.ZoneInfo(user.timezone))  # times on the person's own clock
    found = [services.progress(each) for each in services.ladders(user)]
    if ladder:
        wanted = ladder.strip().lower()
        found = [
            each for each in found
            if str(each.ladder.pk).startswith(wanted) or wanted in str(each.ladder.goal).lower()
        ]  # fmt: skip
        if not found:
            fail(f"No ladder matches {ladder!r}. `earned ladders` lists them.")
    if not found:
        click.echo(NO_LADDERS)
        return
    for number, progress in enumerate(found):
        if number:
            click.echo()
        click.echo(click.style(str(progress.ladder.goal), bold=True))
        step, suggestion = progress.current, progress.suggestion
        if step is None or suggestion is None:
            click.echo("  Every step climbed. Add a harder one in the app, or put it away.")
            continue
        click.echo(f"  Now: {step.description} (expected distress {step.expected_distress})")
        click.echo(f"  {suggestion.label}. {suggestion.why}")
        waiting = [
            attempt for attempt in step.attempts.all()
            if attempt.experience.status != Experience.Status.DONE
        ]  # fmt: skip
        for attempt in waiting:
            experience = attempt.experience
            when = timezone.localtime(experience.happens_at).strftime("%a %d %b %H:%M")
            state = "planned" if experience.status == Experience.Status.PLANNED else "to finish"
            click.echo(f"  {state.capitalize()}: {when}")
            if experience.feared:
                likely = f" ({experience.likelihood}% likely)" if experience.likelihood else ""
                click.echo(f"    You fear: {experience.feared}{likely}")
            if attempt.coping_plan:
                click.echo(f"    If it gets hard: {attempt.coping_plan}")
            if experience.support:
                click.echo(f"    Support: {experience.support}")
