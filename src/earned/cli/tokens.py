"""`earned tokens`: personal access tokens for the API, as under Settings → Access tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from earned.cli import fail
from earned.cli.asking import ChoiceOf, in_a_terminal
from earned.cli.passphrase import for_the_person

if TYPE_CHECKING:
    from earned.accounts.models import User


@click.group()
def tokens() -> None:
    """Tokens that let your scripts, or apps you trust, use Earned's API."""


@tokens.command("create")
@click.argument("name")
@click.option(
    "--open",
    "categories",
    multiple=True,
    required=True,
    type=ChoiceOf("Category", "earned.records.choices"),
    help="A kind of entries it may open; repeat for more.",
)
@click.option("--write", is_flag=True, help="It may also add, change and delete them.")
@click.option(
    "--lasts",
    type=click.Choice(["90", "30", "365", "never"]),
    default="90",
    show_default=True,
    help="How many days it lasts, or until you revoke it.",
)
@for_the_person()
def create(user: User, name: str, categories: tuple[str, ...], write: bool, lasts: str) -> None:
    """Make a token called NAME. It is printed once: keep it like a key."""
    from django.core.exceptions import ValidationError

    from earned.api import tokens as service

    try:
        made = service.create(user, name, categories, can_write=write, lifetime=lasts)
    except ValidationError as refused:
        fail(" ".join(refused.messages))
    click.echo(made.secret)
    doing = "reads and writes" if write else "reads"
    click.echo(
        f"“{name}” {doing}: {', '.join(sorted(categories))}. This is the only time it is shown.",
        err=True,
    )


@tokens.command("list")
@for_the_person()
def list_(user: User) -> None:
    """Your tokens: what each may do, when it expires, when it was last used."""
    from earned.api import tokens as service

    found = list(service.tokens_of(user))
    if not found:
        click.echo("None yet. `earned tokens create NAME --open experiences` makes one.")
    for each in found:
        doing = "reads and writes" if each.can_write else "reads"
        lasts = f"until {each.expires_at:%d %b %Y}" if each.expires_at else "until revoked"
        used = f"last used {each.last_used_at:%d %b %Y %H:%M}" if each.last_used_at else "unused"
        click.echo(
            f"{each.prefix}  {each.name}  {doing} {', '.join(each.categories)}  {lasts}  {used}"
        )


@tokens.command("revoke")
@click.argument("prefix")
@click.option("--yes", is_flag=True, help="Do not ask first.")
@for_the_person()
def revoke(user: User, prefix: str, yes: bool) -> None:
    """Revoke the token whose first characters are PREFIX (as `earned tokens list` shows)."""
    from earned.api import tokens as service

    found = [each for each in service.tokens_of(user) if each.prefix.startswith(prefix.strip())]
    if not prefix.strip() or not found:
        fail(f"No token of yours starts with {prefix!r}. `earned tokens list` shows them.")
    if len(found) > 1:
        fail(f"{prefix!r} matches {len(found)} tokens; give more of it.")
    chosen = found[0]
    if not yes:
        if not in_a_terminal():
            fail("Say --yes to revoke it without being asked (or run it in a terminal).")
        click.confirm(f"Revoke “{chosen.name}”? Anything using it is turned away.", abort=True)
    name = chosen.name  # read while the row is there: its words are bound to it
    service.revoke(user, chosen)
    click.echo(f"Revoked. “{name}” opens nothing from now on.")
