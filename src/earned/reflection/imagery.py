"""Short guided imagery scripts. Every word here is ours.

A script is kept with each session by its key, so its wording can be improved later; a key is
never reused for a different script.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Script:
    key: str
    title: str
    minutes: int
    about: str  # when it may help, in a line
    steps: tuple[str, ...]


SCRIPTS = (
    Script(
        "safe-place",
        "A safe place",
        5,
        "For when you feel on edge and want somewhere to rest for a moment.",
        (
            "Sit or lie so that your body is supported. Let your eyes close, or rest them on one "
            "spot.",
            "Breathe out a little longer than you breathe in, a few times. There is no right way "
            "to do it.",
            "Bring to mind a place where you feel at ease. It can be real, remembered or made "
            "up: a room, a beach, a corner of a garden.",
            "Look around it slowly. Notice the light, the colours, what is near and what is far.",
            "Listen. What can you hear there? Notice the temperature of the air on your skin.",
            "Notice what your body does when it is somewhere safe. Let it do that a little more.",
            "If anything unwelcome comes in, let it pass by like a cloud, and come back to a "
            "detail of your place.",
            "Before you leave, choose one detail to remember. You can come back to it any time.",
            "When you are ready, feel your feet, open your eyes, and look around the room you "
            "are in.",
        ),
    ),
    Script(
        "supportive-presence",
        "A supportive presence",
        6,
        "For when you feel alone with something, or hard on yourself.",
        (
            "Settle into your seat and let your breathing slow down by itself.",
            "Bring to mind someone who is warm towards you. They can be a person you know, "
            "someone from long ago, a figure from a story, an animal, or a kind presence you "
            "imagine.",
            "Picture them nearby. Notice how they look at you: steady, interested, in no hurry.",
            "Let them see what you are carrying today. They are not alarmed by it.",
            "Hear what they might say. Perhaps: “That makes sense. You are not too much. I am "
            "here.” Let the words be your own.",
            "Notice any softening in your chest, shoulders or face, even a small one. If "
            "nothing shifts, that is fine too; you are practising being met.",
            "Before you go, ask them if there is one thing they would like you to remember.",
            "Thank them, let the image fade, and come back to the room at your own pace.",
        ),
    ),
    Script(
        "calm-response",
        "Rehearsing a calm response",
        5,
        "Before a conversation you are dreading: practise it where nothing can go wrong.",
        (
            "Take a few slow breaths, and feel where your body touches the chair or the floor.",
            "Picture the moment just before the conversation: where you are, who is there.",
            "Notice the old prediction arriving. You do not have to argue with it; just name "
            "it: “There is the fear.”",
            "Now see yourself saying the first sentence, slowly and clearly. Hear your own voice.",
            "Picture the other person answering. Whatever they say, see yourself pause, breathe "
            "out, and stay.",
            "If it gets hard in the picture, rewind and play it again a little more gently.",
            "Finish by seeing yourself leave the conversation, whatever its outcome, still in "
            "one piece.",
            "Come back to the room. Notice one thing you can see, one you can hear, and one you "
            "can feel.",
        ),
    ),
)

SCRIPTS_BY_KEY: dict[str, Script] = {script.key: script for script in SCRIPTS}
SCRIPT_CHOICES = [(script.key, script.title) for script in SCRIPTS]
