"""`earned journal`: a journal entry from the terminal, written in your editor or piped in."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from earned.cli import fail
from earned.cli.asking import ChoiceOf, in_a_terminal, refusing
from earned.cli.passphrase import for_the_person

if TYPE_CHECKING:
    from earned.accounts.models import User
    from earned.ledger.models import Expectation
    from earned.reflection.models import JournalEntry


@click.command()
@click.option("-m", "--text", help="The entry itself, instead of opening your editor.")
@click.option(
    "--prompt",
    type=ChoiceOf("PROMPTS", "earned.reflection.prompts"),
    help="Start from one of our questions (see --prompts).",
)
@click.option("--prompts", "list_prompts", is_flag=True, help="List our questions and stop.")
@click.option(
    "-e",
    "--expectation",
    "references",
    multiple=True,
    help="An old expectation it is about: its id from `earned expectations`, or words from it.",
)
@for_the_person()
def journal(
    user: User,
    text: str | None,
    prompt: str | None,
    list_prompts: bool,
    references: tuple[str, ...],
) -> None:
    """Write a journal entry.

    In a terminal it opens your editor ($VISUAL or $EDITOR); the file lives in a private folder
    in memory where the system has one, and is overwritten and removed afterwards. Text piped in
    on standard input, or given with --text, is kept as it is.
    """
    if list_prompts:
        from earned.reflection.prompts import PURPOSES

        for purpose in PURPOSES:
            click.echo(f"{purpose.label}:")
            for question in purpose.prompts:
                click.echo(f"  {question.key:<20} {question.text}")
        return
    from earned.cli.log import find_expectation
    from earned.reflection.prompts import PROMPTS

    about = [find_expectation(user, reference) for reference in references]
    if text is None and not in_a_terminal():
        text = sys.stdin.read()
    elif text is None:
        from earned.cli.editing import edit_privately

        if prompt:
            click.echo(PROMPTS[prompt].text)
        text = edit_privately()
    if not text.strip():
        fail("Nothing was written, so nothing was kept.")
    entry = save(user, text, prompt or "", about)
    click.echo(f"Kept in your journal: “{entry.title}”")


def save(user: User, text: str, prompt: str, about: list[Expectation]) -> JournalEntry:
    """Through the same service as the browser's journal, so the rules and messages match."""
    from earned.reflection import services
    from earned.reflection.models import JournalEntry

    with refusing():
        return services.save_entry(user, JournalEntry(body=text.strip(), prompt=prompt), about)
