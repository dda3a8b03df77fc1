"""The people in Robin's six months: Jo, Priya, Mum, Lena and the therapist — how safe each
has felt over time, the moments they showed up, and the ruptures between them and Robin, most
of them repaired, one still open. Robin's experiences are linked to the people they were with.
Every sentence is ours."""

from __future__ import annotations

import datetime
import random

from earned.access import owned
from earned.accounts.models import User
from earned.ledger.models import Experience
from earned.relationships import services
from earned.relationships.models import Person, Repair, Rupture

# name, role, safe ally, felt safety at the start and at the end, presence moments per month
PEOPLE = [
    ("Jo", "partner", True, 55, 75, 3.0),
    ("Priya", "friend", True, 70, 85, 2.0),
    ("Mum", "family", False, 35, 40, 0.5),
    ("Lena", "colleague", False, 40, 55, 0.7),
    ("my therapist", "therapist", True, 50, 80, 1.5),
]
# person, days from the start, kind, setting, intensity, trigger, my part, their part,
# then the repair: days after, who started it, what, outcome (None: still open)
RUPTURES = [
    ("Jo", 25, "anger", "life", 3, "The dishes, again, after a long day.",
     "I snapped before saying I was exhausted.", "Jo rolled their eyes.",
     (0.2, "both", "We talked it through before bed, and laughed about the mugs.", "repaired")),
    ("Priya", 60, "distance", "life", 2, "She cancelled our walk the same morning.",
     "I went quiet for two days and told myself she was bored of me.", "She forgot to explain.",
     (2, "them", "She rang to say her son was ill, and asked to rearrange.", "repaired")),
    ("my therapist", 95, "quiet", "therapy", 3, "She looked at the clock while I was talking.",
     "I stopped talking and said it was fine.", "She moved on without noticing.",
     (7, "me", "I told her at the next session that it had stung. She thanked me.", "repaired")),
    ("Mum", 140, "blame", "life", 4, "A comment about my job on the phone.",
     "I hung up quickly.", "She said I never listen.",
     (5, "me", "I sent a short, kind message. She answered about the weather.", "partly")),
    ("Jo", 170, "quiet", "life", 2, "Jo was distant after a hard day at work.",
     "I assumed it was about me and kept my distance too.", "Jo didn't say what was wrong.",
     None),
]  # fmt: skip
SHOWED = ["kept", "reached", "stayed"]


def write(
    owner: User, start: datetime.datetime, now: datetime.datetime, rng: random.Random
) -> dict[str, int]:
    days = (now - start).days
    found: dict[str, Person] = {}
    presence = 0
    for name, role, ally, first, last, monthly in PEOPLE:
        person = services.save_person(owner, Person(name=name, role=role, safe_ally=ally,
                                                    created_at=start))  # fmt: skip
        found[name] = person
        end = now
        for month in range(days // 30 + 1):
            progress = min(1.0, month * 30 / days)
            felt = round(first + (last - first) * progress + rng.gauss(0, 4))
            when = min(end, start + datetime.timedelta(days=month * 30 + rng.randint(0, 20)))
            services.rate_safety(owner, person, max(0, min(100, felt)), at=when)
            for _ in range(round(rng.expovariate(1 / monthly)) if monthly else 0):
                moment = start + datetime.timedelta(days=month * 30 + rng.uniform(0, 29))
                if moment < end:
                    services.showed_up(owner, person, rng.choice(SHOWED), at=moment)
                    presence += 1
    for name, day, kind, setting, size, trigger, mine, theirs, repair in RUPTURES:
        at = start + datetime.timedelta(days=day, hours=19)
        rupture = services.save_rupture(
            owner,
            Rupture(person=found[name], at=at, kind=kind, setting=setting, intensity=size,
                    trigger=trigger, own_part=mine, their_part=theirs, noticed_by="me"),
        )  # fmt: skip
        if repair is not None:
            after, who, what, outcome = repair
            services.save_repair(
                owner,
                Repair(rupture=rupture, at=at + datetime.timedelta(days=after), started_by=who,
                       what=what, outcome=outcome),
            )  # fmt: skip
    for experience in owned(Experience, owner):
        with_them = found.get(str(experience.who or ""))
        if with_them is not None:
            Experience.objects.filter(pk=experience.pk).update(person=with_them)
    return {"people": len(found), "presence": presence, "ruptures": len(RUPTURES)}
