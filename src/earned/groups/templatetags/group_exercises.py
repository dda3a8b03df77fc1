"""`{% my_groups_today %}`: on Today, the person's groups — when each meets next, what it posted
for them to do, and who there asks to practise as a pair — each a step from its page."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from earned.groups import services
from earned.groups.models import Meeting, PairRequest
from earned.privacy.opening import read_now

register = template.Library()


@register.inclusion_tag("groups/_today.html", takes_context=True)
def my_groups_today(context: dict[str, Any]) -> dict[str, Any]:
    person = context["request"].user
    if not services.available() or person.is_practitioner:
        return {"memberships": []}
    memberships = list(services.memberships_of(person))
    waiting = services.waiting_for(person)
    read_now([each.group for each in memberships], "name")
    read_now([exercise.group for exercise, _ in waiting], "name")
    read_now([exercise for exercise, _ in waiting], "what")
    coming = Meeting.objects.filter(
        group__in=[each.group_id for each in memberships],
        at__gte=timezone.now(),
        status=Meeting.Status.PLANNED,
    ).order_by("at")
    offers = list(PairRequest.objects.filter(asked__in=memberships).select_related("asking__group"))
    read_now([each.asking for each in offers], "alias")
    read_now([each.asking.group for each in offers], "name")
    next_meeting: dict[Any, Meeting] = {}
    for meeting in coming:
        next_meeting.setdefault(meeting.group_id, meeting)
    return {
        "memberships": [(each, next_meeting.get(each.group_id)) for each in memberships],
        "waiting": waiting,
        "offers": offers,
    }
