from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone

from earned.accounts.models import User
from earned.privacy.fields import EncryptedTextField


class Arrival(models.Model):
    """What a file from another app holds, read and waiting for the person to look it over
    before anything comes in: one at a time, for a day at most (other_apps.py)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.OneToOneField(User, on_delete=models.CASCADE, related_name="arrival")
    app = models.CharField(max_length=8)  # a key of core.other_apps.APPS
    # JSON: {"moments": [[ISO moment, mood word, text], …], "left_behind": {kind: count},
    # "mood_scale": {word: number}}: every word the file held, so sealed like an entry.
    found = EncryptedTextField(limit=None)
    read_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Arrival from {self.app}"
