from __future__ import annotations

from typing import Any

from django import forms

from earned.core.instruments import DEFINITIONS
from earned.measures.instruments import Instrument


class TakeForm(forms.Form):
    """One page: every item with its answer scale, then an optional note."""

    def __init__(self, *args: Any, instrument: Instrument, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        low = instrument.rules.low
        for number, text in enumerate(instrument.items, start=1):
            answers = instrument.options[number - 1]
            self.fields[f"item_{number}"] = forms.ChoiceField(
                label=f"{number}. {text}",
                choices=[(str(low + n), words) for n, words in enumerate(answers)],
                widget=forms.RadioSelect,
                error_messages={"required": "Please choose an answer for this one."},
            )
        self.fields["note"] = forms.CharField(
            label="Anything you want to remember about this time? (optional)",
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def answers(self) -> dict[int, int]:
        return {
            number: int(self.cleaned_data[f"item_{number}"])
            for number in range(1, len(self.instrument.items) + 1)
        }


class ScheduleForm(forms.Form):
    every_days = forms.TypedChoiceField(
        label="Suggest it",
        coerce=int,
        choices=[(7, "Every week"), (14, "Every two weeks"), (30, "Every month"), (0, "Never")],
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label="The questionnaire file (FHIR R4 Questionnaire, JSON)",
        error_messages={
            "required": "Please choose the file to import.",
            "empty": "This file is empty.",
        },
    )
    instrument = forms.ChoiceField(
        label="Which questionnaire is it?",
        required=False,
        choices=[("", "Let Earned recognise it from the file")]
        + [(d.key, d.name) for d in DEFINITIONS.values()],
        help_text="Files from LOINC are recognised by their code; for others, say which it is.",
    )
