"""Care circles: a person and a practitioner they invited, what the person shares with them, and
every time the practitioner read something.

A circle is not a record of the person's like an experience: it joins two accounts, so it is not
`Owned`. What it grants is read at every request (earned/access.py), never copied.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from earned.accounts.models import User
from earned.privacy.fields import EncryptedTextField
from earned.records.models import Category

# Shared unless the person unticks them; what is written most privately is theirs to offer.
NOT_SHARED_AT_FIRST = frozenset({Category.REFLECTION})


def default_categories() -> list[str]:
    return [category.value for category in Category if category not in NOT_SHARED_AT_FIRST]


def validate_categories(value: object) -> None:
    known = {category.value for category in Category}
    if not isinstance(value, list) or not set(value) <= known:
        raise ValidationError("Please choose from the kinds of entries listed.")


class Circle(models.Model):
    """A person and a practitioner working together, for as long as either wants — or, in a
    peer pair, a person and another member of their group (earned/groups/pairs.py)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="circles")
    # Who reads what the person shares: their practitioner, or their peer partner.
    practitioner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="clients")
    # A peer pair's group: the two know each other only by the names they chose there. A pair
    # is two circles, one each way, which open and end together, and go with their group.
    group = models.ForeignKey(
        "groups.Group", on_delete=models.CASCADE, null=True, blank=True, related_name="pairs"
    )
    # The kinds of entries shared (Category values); a single entry may say otherwise.
    categories = models.JSONField(default=default_categories, validators=[validate_categories])
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-started_at",)
        constraints = [
            models.UniqueConstraint(
                fields=["person", "practitioner"],
                condition=models.Q(ended_at__isnull=True),
                name="one_open_circle_per_pair",
            )
        ]

    def __str__(self) -> str:
        return f"Circle {self.id}"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None

    @property
    def is_pair(self) -> bool:
        return self.group_id is not None

    @cached_property
    def person_name(self) -> str:
        """How the reader knows the person: by name, or in a pair by the name they chose."""
        return self._known_as(self.person_id) if self.is_pair else str(self.person)

    @cached_property
    def reader_name(self) -> str:
        """How the person knows the reader: by name, or in a pair by the name they chose."""
        return self._known_as(self.practitioner_id) if self.is_pair else str(self.practitioner)

    def _known_as(self, user_id: object) -> str:
        from earned.groups.services import known_as  # groups are built on circles

        return known_as([(self.group_id, user_id)]).get(
            (self.group_id, user_id), "Someone in your group"
        )

    def shares(self, category: Category) -> bool:
        return category.value in self.categories

    @property
    def shared_names(self) -> list[str]:
        return [category.label for category in Category if category.value in self.categories]


class Invitation(models.Model):
    """A one-time code that opens a circle: made by a person for a practitioner to join, or by
    a practitioner for a person to accept (who then chooses what to share). Only its hash is
    kept; it expires, and works once."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Exactly one of the two made it.
    person = models.ForeignKey(
        User, on_delete=models.CASCADE, null=True, blank=True, related_name="circle_invitations"
    )
    practitioner = models.ForeignKey(
        User, on_delete=models.CASCADE, null=True, blank=True, related_name="invitations_made"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    categories = models.JSONField(default=default_categories, validators=[validate_categories])
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=True) ^ models.Q(practitioner__isnull=True),
                name="invitation_made_by_one_side",
            )
        ]

    def __str__(self) -> str:
        return f"Invitation {self.id}"

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()


class Read(models.Model):
    """Someone other than the person read something of theirs: kept for the person to see."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="reads_of_mine")
    # Who read it; empty once that account is closed (the read stays in the person's list).
    reader = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="reads_by_me"
    )
    circle = models.ForeignKey(Circle, on_delete=models.SET_NULL, null=True, related_name="reads")
    # Or the group it was shared with (then `reader` is a member, or its facilitator).
    group = models.ForeignKey(
        "groups.Group", on_delete=models.SET_NULL, null=True, blank=True, related_name="reads"
    )
    # The reader is known to the person by the name they chose in a group (a group's member,
    # or a peer partner), never by their account's — even once that group is gone.
    by_alias = models.BooleanField(default=False)
    at = models.DateTimeField(default=timezone.now)
    page = models.CharField(max_length=24)  # a key of circles.audit.PAGES
    record_kind = models.CharField(max_length=24, blank=True)  # the entry read: "experiences"
    record_id = models.UUIDField(null=True, blank=True)

    class Meta:
        ordering = ("-at",)
        indexes = [models.Index(fields=["person", "-at"])]

    def __str__(self) -> str:
        return f"Read {self.id}"


COMMENT_LIMIT = 2000  # a note between sessions, not a letter


