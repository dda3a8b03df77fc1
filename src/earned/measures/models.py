"""A questionnaire filled in: which one, when, each answer, and the score worked out from them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from earned.privacy.fields import EncryptedJSONField, EncryptedTextField
from earned.records.models import LINE_LIMIT, Category, Owned, optional_text


def validate_answers(value: object) -> None:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and k.isdigit() and (v is None or isinstance(v, int))
        for k, v in value.items()
    ):
        raise ValidationError("Answers are item numbers and whole numbers.")


class Response(Owned):
    category = Category.MEASURES
    exported_as = "measures"

    instrument = models.CharField(max_length=40)
    at = models.DateTimeField(default=timezone.now)
    # {"1": 3, …}: numbers only, sealed — one item can say more than the total (PHQ-9's last).
    answers = EncryptedJSONField("the answers", validators=[validate_answers])
    total = models.FloatField(null=True, blank=True)  # None where an instrument has only subscales
    scores = models.JSONField(default=dict, blank=True)  # each subscale's score, by its key
    note = optional_text("a note")

    class Meta:
        ordering = ("-at",)
        indexes = [models.Index(fields=["owner", "instrument", "-at"])]

    def __str__(self) -> str:
        return f"{self.instrument} {self.at:%Y-%m-%d}"


class Schedule(Owned):
    """How often a person wants a measure suggested (0: never); without one, its default."""

    category = Category.MEASURES
    exported_as = "measure_schedules"

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


class Questionnaire(Owned):
    """A validated instrument's wording, imported by its owner from a FHIR file: their own
    record, encrypted like their words, never shipped by us. Earned attaches the instrument's
    published scoring (`core.instruments`) by `instrument`."""

    category = Category.MEASURES
    exported_as = "measure_wording"

    words_looked_at = False  # an instrument's wording, not the person's own account

    instrument = models.CharField(max_length=40)
    title = EncryptedTextField("the questionnaire's title", limit=LINE_LIMIT)
    intro = optional_text("its opening words")
    wording = EncryptedTextField("its questions and answers, as JSON", limit=None)  # a file's
    copyright = optional_text("its copyright statement")
    url = optional_text("its canonical address")
    imported_at = models.DateTimeField(default=timezone.now)
    # Figures for reliable change chosen by the person or their clinician, from a published
    # study, in place of (or where there are none) Earned's own: both or neither.
    norm_sd = models.FloatField(null=True, blank=True)
    reliability = models.FloatField(null=True, blank=True)
    norm_source = optional_text("where those figures come from", LINE_LIMIT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "instrument"], name="one_wording_each")
        ]

    def __str__(self) -> str:
        return f"{self.instrument} wording"

    def get_absolute_url(self) -> str:
        return reverse("measures:measures")
