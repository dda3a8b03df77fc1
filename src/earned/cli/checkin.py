"""`earned checkin`: the day's rituals from the terminal, asked for or given in flags.

The answers are saved by the browser's own service, so the rules and messages are the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from earned.cli import fail
from earned.cli.asking import (
    ChoiceOf,
    WholeNumber,
    ask,
    ask_into,
    escape,
    given,
    in_a_terminal,
    is_given,
    refusing,
    whole_number,
)
from earned.cli.passphrase import for_the_person

if TYPE_CHECKING:
    from rich.console import Console

    from earned.accounts.models import User
    from earned.rituals.models import CheckIn

RITUALS = "earned.rituals.choices"
# The flag that carries each field, for messages, where it is not --field-name.
FLAGS = {
    "morning": {"note": "--intention", "tension_place": "--where", "own_words": "--feeling"},
    "midday": {"note": "--word"},
    "evening": {"rupture_or_repair": "--rupture"},
}
FELT_WORDS = {"hard": -2, "uneasy": -1, "neither": 0, "okay": 1, "good": 2}


@click.command()
@click.argument("kind", required=False, type=click.Choice(["morning", "midday", "evening"]))
@click.option("--mood", type=WholeNumber(-5, 5), help="−5 very low … +5 very good.")
@click.option("--energy", type=WholeNumber(0, 10), help="Morning: 0 empty … 10 full.")
@click.option("--tension", type=WholeNumber(0, 10), help="Morning: 0 loose … 10 very tight.")
@click.option("--where", "tension_place", type=ChoiceOf("BodyPlace"), help="Where the tension is.")
@click.option(
    "--feeling", "feelings", multiple=True, help="Morning: a feeling, ours or your own word."
)
@click.option("--intention", help="Morning: an intention for today.")
@click.option("--prediction", help="Morning: a small prediction about someone today.")
@click.option("--word", help="Mid-day: one word for right now.")
@click.option(
    "--outcome",
    "prediction_outcome",
    type=ChoiceOf("PredictionOutcome", RITUALS),
    help="Evening: did the morning's prediction happen?",
)
@click.option(
    "--moment",
    "moments",
    multiple=True,
    metavar="'WHO: WHAT'",
    help="Evening: a moment with someone, like 'Jo: asked about my day'. Repeat for more.",
)
@click.option("--helped", help="Evening: what helped today.")
@click.option("--hindered", help="Evening: what got in the way.")
@click.option("--rupture", "rupture_or_repair", help="Evening: a rupture or a repair, if any.")
@for_the_person()
def checkin(
    user: User,
    kind: str | None,
    feelings: tuple[str, ...],
    intention: str | None,
    word: str | None,
    moments: tuple[str, ...],
    **answers: Any,
) -> None:
    """Check in: KIND is morning, midday or evening (by default, the one for the time of day).

    In a terminal, without flags, you are asked (Enter skips anything). Today's morning check-in
    or evening review is changed rather than written twice; mid-day notes may be many.
    """
    import zoneinfo

    from django.utils import timezone

    from earned.core.clock import part_of_day

    timezone.activate(zoneinfo.ZoneInfo(user.timezone))
    kind = kind or {"morning": "morning", "afternoon": "midday"}.get(
        part_of_day(timezone.localtime().hour), "evening"
    )
    answers["note"] = intention if kind == "morning" else word
    answers.update(split_feelings(feelings))
    lines = [parse_moment(text) for text in moments]
    answered = any(map(is_given, answers.values())) or bool(lines)
    if not answered and in_a_terminal():
        from rich.console import Console

        console = Console(highlight=False)
        try:
            ask_for(console, user, kind, answers, lines)
        except (KeyboardInterrupt, EOFError):
            console.print()
            fail("Stopped; nothing was saved.")
    if not answered and not in_a_terminal():
        fail("Give at least one answer as a flag, like --mood 2 (or run it in a terminal).")
    saved = save(user, kind, answers, lines)
    click.echo(f"Noted: {saved.get_kind_display().lower()} for {saved.day:%A %d %B}.")


def split_feelings(feelings: tuple[str, ...]) -> dict[str, Any]:
    """Feeling words into our keys and the person's own words."""
    from earned.ledger.choices import emotion_key

    words = [text.strip() for text in feelings if text.strip()]
    own = [word for word in words if not emotion_key(word)]
    return {
        "emotions": [key for key in map(emotion_key, words) if key],
        "own_words": ", ".join(own) or None,
    }


