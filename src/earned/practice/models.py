"""Practice: ladders of feared relational situations, climbed in small steps, and scripts to
rehearse before the real conversation. Every attempt at a step is also an experience in the
ledger — one record, seen from two places."""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from earned.ledger.models import Expectation, Experience
from earned.practice.choices import CONFIDENCE_RANGE, Mode, Origin, Situation
from earned.privacy.fields import EncryptedTextField
from earned.records.links import OwnLink, OwnLinks, OwnOneLink
from earned.records.models import (
    LINE_LIMIT,
    Category,
    Owned,
    Searched,
    needed,
    optional_text,
    percent,
)


class Ladder(Owned):
    category = Category.PRACTICE
    exported_as = "ladders"
    searched_as = Searched("ladders", "Ladders", "created_at", ("steps",), 80)

    goal = EncryptedTextField(
        "the goal", error_messages=needed("Please write the goal in a few words."), limit=LINE_LIMIT
    )
    value = optional_text("the value it serves")
    expectations: models.ManyToManyField[Expectation, LadderLink] = OwnLinks(
        Expectation, through="LadderLink", related_name="ladders", blank=True
    )
    keep_sorted = models.BooleanField("keep the steps sorted by expected distress", default=True)
    origin = models.CharField(max_length=10, choices=Origin, default=Origin.OWN)
    created_at = models.DateTimeField(default=timezone.now)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"Ladder {self.id}"

    def get_absolute_url(self) -> str:
        return reverse("practice:ladder", args=[self.pk])

    def ordered_steps(self) -> list[Step]:
        """The steps from the easiest up: by expected distress, or as the person arranged them.
        (Prefetch "steps".)"""
        steps = list(self.steps.all())
        if self.keep_sorted:
            return sorted(steps, key=lambda step: (step.expected_distress, step.position))
        return sorted(steps, key=lambda step: step.position)

    def current_step(self) -> Step | None:
        """The lowest step not yet climbed."""
        return next((step for step in self.ordered_steps() if step.climbed_at is None), None)

    def search_texts(self) -> list[str | None]:
        return [self.goal, self.value,
                *(text for step in self.steps.all() for text in step.search_texts())]  # fmt: skip

    @property
    def search_title(self) -> str:
        return str(self.goal)


class LadderLink(Owned):
    """A ladder that works on an old expectation (a ladder may work on several)."""

    category = Category.PRACTICE
    exported_as = "ladder_links"

    ladder = OwnLink(Ladder, on_delete=models.CASCADE)
    expectation = OwnLink(Expectation, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ladder", "expectation"], name="ladder_link_once")
        ]

    def __str__(self) -> str:
        return f"Ladder link {self.id}"


class Step(Owned):
    category = Category.PRACTICE
    exported_as = "steps"
    indexed_with = "ladder"
    part_of = ("ladder",)

    ladder = OwnLink(Ladder, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(default=0)
    description = EncryptedTextField(
        "the step",
        error_messages=needed("Please describe the step in a few words."),
        limit=LINE_LIMIT,
    )
    expected_distress = percent("how hard you expect it to be")
    climbed_at = models.DateTimeField(null=True, blank=True)
    origin = models.CharField(max_length=10, choices=Origin, default=Origin.OWN)

    class Meta:
        ordering = ("ladder", "position")

    def search_texts(self) -> list[str | None]:
        """Its words, which its ladder's entry holds (`indexed_with`)."""
        return [self.description]

    def __str__(self) -> str:
        return f"Step {self.id}"

    def get_absolute_url(self) -> str:
        return f"{self.ladder.get_absolute_url()}#step-{self.pk}"


class Attempt(Owned):
    """One go at a step. Its prediction and outcome live in its experience; here are the parts
    only practice has: the coping plan, the moment itself, and what to repeat or adjust."""

    category = Category.PRACTICE
    exported_as = "attempts"
    searched_as = Searched("attempts", "Attempts", "created_at", ("step",), 90)
    part_of = ("step",)

    step = OwnLink(Step, on_delete=models.CASCADE, related_name="attempts")
    experience = OwnOneLink(Experience, on_delete=models.CASCADE, related_name="attempt")
    coping_plan = optional_text("a coping plan")
    distress_now = percent("distress in the moment", null=True, blank=True)
    doing_now = optional_text("what I am doing")
    moment_at = models.DateTimeField(null=True, blank=True)
    to_repeat = optional_text("what to repeat")
    to_adjust = optional_text("what to adjust")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created_at",)

    def __str__(self) -> str:
        return f"Attempt {self.id}"

    def get_absolute_url(self) -> str:
        return reverse("practice:attempt", args=[self.pk])

    def search_texts(self) -> list[str | None]:
        return [self.coping_plan, self.doing_now, self.to_repeat, self.to_adjust]

    @property
    def search_title(self) -> str:
        return str(self.step.description)


def confidence(verbose_name: str) -> models.SmallIntegerField[Any, Any]:
    low, high = CONFIDENCE_RANGE
    return models.SmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        validators=[MinValueValidator(low), MaxValueValidator(high)],
    )


class Script(Owned):
    category = Category.PRACTICE
    exported_as = "scripts"
    searched_as = Searched("scripts", "Scripts", "created_at", rank=100)

    situation = models.CharField(max_length=12, choices=Situation)
    title = EncryptedTextField(
        "what it is for", error_messages=needed("Please give the script a name."), limit=LINE_LIMIT
    )
    when_it_fits = optional_text("when it fits")
    opening = optional_text("an opening line")
    feeling = optional_text("the feeling")
    request = optional_text("the request")
    if_badly = optional_text("if it goes badly")
    starter = models.CharField("copied from", max_length=24, blank=True)
    origin = models.CharField(max_length=10, choices=Origin, default=Origin.OWN)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"Script {self.id}"

    def get_absolute_url(self) -> str:
        return reverse("practice:script", args=[self.pk])

    @property
    def lines(self) -> list[tuple[str, str]]:
        """The lines written, in the order they are said, each with what it is."""
        named = (
            ("To open", self.opening),
            ("The feeling", self.feeling),
            ("The request", self.request),
            ("If it goes badly", self.if_badly),
        )
        return [(label, str(text)) for label, text in named if text]

    def search_texts(self) -> list[str | None]:
        return [self.title, self.when_it_fits, self.opening, self.feeling, self.request,
                self.if_badly]  # fmt: skip

    @property
    def search_title(self) -> str:
        return str(self.title)


class Rehearsal(Owned):
    category = Category.PRACTICE
    exported_as = "rehearsals"

    script = OwnLink(Script, on_delete=models.CASCADE, related_name="rehearsals")
    at = models.DateTimeField(default=timezone.now)
    mode = models.CharField("how", max_length=10, choices=Mode, default=Mode.ALONE)
    confidence_before = confidence("confidence before")
    confidence_after = confidence("confidence after")
    note = optional_text("a note")
    attempt = OwnLink(
        Attempt, on_delete=models.SET_NULL, null=True, blank=True, related_name="rehearsals"
    )

    class Meta:
        ordering = ("-at",)

    def __str__(self) -> str:
        return f"Rehearsal {self.id}"

    def get_absolute_url(self) -> str:
        return f"{self.script.get_absolute_url()}#rehearsal-{self.pk}"
