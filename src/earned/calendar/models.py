from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone

from earned.accounts.models import User
from earned.privacy.fields import EncryptedTextField

SECRET_LIMIT = 80


class CalendarFeed(models.Model):
    """A person's calendar: the times of their rituals, whether events carry their words, and
    the secret link a calendar app reads it from (none until they make one)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.OneToOneField(User, on_delete=models.CASCADE, related_name="calendar")
    # The link's first characters, to find it by; its whole secret is compared with the hash.
    prefix = models.CharField(max_length=24, unique=True, null=True, blank=True)
    secret_hash = models.CharField(max_length=64, blank=True)
    # The whole secret again, sealed with the person's key: shown to them (to copy the link
    # into another calendar later), never to anyone with only the database.
    secret = EncryptedTextField("the link's secret", null=True, blank=True, limit=SECRET_LIMIT)
    # Locally, with words turned on: the data key wrapped under a key derived from the secret,
    # as an access token's is (a server's instance key opens entries there).
    wrapped_key = models.TextField(blank=True)
    with_words = models.BooleanField(default=False)
    morning_at = models.TimeField(null=True, blank=True)
    midday_at = models.TimeField(null=True, blank=True)
    evening_at = models.TimeField(null=True, blank=True)
    rituals_since = models.DateField(default=timezone.localdate)  # the series' first day
    last_read_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Calendar of {self.owner_id}"


class Published(models.Model):
    """An event as a calendar last read it, so a change is told as a new SEQUENCE (RFC 5545
    §3.8.7.4): calendars keep the event with the highest one."""

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="published_events")
    uid = models.CharField(max_length=100)
    fingerprint = models.CharField(max_length=64)  # a hash of what the event says
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("owner", "uid"), name="one_published_event_a_uid")
        ]

    def __str__(self) -> str:
        return self.uid