def parse_moment(text: str) -> Any:
    from earned.rituals.services import Line

    who, colon, what = text.partition(":")
    if not colon:
        who, what = "", text
    felt = None
    for name, value in FELT_WORDS.items():
        if what.rstrip().lower().endswith(f"({name})"):
            what, felt = what.rstrip()[: -len(name) - 2], value
    if not (who.strip() or what.strip()):
        fail("--moment: write who and what happened, like 'Jo: asked about my day'.")
    return Line(who.strip()[:80], "", what.strip()[:300], felt)


def number(low: int, high: int) -> Any:
    """A parser for a whole number from low to high, for a question."""
    return lambda text: whole_number(text, low, high)


def save(user: User, kind: str, answers: dict[str, Any], lines: list[Any]) -> CheckIn:
    from django.utils import timezone

    from earned.rituals import services
    from earned.rituals.choices import Kind
    from earned.rituals.models import ASKED, CheckIn

    day = services.day_of(user)
    existing = None if kind == "midday" else services.of_the_day(user, kind, day)
    # What was written before today stays unless an answer replaces it.
    check_in = existing or CheckIn(kind=kind, at=timezone.now())
    for name, value in given(answers).items():
        if name in ASKED[Kind(kind)]:
            setattr(check_in, name, value)
    morning = services.morning_to_close(user, day) if kind == "evening" else None
    with refusing(FLAGS[kind]):
        return services.save_check_in(
            user,
            check_in,
            lines=lines if kind == "evening" and lines else None,
            closes=morning if answers.get("prediction_outcome") else None,
            outcome=answers.get("prediction_outcome") or "",
        )


def ask_for(
    console: Console, user: User, kind: str, answers: dict[str, Any], lines: list[Any]
) -> None:
    """Ask for a check-in of this kind, a question at a time."""
    from earned.rituals import services
    from earned.rituals.choices import Kind, PredictionOutcome
    from earned.rituals.services import Line

    console.print(f"[bold]{Kind(kind).label}[/bold] — press Enter to skip anything.\n")
    answers["mood"] = ask(
        console, "Mood, from −5 (very low) to +5 (very good)?", number(-5, 5),
        problem="Please choose a number from −5 to +5.",
    )  # fmt: skip
    if kind == "morning":
        answers["energy"] = ask(console, "Energy, 0 to 10?", number(0, 10),
                                problem="Please choose a number from 0 to 10.")  # fmt: skip
        answers["tension"] = ask(console, "Tension in your body, 0 to 10?", number(0, 10),
                                 problem="Please choose a number from 0 to 10.")  # fmt: skip
        feelings = ask(console, "Any feelings? (words, separated by commas)", str)
        answers.update(split_feelings(tuple((feelings or "").split(","))))
        ask_into(answers, "note", console, "An intention for today?")
        ask_into(answers, "prediction", console, "A small prediction about someone today?")
    elif kind == "midday":
        ask_into(answers, "note", console, "One word for right now?")
    else:
        morning = services.morning_to_close(user, services.day_of(user))
        if morning is not None:
            console.print(f"This morning you predicted: “{escape(str(morning.prediction))}”")
            answers["prediction_outcome"] = ask(
                console, "Did it happen?", str, options=PredictionOutcome.values
            )
        console.print("Today's moments with people (Enter on its own when done).")
        while True:
            who = ask(console, "  Who?", str)
            if who is None:
                break
            what = ask(console, "  What happened, in a line?", str) or ""
            felt = ask(console, "  How did it feel?", FELT_WORDS.get, options=list(FELT_WORDS))
            lines.append(Line(who[:80], "", what[:300], felt))
        ask_into(answers, "helped", console, "What helped today?")
        ask_into(answers, "hindered", console, "What got in the way?")
        ask_into(answers, "rupture_or_repair", console, "A rupture or a repair, if there was one?")
