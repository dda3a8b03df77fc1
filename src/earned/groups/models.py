"""Groups: a facilitator, members who each appear by an alias of their own choosing, shared
exercises each member does privately, the single entries a member chooses to share with the
group and the kind replies beside them, and the meetings with who came.

Like a care circle, a group joins accounts, so its rows are not `Owned` records. Each row's
words are sealed with the key of the one who wrote them (`owner`): the group's own words with
the facilitator's, an alias with its member's, a reply with its author's. A shared entry is
never copied: the group reads the member's own record, through earned/access.py, at the
moment of each request.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models
from django.utils import timezone

from earned.accounts.models import User
from earned.circles.models import default_categories, validate_categories
from earned.privacy.fields import EncryptedTextField
from earned.records.models import needed, optional_text

ALIAS_LIMIT = 40
REPLY_LIMIT = 600  # a few kind sentences


class Group(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="groups_led")
    name = EncryptedTextField(
        "the group's name", error_messages=needed("Please name the group."), limit=120
    )
    description = optional_text("what it is for")
    guidelines = EncryptedTextField(
        "the safety guidelines",
        error_messages=needed("Please write the guidelines every member agrees to."),
    )
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"Group {self.id}"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


class Membership(models.Model):
    """A member of a group, as the group knows them: by the alias they chose for it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    alias = EncryptedTextField(
        "the name you go by in this group",
        error_messages=needed("Please choose a name to go by in this group."),
        limit=ALIAS_LIMIT,
    )
    accepted_guidelines_at = models.DateTimeField()
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("joined_at",)
        constraints = [
            models.UniqueConstraint(
                fields=["group", "owner"],
                condition=models.Q(left_at__isnull=True),
                name="one_membership_at_a_time",
            )
        ]

    def __str__(self) -> str:
        return f"Membership {self.id}"


class GroupInvitation(models.Model):
    """A one-time code with which one person joins a group. Only its hash is kept."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="invitations")
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"Group invitation {self.id}"

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()


class Share(models.Model):
    """One entry a member chose to share with the group: a pointer, never a copy. The group
    reads the member's own record at each request (earned/access.py), so taking it back, or
    leaving, removes it at once."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="shares")
    entry_kind = models.CharField(max_length=24)  # the entry's export key: "journal_entries"
    entry_id = models.UUIDField()
    shared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-shared_at",)
        constraints = [
            models.UniqueConstraint(fields=["membership", "entry_id"], name="shared_once")
        ]

    def __str__(self) -> str:
        return f"Share {self.id}"


class Reply(models.Model):
    """A member's short, kind reply beside a shared entry, sealed with its author's key. The
    facilitator can hide one; anyone in the group can report one to the facilitator."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="replies")
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="group_replies")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="replies")
    body = EncryptedTextField("the reply", limit=REPLY_LIMIT)
    at = models.DateTimeField(default=timezone.now)
    hidden_at = models.DateTimeField(null=True, blank=True)
    reported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("at",)

    def __str__(self) -> str:
        return f"Reply {self.id}"


class Exercise(models.Model):
    """Something the facilitator posts for every member to do in their own Earned, privately.
    The facilitator sees only how many did it; a member shares what came of it only if she
    chooses to."""

    class Kind(models.TextChoices):
        EXPERIENCE = "experience", "An experience to try"
        PROMPT = "prompt", "Something to write about"
        SCRIPT = "script", "A script to rehearse"
        QUESTIONNAIRE = "questionnaire", "A questionnaire to take"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="exercises")
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="exercises_posted")
    kind = models.CharField(max_length=16, choices=Kind, default=Kind.EXPERIENCE)
    what = EncryptedTextField("what to do", error_messages=needed("Please say what to try."))
    # A journal question's key, a starter script's key, or a questionnaire's key.
    about = models.CharField(max_length=40, blank=True)
    due = models.DateField(null=True, blank=True)
    posted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-posted_at",)

    def __str__(self) -> str:
        return f"Exercise {self.id}"


class ExerciseDone(models.Model):
    """A member did an exercise: counted for the facilitator, never shown to them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="done")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="done")
    entry_kind = models.CharField(max_length=24)
    entry_id = models.UUIDField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["exercise", "membership"], name="done_once")]

    def __str__(self) -> str:
        return f"Exercise done {self.id}"


class Meeting(models.Model):
    """A time the group meets, and afterwards the facilitator's log of it: held or cancelled,
    who came, and a note only the facilitator reads."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="meetings_kept")
    at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status, default=Status.PLANNED)
    note = optional_text("a note for your log")
    came: models.ManyToManyField[Membership, Any] = models.ManyToManyField(
        Membership, related_name="meetings_attended", blank=True
    )

    class Meta:
        ordering = ("at",)

    def __str__(self) -> str:
        return f"Meeting {self.id}"


class PairRequest(models.Model):
    """One member asks another to practise as a peer pair, saying what they would share. The
    pair opens — two care circles, one each way — once the other says yes and chooses what
    they share in turn; until then nothing is shared either way."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    asking = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="pairs_asked")
    asked = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="pairs_offered")
    categories = models.JSONField(default=default_categories, validators=[validate_categories])
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created_at",)
        constraints = [
            models.UniqueConstraint(fields=["asking", "asked"], name="asked_once"),
            models.CheckConstraint(
                condition=~models.Q(asking=models.F("asked")), name="asking_someone_else"
            ),
        ]

    def __str__(self) -> str:
        return f"Pair request {self.id}"
