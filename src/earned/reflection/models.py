"""Reflection tools. An interpretation shift: a social signal, the verdict that came at once,
other ways to read it, and what the signal tells as information. Each one is a misreading
caught, whatever the person concludes."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone

from earned.ledger.models import Expectation, Owned, optional_text, percent
from earned.privacy.fields import EncryptedTextField


class Shift(Owned):
    at = models.DateTimeField(default=timezone.now)
    expectation = models.ForeignKey(
        Expectation, on_delete=models.SET_NULL, null=True, blank=True, related_name="shifts"
    )
    signal = EncryptedTextField("what happened, the signal")
    verdict = EncryptedTextField("the verdict that came at once")
    reading_1 = EncryptedTextField("another way to read it")
    reading_2 = EncryptedTextField("and another")
    reading_3 = optional_text("one more, if it comes")
    information = optional_text("what the signal tells, as information")
    believable_before = percent("how believable the verdict felt at first", null=True, blank=True)
    believable_after = percent("how believable it is now", null=True, blank=True)

    class Meta:
        ordering = ("-at",)
        indexes = [models.Index(fields=["owner", "-at"])]

    def __str__(self) -> str:
        return f"Shift {self.id}"

    def get_absolute_url(self) -> str:
        return reverse("reflection:shift", args=[self.pk])

    @property
    def readings(self) -> list[str]:
        return [text for text in (self.reading_1, self.reading_2, self.reading_3) if text]


SHIFT_FIELDS = tuple(
    field.name for field in Shift._meta.concrete_fields if field.name not in ("id", "owner")
)
