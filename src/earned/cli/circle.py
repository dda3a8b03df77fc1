"""`earned circle` (the person's care circle) and `earned care` (a practitioner's people): the
same services as Settings → Your care circle and Your people, on a practice server."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from earned.cli import fail
from earned.cli.asking import ChoiceOf, in_a_terminal
from earned.cli.passphrase import for_the_person

if TYPE_CHECKING:
    from earned.accounts.models import User
    from earned.circles.models import Circle

ON_A_SERVER = (
    "Care circles need a practice server: this Earned opens only with your passphrase. To move "
    "there, `earned export FILE` here and `earned import FILE` on your account on the server; "
    "until then, `earned report` makes a PDF you can share."
)


def server_only(*_: Any, **__: Any) -> dict[str, Any]:
    from earned.circles import services

    if not services.available():
        fail(ON_A_SERVER)
    return {}


sharing = click.option(
    "--share",
    "shared",
    multiple=True,
    type=ChoiceOf("Category", "earned.records.choices"),
    help="A kind of entries they may see; repeat for more [default: all but reflection].",
)


@click.group()
def circle() -> None:
    """Your care circle: invite a therapist or peer coach, see who is in it, end it."""


@circle.command("invite")
@sharing
@for_the_person(first=server_only)
def invite(user: User, shared: tuple[str, ...]) -> None:
    """Make a one-time code to give to your therapist or coach (it works once, for a week)."""
    from earned.circles import services
    from earned.circles.models import default_categories

    categories = list(shared) or default_categories()
    try:
        code = services.invite(user, categories)
    except services.CircleError as problem:
        fail(str(problem))
    click.echo(code)
    names = ", ".join(services.category_names(categories)).lower() or "single entries only"
    click.echo(
        f"Give this code to them; it works once, for {services.INVITATION_LIFETIME.days} days. "
        f"They will see: {names}.",
        err=True,
    )


@circle.command("accept")
@click.argument("code")
@sharing
@click.option("--yes", is_flag=True, help="Do not ask first.")
@for_the_person(first=server_only)
def accept(user: User, code: str, shared: tuple[str, ...], yes: bool) -> None:
    """Accept a therapist's or coach's invitation with the CODE they gave you."""
    from earned.circles import services
    from earned.circles.models import default_categories

    categories = list(shared) or default_categories()
    names = ", ".join(services.category_names(categories)).lower() or "single entries only"
    try:
        practitioner = services.invited_by(user, code)
        if not yes:
            if not in_a_terminal():
                fail("Say --yes to accept without being asked (or run it in a terminal).")
            click.confirm(f"Let {practitioner} see: {names}?", abort=True)
        services.accept(user, code, categories)
    except services.CircleError as problem:
        fail(str(problem))
    click.echo(f"{practitioner} is in your care circle now. They see: {names}.")


@circle.command("list")
@for_the_person(first=server_only)
def list_(user: User) -> None:
    """Who is in your circle, since when, and what each sees."""
    from earned.circles import services

    circles = list(services.circles_of(user))
    if not circles:
        click.echo("Nobody yet. `earned circle invite` makes a code to give someone.")
    for each in circles:
        sees = ", ".join(each.shared_names).lower() or "single entries only"
        click.echo(f"{each.reader_name}  since {each.started_at:%d %b %Y}  sees: {sees}")


@circle.command("end")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Do not ask first.")
@for_the_person(first=server_only)
def end(user: User, name: str, yes: bool) -> None:
    """End the circle with NAME (their name, or the start of it): they see nothing more."""
    from earned.circles import services

    chosen = _one_of(list(services.circles_of(user)), name, lambda each: each.reader_name)
    if not yes:
        if not in_a_terminal():
            fail("Say --yes to end it without being asked (or run it in a terminal).")
        what = "pair" if chosen.is_pair else "circle"
        click.confirm(f"End the {what} with {chosen.reader_name}?", abort=True)
    services.end(user, chosen)
    click.echo(f"Ended. {chosen.reader_name} can no longer see anything of yours.")


circle.add_command(end, "revoke")  # the same: ending is how sharing is revoked


@circle.command("seen")
@for_the_person(first=server_only)
def seen(user: User) -> None:
    """Who has seen what of yours, newest first."""
    from django.utils import timezone

    from earned.circles import audit

    reads = list(audit.reads_of(user)[: audit.READS_SHOWN])
    if not reads:
        click.echo("Nobody else has seen anything of yours.")
    who = audit.who_read(reads)
    for read in reads:
        when = timezone.localtime(read.at).strftime("%Y-%m-%d %H:%M")
        click.echo(f"{when}  {who[read.pk]}: {audit.read_words(read)}")


@click.group()
def care() -> None:
    """For practitioners: the people whose care circle you are in."""


@care.command("join")
@click.argument("code")
@for_the_person(first=server_only)
def join(user: User, code: str) -> None:
    """Join a person's care circle with the code they gave you."""
    from earned.circles import services

    try:
        joined = services.join(user, code)
    except services.CircleError as problem:
        fail(str(problem))
    click.echo(f"You are now in {joined.person}’s circle.")


@care.command("invite")
@for_the_person(first=server_only)
def invite_person(user: User) -> None:
    """Make a one-time code for someone to accept; they choose what to share when they do."""
    from earned.circles import services

    try:
        code = services.invite_person(user)
    except services.CircleError as problem:
        fail(str(problem))
    click.echo(code)
    click.echo(
        f"Give this code to them; it works once, for {services.INVITATION_LIFETIME.days} days. "
        "They accept it with `earned circle accept CODE`, or under Settings → Your care circle.",
        err=True,
    )


@care.command("people")
@for_the_person(first=server_only)
def people(user: User) -> None:
    """The people who invited you, and what each shares (read their entries in the browser)."""
    from earned.circles import services

    if not user.is_practitioner:
        fail("This is for a practitioner's account; yours is `earned circle list`.")
    circles = list(services.clients_of(user))
    if not circles:
        click.echo("Nobody yet. When someone gives you a code, `earned care join CODE`.")
    for each in circles:
        shares = ", ".join(each.shared_names).lower() or "single entries only"
        click.echo(f"{each.person}  since {each.started_at:%d %b %Y}  shares: {shares}")


def _one_of(circles: list[Circle], name: str, named: Any) -> Circle:
    wanted = name.strip().lower()
    found = [each for each in circles if named(each).lower().startswith(wanted)] if wanted else []
    if not found:
        fail(f"Nobody called {name!r} is in your circle. `earned circle list` shows who is.")
    if len(found) > 1:
        fail(f"{name!r} matches {len(found)} people; use more of the name.")
    return found[0]
