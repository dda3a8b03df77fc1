"""The working model (old expectations, rated over time) and the experience ledger (a
prediction made before, completed after). Every row carries its owner; free text is encrypted."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from earned.core import belief
from earned.ledger.choices import (
    EMOTIONS,
    RESPONSES,
    BodyPlace,
    Context,
    Counterpart,
    ExplainedAway,
    Window,
    Wound,
)
from earned.privacy.fields import EncryptedTextField
from earned.records.links import OwnLink, OwnLinks
from earned.records.models import (
    LINE_LIMIT,
    WORD_LIMIT,
    Category,
    Owned,
    Searched,
    needed,
    optional_text,
    percent,
)

# Clocks and typing differ a little: "now" written in a form may be a minute or two ahead.
CLOCK_SLACK = datetime.timedelta(minutes=5)


def still_to_come(when: datetime.datetime | None) -> bool:
    return when is not None and when > timezone.now() + CLOCK_SLACK


def validate_responses(value: str) -> None:
    unknown = [key for key in value.split(",") if key and key not in RESPONSES]
    if unknown:
        raise ValidationError(f"Unknown responses: {', '.join(unknown)}")


class Expectation(Owned):
    category = Category.EXPECTATIONS
    exported_as = "expectations"
    searched_as = Searched("expectations", "Expectations", "created_at", rank=20)

    text = EncryptedTextField(
        "the expectation, in your own words",
        error_messages=needed("Please write the expectation down."),
        limit=LINE_LIMIT,
    )
    wound = models.CharField("where it comes from", max_length=20, choices=Wound, blank=True)
    wound_own_word = optional_text("your own word for where it comes from", WORD_LIMIT)
    counterpart = models.CharField(
        "what would answer it", max_length=24, choices=Counterpart, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"Expectation {self.id}"

    def get_absolute_url(self) -> str:
        return reverse("ledger:expectation", args=[self.pk])

    def search_texts(self) -> list[str | None]:
        return [self.text, self.wound_own_word]

    @property
    def search_title(self) -> str:
        return str(self.text)

    def clean(self) -> None:
        if self.wound == Wound.OWN and not (self.wound_own_word or "").strip():
            raise ValidationError(
                {"wound_own_word": "Please write your own word, or choose from the list."}
            )


class Experience(Owned):
    category = Category.EXPERIENCES
    exported_as = "experiences"
    searched_as = Searched("experiences", "Experiences", "happens_at", ("emotions",), 10)

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        DRAFT = "draft", "Debrief in progress"
        DONE = "done", "Debriefed"

    status = models.CharField(max_length=8, choices=Status, default=Status.PLANNED)
    created_at = models.DateTimeField(default=timezone.now)
    happens_at = models.DateTimeField("when")
    context = models.CharField("who it is with", max_length=10, choices=Context, blank=True)
    who = optional_text("who", LINE_LIMIT)
    person = OwnLink(
        "relationships.Person",
        on_delete=models.SET_NULL,  # deleting a person keeps the experience, unlinked
        null=True,
        blank=True,
        related_name="experiences",
    )
    expectations: models.ManyToManyField[Expectation, Tested] = OwnLinks(
        Expectation, through="Tested", related_name="tests"
    )
    # The prediction, made before.
    situation = EncryptedTextField(
        "the situation",
        error_messages=needed("Please say what the situation is."),
        limit=LINE_LIMIT,
    )
    feared = optional_text("what you fear will happen")
    likelihood = percent("how likely it feels", null=True, blank=True)
    expected_distress = percent("how hard you expect it to be", null=True, blank=True)
    safety_behaviours = optional_text("safety behaviours to drop")
    support = optional_text("support")
    # The debrief, after.
    happened = optional_text("what actually happened")
    occurred = percent("how much of the feared outcome happened", null=True, blank=True)
    peak_distress = percent("peak distress", null=True, blank=True)
    window = models.CharField("window of tolerance", max_length=6, choices=Window, blank=True)
    felt = models.BooleanField("felt, or only observed", null=True, blank=True)
    body_place = models.CharField("where in the body", max_length=8, choices=BodyPlace, blank=True)
    body_sensation = optional_text("what you noticed in your body")
    responses = models.CharField(
        "how you responded", max_length=120, blank=True, validators=[validate_responses]
    )
    helped = optional_text("what helped")
    hindered = optional_text("what got in the way")
    explained_away = models.CharField(
        "explained it away", max_length=6, choices=ExplainedAway, blank=True
    )
    explained_away_how = optional_text("how you explained it away")
    learned = optional_text("what you learned")
    next_action = optional_text("next small step")
    debriefed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-happens_at", "-created_at")
        indexes = [
            models.Index(fields=["owner", "-happens_at"]),
            # What the evidence reads of each tested experience, found by id without the row
            # and its encrypted text: the working model's tallies join thousands of them.
            models.Index(
                fields=[
                    "id",
                    "status",
                    "occurred",
                    "felt",
                    "window",
                    "explained_away",
                    "happens_at",
                ],
                name="experience_evidence",
            ),
            # What Insights reads of a period's debriefed experiences, and the days practice
            # was planned (by when each was written): answered from the index alone, ten
            # years of rows are read several times faster than through rows of encrypted text.
            models.Index(
                fields=[
                    "owner",
                    "status",
                    "happens_at",
                    "likelihood",
                    "occurred",
                    "peak_distress",
                    "window",
                    "responses",
                    "explained_away",
                    "felt",
                    "context",
                    "person",
                ],
                name="experience_insights",
            ),
            models.Index(fields=["owner", "created_at"], name="experience_written"),
            # Today's "ready to debrief": the few experiences not yet debriefed, by when, found
            # without walking every debriefed one (at ten years, 18,000 rows and 48 ms a page).
            models.Index(
                fields=["owner", "happens_at"],
                condition=~models.Q(status="done"),
                name="experience_to_debrief",
            ),
        ]

    def __str__(self) -> str:
        return f"Experience {self.id}"

    def get_absolute_url(self) -> str:
        return reverse("ledger:experience", args=[self.pk])

    def search_texts(self) -> list[str | None]:
        """Every text of the experience, its own feeling words too (prefetch "emotions")."""
        return [
            self.situation, self.who, self.feared, self.safety_behaviours, self.support,
            self.happened, self.body_sensation, self.helped, self.hindered,
            self.explained_away_how, self.learned, self.next_action,
            *(text for emotion in self.emotions.all() for text in emotion.search_texts()),
        ]  # fmt: skip

    @property
    def search_title(self) -> str:
        return str(self.situation)

    def check_finished(self) -> None:
        """A debrief is finished only once it says what happened, and how much of the feared
        outcome did: the rest of Earned builds on those two (ledger.services asks this)."""
        missing = {}
        if not (self.happened or "").strip():
            missing["happened"] = "Please write a few words about what happened."
        if self.occurred is None:
            missing["occurred"] = "Please choose how much of it happened, from 0 to 100."
        if missing:
            raise ValidationError(missing)

    def check_has_happened(self) -> None:
        """Logged in one go, an experience must have happened already."""
        if still_to_come(self.happens_at):
            raise ValidationError(
                {
                    "happens_at": "That time is still to come. For something ahead, plan it "
                    "instead; for something that has happened, give a time that has passed."
                }
            )

    @property
    def violation(self) -> int | None:
        """Expected minus happened: positive when it went better than feared."""
        return belief.violation(self.likelihood, self.occurred)

    @property
    def difference(self) -> str:
        """The violation in words, the same in the app and the terminal."""
        violation = self.violation
        if violation is None:
            return "—"
        if violation > 0:
            return f"{violation} points better than feared"
        if violation < 0:
            return f"{-violation} points harder than feared"
        return "as feared"

    @property
    def response_keys(self) -> list[str]:
        return [key for key in self.responses.split(",") if key]

    @property
    def is_due(self) -> bool:
        """Its time has come and its debrief is not finished (ledger.services.due_to_debrief
        asks the database the same)."""
        return self.status != self.Status.DONE and self.happens_at <= timezone.now()


class Tested(Owned):
    """An experience that tests an expectation (an experience may test several)."""

    category = Category.EXPERIENCES
    exported_as = "tested"

    experience = OwnLink(Experience, on_delete=models.CASCADE)
    expectation = OwnLink(Expectation, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["experience", "expectation"], name="tested_once")
        ]
        indexes = [
            # Everything the working model and Insights read of a test, so ten years of them
            # are counted from the index alone.
            models.Index(fields=["owner", "expectation", "experience", "id"], name="tested_by"),
        ]

    def __str__(self) -> str:
        return f"Tested {self.id}"


class Rating(Owned):
    """How true an expectation feels and how true the person thinks it is, at one moment."""

    category = Category.EXPECTATIONS
    exported_as = "ratings"

    expectation = OwnLink(Expectation, on_delete=models.CASCADE, related_name="ratings")
    feels_true = percent("feels true")
    think_true = percent("think it is true")
    rated_at = models.DateTimeField(default=timezone.now)
    experience = OwnLink(
        Experience, on_delete=models.SET_NULL, null=True, blank=True, related_name="ratings"
    )

    class Meta:
        ordering = ("rated_at",)

    def __str__(self) -> str:
        return f"Rating {self.id}"


class Emotion(Owned):
    """A feeling named in a debrief, from our list or in the person's own word."""

    category = Category.EXPERIENCES
    exported_as = "emotions"
    indexed_with = "experience"

    experience = OwnLink(Experience, on_delete=models.CASCADE, related_name="emotions")
    word = models.CharField(max_length=16, choices=list(EMOTIONS.items()), blank=True)
    own_word = optional_text("your own word", WORD_LIMIT)
    intensity = percent("how strong")

    def search_texts(self) -> list[str | None]:
        """Its words, which its experience's entry holds (`indexed_with`)."""
        return [self.own_word]

    def __str__(self) -> str:
        return f"Emotion {self.id}"

    @property
    def label(self) -> str:
        return EMOTIONS.get(self.word, "") or (self.own_word or "")
