"""Robin's reflections over the six months: journal entries (some from our prompts), a few
dialogues between the old critic and a kinder voice, imagery now and then, and interpretation
shifts — more verdicts caught, and believed less, as the months pass. Every sentence is ours.
"""

from __future__ import annotations

import datetime
import random

from earned.accounts.models import User
from earned.ledger.models import Expectation
from earned.reflection import services
from earned.reflection.models import Dialogue, Imagery, JournalEntry, Shift, Turn

JOURNAL = [
    ("noticing-moment", "Jo made tea without asking and left it by the laptop. I nearly "
     "said sorry for being busy. I said thank you instead, and it felt strange and nice."),
    ("noticing-old", "The old feeling came when Lena read my message and didn’t reply. "
     "By lunch I had decided she was annoyed. She had been in a workshop all morning."),
    ("compassion-friend", "If Priya had my week I would tell her she has done enough. "
     "I would tell her to sleep. So: I am going to sleep."),
    ("compassion-hard", "Today was heavy. Mum’s call, the deadline, the quiet flat. "
     "Nothing to fix tonight; just writing it down so it is not only in my head."),
    ("hard-feared", "I feared Jo would say I always make a fuss. What happened: Jo listened, "
     "said it made sense, and asked what would help."),
    ("hard-need", "What I needed was for someone to say it was not my fault. Maybe I can ask "
     "Priya for that directly next time, rather than hoping."),
    ("before-bring", "For Thursday: the way I go quiet when I think someone is disappointed, "
     "and how fast I decide it is about me."),
    ("after-stayed", "In the session I said I had been dreading coming. She didn’t flinch. "
     "She asked what the dread was about. That is still with me."),
    ("evidence-against", "Three times this month I asked for something small and nobody "
     "pulled away. I want to remember that the next time it feels dangerous."),
    ("evidence-showed-up", "Tom drove two hours to help with the shelves. He didn’t make "
     "it a big deal. I keep thinking about that."),
    ("", "A good day, mostly. Coffee with Ana; she said my idea was worth pursuing, and I "
     "believed her for almost an hour."),
    ("", "Woke at four with the old loop: what if they’re all just being polite. Wrote down "
     "the evidence against it and went back to sleep."),
]  # fmt: skip

DIALOGUES = [
    ("Asking for help with the move", [
        (Turn.FIRST, "If you ask them, they will think you can’t cope."),
        (Turn.SECOND, "Everyone needs help moving. Asking is ordinary."),
        (Turn.FIRST, "You always need something."),
        (Turn.SECOND, "I helped Priya last spring. Give and take is how friendship works."),
        (Turn.FIRST, "And if they say no?"),
        (Turn.SECOND, "Then they say no, and we are still friends. I can bear a no."),
    ]),
    ("The mistake in the report", [
        (Turn.FIRST, "Everyone saw it. They know now that you are not good enough."),
        (Turn.SECOND, "Lena saw a typo and fixed it in two minutes."),
        (Turn.FIRST, "It will be remembered."),
        (Turn.SECOND, "She thanked me for the rest of the report. That is remembered too."),
    ]),
    ("When Jo went quiet", [
        (Turn.FIRST, "He is angry with you. You did something."),
        (Turn.SECOND, "He is tired. He said so."),
        (Turn.FIRST, "You should check. You should fix it."),
        (Turn.SECOND, "I can ask once, kindly, and believe the answer."),
    ]),
]  # fmt: skip

IMAGERY_FELT = [
    "Harder to settle than I thought; the garden came back in the end.",
    "My shoulders dropped. I stayed longer than the timer.",
    "The kind presence looked like my old teacher. I cried a little, in a good way.",
    "Rehearsed asking Jo. In the picture I stayed calm when he hesitated.",
]

SHIFTS = [
    ("Lena didn’t reply to my message all morning.", "She thinks my idea is stupid.",
     "She’s in back-to-back meetings.", "She wants to think about it properly."),
    ("Jo was quiet at dinner.", "He’s fed up with me.",
     "He had a long day.", "He is thinking about his brother."),
    ("Priya cancelled our walk.", "She doesn’t really want to see me.",
     "Her son is ill again.", "She is as tired as I am."),
    ("My therapist glanced at the clock.", "I’m boring her.",
     "She is keeping time for both of us.", "She has another client soon; it isn’t about me."),
]  # fmt: skip


def write(
    owner: User,
    start: datetime.datetime,
    days: int,
    rng: random.Random,
    beliefs: list[Expectation],
) -> dict[str, int]:
    counts = {"journal_entries": 0, "dialogues": 0, "imagery": 0, "shifts": 0}
    for number in range(2, days - 1):
        day = start + datetime.timedelta(days=number)
        progress = number / days
        if rng.random() < 0.22:
            prompt, body = rng.choice(JOURNAL)
            about = [rng.choice(beliefs)] if rng.random() < 0.4 else []
            at = day.replace(hour=21, minute=rng.randint(0, 50))
            services.save_entry(owner, JournalEntry(at=at, prompt=prompt, body=body), about)
            counts["journal_entries"] += 1
        if rng.random() < 0.10:
            signal, verdict, *readings = rng.choice(SHIFTS)
            before = rng.randint(70, 90) - int(20 * progress)
            services.save_shift(
                owner,
                Shift(
                    at=day.replace(hour=17),
                    signal=signal,
                    verdict=verdict,
                    reading_1=readings[0],
                    reading_2=readings[1],
                    believable_before=before,
                    believable_after=max(5, before - rng.randint(20, 50)),
                    expectation=beliefs[1],
                ),
            )
            counts["shifts"] += 1
        if rng.random() < 0.08:
            distress = rng.randint(35, 70)
            services.save_imagery(
                owner,
                Imagery(
                    at=day.replace(hour=20),
                    script=rng.choice(["safe-place", "supportive-presence", "calm-response"]),
                    distress_before=distress,
                    distress_after=max(5, distress - rng.randint(5, 30)),
                    felt=rng.choice(IMAGERY_FELT),
                ),
            )
            counts["imagery"] += 1
    for number, (topic, turns) in enumerate(DIALOGUES):
        at = start + datetime.timedelta(days=30 + number * 50, hours=12)
        services.save_dialogue(
            owner,
            Dialogue(at=at, first_voice="The old critic", second_voice="A kinder voice",
                     about=topic),
            turns,
        )  # fmt: skip
        counts["dialogues"] += 1
    return counts
