"""Forms for practice. An attempt's plan and debrief are the ledger's own forms (PlanForm,
DebriefForm), shown beside the few fields only practice asks for."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from earned.ledger.models import Expectation
from earned.practice.choices import CONFIDENCE_RANGE
from earned.practice.models import Attempt, Ladder, Rehearsal, Script, Step
from earned.records.forms import RecordForm, choose_from, offer_blank, percent_field, text_area
from earned.reflection.forms import linkable_expectations
from earned.rituals.forms import scale_field


class LadderForm(RecordForm[Ladder]):
    expectations = forms.ModelMultipleChoiceField(
        queryset=Expectation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Which old expectations does it work on? (optional)",
    )

    class Meta:
        model = Ladder
        fields = ("goal", "value")
        labels = {
            "goal": "What would you like to be able to do?",
            "value": "Why does it matter to you? (optional)",
        }
        help_texts = {
            "goal": "For example: “Ask for what I need at home.”",
            "value": "A value it serves, in a few words: closeness, honesty, rest…",
        }
        widgets = {"goal": text_area(), "value": forms.TextInput}

    def __init__(self, *args: Any, expectations: QuerySet[Expectation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        linkable_expectations(self.fields["expectations"], expectations)
        if self.instance.pk and not self.is_bound:
            self.initial["expectations"] = list(self.instance.expectations.all())


class StepForm(RecordForm[Step]):
    expected_distress = percent_field(
        "How hard do you expect it to be? (0–100)",
        required=True,
        help_text="0 is easy, 100 the hardest you can imagine. Steps are ordered by this.",
    )

    class Meta:
        model = Step
        fields = ("description", "expected_distress")
        labels = {"description": "The step"}
        help_texts = {"description": "Something small and concrete: who, what, where."}
        widgets = {"description": forms.TextInput}


class CopingForm(forms.ModelForm[Attempt]):
    class Meta:
        model = Attempt
        fields = ("coping_plan",)
        labels = {"coping_plan": "If it gets hard, what will you do? (optional)"}
        help_texts = {
            "coping_plan": "For example: “Breathe out slowly, say I need a minute, step outside.”"
        }
        widgets = {"coping_plan": text_area()}


class MomentForm(forms.ModelForm[Attempt]):
    distress_now = forms.IntegerField(
        label="Distress right now",
        min_value=0,
        max_value=100,
        required=False,
        widget=forms.NumberInput(
            attrs={"type": "range", "min": 0, "max": 100, "step": 5, "class": "big-slider"}
        ),
        error_messages={
            "min_value": "Please choose a number from 0 to 100.",
            "max_value": "Please choose a number from 0 to 100.",
            "invalid": "Please choose a number from 0 to 100.",
        },
    )

    class Meta:
        model = Attempt
        fields = ("distress_now", "doing_now")
        labels = {"doing_now": "What are you doing right now? (optional)"}
        widgets = {"doing_now": forms.TextInput}


class LessonsForm(forms.ModelForm[Attempt]):
    class Meta:
        model = Attempt
        fields = ("to_repeat", "to_adjust")
        labels = {
            "to_repeat": "What would you do again?",
            "to_adjust": "What would you change next time?",
        }
        widgets = {"to_repeat": text_area(), "to_adjust": text_area()}


class ScriptForm(RecordForm[Script]):
    class Meta:
        model = Script
        fields = (
            "situation", "title", "when_it_fits", "opening", "feeling", "request", "if_badly",
        )  # fmt: skip
        labels = {
            "situation": "What kind of conversation is it?",
            "title": "A name for it",
            "when_it_fits": "When does it fit? (optional)",
            "opening": "How you could open",
            "feeling": "Saying how you feel",
            "request": "What you ask for, or say plainly",
            "if_badly": "What you could say if it goes badly",
        }
        help_texts = {"title": "For example: “Asking Jo for an evening off.”"}
        widgets = {
            "title": forms.TextInput,
            "when_it_fits": forms.TextInput,
            "opening": text_area(),
            "feeling": text_area(),
            "request": text_area(),
            "if_badly": text_area(),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_blank(self.fields["situation"], "Choose…")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        lines = ("opening", "feeling", "request", "if_badly")
        if not self.errors and not any((cleaned.get(name) or "").strip() for name in lines):
            raise forms.ValidationError("Please write at least one line to say.")
        return cleaned


class RehearsalForm(forms.ModelForm[Rehearsal]):
    confidence_before = scale_field(
        "Before: how confident do you feel saying it? (0–10)", CONFIDENCE_RANGE, ""
    )
    confidence_after = scale_field("After: how confident now? (0–10)", CONFIDENCE_RANGE, "")

    class Meta:
        model = Rehearsal
        fields = ("mode", "confidence_before", "confidence_after", "note", "attempt")
        labels = {
            "mode": "How are you rehearsing?",
            "note": "A note (optional)",
            "attempt": "Is it for an attempt on one of your ladders? (optional)",
        }
        widgets = {"mode": forms.RadioSelect, "note": text_area()}

    def __init__(self, *args: Any, attempts: QuerySet[Attempt], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choose_from(
            self.fields["attempt"],
            attempts,
            lambda attempt: (
                f"{attempt.step.description} — {attempt.experience.happens_at:%d %b %Y}"
            ),
            empty="Not linked yet",
        )
