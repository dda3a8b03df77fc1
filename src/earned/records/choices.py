"""The choices every record shares, apart from the models so that `earned --help` reads them
without setting Django up."""

from __future__ import annotations

from django.db import models


class Category(models.TextChoices):
    """The groups of records a person shares or keeps private, as a whole."""

    EXPERIENCES = "experiences", "Experiences"
    EXPECTATIONS = "expectations", "Expectations"
    CHECK_INS = "check_ins", "Check-ins"
    PRACTICE = "practice", "Practice"
    REFLECTION = "reflection", "Reflection and journal"
    PEOPLE = "people", "People and ruptures"
    MEASURES = "measures", "Measures"
    SAFETY = "safety", "Safety plan"


class Visibility(models.TextChoices):
    """Who in a care circle may see one record (earned/access.py reads it)."""

    FOLLOW = "follow", "As I chose for its kind"
    PRIVATE = "private", "Always private"
    SHARED = "shared", "Shared"
