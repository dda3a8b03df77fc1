import uuid

from django.db import models

from earned.accounts.models import User
from earned.privacy.fields import EncryptedTextField


class Note(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(User, on_delete=models.CASCADE)
    body = EncryptedTextField()
    aside = EncryptedTextField(null=True, blank=True)
    mood = models.IntegerField(default=0)

    def __str__(self) -> str:
        return f"Note {self.id}"
