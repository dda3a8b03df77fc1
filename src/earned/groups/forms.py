"""What a facilitator writes to start a group, and what a person gives to join one."""

from __future__ import annotations

from django import forms

from earned.groups.models import ALIAS_LIMIT


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
