"""Six months in the life of Robin, a fictional person, told through Earned's own records.

Robin starts with four old expectations that feel very true. Over the months Robin tests them
in small, real experiences with a partner (Jo), a friend (Priya), family, colleagues and a
therapist. Early on the feared outcome happens fairly often and Robin sometimes explains the
good moments away; later things go better than feared more often, distress settles more often
within the window, and the felt ratings come down slowly — not in a straight line.
Every sentence here is ours; any likeness to a real person is accidental.
"""

from __future__ import annotations

import datetime
import json
import random
from dataclasses import dataclass

from earned.accounts.models import User
from earned.core import belief
from earned.core.instruments import PHQ_9
from earned.demo import days, people, practice, reflections
from earned.ledger import services
from earned.ledger.models import Expectation, Experience
from earned.measures import instruments
from earned.measures import services as measures
from earned.measures.instruments import PRACTICE
from earned.measures.placeholder import placeholder_questionnaire
from earned.records import saving as records
from earned.safety import services as safety
from earned.safety.models import SafetyPlan

DAYS = 182
EXPERIENCES_PER_WEEK = 2.6


@dataclass(frozen=True)
class Belief:
    text: str
    wound: str
    counterpart: str
    feels: int  # the first rating
    think: int
    softens_by: int  # how far the felt rating comes down over the six months
    starts_on_day: int = 0
    archived_on_day: int | None = None


@dataclass(frozen=True)
class Scene:
    belief: int  # index into BELIEFS
    context: str
    who: str
    situation: str
    feared: str
    went_well: str
    went_partly: str
    went_hard: str


BELIEFS = [
    Belief(
        "If I ask for what I need, I’ll be too much and people will pull away.",
        "abandonment", "consistent-presence", feels=85, think=55, softens_by=35,
    ),
    Belief(
        "When someone goes quiet, it means they’re angry with me.",
        "danger", "attuned-response", feels=80, think=45, softens_by=30,
    ),
    Belief(
        "If I get something wrong at work, they’ll decide I’m not good enough.",
        "criticism", "acceptance", feels=70, think=40, softens_by=25, starts_on_day=30,
    ),
    Belief(
        "Nobody really notices how I am.",
        "not-seen", "seen-accurately", feels=65, think=50, softens_by=20, starts_on_day=10,
    ),
    Belief(
        "I have to hold everything together on my own, or it all falls apart.",
        "neglect", "consistent-presence", feels=75, think=50, softens_by=15,
        archived_on_day=150,
    ),
]  # fmt: skip

