from __future__ import annotations

from typing import Any

from django import forms

from earned.records.forms import set_choices
from earned.search.kinds import KINDS


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search for",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    kind = forms.ChoiceField(label="In", required=False)
    since = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label="Until", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self.fields["kind"], self.kind_choices())
        for name in ("since", "until"):
            self.fields[name].error_messages["invalid"] = "Please give a date like 2026-03-14."

    @staticmethod
    def kind_choices() -> list[tuple[str, str]]:
        return [("", "Everything"), *((kind.name, kind.label) for kind in KINDS)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", "This date comes before the first one; please swap them.")
        return cleaned
