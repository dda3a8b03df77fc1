"""What a person chooses when they make an access token."""

from __future__ import annotations

from django import forms

from earned.api.models import NAME_LIMIT
from earned.circles.forms import CATEGORY_HELP
from earned.records.models import Category

LASTS = [("90", "90 days"), ("30", "30 days"), ("365", "A year"), ("never", "Until I revoke it")]


class TokenForm(forms.Form):
    name = forms.CharField(
        label="A name for it",
        max_length=NAME_LIMIT,
        help_text="So you know it again: “journal script”, “my clinic’s system”.",
        error_messages={"required": "Please name the token, so you know it again."},
    )
    categories = forms.MultipleChoiceField(
        label="What it may open",
        choices=[
            # Without a circle's "(off unless you tick it)": here every kind starts unticked.
            (
                category.value,
                f"{category.label} — {CATEGORY_HELP[category].split(' (')[0].rstrip('.')}.",
            )
            for category in Category
        ],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Please choose at least one kind of entry it may open."},
    )
    can_write = forms.BooleanField(
        label="It may also add, change and delete these entries",
        required=False,
        help_text="Leave it unticked for a token that only reads.",
    )
    lifetime = forms.ChoiceField(
        label="It lasts", choices=LASTS, initial="90", widget=forms.RadioSelect
    )