SCENES = [
    Scene(
        0, "partner", "Jo",
        "Asking Jo to take the evening routine so I can rest",
        "Jo sighs, and I can tell I’m a burden.",
        "Jo said of course, and asked why I hadn’t asked sooner.",
        "Jo agreed but seemed tired. Later Jo said it really was fine.",
        "Jo snapped that they were tired too. We talked it through the next morning.",
    ),
    Scene(
        0, "friend", "Priya",
        "Telling Priya I’d like to see her more often",
        "She goes vague and stops replying.",
        "She said she’d missed me too, and we booked a walk for Sunday.",
        "She said yes, but it took a while to find a date.",
        "She didn’t reply for two days. Then she apologised — she had been ill.",
    ),
    Scene(
        0, "family", "Mum",
        "Asking Mum not to comment on my plate at dinner",
        "She gets hurt and goes cold for the rest of the visit.",
        "She looked surprised, said okay, and kept to it all evening.",
        "She said okay, then forgot once. I reminded her gently and she stopped.",
        "She said I was too sensitive. I stayed calm and said it once more.",
    ),
    Scene(
        0, "therapy", "my therapist",
        "Telling my therapist that last session left me shaken",
        "She’ll think I’m difficult and be cooler with me.",
        "She thanked me for saying it, and we slowed down together.",
        "She listened; I still felt a bit exposed on the way home.",
        "I froze and only half said it. She noticed and made room for the rest next time.",
    ),
    Scene(
        1, "colleague", "Sam",
        "Sam was short with me in the morning meeting; asking if we’re okay",
        "He’ll be annoyed that I even asked.",
        "He said he’d barely slept, and it had nothing to do with me.",
        "He said he was stressed about the deadline, a little with me too. We sorted it.",
        "He said he was irritated by my last change. It hurt, and we fixed the change together.",
    ),
    Scene(
        1, "partner", "Jo",
        "Jo went quiet over dinner; asking what’s on their mind instead of guessing",
        "Jo will say it’s me, that I’ve done something wrong.",
        "Jo was worried about their dad, and was glad I asked.",
        "Jo said it was nothing, then told me about work an hour later.",
        "Jo said I had been distant all week. Hard to hear; we agreed to talk at the weekend.",
    ),
    Scene(
        1, "group", "the group chat",
        "The group chat went silent after my message; waiting instead of apologising",
        "They’re annoyed with me, or laughing at me.",
        "Two of them replied later with hearts; they had been at work.",
        "One person replied, the others never did. It stung, and nothing bad came of it.",
        "Nobody replied all day. I sent an apology I didn’t need to, and felt small.",
    ),
    Scene(
        2, "colleague", "Lena",
        "Telling Lena I missed a figure in the report",
        "She’ll go cold and stop trusting me with anything important.",
        "She said thanks for flagging it, and we fixed it in ten minutes.",
        "She was clearly frustrated for a moment, then practical about it.",
        "She was sharp with me. The next day she was normal, but I dreaded it all night.",
    ),
    Scene(
        2, "colleague", "the team",
        "Sharing a half-finished idea in the team meeting",
        "Someone will pick it apart and I’ll look stupid.",
        "Two people built on it; one hard question, and I said I’d think about it.",
        "It got a polite nod and then the meeting moved on.",
        "It was picked apart, fairly but fast. I wanted to disappear.",
    ),
    Scene(
        2, "mentor", "Ana",
        "Showing Ana my draft before it’s polished",
        "She’ll be disappointed in me.",
        "She was warm about it, and gave me three clear suggestions.",
        "She had a lot of notes. Kind ones, but a lot.",
        "She said it wasn’t ready. True — and it still felt like a verdict on me.",
    ),
    Scene(
        3, "friend", "Priya",
        "Saying honestly that I’ve had a hard week when Priya asks",
        "She’ll change the subject.",
        "She asked more, and stayed on the phone for an hour.",
        "She listened for a bit, then we talked about her week.",
        "She was distracted and we hung up quickly. I felt invisible again.",
    ),
    Scene(
        3, "group", "the Thursday group",
        "Sharing something personal in the Thursday group",
        "Nobody will respond; it will just hang in the air.",
        "Several people nodded, and one came over afterwards to say it helped.",
        "People listened. Nobody said much, and that was all right.",
        "The facilitator moved on quickly. I went quiet for the rest of the evening.",
    ),
    Scene(
        3, "family", "Tom",
        "Telling my brother Tom I got the new role",
        "He won’t care.",
        "He called back that evening just to say well done.",
        "He said “nice one” and asked a couple of questions.",
        "He said “nice” and moved on. I told Priya instead, and she was thrilled.",
    ),
    Scene(
        4, "self", "",
        "Letting the washing pile up for a day while I rest",
        "Everything will fall apart and it will be my fault.",
        "Nothing fell apart. Jo did a load without my asking.",
        "It was fine, though I kept thinking about it.",
        "I couldn’t rest at all, and did it at midnight.",
    ),
    Scene(
        4, "partner", "Jo",
        "Letting Jo cook for my friends instead of doing it all myself",
        "It will go wrong and I’ll have to rescue it.",
        "Jo’s dinner was lovely, and I actually sat down.",
        "One dish burnt; nobody minded.",
        "I hovered in the kitchen all evening and we both got tense.",
    ),
]  # fmt: skip

