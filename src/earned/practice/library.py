"""The starter scripts: a few short lines for the conversations that old expectations make
hardest. Every word is ours. A person copies one to make it their own; the copy remembers the
starter's key, which is never reused for a different script."""

from __future__ import annotations

from dataclasses import dataclass

from earned.practice.choices import Situation


@dataclass(frozen=True)
class Starter:
    key: str
    situation: Situation
    title: str
    when_it_fits: str
    opening: str
    feeling: str
    request: str
    if_badly: str


STARTERS = (
    Starter(
        "need-small", Situation.NEED, "Asking for something small",
        "When you notice a need and the old voice says it is too much to mention.",
        "Can I ask you for something? It’s small, but it matters to me.",
        "I’ve been feeling a bit stretched this week.",
        "Could you take over dinner tonight so I can rest for an hour?",
        "That’s okay. Is there another time that would work better?",
    ),
    Starter(
        "boundary-time", Situation.BOUNDARY, "Protecting your time",
        "When someone keeps asking for more than you can give, and you usually give it anyway.",
        "I want to be honest with you about something.",
        "When plans change at the last minute, I end up anxious for the rest of the day.",
        "I can do Saturday morning, but not the afternoon as well.",
        "I hear that it’s disappointing. My answer is still the morning only.",
    ),
    Starter(
        "no-kind", Situation.NO, "A kind, clear no",
        "When yes comes out before you have thought, and you regret it later.",
        "Thank you for thinking of me.",
        "I notice I want to say yes to keep things smooth.",
        "This time I’m going to say no.",
        "I understand if you’re annoyed. It’s still a no, and I’m glad you asked.",
    ),
    Starter(
        "repair-after", Situation.REPAIR, "Coming back after a hard moment",
        "After a rupture — a snap, a silence, a door closed — when you want to reach back.",
        "Can we talk about earlier? I’ve been thinking about it.",
        "I felt hurt, and I went quiet instead of saying so.",
        "I’d like us to understand each other. Could you tell me how it was for you?",
        "It’s okay if now isn’t good. I’d still like to come back to it when you’re ready.",
    ),
    Starter(
        "receiving-thanks", Situation.RECEIVING, "Letting a compliment land",
        "When kindness makes you squirm and you rush to wave it away.",
        "Thank you.",
        "That’s nice to hear, and a little hard to take in.",
        "I’m going to let that be true for a moment.",
        "(Notice the urge to explain it away, and just smile.)",
    ),
    Starter(
        "vulnerable-share", Situation.VULNERABLE, "Sharing something that matters",
        "When you want someone to know you a little better, and fear they will pull back.",
        "There’s something I’d like to tell you, if you have a moment.",
        "I feel nervous saying it.",
        "I don’t need you to fix anything; I’d just like you to know.",
        "I can see that’s a lot. Thank you for listening anyway.",
    ),
    Starter(
        "help-ask", Situation.HELP, "Asking for help",
        "When you are struggling and the old rule says to manage alone.",
        "I could use some help with something.",
        "I’ve been trying to manage it on my own, and it’s getting heavy.",
        "Would you be able to help me with it this week?",
        "No worries if you can’t. Do you know anyone who might?",
    ),
)  # fmt: skip

STARTERS_BY_KEY = {starter.key: starter for starter in STARTERS}