class Comment(models.Model):
    """A practitioner's comment on an entry the person shares, or the person's reply. It is the
    person's to keep: sealed with their key (`owner`), shown beside the entry, theirs to hide."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="circle_comments")
    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="comments_written"
    )
    entry_kind = models.CharField(max_length=24)  # the entry's export key: "experiences"
    entry_id = models.UUIDField()
    reply_to = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    body = EncryptedTextField("the comment", limit=COMMENT_LIMIT)
    at = models.DateTimeField(default=timezone.now)
    hidden_at = models.DateTimeField(null=True, blank=True)  # the person set it aside

    class Meta:
        ordering = ("at",)
        indexes = [models.Index(fields=["owner", "entry_id"])]

    def __str__(self) -> str:
        return f"Comment {self.id}"

    @property
    def by_the_person(self) -> bool:
        return self.author_id == self.owner_id


class Assignment(models.Model):
    """Something a practitioner suggests trying before the next session, with a date. It is the
    person's (sealed with their key); what they make of it is linked back (`entry_id`), so the
    prediction before and the outcome after reach the practitioner — when that entry is
    shared."""

    class Kind(models.TextChoices):
        EXPERIENCE = "experience", "An experience to plan"
        JOURNAL = "journal", "Something to write about"
        STEP = "step", "A step of a ladder to try"
        SCRIPT = "script", "A script to rehearse"
        QUESTIONNAIRE = "questionnaire", "A questionnaire to take"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="assignments")
    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="assignments")
    kind = models.CharField(max_length=16, choices=Kind, default=Kind.EXPERIENCE)
    what = EncryptedTextField("what to try", limit=COMMENT_LIMIT)
    prompt = models.CharField(max_length=24, blank=True)  # a journal question of ours, if any
    # What it is about, for a step, a script or a questionnaire: the step's or the script's id,
    # or the questionnaire's key.
    about = models.CharField(max_length=40, blank=True)
    due = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)
    entry_kind = models.CharField(max_length=24, blank=True)  # what the person made of it
    entry_id = models.UUIDField(null=True, blank=True)

    class Meta:
        ordering = ("done_at", "due", "created_at")

    def __str__(self) -> str:
        return f"Assignment {self.id}"

    @property
    def start_url(self) -> str:
        """Where the person starts on it; what they save there is linked back."""
        if self.kind == self.Kind.JOURNAL:
            prompt = f"prompt={self.prompt}&" if self.prompt else ""
            return f"{reverse('reflection:entry-new')}?{prompt}assignment={self.pk}"
        page = {
            self.Kind.STEP: ("practice:attempt-new", [self.about]),
            self.Kind.SCRIPT: ("practice:rehearse", [self.about]),
            self.Kind.QUESTIONNAIRE: ("measures:take", [self.about]),
        }.get(self.Kind(self.kind), ("ledger:plan", []))
        return f"{reverse(page[0], args=page[1])}?assignment={self.pk}"

    @property
    def done_word(self) -> str:
        """What the person did with it, once they did: "planned 3 Dec"."""
        return {
            self.Kind.JOURNAL: "written",
            self.Kind.SCRIPT: "rehearsed",
            self.Kind.QUESTIONNAIRE: "taken",
        }.get(self.Kind(self.kind), "planned")

    @property
    def start_words(self) -> str:
        """The link on Today that starts on it."""
        return {
            self.Kind.JOURNAL: "Write about it",
            self.Kind.STEP: "Plan the step",
            self.Kind.SCRIPT: "Rehearse it",
            self.Kind.QUESTIONNAIRE: "Take it",
        }.get(self.Kind(self.kind), "Plan it")


class Session(models.Model):
    """A session, as the practitioner logs it: held, cancelled or missed, and a rupture or repair
    noticed in it. It is the person's to see (sealed with their key), and what was noticed
    joins their own record only if they choose to note it there."""

    class Status(models.TextChoices):
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"
        MISSED = "missed", "Missed"

    class Noticed(models.TextChoices):
        NOTHING = "", "Nothing in particular"
        RUPTURE = "rupture", "A rupture between us"
        REPAIR = "repair", "A repair between us"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sessions_logged")
    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="sessions")
    at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status, default=Status.HELD)
    noticed = models.CharField(max_length=8, choices=Noticed, blank=True, default="")
    what = EncryptedTextField("what was noticed", null=True, blank=True, limit=COMMENT_LIMIT)
    set_aside_at = models.DateTimeField(null=True, blank=True)  # the person said "not for me"
    entry_kind = models.CharField(max_length=24, blank=True)  # noted in their record as…
    entry_id = models.UUIDField(null=True, blank=True)

    class Meta:
        ordering = ("-at",)

    def __str__(self) -> str:
        return f"Session {self.id}"
