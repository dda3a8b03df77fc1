from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone

from earned.accounts.models import User
from earned.privacy.fields import EncryptedTextField

ACTION_LENGTH = 300


class Draft(models.Model):
    """One form's unsaved fields, as the person left them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="drafts")
    # Where the form is sent (a path of this app, such as /reflect/journal/new/), and which of the
    # forms sent there on one page: together they say which form the draft belongs to.
    action = models.CharField(max_length=ACTION_LENGTH)
    slot = models.PositiveSmallIntegerField(default=0)
    # JSON: {"fields": [[name, value], …] in the form's order, "base": the fingerprint of the
    # form as the page drew it}; services.MOST_CHARACTERS holds its size.
    fields = EncryptedTextField(limit=None)
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("owner", "action", "slot"), name="one_draft_a_form")
        ]

    def __str__(self) -> str:
        return f"Draft for {self.action}"
