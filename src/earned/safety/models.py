"""A person's safety plan: six steps and their reasons for living, in their own words."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone

from earned.records.models import Category, Owned, optional_text
from earned.safety.noticing import ABOUT_PLAN

# The six steps, in the order a hard moment is met, then the reasons; each with our guidance.
STEPS: tuple[tuple[str, str, str], ...] = (
    ("warning_signs", "1. The signs that a hard time is coming",
     "Thoughts, feelings, situations or things you do that tell you a crisis may be near. "
     "For example: not sleeping, pulling away from people, a certain kind of evening."),
    ("on_my_own", "2. Things I can do on my own to get through it",
     "Small things that have helped before, without anyone else: a walk, a shower, music, "
     "holding something cold, writing it down, a breathing pattern."),
    ("people_places", "3. People and places that help me feel less alone",
     "Not to talk about it, just company: a friend to text about nothing, a café, a library, "
     "a place with people around."),
    ("people_to_ask", "4. People I can ask for help",
     "People you could tell that you are struggling, with how to reach them."),
    ("professionals", "5. Professionals I can reach",
     "Your therapist, doctor or a service you know, with their numbers and hours. The crisis "
     "lines for your country are shown with your plan already."),
    ("safer_surroundings", "6. Making my surroundings safer",
     "What you can put away, give to someone to keep, or stay away from while things are hard."),
    ("reasons", "What I live for",
     "People, animals, hopes, things still to see or do — anything, however small."),
)  # fmt: skip


class SafetyPlan(Owned):
    category = Category.SAFETY
    exported_as = "safety_plan"

    notice_about = ABOUT_PLAN  # its warning signs may rightly name such thoughts: said gently
    warning_signs = optional_text("the signs that a hard time is coming")
    on_my_own = optional_text("things I can do on my own")
    people_places = optional_text("people and places that help me feel less alone")
    people_to_ask = optional_text("people I can ask for help")
    professionals = optional_text("professionals I can reach")
    safer_surroundings = optional_text("making my surroundings safer")
    reasons = optional_text("what I live for")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_safety_plan_each")]

    def __str__(self) -> str:
        return "Safety plan"

    def get_absolute_url(self) -> str:
        return reverse("safety:plan")

    @property
    def steps(self) -> list[tuple[str, str, str | None]]:
        """Each step's key, heading and what the person wrote."""
        return [(key, heading, getattr(self, key)) for key, heading, _ in STEPS]

    @property
    def is_empty(self) -> bool:
        return not any(text for _, _, text in self.steps)
