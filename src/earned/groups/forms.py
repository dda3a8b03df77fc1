"""What a facilitator writes to start a group, and what a person gives to join one."""

from __future__ import annotations

from typing import Any

from django import forms

from earned.circles.forms import SharingForm, due_by, which_one
from earned.groups.models import ALIAS_LIMIT, Exercise, Meeting, Membership
from earned.groups.services import WEEKS_AHEAD, exercise_choices


class GroupForm(forms.Form):
    name = forms.CharField(
        label="The group's name",
        max_length=120,
        error_messages={"required": "Please name the group."},
        help_text="Members see it, like “Tuesday evening: asking for what we need”.",
    )
    description = forms.CharField(
        label="What it is for (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    guidelines = forms.CharField(
        label="Safety guidelines",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Please write the guidelines every member agrees to."},
        help_text="Every member reads and accepts them before joining: what is shared stays in "
        "the group, replies are kind and brief, nobody has to share anything, and what to do "
        "in a crisis.",
    )


class MemberForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput)
    # Both are checked by the service, which says at once everything that is missing.
    alias = forms.CharField(
        label="The name you go by in this group",
        required=False,
        max_length=ALIAS_LIMIT,
        help_text="Members see only this, never the name on your account. A first name, a "
        "nickname, or any word you like.",
    )
    accepted = forms.BooleanField(
        label="I have read the guidelines and agree to them", required=False
    )


class ExerciseForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind", choices=Exercise.Kind.choices, widget=forms.RadioSelect
    )
    what = forms.CharField(
        label="What to try",
        required=False,  # a script or a questionnaire speaks for itself
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="In a few words, like “Ask someone for a small favour this week”. Each member "
        "does it in their own Earned; you see how many did, never what they wrote.",
    )
    about = which_one("Which one (a question, a script or a questionnaire)")
    due = due_by()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names: dict[str, str] = {
            Exercise.Kind.PROMPT: "Earned's journal questions",
            Exercise.Kind.SCRIPT: "Earned's starter scripts",
            Exercise.Kind.QUESTIONNAIRE: "Questionnaires",
        }
        groups = [
            (names[kind], list(choices.items())) for kind, choices in exercise_choices().items()
        ]
        self.fields["about"].widget.choices = [("", "—"), *groups]


class MeetingForm(forms.Form):
    at = forms.DateTimeField(
        label="When",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={"required": "Please say when.", "invalid": "Please give a date and time."},
    )
    status = forms.ChoiceField(
        label="The meeting", choices=Meeting.Status.choices, widget=forms.RadioSelect
    )
    came = forms.MultipleChoiceField(
        label="Who came", required=False, widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(
        label="A note for your log (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only you read it.",
    )
    weeks = forms.IntegerField(
        label="Every week, for how many weeks",
        required=False,  # one meeting, unless it says more
        min_value=1,
        max_value=WEEKS_AHEAD,
        initial=1,
        help_text="To plan the whole course at once: 8 plans eight meetings, a week apart, at "
        "the same time of day.",
        error_messages={
            "min_value": "Please give a number of weeks from 1.",
            "max_value": f"Please plan up to {WEEKS_AHEAD} weeks at a time.",
            "invalid": "Please give a number of weeks, like 8.",
        },
    )

    field_order = ("at", "status", "weeks", "came", "note")

    def __init__(
        self, *args: Any, members: list[Membership], planning: bool = False, **kwargs: Any
    ) -> None:
        """`members`: the group's members now, their aliases opened; `planning`: a new
        meeting, which may repeat weekly."""
        super().__init__(*args, **kwargs)
        came = self.fields["came"]
        assert isinstance(came, forms.MultipleChoiceField)
        came.choices = [(str(each.pk), str(each.alias)) for each in members]
        if not planning:
            del self.fields["weeks"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (cleaned.get("weeks") or 1) > 1 and cleaned.get("status") != Meeting.Status.PLANNED:
            self.add_error("weeks", "Only meetings still to come repeat: please choose Planned.")
        return cleaned


# What a peer partner sees unless the member ticks more: their practice and what came of it.
PAIR_SHARES_AT_FIRST = ["experiences", "expectations", "practice"]


class PairSharingForm(SharingForm):
    """What a member shares with a peer partner, chosen before anything is shared."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"categories": PAIR_SHARES_AT_FIRST})
        super().__init__(*args, **kwargs)
        self.fields["categories"].label = "What they may see of yours"
        self.fields["categories"].help_text = (
            "You can change this, or end the pair, at any time; it holds from their next visit. "
            "Any single entry can also be kept private or shared on its own."
        )


class PairForm(PairSharingForm):
    """Whom a member asks to practise with, and what they would share."""

    partner = forms.ChoiceField(
        label="Whom to ask",
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose whom to ask."},
    )
    field_order = ("partner", "categories")

    def __init__(self, *args: Any, partners: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].choices = partners  # type: ignore[attr-defined]
