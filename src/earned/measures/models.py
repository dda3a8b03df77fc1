"""A questionnaire filled in: which one, when, each answer, and the score worked out from them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from earned.ledger.models import Owned, optional_text


def validate_answers(value: object) -> None:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and k.isdigit() and (v is None or isinstance(v, int))
        for k, v in value.items()
    ):
        raise ValidationError("Answers are item numbers and whole numbers.")


class Response(Owned):
    instrument = models.CharField(max_length=40)
    at = models.DateTimeField(default=timezone.now)
    answers = models.JSONField(validators=[validate_answers])  # {"1": 3, …}: numbers only
    total = models.FloatField()
    note = optional_text("a note")

    class Meta:
        ordering = ("-at",)
        indexes = [models.Index(fields=["owner", "instrument", "-at"])]

    def __str__(self) -> str:
        return f"{self.instrument} {self.at:%Y-%m-%d}"


class Schedule(Owned):
    """How often a person wants a measure suggested (0: never); without one, its default."""

    instrument = models.CharField(max_length=40)
    every_days = models.PositiveSmallIntegerField(
        choices=[(7, "Every week"), (14, "Every two weeks"), (30, "Every month"), (0, "Never")]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "instrument"], name="one_schedule_each")
        ]

    def __str__(self) -> str:
        return f"{self.instrument} every {self.every_days} days"
