from django.db import models


class Role(models.TextChoices):
    PARTNER = "partner", "Partner"
    FRIEND = "friend", "Friend"
    FAMILY = "family", "Family"
    MENTOR = "mentor", "Mentor"
    COLLEAGUE = "colleague", "Colleague"
    THERAPIST = "therapist", "Therapist"
    GROUP = "group", "A group"
    OTHER = "other", "Someone else"


class Showed(models.TextChoices):
    """Ways someone showed up: consistent presence, noticed."""

    KEPT = "kept", "Kept a promise"
    REACHED = "reached", "Reached out"
    STAYED = "stayed", "Stayed through something hard"


class Setting(models.TextChoices):
    LIFE = "life", "Everyday life"
    THERAPY = "therapy", "In therapy"


class RuptureKind(models.TextChoices):
    # Withdrawal: moving away.
    QUIET = "quiet", "Withdrawal — one of us went quiet or cold"
    DISTANCE = "distance", "Withdrawal — one of us pulled away or left"
    PLACATING = "placating", "Withdrawal — one of us gave in to keep the peace"
    # Confrontation: moving against.
    BLAME = "blame", "Confrontation — criticism or blame"
    ANGER = "anger", "Confrontation — raised voices, angry words"
    CONTROL = "control", "Confrontation — pushing to get one's way"


class Who(models.TextChoices):
    ME = "me", "I did"
    THEM = "them", "They did"
    BOTH = "both", "Both of us"
    SOMEONE = "someone", "Someone else"


class RepairOutcome(models.TextChoices):
    REPAIRED = "repaired", "Repaired"
    PARTLY = "partly", "Partly"
    NOT_YET = "not-yet", "Not yet"


INTENSITY_RANGE = (1, 5)
