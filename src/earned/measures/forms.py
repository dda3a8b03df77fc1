from __future__ import annotations

from typing import Any

from django import forms

from earned.measures.instruments import Instrument


class TakeForm(forms.Form):
    """One page: every item with its answer scale, then an optional note."""

    def __init__(self, *args: Any, instrument: Instrument, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        low = instrument.rules.low
        choices = [(str(low + n), words) for n, words in enumerate(instrument.answers)]
        for number, text in enumerate(instrument.items, start=1):
            self.fields[f"item_{number}"] = forms.ChoiceField(
                label=f"{number}. {text}",
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={"required": "Please choose an answer for this one."},
            )
        self.fields["note"] = forms.CharField(
            label="Anything you want to remember about this week? (optional)",
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
