"""Reflection tools: the journal, dialogues between two voices, brief imagery, and
interpretation shifts. Every text a person writes here is encrypted; prompts and scripts are
ours and kept by their keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.urls import reverse
from django.utils import timezone

from earned.core.phrasing import both
from earned.ledger.models import Expectation
from earned.privacy.fields import EncryptedTextField
from earned.records.links import OwnLink, OwnLinks
from earned.records.models import (
    WORD_LIMIT,
    Category,
    Owned,
    Searched,
    needed,
    optional_text,
    percent,
)
from earned.reflection.imagery import SCRIPT_CHOICES, SCRIPTS_BY_KEY, Script
from earned.reflection.prompts import PROMPT_CHOICES, PROMPTS

if TYPE_CHECKING:
    from earned.relationships.models import Person


class Shift(Owned):
    """A social signal, the verdict that came at once, other ways to read it, and what the
    signal tells as information: a misreading caught, whatever the person concludes."""

    category = Category.REFLECTION
    exported_as = "shifts"
    searched_as = Searched("shifts", "Interpretation shifts", "at", rank=70)

    at = models.DateTimeField(default=timezone.now)
    expectation = OwnLink(
        Expectation, on_delete=models.SET_NULL, null=True, blank=True, related_name="shifts"
    )
    signal = EncryptedTextField("what happened, the signal")
    verdict = EncryptedTextField("the verdict that came at once")
    reading_1 = EncryptedTextField("another way to read it")
    reading_2 = EncryptedTextField("and another")
    reading_3 = optional_text("one more, if it comes")
    information = optional_text("what the signal tells, as information")
    believable_before = percent("how believable the verdict felt at first", null=True, blank=True)
    believable_after = percent("how believable it is now", null=True, blank=True)

    class Meta:
        ordering = ("-at",)
        indexes = [models.Index(fields=["owner", "-at"])]

    def __str__(self) -> str:
        return f"Shift {self.id}"

    def get_absolute_url(self) -> str:
        return reverse("reflection:shift", args=[self.pk])

    def search_texts(self) -> list[str | None]:
        return [self.signal, self.verdict, *self.readings, self.information]

    @property
    def search_title(self) -> str:
        return str(self.signal)

    @property
    def readings(self) -> list[str]:
        return [text for text in (self.reading_1, self.reading_2, self.reading_3) if text]


class JournalEntry(Owned):
    category = Category.REFLECTION
    exported_as = "journal_entries"
    searched_as = Searched("journal", "Journal", "at", rank=40)

    at = models.DateTimeField(default=timezone.now)
    prompt = models.CharField(max_length=24, choices=PROMPT_CHOICES, blank=True)
    body = EncryptedTextField(
        "what you wrote", error_messages=needed("There is nothing to keep yet: write a few words.")
    )
    expectations: models.ManyToManyField[Expectation, JournalLink] = OwnLinks(
        Expectation, through="JournalLink", related_name="journal_entries", blank=True
    )
    people: models.ManyToManyField[Person, JournalPerson] = OwnLinks(
        "relationships.Person", through="JournalPerson", related_name="journal_entries", blank=True
    )

    class Meta:
        ordering = ("-at",)
        indexes = [models.Index(fields=["owner", "-at"])]
        verbose_name_plural = "journal entries"

    def __str__(self) -> str:
        return f"Journal entry {self.id}"

    def get_absolute_url(self) -> str:
        return reverse("reflection:entry", args=[self.pk])

    def search_texts(self) -> list[str | None]:
        return [self.body]

    @property
    def search_title(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        """The entry's first line, cut to a heading's length."""
        first = str(self.body).strip().split("\n", 1)[0]
        return first if len(first) <= 80 else first[:80].rsplit(" ", 1)[0] + "…"

    @property
    def prompt_text(self) -> str:
        prompt = PROMPTS.get(self.prompt)
        return prompt.text if prompt else ""


class JournalLink(Owned):
    """A journal entry about an old expectation (an entry may be about several)."""

    category = Category.REFLECTION
    exported_as = "journal_links"

    entry = OwnLink(JournalEntry, on_delete=models.CASCADE)
    expectation = OwnLink(Expectation, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "expectation"], name="journal_link_once")
        ]

    def __str__(self) -> str:
        return f"Journal link {self.id}"


class JournalPerson(Owned):
    """A journal entry about someone in the person's life."""

    category = Category.REFLECTION
    exported_as = "journal_people"

    entry = OwnLink("JournalEntry", on_delete=models.CASCADE)
    person = OwnLink("relationships.Person", on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "person"], name="journal_person_once")
        ]

    def __str__(self) -> str:
        return f"Journal person {self.id}"


