"""The people in a person's life: who they are, whether they feel safe, the moments they showed
up, and the ruptures between them and the repairs that followed. Names are encrypted like any
entry text. The therapist is a person like any other here."""

from __future__ import annotations

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from earned.privacy.fields import EncryptedTextField
from earned.records.links import OwnLink
from earned.records.models import (
    NAME_LIMIT,
    Category,
    Owned,
    Searched,
    needed,
    optional_text,
    percent,
)
from earned.relationships.choices import (
    INTENSITY_RANGE,
    RepairOutcome,
    Role,
    RuptureKind,
    Setting,
    Showed,
    Who,
)


class Person(Owned):
    category = Category.PEOPLE
    exported_as = "people"
    searched_as = Searched("people", "People", "created_at", rank=110)

    name = EncryptedTextField(
        "name or alias",
        error_messages=needed("Please give a name, an initial or an alias."),
        limit=NAME_LIMIT,
    )
    role = models.CharField(max_length=10, choices=Role, blank=True)
    note = optional_text("a note")
    safe_ally = models.BooleanField("feels like a safe ally now", default=False)
    created_at = models.DateTimeField(default=timezone.now)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("created_at",)
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"Person {self.id}"

    def get_absolute_url(self) -> str:
        return reverse("relationships:person", args=[self.pk])

    @property
    def feels_safe(self) -> Safety | None:
        """The latest rating of how safe it feels (prefetch "safety")."""
        ratings = list(self.safety.all())
        return ratings[-1] if ratings else None

    def search_texts(self) -> list[str | None]:
        return [self.name, self.note]

    @property
    def search_title(self) -> str:
        return str(self.name)


class Safety(Owned):
    """How safe it feels with someone, at one moment; the history shows how it moves."""

    category = Category.PEOPLE
    exported_as = "safety"

    person = OwnLink(Person, on_delete=models.CASCADE, related_name="safety")
    feels_safe = percent("how safe it feels with them")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("at",)

    def __str__(self) -> str:
        return f"Safety {self.id}"


class Presence(Owned):
    """A moment someone showed up."""

    category = Category.PEOPLE
    exported_as = "presence"

    person = OwnLink(Person, on_delete=models.CASCADE, related_name="presences")
    showed = models.CharField(max_length=8, choices=Showed)
    at = models.DateTimeField(default=timezone.now)
    note = optional_text("a note")

    class Meta:
        ordering = ("-at",)

    def __str__(self) -> str:
        return f"Presence {self.id}"


class Rupture(Owned):
    category = Category.PEOPLE
    exported_as = "ruptures"
    searched_as = Searched("ruptures", "Ruptures", "at", ("repairs",), 120)

    person = OwnLink(
        Person,
        on_delete=models.CASCADE,
        related_name="ruptures",
        error_messages=needed("Please choose who it was with."),
    )
    at = models.DateTimeField("when", default=timezone.now)
    setting = models.CharField(max_length=8, choices=Setting, default=Setting.LIFE)
    kind = models.CharField(
        max_length=10,
        choices=RuptureKind,
        error_messages=needed("Please choose what happened, the closest is fine."),
    )
    intensity = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(INTENSITY_RANGE[0]), MaxValueValidator(INTENSITY_RANGE[1])],
        error_messages=needed("Please choose how big it felt."),
    )
    trigger = optional_text("what set it off")
    own_part = optional_text("my part")
    their_part = optional_text("their part")
    noticed_by = models.CharField("who noticed it first", max_length=8, choices=Who, blank=True)

    class Meta:
        ordering = ("-at",)

    def __str__(self) -> str:
        return f"Rupture {self.id}"

    def get_absolute_url(self) -> str:
        return reverse("relationships:rupture", args=[self.pk])

    @property
    def is_withdrawal(self) -> bool:
        return self.kind in (RuptureKind.QUIET, RuptureKind.DISTANCE, RuptureKind.PLACATING)

    @property
    def is_open(self) -> bool:
        """Not repaired yet (prefetch "repairs")."""
        return not any(repair.outcome == RepairOutcome.REPAIRED for repair in self.repairs.all())

    def search_texts(self) -> list[str | None]:
        repairs = [text for repair in self.repairs.all() for text in repair.search_texts()]
        return [self.trigger, self.own_part, self.their_part, *repairs]

    @property
    def search_title(self) -> str:
        return f"A rupture: {self.get_kind_display()}"


STARTED_BY_WORDS: dict[str, str] = {
    Who.ME: "you started it",
    Who.THEM: "they started it",
    Who.BOTH: "you both did",
    Who.SOMEONE: "someone else started it",
}

OUTCOME_WORDS: dict[str, str] = {
    RepairOutcome.REPAIRED: "repaired",
    RepairOutcome.PARTLY: "partly repaired",
    RepairOutcome.NOT_YET: "not repaired yet",
}


class Repair(Owned):
    category = Category.PEOPLE
    exported_as = "repairs"
    indexed_with = "rupture"  # a repair's words find its rupture
    part_of = ("rupture",)

    rupture = OwnLink(Rupture, on_delete=models.CASCADE, related_name="repairs")
    at = models.DateTimeField("when", default=timezone.now)
    started_by = models.CharField("who started it", max_length=8, choices=Who, blank=True)
    what = EncryptedTextField(
        "what was said or done", error_messages=needed("Please write a few words about the repair.")
    )
    outcome = models.CharField(max_length=8, choices=RepairOutcome, default=RepairOutcome.PARTLY)

    class Meta:
        ordering = ("at",)

    def search_texts(self) -> list[str | None]:
        """Its words, which its rupture's entry holds (`indexed_with`)."""
        return [self.what]

    def __str__(self) -> str:
        return f"Repair {self.id}"

    def get_absolute_url(self) -> str:
        return f"{self.rupture.get_absolute_url()}#repair-{self.pk}"

    @property
    def started_by_words(self) -> str:
        """Who reached out, as a phrase inside a line about the repair."""
        return STARTED_BY_WORDS.get(self.started_by, "")

    @property
    def outcome_words(self) -> str:
        return OUTCOME_WORDS[self.outcome]

    @property
    def after(self) -> datetime.timedelta:
        """How long after the rupture this repair came."""
        return self.at - self.rupture.at
