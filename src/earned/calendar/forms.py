from __future__ import annotations

from django import forms

from earned.calendar.models import CalendarFeed


class RitualTimesForm(forms.ModelForm[CalendarFeed]):
    class Meta:
        model = CalendarFeed
        fields = ("morning_at", "midday_at", "evening_at")
        labels = {
            "morning_at": "Morning check-in",
            "midday_at": "Mid-day note",
            "evening_at": "Evening review",
        }
        widgets = {name: forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
                   for name in fields}  # fmt: skip
        error_messages = {
            name: {"invalid": "Please give a time of day, such as 08:30 (or leave it empty)."}
            for name in fields
        }
