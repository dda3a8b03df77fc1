"""The day's three rituals: a morning check-in, mid-day notes and an evening review with the
day's interactions. Each belongs to the day the person lives in, in their own time zone."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format

from earned.ledger.choices import EMOTIONS, BodyPlace, Context
from earned.ledger.models import Experience
from earned.records.links import OwnLink
from earned.records.models import (
    LINE_LIMIT,
    NAME_LIMIT,
    Category,
    Owned,
    Searched,
    optional_text,
)
from earned.rituals.choices import (
    ENERGY_RANGE,
    MOOD_RANGE,
    TENSION_RANGE,
    Felt,
    Kind,
    PredictionOutcome,
)


def scale(verbose_name: str, bounds: tuple[int, int]) -> models.SmallIntegerField[Any, Any]:
    low, high = bounds
    return models.SmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        validators=[MinValueValidator(low), MaxValueValidator(high)],
    )


def validate_emotion_keys(value: str) -> None:
    unknown = [key for key in value.split(",") if key and key not in EMOTIONS]
    if unknown:
        raise ValidationError(f"Unknown emotion words: {', '.join(unknown)}")


MIDDAY_NOTE_LIMIT = 60  # "one word for right now": a word or a few


# What each kind of check-in asks for (the evening's moments and the closing of the morning's
# prediction come beside these).
ASKED = {
    Kind.MORNING: (
        "mood", "energy", "tension", "tension_place", "emotions", "own_words", "note",
        "prediction",
    ),
    Kind.MIDDAY: ("mood", "note"),
    Kind.EVENING: ("mood", "helped", "hindered", "rupture_or_repair"),
}  # fmt: skip


class CheckIn(Owned):
    category = Category.CHECK_INS
    exported_as = "check_ins"
    searched_as = Searched("check_ins", "Check-ins", "at", ("interactions",), 30)

    kind = models.CharField(max_length=8, choices=Kind)
    day = models.DateField("the day it belongs to")  # in the person's time zone
    at = models.DateTimeField(default=timezone.now)
    mood = scale("mood", MOOD_RANGE)
    energy = scale("energy", ENERGY_RANGE)
    tension = scale("tension in the body", TENSION_RANGE)
    tension_place = models.CharField(
        "where the tension is", max_length=8, choices=BodyPlace, blank=True
    )
    emotions = models.CharField(
        "feelings", max_length=200, blank=True, validators=[validate_emotion_keys]
    )
    own_words = optional_text("feelings in your own words")
    # Morning: an intention and a small prediction. Mid-day: one word. Evening: what helped…
    note = optional_text("a note")
    prediction = optional_text("a small prediction for the day")
    prediction_outcome = models.CharField(
        "did it happen?", max_length=8, choices=PredictionOutcome, blank=True
    )
    helped = optional_text("what helped")
    hindered = optional_text("what got in the way")
    rupture_or_repair = optional_text("a rupture or repair")

    class Meta:
        ordering = ("-at",)
        indexes = [
            # A day's check-ins, and the moods and energies Insights charts, from the index alone.
            models.Index(fields=["owner", "day", "mood", "energy"], name="checkin_by_day"),
            # The newest first, as the API lists them: at ten years, sorting 11,000 took 25 ms.
            models.Index(fields=["owner", "-at"], name="checkin_newest"),
        ]

    def __str__(self) -> str:
        return f"Check-in {self.id}"

    def clean(self) -> None:
        """The one rule that depends on the kind of check-in: the mid-day note is short."""
        if self.kind == Kind.MIDDAY and self.note and len(self.note) > MIDDAY_NOTE_LIMIT:
            raise ValidationError(
                {
                    "note": f"A mid-day note is a word or a few: up to {MIDDAY_NOTE_LIMIT} "
                    f"characters (this one has {len(self.note)}). The evening review has room "
                    "for more."
                }
            )

    def holds_nothing(self) -> bool:
        """Nothing the person is asked for at this kind of check-in is filled in."""
        return all(getattr(self, name) in (None, "") for name in ASKED[Kind(self.kind)])

    def get_absolute_url(self) -> str:
        return reverse("rituals:check-in", args=[self.pk])

    def search_texts(self) -> list[str | None]:
        """Every text of the check-in, the evening's moments too (prefetch "interactions")."""
        moments = [text for line in self.interactions.all() for text in line.search_texts()]
        return [
            self.own_words, self.note, self.prediction, self.helped, self.hindered,
            self.rupture_or_repair, *moments,
        ]  # fmt: skip

    @property
    def search_title(self) -> str:
        return f"{self.get_kind_display()}, {date_format(self.day, 'l j F Y')}"

    @property
    def has_details(self) -> bool:
        """Whether anything beyond the moments with people was written."""
        return any(
            value not in (None, "")
            for value in (
                self.mood, self.energy, self.tension, self.tension_place, self.emotions,
                self.own_words, self.note, self.prediction, self.helped, self.hindered,
                self.rupture_or_repair,
            )
        )  # fmt: skip

    @property
    def emotion_keys(self) -> list[str]:
        return [key for key in self.emotions.split(",") if key]

    @property
    def emotion_labels(self) -> list[str]:
        return [EMOTIONS[key] for key in self.emotion_keys if key in EMOTIONS]


class Interaction(Owned):
    """One line of the evening review: someone, and how it felt. It can become an experience."""

    category = Category.CHECK_INS
    exported_as = "interactions"
    indexed_with = "check_in"

    check_in = OwnLink(CheckIn, on_delete=models.CASCADE, related_name="interactions")
    position = models.PositiveSmallIntegerField(default=0)
    who = optional_text("who", NAME_LIMIT)
    context = models.CharField("who it was with", max_length=10, choices=Context, blank=True)
    what = optional_text("what happened, in a line", LINE_LIMIT)
    felt = models.SmallIntegerField("how it felt", choices=Felt, null=True, blank=True)
    experience = OwnLink(
        Experience, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ("check_in", "position")

    def search_texts(self) -> list[str | None]:
        """Its words, which its check-in's entry holds (`indexed_with`)."""
        return [self.who, self.what]

    def __str__(self) -> str:
        return f"Interaction {self.id}"
