"""Journal prompts, grouped by what they are for. Every word here is ours.

A prompt is kept with an entry by its key, so the wording can be improved later without changing
what anyone wrote; a key is never reused for a different question.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Prompt:
    key: str
    text: str


@dataclass(frozen=True)
class Purpose:
    key: str
    label: str
    prompts: tuple[Prompt, ...]


PURPOSES = (
    Purpose(
        "noticing",
        "Noticing",
        (
            Prompt(
                "noticing-body",
                "What is your body telling you right now? Describe it as if to a kind friend.",
            ),
            Prompt(
                "noticing-moment",
                "Which moment today stayed with you? What happened, and what did you feel?",
            ),
            Prompt("noticing-old", "When did an old feeling show up today? What set it off?"),
        ),
    ),
    Purpose(
        "compassion",
        "Self-compassion",
        (
            Prompt(
                "compassion-friend", "If a friend had lived your day, what would you say to them?"
            ),
            Prompt(
                "compassion-hard", "What is hard right now? Write it down without trying to fix it."
            ),
            Prompt(
                "compassion-enough", "What did you do today that took more courage than it looked?"
            ),
        ),
    ),
    Purpose(
        "hard-conversation",
        "After a hard conversation",
        (
            Prompt("hard-what", "What was said, as plainly as you can put it — theirs and yours?"),
            Prompt("hard-feared", "What did you fear would happen? What actually happened?"),
            Prompt(
                "hard-need", "What did you need in that moment? Is there a way to ask for it now?"
            ),
        ),
    ),
    Purpose(
        "before-therapy",
        "Before therapy",
        (
            Prompt("before-bring", "What would you like to bring to your next session?"),
            Prompt(
                "before-unsaid",
                "Is there something you have been holding back from saying? What makes it hard?",
            ),
        ),
    ),
    Purpose(
        "after-therapy",
        "After therapy",
        (
            Prompt("after-stayed", "What from the session is still with you?"),
            Prompt("after-relationship", "How did it feel between you and your therapist today?"),
        ),
    ),
    Purpose(
        "evidence",
        "Gathering evidence",
        (
            Prompt(
                "evidence-against",
                "When did the old expectation turn out not to be true, even a little?",
            ),
            Prompt("evidence-showed-up", "Who showed up for you recently, and how?"),
            Prompt(
                "evidence-kept",
                "What small good moment are you tempted to explain away? Write it down as it was.",
            ),
        ),
    ),
)

PROMPTS: dict[str, Prompt] = {prompt.key: prompt for group in PURPOSES for prompt in group.prompts}
PROMPT_CHOICES = [(prompt.key, prompt.text) for prompt in PROMPTS.values()]


@dataclass(frozen=True)
class VoicePair:
    """Two voices a dialogue can start with; the person may rename either."""

    key: str
    first: str
    second: str


VOICE_PAIRS = (
    VoicePair("critic", "The old critic", "A kinder voice"),
    VoicePair("younger", "My younger self", "My adult self"),
    VoicePair("afraid", "The part that is afraid", "The part that is steady"),
)
VOICE_PAIRS_BY_KEY = {pair.key: pair for pair in VOICE_PAIRS}
