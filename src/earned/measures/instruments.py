"""The questionnaires Earned ships. Only our own: its wording is ours, and it is labelled as not
a validated instrument. Validated instruments' wording is imported, never shipped."""

from __future__ import annotations

from dataclasses import dataclass

from earned.core.measures import Rules


@dataclass(frozen=True)
class Instrument:
    key: str
    title: str
    about: str
    period: str  # the time the questions look back over
    items: tuple[str, ...]
    answers: tuple[str, ...]  # the answer scale's words, lowest first
    rules: Rules
    validated: bool
    every_days: int  # how often it is suggested


PRACTICE = Instrument(
    key="practice",
    title="Weekly practice check-in",
    about=(
        "Five questions we wrote about how safe relationships have felt this week. It is not a "
        "validated questionnaire: it is a way to notice, week by week, and nothing more."
    ),
    period="Over the past week…",
    items=(
        "I felt safe enough to be myself with at least one person.",
        "When someone was slow to reply or seemed distant, I could wait before deciding what it "
        "meant.",
        "I let someone know what I needed.",
        "When someone was there for me, I let it count.",
        "After a hard moment with someone, I was kind to myself.",
    ),
    answers=("Not at all", "A little", "Somewhat", "Mostly", "Completely"),
    rules=Rules(items=5, low=0, high=4),
    validated=False,
    every_days=7,
)

INSTRUMENTS = {PRACTICE.key: PRACTICE}
