from __future__ import annotations

import uuid
from typing import ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models


class UserManager(BaseUserManager["User"]):
    def create_user(self, username: str, password: str | None = None, **fields: object) -> User:
        user = self.model(username=username, **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user


class User(AbstractBaseUser):
    """A person with an account. In local mode there is exactly one: the owner."""

    class Theme(models.TextChoices):
        SYSTEM = "system", "Follow my device"
        LIGHT = "light", "Light"
        DARK = "dark", "Dark"

    class Role(models.TextChoices):
        PERSON = "person", "Doing my own work"
        PRACTITIONER = "practitioner", "A therapist or peer coach"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    username = models.CharField("sign-in name", max_length=150, unique=True)
    display_name = models.CharField("name to be called by", max_length=80)
    timezone = models.CharField(max_length=64, default="UTC")
    country = models.CharField(max_length=2, blank=True, default="")
    theme = models.CharField(max_length=6, choices=Theme.choices, default=Theme.SYSTEM)
    is_active = models.BooleanField(default=True)
    # A fictional person made by `earned demo`: safe to replace, and said so on every page.
    is_demo = models.BooleanField(default=False)
    # A practitioner works with the people who invite them into a care circle (practice server).
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.PERSON)
    created_at = models.DateTimeField(auto_now_add=True)

    USERNAME_FIELD = "username"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["display_name"]

    objects: ClassVar[UserManager] = UserManager()

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def is_practitioner(self) -> bool:
        return self.role == self.Role.PRACTITIONER


class DeviceSession(AbstractBaseSession):
    """A signed-in browser. Sessions carry their owner so a person can see and end each one.

    Django rewrites every column on each save, so the columns below are copied from the
    session's own data (see sessions.SessionStore) rather than set once.
    """

    public_id = models.UUIDField(null=True, unique=True, editable=False)
    owner = models.ForeignKey(User, null=True, on_delete=models.CASCADE, related_name="sessions")
    device = models.CharField(max_length=80, blank=True, default="")
    signed_in_at = models.DateTimeField(null=True)

    @classmethod
    def get_session_store_class(cls) -> type:
        from earned.accounts.sessions import SessionStore

        return SessionStore


class SignInLink(models.Model):
    """A one-time link: the first-run welcome in local mode, or an invitation on a server.

    Only a hash of the token is stored, so a copy of the database cannot be used to sign in.
    """

    class Purpose(models.TextChoices):
        WELCOME = "welcome", "First-run welcome"
        INVITATION = "invitation", "Invitation"

    token_hash = models.CharField(max_length=64, unique=True)
    purpose = models.CharField(max_length=10, choices=Purpose.choices)
    # An invitation can be for a practitioner's account (a therapist or peer coach).
    practitioner = models.BooleanField(default=False)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} link, expires {self.expires_at:%Y-%m-%d %H:%M}"


class SignInFailure(models.Model):
    """One failed sign-in, counted against a hashed key (an account name or an address)."""

    key_hash = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"Failed sign-in at {self.at:%Y-%m-%d %H:%M}"
