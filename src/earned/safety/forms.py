from __future__ import annotations

from django import forms

from earned.safety.models import STEPS, SafetyPlan


class SafetyPlanForm(forms.ModelForm[SafetyPlan]):
    class Meta:
        model = SafetyPlan
        fields = [key for key, _, _ in STEPS]
        labels = {key: heading for key, heading, _ in STEPS}
        help_texts = {key: guidance for key, _, guidance in STEPS}
        widgets = {key: forms.Textarea(attrs={"rows": 4}) for key, _, _ in STEPS}
