from __future__ import annotations

import datetime
from typing import Any

from django import forms

SECTIONS = {
    "model": "Your working model: each expectation, how true it feels, and the evidence",
    "markers": "Progress, week by week",
    "map": "The map of triggers and safe zones",
    "patterns": "Patterns worth reflecting on",
    "measures": "Questionnaires taken, and their scores",
}


A_DATE = {"invalid": "Enter a valid date. Use the form YYYY-MM-DD."}


class ReportForm(forms.Form):
    first = forms.DateField(
        label="From", widget=forms.DateInput(attrs={"type": "date"}), error_messages=A_DATE
    )
    last = forms.DateField(
        label="To", widget=forms.DateInput(attrs={"type": "date"}), error_messages=A_DATE
    )
    sections = forms.MultipleChoiceField(
        label="What to include",
        choices=list(SECTIONS.items()),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one part to include."},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first: datetime.date | None = data.get("first")
        last: datetime.date | None = data.get("last")
        if first and last and first > last:
            self.add_error("last", "The end date comes before the start date.")
        return data
