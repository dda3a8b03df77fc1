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


class ChangeFiguresForm(forms.Form):
    """A published study's figures for reliable change: the norm SD and the reliability."""

    norm_sd = forms.FloatField(
        label="Standard deviation of the reference group",
        min_value=0.01,
        help_text="As the study reports it, in the questionnaire's own points (for example 3.5).",
        error_messages={
            "required": "Please give the standard deviation.",
            "invalid": "Please give the standard deviation as a number, like 3.5.",
            "min_value": "The standard deviation is a number above zero.",
        },
    )
    reliability = forms.FloatField(
        label="Reliability (Cronbach's alpha or test–retest)",
        min_value=0,
        max_value=0.999,
        help_text="A number from 0 to 1, for example 0.89.",
        error_messages={
            "required": "Please give the reliability.",
            "invalid": "Please give the reliability as a number, like 0.89.",
            "min_value": "The reliability is a number from 0 up to (not including) 1.",
            "max_value": "The reliability is a number from 0 up to (not including) 1.",
        },
    )
    source = forms.CharField(
        label="Where these figures come from",
        max_length=300,
        help_text="The study, so you and your clinician can find it again.",
        error_messages={"required": "Please say which study these figures come from."},
    )
