"""`earned people`, `earned rupture` and `earned repair`: relationships from the terminal.

Ruptures and repairs are saved by the browser's own services, so rules and messages match.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

import click

from earned.cli import fail
from earned.cli.asking import (
    ChoiceOf,
    WholeNumber,
    ask,
    given,
    in_a_terminal,
    is_given,
    parse_when,
    refusing,
    whole_number,
)
from earned.cli.passphrase import for_the_person

if TYPE_CHECKING:
    from rich.console import Console

    from earned.accounts.models import User
    from earned.relationships.models import Person

RELATIONSHIPS = "earned.relationships.choices"
NOBODY = "Nobody added yet. Add someone in the app: People → Add someone."


@click.command()
@for_the_person()
def people(user: User) -> None:
    """List the people in your life: how safe it feels with each, how often they showed up
    lately, and any rupture still open."""
    from earned.relationships import services

    found = list(services.people_overview(user))
    if not found:
        click.echo(NOBODY)
        return
    for person in found:
        role = f" ({person.get_role_display().lower()})" if person.role else ""
        ally = " · a safe ally" if person.safe_ally else ""
        click.echo(f"{person.name}{role}{ally}")
        safety = person.feels_safe
        months = services.presence_months(person, 3)
        lately = sum(count for _, count in months)
        parts = [
            f"feels {safety.feels_safe}% safe" if safety else "safety not rated yet",
            f"showed up {lately} time{'s' if lately != 1 else ''} in three months",
        ]
        open_ruptures = [rupture for rupture in person.ruptures.all() if rupture.is_open]
        if open_ruptures:
            parts.append(f"a rupture open since {open_ruptures[0].at:%d %b}")
        click.echo("  " + " · ".join(parts))


def find_person(user: User, reference: str) -> Person:
    from earned.relationships.services import people as people_of

    wanted = reference.strip().lower()
    candidates = list(people_of(user))
    exact = [each for each in candidates if str(each.name).lower() == wanted]
    found = exact or [each for each in candidates if wanted and wanted in str(each.name).lower()]
    if not found:
        fail(f"Nobody called {reference!r}. `earned people` lists them.")
    if len(found) > 1:
        fail(f"{reference!r} matches {len(found)} people; use more of the name.")
    return found[0]


@click.command()
@click.option("--with", "who", metavar="NAME", help="Who it was with (as in `earned people`).")
@click.option("--when", help="When, like '2026-11-20 20:00' (default: now).")
@click.option("--setting", type=ChoiceOf("Setting", RELATIONSHIPS), help="life or therapy.")
@click.option("--kind", type=ChoiceOf("RuptureKind", RELATIONSHIPS), help="What happened.")
@click.option("--intensity", type=WholeNumber(1, 5), help="How big it felt, 1–5.")
@click.option("--trigger", help="What set it off.")
@click.option("--mine", "own_part", help="Your part, as you see it.")
@click.option("--theirs", "their_part", help="Their part, as you see it.")
@click.option("--noticed", "noticed_by", type=ChoiceOf("Who", RELATIONSHIPS), help="Who noticed.")
@for_the_person()
def rupture(user: User, who: str | None, when: str | None, **answers: Any) -> None:
    """Note a rupture: a moment something went wrong between you and someone.

    In a terminal without flags it asks; for scripts, give --with, --kind and --intensity.
    Kinds: quiet, distance, placating (withdrawal); blame, anger, control (confrontation).
    """
    from earned.relationships import services
    from earned.relationships.models import Rupture

    answered = bool(who) or any(map(is_given, answers.values()))
    if not answered and in_a_terminal():
        from rich.console import Console

        try:
            who = ask_rupture(Console(highlight=False), answers)
        except (KeyboardInterrupt, EOFError):
            fail("Stopped; nothing was saved.")
    if not who:
        fail("--with: say who it was with, like --with Jo.")
    person = find_person(user, who)
    with refusing():
        saved = services.save_rupture(
            user, Rupture(person=person, at=_when(when), **given(answers))
        )
    click.echo(f"Noted: {saved.get_kind_display()}, with {person.name}.")
    click.echo("Whenever you are ready, `earned repair --with NAME` notes what comes next.")


@click.command()
@click.option("--with", "who", metavar="NAME", help="Whose rupture: the latest open one.")
@click.option("--when", help="When, like '2026-11-21 09:00' (default: now).")
@click.option("--started-by", type=ChoiceOf("Who", RELATIONSHIPS), help="Who reached back.")
@click.option("--what", help="What was said or done.")
@click.option("--outcome", type=ChoiceOf("RepairOutcome", RELATIONSHIPS), help="How it landed.")
@for_the_person()
def repair(user: User, who: str | None, when: str | None, **answers: Any) -> None:
    """Note a repair after the latest rupture with someone that is still open."""
    from earned.core.relating import in_words
    from earned.relationships import services
    from earned.relationships.models import Repair

    if not who and in_a_terminal():
        from rich.console import Console

        try:
            who = ask_repair(Console(highlight=False), answers)
        except (KeyboardInterrupt, EOFError):
            fail("Stopped; nothing was saved.")
    if not who:
        fail("--with: say whose rupture it repairs, like --with Jo.")
    person = find_person(user, who)
    ruptures = services.ruptures_of(user).filter(person=person)
    open_ruptures = [each for each in ruptures if each.is_open]
    if not open_ruptures:
        fail(f"There is no open rupture with {person.name}. `earned rupture` notes one first.")
    repair = Repair(rupture=open_ruptures[0], at=_when(when), **given(answers))
    with refusing():
        saved = services.save_repair(user, repair)
    click.echo(
        f"Noted: a repair with {person.name}, {in_words(saved.after)} after the rupture "
        f"({saved.get_outcome_display().lower()})."
    )


def _when(text: str | None) -> datetime.datetime:
    """The moment given, to the minute (like the browser's), or now."""
    from django.utils import timezone

    moment = parse_when(text) if text else timezone.now()
    return moment.replace(second=0, microsecond=0)


def ask_rupture(console: Console, answers: dict[str, Any]) -> str | None:
    from earned.relationships.choices import RuptureKind, Setting

    console.print("[bold]A rupture[/bold] — press Enter to skip anything optional.\n")
    who = ask(console, "Who was it with?", str, required=True)
    kinds = RuptureKind.values
    answers["kind"] = ask(console, "What happened?", str, options=kinds, required=True)
    answers["intensity"] = ask(
        console, "How big did it feel, 1 to 5?", lambda text: whole_number(text, 1, 5),
        required=True, problem="Please choose a number from 1 to 5.",
    )  # fmt: skip
    answers["setting"] = ask(console, "Where?", str, options=Setting.values)
    answers["trigger"] = ask(console, "What set it off?", str)
    answers["own_part"] = ask(console, "Your part, as you see it?", str)
    answers["their_part"] = ask(console, "Their part, as you see it?", str)
    return who  # type: ignore[no-any-return]


def ask_repair(console: Console, answers: dict[str, Any]) -> str | None:
    from earned.relationships.choices import RepairOutcome, Who

    console.print("[bold]A repair[/bold] — press Enter to skip anything optional.\n")
    who = ask(console, "With whom?", str, required=True)
    answers["what"] = ask(console, "What was said or done?", str, required=True)
    answers["started_by"] = ask(console, "Who started it?", str, options=Who.values)
    answers["outcome"] = ask(console, "How did it land?", str, options=RepairOutcome.values)
    return who  # type: ignore[no-any-return]
