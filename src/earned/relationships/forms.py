from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from earned.records.forms import (
    DATETIME_FORMAT,
    RecordForm,
    accept_formats,
    choose_from,
    named,
    offer_blank,
    percent_field,
    set_choices,
    text_area,
)
from earned.relationships.choices import INTENSITY_RANGE, RuptureKind
from earned.relationships.models import Person, Repair, Rupture
from earned.rituals.forms import scale_field


def when_widget() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)


class PersonForm(RecordForm[Person]):
    feels_safe = percent_field(
        "How safe does it feel with them now? (0–100, optional)",
        help_text="Your felt sense, today. You can rate it again whenever it changes.",
    )

    class Meta:
        model = Person
        fields = ("name", "role", "safe_ally", "note")
        labels = {
            "name": "Their name, or an alias",
            "role": "Who they are to you",
            "safe_ally": "They feel like a safe ally now",
            "note": "A note (optional)",
        }
        help_texts = {"name": "Only you see it. An initial or a nickname is fine."}
        widgets = {"name": forms.TextInput, "note": text_area()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_blank(self.fields["role"], "Choose…")
        if not self.instance._state.adding:
            del self.fields["feels_safe"]  # re-rated on their page, keeping the history


class SafetyForm(forms.Form):
    feels_safe = percent_field("How safe does it feel with them now? (0–100)", required=True)


class RuptureForm(RecordForm[Rupture]):
    intensity = scale_field("How big did it feel? (1–5)", INTENSITY_RANGE, "")

    class Meta:
        model = Rupture
        fields = (
            "person", "at", "setting", "kind", "intensity", "trigger", "own_part", "their_part",
            "noticed_by",
        )  # fmt: skip
        labels = {
            "person": "With whom",
            "kind": "What happened between you",
            "trigger": "What set it off? (optional)",
            "own_part": "Your part, as you see it (optional)",
            "their_part": "Their part, as you see it (optional)",
        }
        help_texts = {
            "own_part": "Without judging yourself: what did you do or not do?",
        }
        widgets = {
            "at": when_widget(),
            "setting": forms.RadioSelect,
            "kind": forms.RadioSelect,
            "trigger": text_area(),
            "own_part": text_area(),
            "their_part": text_area(),
        }

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choose_from(self.fields["person"], people, named, empty="Choose someone…")
        accept_formats(self.fields["at"], DATETIME_FORMAT)
        set_choices(self.fields["kind"], RuptureKind.choices)  # no "-----"
        self.fields["intensity"].required = True
        offer_blank(self.fields["noticed_by"], "Choose…")


class RepairForm(RecordForm[Repair]):
    class Meta:
        model = Repair
        fields = ("at", "started_by", "what", "outcome")
        labels = {
            "what": "What was said or done",
            "outcome": "How did it land?",
        }
        widgets = {"at": when_widget(), "what": text_area(3), "outcome": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        accept_formats(self.fields["at"], DATETIME_FORMAT)
        offer_blank(self.fields["started_by"], "Choose…")
