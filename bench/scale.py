"""Ten years of a very engaged person's entries — about 60,000 — for timing search and insights.

The sentences come from the demo's own libraries; each entry also gets a few words drawn from a
larger vocabulary with Zipf-like weights, so that, as in real writing, a few words are in
thousands of entries and most are in a handful. Written with bulk inserts (still encrypted field
by field), then indexed in one rebuild, which is timed too.
"""

from __future__ import annotations

import datetime
import itertools
import random
from collections.abc import Callable
from typing import Any

YEARS = 10
# Entries per day, by kind: about 16 a day, 59,000 in ten years.
PER_DAY = {
    "check_ins": 3.0,
    "experiences": 5.0,
    "journal": 4.0,
    "shifts": 2.0,
    "imagery": 1.5,
    "dialogues": 0.7,
}
VOCABULARY = 6000
EXTRA_WORDS = 8
BATCH = 2000

# Words for the benchmark to look for, by how many entries hold them.
NAMES = ["Jo", "Priya", "Lena", "Mum", "Tom", "Ana"]
KINDS = ["quiet", "distance", "placating", "blame", "anger", "control"]


def vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    syllables = ["ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "pi", "an", "est", "ul"]
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    ordered = sorted(words)
    rng.shuffle(ordered)
    weights = [1 / (rank + 1) for rank in range(len(ordered))]
    return ordered, weights


def write(
    owner: Any, now: datetime.datetime, rng: random.Random, years: float = YEARS
) -> dict[str, int]:
    from earned.demo import days, reflections, story
    from earned.ledger.choices import APPROACH, AVOIDANCE
    from earned.ledger.models import Expectation, Experience, Rating, Tested
    from earned.reflection.models import Dialogue, Imagery, JournalEntry, Shift, Turn
    from earned.relationships.models import Person, Repair, Rupture
    from earned.rituals.models import CheckIn

    words, weights = vocabulary(rng)

    def detail() -> str:
        return " ".join(rng.choices(words, weights, k=EXTRA_WORDS)) + "."

    def moment() -> str:
        who, _, what, _ = rng.choice(days.MOMENTS)
        return f"{who}: {what}."

    start = now - datetime.timedelta(days=365 * years)
    span = (now - start).total_seconds()

    def when() -> datetime.datetime:
        return start + datetime.timedelta(seconds=rng.random() * span)

    def many(kind: str) -> range:
        return range(int(PER_DAY[kind] * 365 * years))

    expectations = [
        Expectation(owner=owner, text=belief.text, wound=belief.wound, created_at=start)
        for belief in story.BELIEFS
    ]
    Expectation.objects.bulk_create(expectations)
    counts = {"expectations": len(expectations)}
    people = [
        Person(owner=owner, name=name, role=rng.choice(["partner", "friend", "family"]))
        for name in NAMES
    ]
    Person.objects.bulk_create(people)
    months = max(1, round(years * 12))
    Rating.objects.bulk_create(
        Rating(
            owner=owner, expectation=expectation, feels_true=rng.randint(30, 90),
            think_true=rng.randint(10, 60), rated_at=start + datetime.timedelta(days=30 * month),
        )
        for expectation in expectations
        for month in range(months)
    )  # fmt: skip
    responses = [*APPROACH, *AVOIDANCE]

    def check_in(number: int) -> CheckIn:
        kind = ("morning", "midday", "evening")[number % 3]
        at = when()
        evening = kind == "evening"
        return CheckIn(
            owner=owner, kind=kind, day=at.date(), at=at, mood=rng.randint(-5, 5),
            energy=rng.randint(0, 10),
            note=rng.choice(days.MIDDAY_WORDS if kind == "midday" else days.INTENTIONS),
            prediction=rng.choice(days.PREDICTIONS)[0] if kind == "morning" else None,
            helped=f"{rng.choice(days.HELPED)}. {moment()} {detail()}" if evening else None,
            hindered=rng.choice(days.HINDERED) if evening else None,
        )  # fmt: skip

    def experience(number: int) -> Experience:
        scene = rng.choice(story.SCENES)
        at = when()
        return Experience(
            owner=owner, status="done", happens_at=at, created_at=at, context=scene.context,
            who=scene.who,
            situation=scene.situation, feared=scene.feared, likelihood=rng.randint(40, 95),
            happened=f"{rng.choice([scene.went_well, scene.went_partly, scene.went_hard])} "
            f"{detail()}",
            occurred=rng.randint(0, 100), learned=rng.choice(story.LEARNED_WELL),
            peak_distress=rng.randint(10, 90), window=rng.choice(["below", "within", "above"]),
            felt=rng.random() < 0.7, responses=",".join(rng.sample(responses, 2)),
            explained_away=rng.choice(["no", "partly", "yes"]),
            person=rng.choice(people) if rng.random() < 0.6 else None,
        )  # fmt: skip

    def journal(number: int) -> JournalEntry:
        prompt, body = rng.choice(reflections.JOURNAL)
        return JournalEntry(owner=owner, at=when(), prompt=prompt, body=f"{body}\n{detail()}")

    def shift(number: int) -> Shift:
        signal, verdict, first, second = rng.choice(reflections.SHIFTS)
        return Shift(
            owner=owner, at=when(), signal=signal, verdict=verdict, reading_1=first,
            reading_2=second, information=detail(), believable_before=rng.randint(30, 90),
        )  # fmt: skip

    def imagery(number: int) -> Imagery:
        return Imagery(
            owner=owner, at=when(), script=rng.choice(["safe-place", "calm-response"]),
            felt=rng.choice(reflections.IMAGERY_FELT), note=detail(),
        )  # fmt: skip

    def dialogue(number: int) -> Dialogue:
        about, _ = rng.choice(reflections.DIALOGUES)
        return Dialogue(
            owner=owner, at=when(), first_voice="The old critic",
            second_voice="A kinder voice", about=about,
        )  # fmt: skip

    makers: list[tuple[str, Any, Callable[[int], Any]]] = [
        ("check_ins", CheckIn, check_in),
        ("experiences", Experience, experience),
        ("journal", JournalEntry, journal),
        ("shifts", Shift, shift),
        ("imagery", Imagery, imagery),
        ("dialogues", Dialogue, dialogue),
    ]
    for name, model, make in makers:
        made = (make(number) for number in many(name))
        counts[name] = 0
        while batch := list(itertools.islice(made, BATCH)):
            model.objects.bulk_create(batch)
            counts[name] += len(batch)
    turns = [
        Turn(owner=owner, dialogue=each, position=position, voice=voice, text=text)
        for each in Dialogue.objects.filter(owner=owner).only("id")
        for position, (voice, text) in enumerate(rng.choice(reflections.DIALOGUES)[1])
    ]
    Turn.objects.bulk_create(turns, batch_size=BATCH)
    # Each experience tests one or two expectations.
    tested = (
        Tested(owner=owner, experience_id=experience_id, expectation=expectation)
        for experience_id in Experience.objects.filter(owner=owner).values_list("id", flat=True)
        for expectation in rng.sample(expectations, rng.choice([1, 2]))
    )
    while batch := list(itertools.islice(tested, BATCH)):
        Tested.objects.bulk_create(batch)
    # About two ruptures a month, most repaired within days.
    ruptures = [
        Rupture(owner=owner, person=rng.choice(people), at=when(), kind=rng.choice(KINDS),
                intensity=rng.randint(1, 5))
        for _ in range(months * 2)
    ]  # fmt: skip
    Rupture.objects.bulk_create(ruptures)
    Repair.objects.bulk_create(
        Repair(owner=owner, rupture=rupture, what="We talked it through.",
               at=rupture.at + datetime.timedelta(hours=rng.randint(1, 24 * 10)))
        for rupture in ruptures
        if rng.random() < 0.8
    )  # fmt: skip
    counts["ruptures"] = len(ruptures)
    return counts
