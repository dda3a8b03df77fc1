"""The form pieces every kind of record is asked for with: a percentage, a choice worded in our
own words, a text area, a date and time."""

from __future__ import annotations

from typing import Any

from django import forms

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def percent_field(label: str, *, required: bool = False, help_text: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=100,
        required=required,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1, "class": "percent"}),
        error_messages={
            "min_value": "Please choose a number from 0 to 100.",
            "max_value": "Please choose a number from 0 to 100.",
            "invalid": "Please choose a number from 0 to 100.",
            "required": "Please choose a number from 0 to 100.",
        },
    )


def offer_blank(field: forms.Field, label: str) -> None:
    """Word a choice field's empty choice in our own words."""
    assert isinstance(field, forms.ChoiceField)
    existing: list[tuple[Any, Any]] = list(field.choices)  # type: ignore[arg-type]
    field.choices = [("", label), *[choice for choice in existing if choice[0] != ""]]


def text_area(rows: int = 2) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})
