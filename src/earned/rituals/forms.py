"""The rituals' forms: short, every field optional, the scales tapped rather than typed."""

from __future__ import annotations

from typing import Any

from django import forms

from earned.ledger.choices import EMOTION_GROUPS, Context
from earned.records.forms import RecordForm, offer_blank, text_area
from earned.rituals.choices import (
    ENERGY_RANGE,
    MOOD_RANGE,
    TENSION_RANGE,
    Felt,
    Kind,
    PredictionOutcome,
)
from earned.rituals.models import ASKED, CheckIn
from earned.rituals.services import Line, check_something_given

EVENING_LINES = 5  # rows for the day's interactions; three show, two more behind “add more”


def signed(value: int) -> str:
    """−2, 0, +2: with a true minus sign, as people write it."""
    return f"{value:+d}".replace("-", "−") if value else "0"


def scale_field(label: str, bounds: tuple[int, int], help_text: str) -> forms.TypedChoiceField:
    low, high = bounds
    return forms.TypedChoiceField(
        label=label,
        choices=[
            (value, signed(value) if low < 0 else str(value)) for value in range(low, high + 1)
        ],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=help_text,
        widget=forms.RadioSelect(attrs={"class": "scale"}),
        error_messages={"invalid_choice": f"Please choose a number from {signed(low)} to {high}."},
    )


def emotion_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label="Any feelings?",
        choices=[(group, list(words.items())) for group, words in EMOTION_GROUPS.items()],
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "word-chips"}),
    )


MOOD_HELP = "−5 very low, 0 in between, +5 very good."


class CheckInForm(RecordForm[CheckIn]):
    kind: Kind
    mood = scale_field("Mood", MOOD_RANGE, MOOD_HELP)

    class Meta:
        model = CheckIn
        fields: tuple[str, ...] = ("mood",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.kind = self.kind  # its rules depend on its kind

    def clean_emotions(self) -> str:
        return ",".join(self.cleaned_data.get("emotions") or [])

    def check_record(self) -> None:
        if not self.errors:
            outcome = self.cleaned_data.get("prediction_outcome") or ""
            self.hold_to(lambda: check_something_given(self.instance, self.lines(), outcome))

    def lines(self) -> list[Line]:
        return []  # the evening's moments (EveningForm)


class MorningForm(CheckInForm):
    kind = Kind.MORNING
    energy = scale_field("Energy", ENERGY_RANGE, "0 empty, 10 full of it.")
    tension = scale_field("Tension in your body", TENSION_RANGE, "0 loose, 10 very tight.")
    emotions = emotion_field()

    class Meta:
        model = CheckIn
        fields = ASKED[Kind.MORNING]
        labels = {
            "tension_place": "Where is it?",
            "own_words": "Or in your own words",
            "note": "An intention for today",
            "prediction": "A small prediction about someone today",
        }
        help_texts = {
            "note": "For example: “I’ll say what I’d like for dinner.”",
            "prediction": "For example: “I expect my manager to ignore my idea.” This evening "
            "you can look at whether it happened.",
        }
        widgets = {"own_words": forms.TextInput, "note": text_area(), "prediction": text_area()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_blank(self.fields["tension_place"], "Choose…")
        if self.instance.pk and not self.is_bound:
            self.initial["emotions"] = self.instance.emotion_keys


class MiddayForm(CheckInForm):
    kind = Kind.MIDDAY
    note = forms.CharField(  # how long it may be is the check-in's own rule
        label="One word for right now",
        required=False,
        widget=forms.TextInput,  # no maxlength: a paste past it would be cut without a word
    )

    class Meta:
        model = CheckIn
        fields = ASKED[Kind.MIDDAY]


class EveningForm(CheckInForm):
    """The day looked back on. The interactions come as numbered rows (who, with, what, how it
    felt); the morning's prediction, if there was one, can be closed here."""

    kind = Kind.EVENING

    prediction_outcome = forms.ChoiceField(
        label="Did it happen?",
        choices=PredictionOutcome.choices,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = CheckIn
        fields = ASKED[Kind.EVENING]
        labels = {
            "helped": "What helped today?",
            "hindered": "What got in the way?",
            "rupture_or_repair": "A rupture or a repair, if there was one",
        }
        help_texts = {
            "rupture_or_repair": "A moment things went wrong between you and someone, or were "
            "put right again.",
        }
        widgets = {
            "helped": text_area(),
            "hindered": text_area(),
            "rupture_or_repair": text_area(),
        }

    def __init__(self, *args: Any, lines: int = EVENING_LINES, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line_count = lines
        for row in range(lines):
            self.fields[f"who_{row}"] = forms.CharField(label="Who", required=False, max_length=80)
            self.fields[f"context_{row}"] = forms.ChoiceField(
                label="With", choices=[("", "Choose…"), *Context.choices], required=False
            )
            self.fields[f"what_{row}"] = forms.CharField(
                label="What happened, in a line", required=False, max_length=300
            )
            self.fields[f"felt_{row}"] = forms.TypedChoiceField(
                label="How it felt",
                choices=[("", "Choose…"), *Felt.choices],
                coerce=int,
                empty_value=None,
                required=False,
            )
        if self.instance.pk and not self.is_bound:
            editable = [line for line in self.instance.interactions.all() if not line.experience_id]
            for row, line in enumerate(editable[:lines]):
                self.initial[f"who_{row}"] = line.who or ""
                self.initial[f"context_{row}"] = line.context
                self.initial[f"what_{row}"] = line.what or ""
                self.initial[f"felt_{row}"] = line.felt

    @property
    def line_rows(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"{name}_{row}"] for name in ("who", "context", "what", "felt")]
            for row in range(self.line_count)
        ]

    def lines(self) -> list[Line]:
        found = []
        for row in range(self.line_count):
            who = (self.cleaned_data.get(f"who_{row}") or "").strip()
            what = (self.cleaned_data.get(f"what_{row}") or "").strip()
            if who or what:
                found.append(
                    Line(
                        who,
                        self.cleaned_data.get(f"context_{row}") or "",
                        what,
                        self.cleaned_data.get(f"felt_{row}"),
                    )
                )
        return found


FORMS: dict[str, type[CheckInForm]] = {
    "morning": MorningForm,
    "midday": MiddayForm,
    "evening": EveningForm,
}
