"""`earned log`: an experience from the terminal, asked for step by step or given in flags.

Whatever arrives, by prompt or by flag, is saved by the same service as the browser's “log a
past one”, so the rules and the messages are the same in both places.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from earned.cli import fail
from earned.cli.asking import (
    PERCENT,
    SHOWN_WHEN,
    ChoiceOf,
    When,
    ask,
    ask_into,
    escape,
    given,
    in_a_terminal,
    parse_when,
    percent,
    refusing,
)
from earned.cli.passphrase import for_the_person

if TYPE_CHECKING:  # Django is imported only once it is set up
    from rich.console import Console

    from earned.accounts.models import User
    from earned.ledger.models import Expectation, Experience
    from earned.ledger.services import NamedEmotion


# The flag that carries each field of an experience, for messages; the rest are --field-name.
FLAGS = {
    "feared": "--expected",
    "peak_distress": "--distress",
    "happens_at": "--when",
    "next_action": "--next",
    "body_sensation": "--body",
    "expectations": "--expectation",
    "responses": "--response",
}


@click.command()
@click.option(
    "--expectation",
    "-e",
    "expectation_refs",
    multiple=True,
    help="An expectation it tested: its id (or the start of it) or a few words from it. "
    "Repeat for more than one.",
)
@click.option("--situation", help="What the situation was.")
@click.option("--when", type=When(), help="When it was [default: now].")
@click.option("--context", type=ChoiceOf("Context"), help="Who it was with.")
@click.option("--who", help="Their name, or a word for them.")
@click.option("--expected", "feared", help="What you feared would happen.")
@click.option("--likelihood", type=PERCENT, help="How likely it felt beforehand.")
@click.option("--expected-distress", type=PERCENT, help="How hard you expected it to be.")
@click.option("--safety-behaviours", help="A safety behaviour you meant to drop.")
@click.option("--support", help="Who or what could support you.")
@click.option("--happened", help="What actually happened.")
@click.option("--occurred", type=PERCENT, help="How much of the feared outcome happened.")
@click.option("--distress", "peak_distress", type=PERCENT, help="Peak distress.")
@click.option("--window", type=ChoiceOf("Window"), help="Your window of tolerance.")
@click.option(
    "--felt/--observed",
    default=None,
    help="Felt it in your body, or mostly watched it from a distance.",
)
@click.option(
    "--emotion",
    "emotion_words",
    multiple=True,
    metavar="WORD[=0-100]",
    help="A feeling, from our list or your own word, with how strong (like anxious=70).",
)
@click.option("--body-place", type=ChoiceOf("BodyPlace"), help="Where in your body.")
@click.option("--body", "body_sensation", help="What it felt like there.")
@click.option(
    "--response", "responses", type=ChoiceOf("RESPONSES"), multiple=True, help="How you responded."
)
@click.option("--helped", help="What helped.")
@click.option("--hindered", help="What got in the way.")
@click.option(
    "--explained-away",
    type=ChoiceOf("ExplainedAway"),
    help="Whether part of you explained it away.",
)
@click.option("--explained-away-how", help="How it explained it away.")
@click.option("--learned", help="What you learned, or want to remember.")
@click.option("--next", "next_action", help="A next small step.")
@click.option("--feels-true", type=PERCENT, help="Re-rate the expectation(s): feels true now.")
@click.option("--think-true", type=PERCENT, help="Re-rate the expectation(s): think true now.")
@for_the_person()
def log(
    user: User,
    expectation_refs: tuple[str, ...],
    when: datetime.datetime | None,
    emotion_words: tuple[str, ...],
    responses: tuple[str, ...],
    feels_true: int | None,
    think_true: int | None,
    **answers: Any,
) -> None:
    """Log an experience: what you expected, and what actually happened.

    In a terminal, without --situation, you are asked step by step (Enter skips anything
    optional). For scripts, give everything as flags; --situation, --happened and --occurred
    are needed.
    """
    import zoneinfo

    from django.utils import timezone

    timezone.activate(zoneinfo.ZoneInfo(user.timezone))
    if (feels_true is None) != (think_true is None):
        fail("Give both --feels-true and --think-true to re-rate, or neither.")
    emotions = [parse_emotion(text, "--emotion") for text in emotion_words]
    tested = [find_expectation(user, reference) for reference in expectation_refs]
    answers["happens_at"] = timezone.make_aware(when) if when else None
    answers["responses"] = list(responses)
    if not answers["situation"] and in_a_terminal():
        ask_step_by_step(user, answers, tested, emotions, feels_true, think_true)
        return
    if not answers["situation"]:
        fail("Say what the situation was with --situation (or run `earned log` in a terminal).")
    experience = save(user, answers, tested, emotions, finish=True)
    rating = (feels_true, think_true) if feels_true is not None and think_true is not None else None
    rerate(user, experience, tested, rating)
    report(experience, rated=rating is not None)


# --- Reading what was given ------------------------------------------------------------------


def parse_emotion(text: str, where: str) -> NamedEmotion:
    """'anxious=70', 'anxious 70' or 'anxious' (middling), from our list or their own word."""
    from earned.ledger.choices import emotion_key
    from earned.ledger.services import NamedEmotion

    word, _, strength = text.replace("=", " ").strip().rpartition(" ")
    word = word.strip()
    if not word or not strength.isdigit():
        word, strength = text.strip(), "50"
    if not word or int(strength) > 100:
        fail(f"{where}: write a feeling and, if you like, how strong from 0 to 100 (anxious=70).")
    if len(word) > 60:
        fail(f"{where}: a feeling word of up to 60 characters, please.")
    key = emotion_key(word)
    return NamedEmotion(key, "" if key else word, int(strength))


def find_expectation(user: User, reference: str) -> Expectation:
    """By id (or its first characters) or by words from its text, among the active ones."""
    from earned.ledger.services import active_expectations

    wanted = reference.strip().lower()
    candidates = list(active_expectations(user))
    by_id = [each for each in candidates if len(wanted) >= 4 and str(each.pk).startswith(wanted)]
    found = by_id or [each for each in candidates if wanted and wanted in str(each.text).lower()]
    if not found:
        fail(
            f"No expectation matches {reference!r}. "
            "`earned expectations` lists them with their ids."
        )
    if len(found) > 1:
        fail(
            f"{reference!r} matches {len(found)} expectations; use more words, or the id from "
            "`earned expectations`."
        )
    return found[0]


def save(
    user: User,
    answers: dict[str, Any],
    tested: Sequence[Expectation],
    emotions: Sequence[NamedEmotion],
    *,
    finish: bool,
) -> Experience:
    from django.utils import timezone

    from earned.ledger import services
    from earned.ledger.models import Experience

    answers.setdefault("happens_at", None)
    if answers["happens_at"] is None:
        answers["happens_at"] = timezone.localtime().replace(second=0, microsecond=0)
    experience = Experience(**given(answers))
    with refusing(FLAGS):
        return services.log_experience(
            user, experience, expectations=tested, emotions=emotions, finish=finish
        )


def rerate(
    user: User,
    experience: Experience,
    tested: Sequence[Expectation],
    rating: tuple[int, int] | None,
) -> None:
    from earned.ledger import services

    if rating is not None:
        for expectation in tested:
            services.rate(
                user, expectation, feels_true=rating[0], think_true=rating[1], experience=experience
            )


def report(experience: Experience, *, rated: bool) -> None:
    from django.utils import timezone

    when = timezone.localtime(experience.happens_at).strftime(SHOWN_WHEN)
    click.echo(f"Logged {when}: {experience.situation}")
    expected = experience.feared or "(not written down)"
    if experience.likelihood is not None:
        expected += f" — it felt {experience.likelihood}% likely"
    click.echo(f"  Expected: {expected}")
    click.echo(f"  Happened: {experience.happened} — {experience.occurred}% of what you feared")
    if experience.violation is not None:
        click.echo(f"  Difference: {experience.difference}")
    if rated:
        click.echo("  Re-rated. However it feels now is the right answer.")


# --- Step by step ----------------------------------------------------------------------------


def ask_step_by_step(
    user: User,
    answers: dict[str, Any],
    tested: list[Expectation],
    emotions: list[NamedEmotion],
    feels_true: int | None,
    think_true: int | None,
) -> None:
    """Ask for what the flags left out. Stopping half-way (Ctrl+C) keeps a draft."""
    from rich.console import Console

    console = Console(highlight=False)
    console.print(
        "[bold]Log an experience[/bold] — what you expected, and what actually happened.\n"
        "Press Enter to skip anything optional; Ctrl+C stops, keeping what you typed as a draft.\n"
    )
    try:
        ask_before(console, user, answers, tested)
        ask_after(console, answers, emotions)
    except (KeyboardInterrupt, EOFError):
        console.print()
        if not answers.get("situation"):
            fail("Stopped; nothing was saved.")
        experience = save(user, answers, tested, emotions, finish=False)
        console.print(
            "Stopped. What you typed is saved as a draft: finish it in the app, under "
            f"Experiences ({str(experience.pk)[:8]})."
        )
        return
    experience = save(user, answers, tested, emotions, finish=True)
    console.print()
    report(experience, rated=False)
    ask_about_discounting(console, experience)
    if feels_true is not None and think_true is not None:
        rerate(user, experience, tested, (feels_true, think_true))
    else:
        ask_for_rerating(console, user, experience, tested)


def ask_before(
    console: Console, user: User, answers: dict[str, Any], tested: list[Expectation]
) -> None:
    from django.utils import timezone

    from earned.ledger.choices import Context
    from earned.ledger.services import active_expectations

    candidates = list(active_expectations(user))
    if candidates and not tested:
        console.print("Your expectations:")
        for number, expectation in enumerate(candidates, start=1):
            console.print(f"  {number}. {escape(str(expectation.text))}")
        tested.extend(
            ask(
                console,
                "Which did it test? Numbers, separated by spaces",
                lambda text: [candidates[int(n) - 1] for n in text.replace(",", " ").split()],
                problem=f"Please give numbers from 1 to {len(candidates)}.",
            )
            or []
        )
    ask_into(answers, "situation", console, "What was the situation?", required=True)
    if answers.get("happens_at") is None:
        answers["happens_at"] = ask(
            console,
            "When? (YYYY-MM-DD HH:MM)",
            parse_when,
            default=timezone.localtime().strftime(SHOWN_WHEN),
            problem="Please write the date and time like 2026-03-14 18:30.",
        )
    ask_into(answers, "context", console, "Who was it with?", options=Context.values)
    ask_into(answers, "who", console, "Their name, or a word for them (optional):")
    ask_into(answers, "feared", console, "Beforehand, what did you fear would happen?")
    ask_into(answers, "likelihood", console, "How likely did it feel? (0–100)", parse=percent)


def ask_after(console: Console, answers: dict[str, Any], emotions: list[NamedEmotion]) -> None:
    from earned.ledger.choices import APPROACH, AVOIDANCE, EMOTION_GROUPS, BodyPlace, Window

    ask_into(answers, "happened", console, "What actually happened?", required=True)
    ask_into(
        answers,
        "occurred",
        console,
        "How much of what you feared actually happened? (0 none – 100 all of it)",
        parse=percent,
        required=True,
    )
    ask_into(
        answers, "peak_distress", console, "At its hardest, how distressed? (0–100)", parse=percent
    )
    if answers.get("felt") is None:
        answers["felt"] = ask(
            console,
            "Did you feel it in your body, or mostly watch it happen?",
            lambda text: {"felt": True, "watched": False}[text],
            options=["felt", "watched"],
        )
    more = ask(
        console,
        "Add more (feelings, window of tolerance, body, what helped, what you learned)?",
        lambda text: text in ("y", "yes"),
        options=["yes", "no"],
        default="no",
    )
    if not more:
        return
    ask_into(
        answers,
        "window",
        console,
        "Where were you, in your window of tolerance?",
        options=Window.values,
    )
    if not emotions:
        for group, words in EMOTION_GROUPS.items():
            console.print(f"  [dim]{group}:[/dim] {', '.join(words.values()).lower()}")
        emotions.extend(
            ask(
                console,
                "Feelings, with how strong (like: anxious 70, relieved 40)",
                lambda text: [parse_emotion(part, "Feelings") for part in text.split(",")],
            )
            or []
        )
    ask_into(answers, "body_place", console, "Where in your body?", options=BodyPlace.values)
    ask_into(answers, "body_sensation", console, "What did it feel like there?")
    if not answers.get("responses"):
        console.print(f"  [dim]Moving towards:[/dim] {', '.join(APPROACH)}")
        console.print(f"  [dim]Protecting yourself:[/dim] {', '.join(AVOIDANCE)}")
        answers["responses"] = ask(
            console,
            "How did you respond? (words from the list, separated by spaces)",
            parse_responses,
            problem="Please use words from the two lists above.",
        )
    for name, question in (
        ("helped", "What helped?"),
        ("hindered", "What got in the way?"),
        ("learned", "What did you learn, or want to remember?"),
        ("next_action", "A next small step?"),
    ):
        ask_into(answers, name, console, question)


def ask_about_discounting(console: Console, experience: Experience) -> None:
    from earned.ledger.choices import ExplainedAway
    from earned.ledger.services import asks_about_discounting, note_explained_away

    if not asks_about_discounting(experience):
        return
    console.print(
        "\nThis went better than you feared. Sometimes a part of us quietly says it doesn’t "
        "count (“they were only being polite”). Is anything like that going on?"
    )
    answer = ask(console, "Explained it away?", str, options=ExplainedAway.values)
    if answer:
        how = ask(console, "What does it say?", str) if answer != ExplainedAway.NO else None
        note_explained_away(experience.owner, experience, answer, how)


def ask_for_rerating(
    console: Console, user: User, experience: Experience, tested: Sequence[Expectation]
) -> None:
    from earned.ledger import services

    for expectation in tested:
        latest = expectation.ratings.order_by("rated_at").last()
        console.print(f"\nNow, how true does it feel? “{escape(str(expectation.text))}”")
        if latest:
            console.print(
                f"[dim]Last time: {latest.feels_true}% feels true, "
                f"{latest.think_true}% think true.[/dim]"
            )
        feels = ask(console, "Feels true now (0–100)", percent)
        if feels is None:
            continue
        think = ask(console, "Think it's true now (0–100)", percent, required=True)
        services.rate(user, expectation, feels_true=feels, think_true=think, experience=experience)
        console.print("Re-rated. However it feels now is the right answer.")


def parse_responses(text: str) -> list[str] | None:
    from earned.ledger.choices import RESPONSES

    keys = text.replace(",", " ").split()
    return keys if all(key in RESPONSES for key in keys) else None