class Dialogue(Owned):
    """Two voices on the page, turn by turn."""

    category = Category.REFLECTION
    exported_as = "dialogues"
    searched_as = Searched("dialogues", "Dialogues", "at", ("turns",), 50)

    at = models.DateTimeField(default=timezone.now)
    first_voice = EncryptedTextField(
        "the first voice",
        error_messages=needed("Please give the first voice a name."),
        limit=WORD_LIMIT,
    )
    second_voice = EncryptedTextField(
        "the second voice",
        error_messages=needed("Please give the second voice a name."),
        limit=WORD_LIMIT,
    )
    about = optional_text("what it is about")

    class Meta:
        ordering = ("-at",)
        indexes = [models.Index(fields=["owner", "-at"])]

    def __str__(self) -> str:
        return f"Dialogue {self.id}"

    def get_absolute_url(self) -> str:
        return reverse("reflection:dialogue", args=[self.pk])

    def search_texts(self) -> list[str | None]:
        """The voices, the topic and every turn (prefetch "turns")."""
        return [
            self.first_voice,
            self.second_voice,
            self.about,
            *(text for turn in self.turns.all() for text in turn.search_texts()),
        ]

    @property
    def voices(self) -> str:
        return both(str(self.first_voice), str(self.second_voice))

    @property
    def search_title(self) -> str:
        return str(self.about or self.voices)

    def voice(self, number: int) -> str:
        return str(self.first_voice if number == Turn.FIRST else self.second_voice)


class Turn(Owned):
    category = Category.REFLECTION
    exported_as = "dialogue_turns"
    indexed_with = "dialogue"

    FIRST, SECOND = 1, 2

    dialogue = OwnLink(Dialogue, on_delete=models.CASCADE, related_name="turns")
    position = models.PositiveSmallIntegerField(default=0)
    voice = models.PositiveSmallIntegerField(choices=[(FIRST, "first"), (SECOND, "second")])
    text = EncryptedTextField("what the voice says")

    class Meta:
        ordering = ("dialogue", "position")

    def search_texts(self) -> list[str | None]:
        """Its words, which its dialogue's entry holds (`indexed_with`)."""
        return [self.text]

    def __str__(self) -> str:
        return f"Turn {self.id}"


class Imagery(Owned):
    """One time through a guided imagery script, and how it was."""

    category = Category.REFLECTION
    exported_as = "imagery"
    searched_as = Searched("imagery", "Imagery", "at", rank=60)

    at = models.DateTimeField(default=timezone.now)
    script = models.CharField(max_length=24, choices=SCRIPT_CHOICES)
    distress_before = percent("distress before", null=True, blank=True)
    distress_after = percent("distress after", null=True, blank=True)
    felt = optional_text("how it felt")
    note = optional_text("a note afterwards")

    class Meta:
        ordering = ("-at",)
        indexes = [models.Index(fields=["owner", "-at"])]
        verbose_name_plural = "imagery"

    def __str__(self) -> str:
        return f"Imagery {self.id}"

    def get_absolute_url(self) -> str:
        return reverse("reflection:imagery", args=[self.pk])

    def search_texts(self) -> list[str | None]:
        details = self.script_details
        return [self.felt, self.note, details.title if details else None]

    @property
    def search_title(self) -> str:
        details = self.script_details
        return details.title if details else "Imagery"

    @property
    def script_details(self) -> Script | None:
        return SCRIPTS_BY_KEY.get(self.script)