HELPED = [
    "Breathing out slowly before I started.",
    "Writing down beforehand what I wanted to say.",
    "A text from Priya that morning.",
    "Reminding myself that I could stop and come back to it.",
    "Saying it early, before I talked myself out of it.",
]
HINDERED = [
    "I was tired and hungry.",
    "I rehearsed the worst version all day.",
    "I started apologising before I’d asked anything.",
    "It was a rushed moment.",
]
LEARNED_WELL = [
    "Asking plainly worked better than hinting.",
    "Quiet doesn’t always mean angry. Often it isn’t about me at all.",
    "People can say yes to me without resenting it.",
    "A mistake said out loud shrinks.",
    "I can be seen and nothing terrible happens.",
]
LEARNED_HARD = [
    "It was hard, and I got through it. The next day things were all right.",
    "Even when it goes badly, it can be repaired.",
    "I was flooded; next time I’ll ask for a pause.",
]
NEXT_STEPS = [
    "Ask for one small thing again this week.",
    "Check in with words instead of guessing.",
    "Share something a little more personal next time.",
    "Try it without apologising first.",
]
BODY = [
    ("chest", "tight, then looser afterwards"),
    ("stomach", "a knot that eased slowly"),
    ("throat", "a lump, hard to speak at first"),
    ("face", "hot cheeks"),
    ("back", "shoulders up by my ears"),
]
FEELINGS = {
    "well": ["relieved", "glad", "close", "hopeful", "grateful", "safe"],
    "partly": ["anxious", "relieved", "disappointed", "calm", "tender"],
    "hard": ["hurt", "afraid", "ashamed", "anxious", "lonely", "angry"],
}
APPROACHING = ["asked", "shared", "stayed", "boundary", "repaired"]
PROTECTING = ["appeased", "withdrew", "shut-down"]


def write(owner: User, now: datetime.datetime, rng: random.Random) -> dict[str, int]:
    """Six months ending at `now`. Returns how many of each record were written."""
    start = (now - datetime.timedelta(days=DAYS)).replace(hour=9, minute=0, second=0)
    beliefs = [
        services.add_expectation(
            owner,
            belief.text,
            feels_true=belief.feels,
            think_true=belief.think,
            wound=belief.wound,
            counterpart=belief.counterpart,
            at=start + datetime.timedelta(days=belief.starts_on_day),
        )
        for belief in BELIEFS
    ]
    counts = {"expectations": len(beliefs), "experiences": 0, "ratings": len(beliefs)}
    day = 2.0
    while day < DAYS - 2:
        scene = rng.choice([each for each in SCENES if available(BELIEFS[each.belief], day)])
        when = start + datetime.timedelta(days=int(day), hours=rng.choice([3, 8, 10, 11]))
        progress = day / DAYS
        went = how_it_went(progress, rng)
        experience = debriefed(owner, scene, when, went, progress, rng)
        services.save_experience(
            owner,
            experience,
            expectations=[beliefs[scene.belief]],
            emotions=feelings(went, rng),
            finish=True,
        )
        counts["experiences"] += 1
        if rng.random() < 0.55:
            rerate(owner, beliefs[scene.belief], BELIEFS[scene.belief], experience, progress, rng)
            counts["ratings"] += 1
        day += rng.expovariate(EXPERIENCES_PER_WEEK / 7)
    for index, scripted in enumerate(BELIEFS):
        if scripted.archived_on_day is not None:
            beliefs[index].archived_at = start + datetime.timedelta(days=scripted.archived_on_day)
            records.save(owner, beliefs[index], update_fields=["archived_at"])
    counts["experiences"] += still_open(owner, beliefs, now)
    counts["check_ins"] = days.write(owner, start, DAYS, rng)
    counts.update(reflections.write(owner, start, DAYS, rng, beliefs))
    counts.update(practice.write(owner, now, beliefs))
    counts.update(people.write(owner, start, now, rng))
    safety.save_plan(owner, SafetyPlan(**ROBINS_PLAN))
    counts["measures"] = practice_check_ins(owner, start, now, rng)
    counts["measures"] += phq_9_every_fortnight(owner, start, now, rng)
    return counts


