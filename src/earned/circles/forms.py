"""What a person chooses to share, and the code a practitioner types."""

from __future__ import annotations

from typing import Any

from django import forms

from earned.circles.models import Assignment, Session, default_categories
from earned.records.models import Category
from earned.reflection.prompts import PROMPTS

CATEGORY_HELP = {
    Category.EXPERIENCES: "What you expected, and what happened.",
    Category.EXPECTATIONS: "Your old expectations and how true they feel.",
    Category.CHECK_INS: "Morning, mid-day and evening check-ins.",
    Category.PRACTICE: "Ladders, steps, scripts and rehearsals.",
    Category.REFLECTION: "Your journal, shifts, dialogues and imagery (off unless you tick it).",
    Category.PEOPLE: "The people in your life, ruptures and repairs.",
    Category.MEASURES: "Questionnaires you have taken.",
    Category.SAFETY: "Your safety plan.",
}


class SharingForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label="What they may see",
        choices=[
            (category.value, f"{category.label} — {CATEGORY_HELP[category]}")
            for category in Category
        ],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="You can change this, or end the circle, at any time; it holds from their next "
        "visit. Any single entry can also be kept private or shared on its own.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"categories": default_categories()})
        super().__init__(*args, **kwargs)


def which_one(label: str) -> forms.CharField:
    """What a suggestion is about, chosen from groups the form sets; checked by the service,
    which says kindly what is missing for the kind chosen."""
    return forms.CharField(label=label, required=False, max_length=40, widget=forms.Select)


def due_by() -> forms.DateField:
    return forms.DateField(
        label="By (optional)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Please give a date like 2026-12-10."},
    )


class AssignmentForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind", choices=Assignment.Kind.choices, widget=forms.RadioSelect
    )
    about = which_one("Which one (for a step, a script or a questionnaire)")
    what = forms.CharField(
        label="What you suggest",
        required=False,  # a step, a script or a questionnaire speaks for itself
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="In a few words, like “Ask your sister to help with the move”. For an "
        "experience they make the prediction themselves, before it happens.",
    )
    prompt = forms.ChoiceField(
        label="One of Earned’s journal questions (optional)",
        required=False,
        choices=[("", "None — your words are enough")]
        + [(prompt.key, prompt.text) for prompt in PROMPTS.values()],
    )
    due = due_by()
    field_order = ("kind", "what", "about", "prompt", "due")

    def __init__(self, *args: Any, about: dict[str, dict[str, str]], **kwargs: Any) -> None:
        """`about`: what each kind can be about, by its group's name ("Their steps")."""
        super().__init__(*args, **kwargs)
        groups = [(name, list(choices.items())) for name, choices in about.items() if choices]
        self.fields["about"].widget.choices = [("", "—"), *groups]


class SessionForm(forms.Form):
    prefix = "session"  # beside the suggestion form on the same page, with a field of its name
    at = forms.DateTimeField(
        label="When",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={"required": "Please say when.", "invalid": "Please give a date and time."},
    )
    status = forms.ChoiceField(
        label="The session", choices=Session.Status.choices, widget=forms.RadioSelect
    )
    noticed = forms.ChoiceField(
        label="Noticed between you", choices=Session.Noticed.choices, required=False
    )
    what = forms.CharField(
        label="What you noticed (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="They see it, and can note it in their own record, in their own words.",
    )


class JoinForm(forms.Form):
    code = forms.CharField(
        label="The code you were given",
        max_length=40,
        help_text="Twelve letters and digits, like ABCD-EFGH-JKLM. Capitals and dashes do not "
        "matter.",
        error_messages={"required": "Please type the code you were given."},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
