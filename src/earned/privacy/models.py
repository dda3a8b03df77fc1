from __future__ import annotations

from django.db import models

from earned.accounts.models import User


class KeyEnvelope(models.Model):
    """A person's data key, wrapped. The key itself is never stored in clear anywhere.

    Locally it is wrapped by a key derived from the passphrase (Argon2id, with the parameters
    stored here so they can be raised later); on a server, by the instance key kept outside the
    database.
    """

    class Kind(models.TextChoices):
        PASSPHRASE = "passphrase", "Wrapped by the person's passphrase"
        INSTANCE = "instance", "Wrapped by the server's instance key"

    owner = models.OneToOneField(User, on_delete=models.CASCADE, related_name="key_envelope")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    wrapped_key = models.TextField()
    salt = models.CharField(max_length=64, blank=True, default="")
    kdf = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Key envelope ({self.kind})"
