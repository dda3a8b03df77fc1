"""The lists a person picks from. Keys are stored (in clear, for the charts); labels are ours."""

from __future__ import annotations

from django.db import models


class Wound(models.TextChoices):
    CONDITIONAL_LOVE = "conditional-love", "Love that had to be earned"
    ABANDONMENT = "abandonment", "Being left"
    DANGER = "danger", "Danger"
    NEGLECT = "neglect", "Being overlooked, needs unmet"
    CRITICISM = "criticism", "Criticism"
    NOT_SEEN = "not-seen", "Not being seen"
    OWN = "own", "My own word"


class Counterpart(models.TextChoices):
    UNCONDITIONAL_REGARD = "unconditional-regard", "Being valued as I am"
    CONSISTENT_PRESENCE = "consistent-presence", "Someone who stays"
    SAFETY = "safety", "Safety"
    ATTUNED_RESPONSE = "attuned-response", "A response that fits what I need"
    ACCEPTANCE = "acceptance", "Acceptance"
    SEEN_ACCURATELY = "seen-accurately", "Being seen as I really am"


class Context(models.TextChoices):
    THERAPY = "therapy", "Therapy"
    PARTNER = "partner", "Partner"
    FRIEND = "friend", "Friend"
    FAMILY = "family", "Family"
    MENTOR = "mentor", "Mentor"
    COLLEAGUE = "colleague", "Colleague"
    GROUP = "group", "A group"
    SELF = "self", "With myself"


class Window(models.TextChoices):
    BELOW = "below", "Below — numb, shut down, far away"
    WITHIN = "within", "Within — uneasy maybe, but able to stay present"
    ABOVE = "above", "Above — flooded, panicky, overwhelmed"


class ExplainedAway(models.TextChoices):
    NO = "no", "No, I let it count"
    PARTLY = "partly", "A little"
    YES = "yes", "Yes, part of me explained it away"


class BodyPlace(models.TextChoices):
    HEAD = "head", "Head"
    FACE = "face", "Face or jaw"
    THROAT = "throat", "Throat"
    CHEST = "chest", "Chest"
    STOMACH = "stomach", "Stomach"
    BACK = "back", "Shoulders or back"
    ARMS = "arms", "Arms or hands"
    LEGS = "legs", "Legs"
    WHOLE = "whole", "All over"


APPROACH = {
    "stayed": "I stayed",
    "shared": "I shared something",
    "asked": "I asked for what I needed",
    "boundary": "I set a boundary",
    "repaired": "I repaired",
}
AVOIDANCE = {
    "withdrew": "I withdrew",
    "appeased": "I appeased",
    "attacked": "I attacked",
    "shut-down": "I shut down",
}
RESPONSES = {**APPROACH, **AVOIDANCE}

# Emotion words, grouped the way people often sort feelings: pleasant or unpleasant, and with
# more or less energy in the body. The key is stored; the person may add their own words.
EMOTION_GROUPS: dict[str, dict[str, str]] = {
    "Pleasant, with energy": {
        "glad": "Glad",
        "hopeful": "Hopeful",
        "excited": "Excited",
        "proud": "Proud",
        "playful": "Playful",
        "brave": "Brave",
    },
    "Pleasant, calm": {
        "calm": "Calm",
        "safe": "Safe",
        "relieved": "Relieved",
        "grateful": "Grateful",
        "tender": "Tender",
        "close": "Close",
    },
    "Unpleasant, with energy": {
        "afraid": "Afraid",
        "anxious": "Anxious",
        "angry": "Angry",
        "irritated": "Irritated",
        "jealous": "Jealous",
        "panicky": "Panicky",
    },
    "Unpleasant, low": {
        "sad": "Sad",
        "lonely": "Lonely",
        "ashamed": "Ashamed",
        "hurt": "Hurt",
        "disappointed": "Disappointed",
        "numb": "Numb",
    },
}
EMOTIONS = {key: label for group in EMOTION_GROUPS.values() for key, label in group.items()}
_EMOTION_BY_WORD = {label.lower(): key for key, label in EMOTIONS.items()}


def emotion_key(word: str) -> str:
    """The key of a feeling word from our list, however it is capitalised; "" for the person's
    own word."""
    return _EMOTION_BY_WORD.get(word.strip().lower(), "")
