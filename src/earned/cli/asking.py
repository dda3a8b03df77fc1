"""Questions in the terminal, and the answer types that flags and prompts share.

Rich is imported only when a question is actually asked, so commands given everything as flags
start as quickly as the rest of the CLI.
"""

from __future__ import annotations

import contextlib
import datetime
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from rich.console import Console


def refuse_first(errors: Mapping[str, Sequence[Any]], flags: Mapping[str, str] = {}) -> NoReturn:
    """Say the first thing wrong with what was given, as one line naming its flag (a field
    `feels_true` is `--feels-true` unless `flags` says otherwise; a problem with no one field
    is said alone)."""
    from earned.cli import fail

    field, messages = next(iter(errors.items()))
    if field == "__all__":
        fail(str(messages[0]))
    fail(f"{flags.get(field, '--' + field.replace('_', '-'))}: {messages[0]}")


@contextlib.contextmanager
def refusing(flags: Mapping[str, str] = {}) -> Iterator[None]:
    """Save through a service; if it refuses what was given (a ValidationError), say why as one
    line naming the flag, and exit — the one way every command turns a record's rules into
    words."""
    from django.core.exceptions import ValidationError

    try:
        yield
    except ValidationError as refused:
        errors = refused.message_dict if hasattr(refused, "error_dict") else {}
        refuse_first(errors or {"__all__": refused.messages}, flags)


def given(answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers a person gave, ready for a record: words without the spaces around them,
    and a choice of several as its keys joined by commas (as the records keep them). What was
    left out — None, or nothing but spaces — is left to the record's own default."""
    ready = {}
    for name, value in answers.items():
        if isinstance(value, str):
            value = value.strip()
        elif isinstance(value, list | tuple):
            value = ",".join(value)
        if is_given(value):
            ready[name] = value
    return ready


WHEN_FORMATS = ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d"]
SHOWN_WHEN = "%Y-%m-%d %H:%M"


class ChoiceOf(click.Choice):  # type: ignore[type-arg]
    """The keys of a list of choices in one of our modules (a TextChoices class or a dict),
    read only when needed so that `earned --help` does not have to import Django."""

    def __init__(self, name: str, module: str = "earned.ledger.choices") -> None:
        self.source = (module, name)
        super().__init__([])

    @property
    def choices(self) -> tuple[str, ...]:
        import importlib

        module, name = self.source
        found = getattr(importlib.import_module(module), name)
        return tuple(found if isinstance(found, dict) else found.values)

    @choices.setter
    def choices(self, value: object) -> None:
        pass  # click.Choice sets its list in __init__; ours is always read from the source


class WholeNumber(click.ParamType[int]):
    """A whole number from low to high, written −3 or -3 alike."""

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high
        self.name = f"{low}..{high}" if low < 0 else f"{low}-{high}"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        number = whole_number(str(value), self.low, self.high)
        if number is None:
            self.fail(f"please choose a number from {self.low} to {self.high}.", param, ctx)
        return number


class When(click.ParamType[datetime.datetime]):
    name = "'YYYY-MM-DD HH:MM'"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime.datetime:
        found = value if isinstance(value, datetime.datetime) else None
        for pattern in WHEN_FORMATS:
            if found is None:
                with contextlib.suppress(ValueError):
                    found = datetime.datetime.strptime(str(value).strip(), pattern)
        if found is None:
            self.fail("please write it like 2026-03-14 18:30, or just the date.", param, ctx)
        return found


PERCENT = WholeNumber(0, 100)


def escape(text: str) -> str:
    """Text shown through Rich, with any [square brackets] kept as typed, not read as markup."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def in_a_terminal() -> bool:
    return sys.stdin.isatty()


# --- One question ----------------------------------------------------------------------------


def whole_number(text: str, low: int, high: int) -> int | None:
    try:
        value = int(text.strip().replace("−", "-"))
    except ValueError:
        return None
    return value if low <= value <= high else None


def percent(text: str) -> int | None:
    return whole_number(text, 0, 100)


def is_given(value: object) -> bool:
    """Whether a flag was given: 0 and False count; None, "" and an empty list do not."""
    return value is not None and value not in ("", [], ())


def parse_when(text: str) -> datetime.datetime:
    from django.utils import timezone

    return timezone.make_aware(When().convert(text, None, None))


def ask(
    console: Console,
    question: str,
    parse: Callable[[str], Any],
    *,
    options: Sequence[str] = (),
    default: str = "",
    required: bool = False,
    problem: str = "Please choose a number from 0 to 100.",
) -> Any:
    """Ask until the answer makes sense; an empty answer is None unless one is required.
    `parse` returns None (or raises ValueError, IndexError, KeyError or BadParameter) for an
    answer that does not fit, and the question is asked again after a kind word."""
    from rich.prompt import Prompt

    class Question(Prompt):
        prompt_suffix = " "  # our questions end in their own punctuation

    hint = f" ({'/'.join(options)})" if options else ""
    shown_default = f" [{default}]" if default else ""
    if options:
        problem = "Please choose one of: " + ", ".join(options) + "."
    while True:
        text = Question.ask(
            escape(f"{question}{hint}{shown_default}"),
            console=console,
            default=default,
            show_default=False,
        ).strip()
        if not text:
            if not required:
                return None
            console.print("[yellow]This one is needed; a few words are enough.[/yellow]")
            continue
        try:
            value = parse(text.lower() if options else text)
        except (ValueError, IndexError, KeyError, click.BadParameter):
            value = None
        if options and text.lower() not in options:
            value = None
        if value is not None and value != []:
            return value
        console.print(f"[yellow]{escape(problem)}[/yellow]")


def ask_into(
    answers: dict[str, Any],
    name: str,
    console: Console,
    question: str,
    *,
    parse: Callable[[str], Any] = str,
    options: Sequence[str] = (),
    required: bool = False,
) -> None:
    """Ask for one field unless a flag already answered it."""
    if answers.get(name) in (None, ""):
        answers[name] = ask(console, question, parse, options=options, required=required)
