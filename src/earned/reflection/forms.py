from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from earned.ledger.forms import percent_field, text_area
from earned.ledger.models import Expectation
from earned.reflection.models import Shift


class ShiftForm(forms.ModelForm):  # type: ignore[type-arg]
    believable_before = percent_field(
        "At first, how believable was the verdict? (0–100)", help_text="Your gut, then."
    )
    believable_after = percent_field(
        "Now, how believable is it? (0–100)",
        help_text="Whatever the number, catching the verdict is the practice.",
    )

    class Meta:
        model = Shift
        fields = (
            "signal", "verdict", "believable_before", "reading_1", "reading_2", "reading_3",
            "information", "believable_after", "expectation",
        )  # fmt: skip
        labels = {
            "signal": "What happened? Just the signal",
            "verdict": "The verdict that came at once",
            "reading_1": "Another way to read it",
            "reading_2": "And another",
            "reading_3": "One more, if it comes (optional)",
            "information": "What does the signal tell you, as information? (optional)",
            "expectation": "Which old expectation was speaking? (optional)",
        }
        help_texts = {
            "signal": "For example: “My friend hasn’t answered my message for a day.”",
            "verdict": "For example: “She’s had enough of me.”",
            "reading_1": "For example: “She’s busy with the move.”",
            "information": "For example: “I don’t know yet how she feels; I know she hasn’t "
            "replied.”",
        }
        widgets = {
            "signal": text_area(),
            "verdict": text_area(),
            "reading_1": forms.TextInput,
            "reading_2": forms.TextInput,
            "reading_3": forms.TextInput,
            "information": text_area(),
        }

    def __init__(self, *args: Any, expectations: QuerySet[Expectation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["expectation"]
        field.queryset = expectations  # type: ignore[attr-defined]
        field.empty_label = "None in particular"  # type: ignore[attr-defined]
        field.label_from_instance = lambda obj: str(obj.text)  # type: ignore[attr-defined]
        messages = {
            "signal": "Please write what happened, in a few plain words.",
            "verdict": "Please write the verdict that came, even if it sounds harsh.",
            "reading_1": "Please find at least two other ways to read it; small ones count.",
            "reading_2": "Please find at least two other ways to read it; small ones count.",
        }
        for name, message in messages.items():
            self.fields[name].error_messages["required"] = message
