"""Personal access tokens: how a script, or another app the person trusts, calls the API.

A token is shown once and kept only as a hash. It is named, limited to reading (or reading and
writing) some kinds of entries, expires, and is revoked at once. Locally a person's entries open
only with their passphrase, so each token also keeps the data key wrapped under a key derived
from the token's own secret (earned/api/tokens.py): whoever holds the token can open exactly
what it allows, and revoking it deletes that wrap with it.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone

from earned.accounts.models import User
from earned.circles.models import validate_categories
from earned.privacy.fields import EncryptedTextField
from earned.records.models import needed

NAME_LIMIT = 80


class AccessToken(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="access_tokens")
    name = EncryptedTextField(
        "its name", error_messages=needed("Please name the token."), limit=NAME_LIMIT
    )
    # The token's first characters, to find it by (and to show): "earned_3kq8x2mf".
    prefix = models.CharField(max_length=24, unique=True)
    secret_hash = models.CharField(max_length=64)  # SHA-256 of the whole token
    can_write = models.BooleanField(default=False)
    categories = models.JSONField(validators=[validate_categories])  # what it may read (write)
    # The data key, wrapped under a key derived from the token (locally; a server's instance
    # key opens entries there).
    wrapped_key = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)  # never, if empty
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"Access token {self.prefix}"

    @property
    def is_live(self) -> bool:
        return self.expires_at is None or self.expires_at > timezone.now()
