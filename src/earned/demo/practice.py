"""Robin's ladder: asking for what they need at home, climbed slowly over the last three months.
Once Robin jumped ahead to a harder step and it overwhelmed them; they went back to the smaller
one, and the next attempt at it is planned. Two scripts made from ours, rehearsed with confidence
rising. Every sentence is ours."""

from __future__ import annotations

import datetime

from earned.accounts.models import User
from earned.ledger import services as ledger
from earned.ledger.models import Expectation, Experience
from earned.practice import services
from earned.practice.models import Attempt, Ladder, Rehearsal, Step

STEPS = [
    ("Ask Jo to pass something at dinner, without apologising", 15),
    ("Ask Jo to take the bins out tonight", 30),
    ("Ask Jo for an hour alone on Sunday", 55),
    ("Tell Jo I need more help with the evening routine", 70),
    ("Tell Jo I felt lonely last week", 85),
]
# (step, days before now, likelihood, occurred, peak distress, window, what happened)
ATTEMPTS: list[tuple[int, int, int, int, int, str, str]] = [
    (0, 84, 70, 10, 35, "within", "Jo passed the salt and kept talking. Nothing happened at all."),
    (0, 77, 60, 0, 25, "within", "Easy, almost. I noticed I wanted to say sorry and didn’t."),
    (1, 63, 75, 20, 45, "within", "Jo sighed a little, then took them out. Later said thanks."),
    (1, 56, 65, 5, 35, "within", "Jo said sure and did it before I finished the sentence."),
    (3, 42, 85, 60, 88, "above", "Jo looked tired and said not now. I went quiet for hours."),
    (2, 28, 70, 10, 40, "within", "Jo said of course, and took the kids to the park."),
]


def write(owner: User, now: datetime.datetime, beliefs: list[Expectation]) -> dict[str, int]:
    ladder = services.save_ladder(
        owner,
        Ladder(goal="Ask for what I need at home", value="closeness without keeping score",
               created_at=now - datetime.timedelta(days=90)),
        [beliefs[0]],
    )  # fmt: skip
    steps = [
        services.add_step(owner, ladder, Step(description=text, expected_distress=distress))
        for text, distress in STEPS
    ]
    attempts = [
        _attempt(
            owner,
            steps[step],
            beliefs[0],
            now - datetime.timedelta(days=ago),
            likelihood,
            occurred,
            distress,
            window,
            happened,
        )
        for step, ago, likelihood, occurred, distress, window, happened in ATTEMPTS
    ]
    for climbed, days_ago in ((0, 70), (1, 50)):
        services.climb(owner, steps[climbed])
        Step.objects.filter(pk=steps[climbed].pk).update(
            climbed_at=now - datetime.timedelta(days=days_ago)
        )
    attempts[4].to_adjust = "Pick a calmer evening. This one was a big jump; go smaller first."
    services.save_attempt(owner, attempts[4])
    coming = Experience(
        situation=STEPS[2][0], feared="Jo says it’s not a good time.", likelihood=55,
        happens_at=now + datetime.timedelta(days=4, hours=2),
    )  # fmt: skip
    upcoming = services.plan_attempt(
        owner, steps[2], coming, expectations=[beliefs[0]],
        coping_plan="Breathe out slowly; remember the park.",
    )  # fmt: skip
    need = services.copy_starter(owner, "need-small")
    need.title, need.request = "An hour to myself", "Could you have the kids for an hour on Sunday?"
    services.save_script(owner, need)
    services.copy_starter(owner, "repair-after")
    for days_ago, before, after, attempt in (
        (35, 3, 5, None),
        (30, 4, 6, None),
        (2, 5, 8, upcoming),
    ):
        services.save_rehearsal(
            owner,
            Rehearsal(script=need, at=now - datetime.timedelta(days=days_ago), mode="alone",
                      confidence_before=before, confidence_after=after, attempt=attempt),
        )  # fmt: skip
    return {"ladders": 1, "attempts": len(attempts) + 1, "scripts": 2, "rehearsals": 3}


def _attempt(
    owner: User,
    step: Step,
    belief: Expectation,
    when: datetime.datetime,
    likelihood: int,
    occurred: int,
    distress: int,
    window: str,
    happened: str,
) -> Attempt:
    experience = Experience(
        situation=step.description, feared="Jo gets irritated, and I feel like a burden.",
        likelihood=likelihood, happens_at=when, created_at=when - datetime.timedelta(days=1),
    )  # fmt: skip
    attempt = services.plan_attempt(owner, step, experience, expectations=[belief])
    experience.happened, experience.occurred = happened, occurred
    experience.peak_distress, experience.window, experience.felt = distress, window, True
    ledger.save_experience(owner, experience, finish=True)
    Attempt.objects.filter(pk=attempt.pk).update(created_at=experience.created_at)
    return attempt
