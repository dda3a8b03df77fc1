"""`{% exercises_from_my_groups %}`: on Today, what a person's groups posted for them to do."""

from __future__ import annotations

from typing import Any

from django import template

from earned.groups import services
from earned.privacy.opening import read_now

register = template.Library()


@register.inclusion_tag("groups/_waiting.html", takes_context=True)
def exercises_from_my_groups(context: dict[str, Any]) -> dict[str, Any]:
    waiting = services.waiting_for(context["request"].user) if services.available() else []
    read_now([exercise.group for exercise, _ in waiting], "name")
    read_now([exercise for exercise, _ in waiting], "what")
    return {"waiting": waiting}