def practice_check_ins(
    owner: User, start: datetime.datetime, now: datetime.datetime, rng: random.Random
) -> int:
    """Robin's weekly practice check-in, most weeks, the answers slowly warming."""
    written = 0
    for week in range(DAYS // 7):
        if rng.random() < 0.25:
            continue  # a week without one, as real weeks go
        progress = week / (DAYS / 7)
        answers = {
            item: min(4, max(0, round(0.8 + 2.4 * progress + rng.uniform(-1, 1))))
            for item in range(1, 6)
        }
        response = measures.record(owner, PRACTICE, answers, "").response
        response.at = min(now, start + datetime.timedelta(days=7 * week + 6, hours=11))
        records.save(owner, response, update_fields=["at"])
        written += 1
    return written


def phq_9_every_fortnight(
    owner: User, start: datetime.datetime, now: datetime.datetime, rng: random.Random
) -> int:
    """The PHQ-9 with placeholder wording (Earned ships no instrument's real wording), taken
    every two weeks from the third month, the scores easing from the moderate range."""
    document = json.dumps(placeholder_questionnaire(PHQ_9)).encode()
    measures.import_questionnaire(owner, document)
    instrument = instruments.available(owner)[PHQ_9.key]
    written = 0
    first = 60
    for day in range(first, DAYS, 14):
        progress = (day - first) / (DAYS - first)
        answers = {
            item: min(3, max(0, round(1.5 - 1.1 * progress + rng.uniform(-0.6, 0.6))))
            for item in range(1, 9)
        }
        answers[9] = 0
        response = measures.record(owner, instrument, answers, "").response
        response.at = min(now, start + datetime.timedelta(days=day, hours=10))
        records.save(owner, response, update_fields=["at"])
        written += 1
    return written


# Robin's safety plan, written early on with their therapist.
ROBINS_PLAN = {
    "warning_signs": "Staying up past two. Cancelling on Jo and Priya. Telling myself nobody "
    "would notice if I disappeared for a week.",
    "on_my_own": "A hot shower. The long walk along the river with headphones. Writing the "
    "thought down and the other ways to read it.",
    "people_places": "The library café on Saturday mornings. Texting Priya about nothing much.",
    "people_to_ask": "Jo (at home). Priya: she said to call any time, and meant it.",
    "professionals": "My therapist, Thursdays; her clinic line in office hours. My GP.",
    "safer_surroundings": "Jo keeps the spare medication. I leave my phone in the kitchen after "
    "midnight.",
    "reasons": "Jo. Priya's wedding next summer. The sea in June. Finding out who I am without "
    "the old rules.",
}


def available(belief: Belief, day: float) -> bool:
    ends = belief.archived_on_day if belief.archived_on_day is not None else DAYS
    return belief.starts_on_day <= day < ends


def how_it_went(progress: float, rng: random.Random) -> str:
    """Well, partly or hard: things go better than feared more often as the months pass, but
    not always."""
    roll = rng.random()
    if roll < 0.45 + 0.35 * progress:
        return "well"
    return "hard" if roll > 0.75 + 0.18 * progress else "partly"


def debriefed(
    owner: User,
    scene: Scene,
    when: datetime.datetime,
    went: str,
    progress: float,
    rng: random.Random,
) -> Experience:
    """One experience, told after the fact."""
    occurred = {
        "well": rng.randint(0, 20),
        "partly": rng.randint(30, 60),
        "hard": rng.randint(65, 95),
    }[went]
    distress = {
        "well": rng.randint(20, 45),
        "partly": rng.randint(40, 65),
        "hard": rng.randint(65, 92),
    }[went]
    window = "within"
    if went == "hard" and rng.random() < 0.6:
        window = "above"
    elif went == "partly" and rng.random() < 0.15:
        window = "below"
    likelihood = max(35, min(95, round(88 - 30 * progress + rng.randint(-8, 8))))
    explained = ""
    if belief.went_much_better_than_feared(belief.violation(likelihood, occurred)):
        explained = rng.choice(
            ["yes", "partly", "no"] if progress < 0.5 else ["partly", "no", "no", "no"]
        )
    place, sensation = rng.choice(BODY)
    responses = (
        rng.sample(APPROACHING, 2) if went != "hard" or progress > 0.5 else [rng.choice(PROTECTING)]
    )
    return Experience(
        owner=owner,
        created_at=when - datetime.timedelta(days=1),
        happens_at=when,
        debriefed_at=when + datetime.timedelta(hours=2),
        status=Experience.Status.DRAFT,
        context=scene.context,
        who=scene.who or None,
        situation=scene.situation,
        feared=scene.feared,
        likelihood=likelihood,
        expected_distress=max(20, min(90, likelihood - rng.randint(0, 20))),
        happened={"well": scene.went_well, "partly": scene.went_partly, "hard": scene.went_hard}[
            went
        ],
        occurred=occurred,
        peak_distress=distress,
        window=window,
        felt=rng.random() > (0.25 - 0.2 * progress),
        body_place=place,
        body_sensation=sensation,
        responses=",".join(responses),
        helped=rng.choice(HELPED),
        hindered=rng.choice(HINDERED) if went != "well" else None,
        explained_away=explained,
        explained_away_how=(
            "They were probably just being polite." if explained in ("yes", "partly") else None
        ),
        learned=rng.choice(LEARNED_WELL if went != "hard" else LEARNED_HARD),
        next_action=rng.choice(NEXT_STEPS),
    )


def feelings(went: str, rng: random.Random) -> list[services.NamedEmotion]:
    return [
        services.NamedEmotion(word, "", rng.randint(30, 85))
        for word in rng.sample(FEELINGS[went], rng.randint(1, 3))
    ]


def rerate(
    owner: User,
    expectation: Expectation,
    belief: Belief,
    experience: Experience,
    progress: float,
    rng: random.Random,
) -> None:
    """The felt sense comes down slowly and unevenly; the thinking mind is ahead of it."""
    felt_setback = 12 if (experience.occurred or 0) >= 65 else 0
    feels = belief.feels - belief.softens_by * progress + felt_setback + rng.randint(-5, 5)
    think = belief.think - 0.8 * belief.softens_by * progress + rng.randint(-5, 5)
    services.rate(
        owner,
        expectation,
        feels_true=max(5, min(100, round(feels))),
        think_true=max(5, min(100, round(think))),
        experience=experience,
        at=(experience.debriefed_at or experience.happens_at) + datetime.timedelta(minutes=5),
    )


def still_open(owner: User, beliefs: list[Expectation], now: datetime.datetime) -> int:
    """What is on Robin's plate today: one to debrief, one half-written, one coming up."""
    waiting = [
        (SCENES[0], now - datetime.timedelta(hours=20), Experience.Status.PLANNED),
        (SCENES[10], now - datetime.timedelta(days=2), Experience.Status.DRAFT),
        (SCENES[7], now + datetime.timedelta(days=2), Experience.Status.PLANNED),
    ]
    for scene, when, status in waiting:
        experience = Experience(
            owner=owner,
            status=status,
            created_at=min(when, now) - datetime.timedelta(days=1),
            happens_at=when.replace(second=0, microsecond=0),
            context=scene.context,
            who=scene.who or None,
            situation=scene.situation,
            feared=scene.feared,
            likelihood=60,
            expected_distress=50,
            safety_behaviours="Apologising before I’ve even asked.",
            support="Priya said I can text her afterwards.",
            happened=scene.went_partly if status == Experience.Status.DRAFT else None,
        )
        services.save_experience(owner, experience, expectations=[beliefs[scene.belief]])
    return len(waiting)
