"""Robin's days: morning check-ins, mid-day notes and evening reviews over the six months.

Robin does not check in every day — some weeks are full, some are quiet — and the mood drifts
up slowly with bad days along the way. Every sentence here is ours.
"""

from __future__ import annotations

import datetime
import random

from earned.accounts.models import User
from earned.rituals import services
from earned.rituals.models import CheckIn

INTENTIONS = [
    "Say what I’d like, once, without apologising.",
    "Take a proper lunch break.",
    "Notice when I start guessing what people think.",
    "Be kind to myself if I get something wrong.",
    "Ask one question instead of assuming.",
    "Stay in the room when it gets awkward.",
]
PREDICTIONS = [
    ("Lena will ignore my idea in the stand-up.", ["did-not", "did-not", "partly", "happened"]),
    ("Jo will be distant this evening.", ["did-not", "partly", "did-not"]),
    ("Priya won’t answer my message today.", ["did-not", "did-not", "happened"]),
    ("Mum will criticise something on the phone.", ["partly", "happened", "did-not"]),
    ("Nobody will notice I’m quiet at work.", ["did-not", "partly", "unsure"]),
]
MIDDAY_WORDS = ["tired", "steady", "wobbly", "okay", "lighter", "tense", "calm", "busy", "hopeful"]
MOMENTS = [
    ("Jo", "partner", "Asked how my day was and really listened", 2),
    ("Jo", "partner", "A short argument about the dishes, then a hug", 0),
    ("Priya", "friend", "Sent me a funny voice note", 2),
    ("Sam", "colleague", "Quiet with me in the morning", -1),
    ("Lena", "colleague", "Thanked me for the report", 1),
    ("Mum", "family", "Long call; some comments I didn’t like", -1),
    ("Tom", "family", "Texted to ask about the weekend", 1),
    ("Ana", "mentor", "Encouraged me to apply", 2),
    ("the group", "group", "Shared a little; people nodded", 1),
]
HELPED = ["A walk at lunch", "Texting Priya", "Breathing out slowly", "Writing things down"]
HINDERED = ["Too little sleep", "Replaying the meeting", "Rushing all day"]
RUPTURES = [
    "Snapped at Jo about the dishes; we talked it through before bed.",
    "Felt dropped when Priya cancelled; she rang later to explain.",
]


def write(owner: User, start: datetime.datetime, days: int, rng: random.Random) -> int:
    """One record per ritual done; returns how many check-ins were written."""
    written = 0
    for number in range(days):
        progress = number / days
        day = start + datetime.timedelta(days=number)
        busy_week = (number // 7) % 5 != 3  # every fifth week or so is a quiet one
        mood = max(-5, min(5, round(-1 + 3 * progress + rng.gauss(0, 1.6))))
        if busy_week and rng.random() < 0.7:
            written += morning(owner, day, mood, progress, rng)
        if busy_week and rng.random() < 0.35:
            services.save_check_in(
                owner,
                CheckIn(
                    kind="midday",
                    at=day.replace(hour=13, minute=rng.randint(0, 50)),
                    mood=max(-5, min(5, mood + rng.randint(-1, 1))),
                    note=rng.choice(MIDDAY_WORDS),
                ),
            )
            written += 1
        if busy_week and rng.random() < 0.55:
            written += evening(owner, day, mood, rng)
    return written


def morning(
    owner: User, day: datetime.datetime, mood: int, progress: float, rng: random.Random
) -> int:
    predicts = rng.random() < 0.5
    services.save_check_in(
        owner,
        CheckIn(
            kind="morning",
            at=day.replace(hour=7, minute=rng.randint(10, 55)),
            mood=mood,
            energy=max(0, min(10, 4 + round(3 * progress) + rng.randint(-2, 2))),
            tension=max(0, min(10, 6 - round(3 * progress) + rng.randint(-2, 2))),
            tension_place=rng.choice(["chest", "stomach", "back", ""]),
            emotions=",".join(rng.sample(["hopeful", "anxious", "calm", "sad", "glad"], 2)),
            note=rng.choice(INTENTIONS),
            prediction=rng.choice(PREDICTIONS)[0] if predicts else None,
        ),
    )
    return 1


def evening(owner: User, day: datetime.datetime, mood: int, rng: random.Random) -> int:
    at = day.replace(hour=21, minute=rng.randint(0, 50))
    lines = [services.Line(*moment) for moment in rng.sample(MOMENTS, rng.randint(1, 3))]
    morning = services.morning_to_close(owner, services.day_of(owner, at))
    outcome = ""
    if morning is not None:
        outcomes = next(o for text, o in PREDICTIONS if text == morning.prediction)
        outcome = rng.choice(outcomes)
    services.save_check_in(
        owner,
        CheckIn(
            kind="evening",
            at=at,
            mood=max(-5, min(5, mood + rng.randint(-1, 1))),
            helped=rng.choice(HELPED),
            hindered=rng.choice(HINDERED) if rng.random() < 0.4 else None,
            rupture_or_repair=rng.choice(RUPTURES) if rng.random() < 0.06 else None,
        ),
        lines=lines,
        closes=morning,
        outcome=outcome,
    )
    return 1
