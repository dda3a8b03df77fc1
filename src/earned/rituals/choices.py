"""The lists the daily rituals offer. Keys are stored in clear (for the charts); labels are ours."""

from __future__ import annotations

from django.db import models


class Kind(models.TextChoices):
    MORNING = "morning", "Morning check-in"
    MIDDAY = "midday", "Mid-day note"
    EVENING = "evening", "Evening review"


class PredictionOutcome(models.TextChoices):
    HAPPENED = "happened", "Yes, it happened"
    PARTLY = "partly", "Partly"
    DID_NOT = "did-not", "No, it didn’t happen"
    UNSURE = "unsure", "I’m not sure"


class Felt(models.IntegerChoices):
    """How an interaction felt, from hard to good; plain words rather than a score."""

    HARD = -2, "Hard"
    UNEASY = -1, "Uneasy"
    NEUTRAL = 0, "Neither"
    OKAY = 1, "Okay"
    GOOD = 2, "Good"


MOOD_RANGE = (-5, 5)  # −5 very low … 0 neutral … +5 very good
ENERGY_RANGE = (0, 10)
TENSION_RANGE = (0, 10)
