"""`{% comments_for record %}`: on an entry's own page, what the person's practitioners wrote
beside it, with their replies — shown only when there is something to show."""

from __future__ import annotations

from typing import Any

from django import template

from earned.circles import services
from earned.circles.models import COMMENT_LIMIT, Circle

register = template.Library()


@register.inclusion_tag("circles/_comments_for_person.html", takes_context=True)
def comments_for(context: dict[str, Any], record: Any) -> dict[str, Any]:
    comments = list(services.comments_for_person(context["request"].user, record))
    circles: dict[Any, Circle] = {}
    for each in comments:  # one circle each, so each reader is named once
        each.circle = circles.setdefault(each.circle_id, each.circle)
    return {
        "comments": [each for each in comments if each.hidden_at is None],
        "hidden": [each for each in comments if each.hidden_at is not None],
        "limit": COMMENT_LIMIT,
        "csrf_token": context.get("csrf_token"),
    }


def _in_a_circle(context: dict[str, Any]) -> bool:
    """Whether the person works with anyone now, asked once a page: most people never do, and
    what a circle suggested or noticed then needs no query of its own."""
    request = context["request"]
    if not hasattr(request, "in_a_circle"):
        request.in_a_circle = services.circles_of(request.user).exists()
    return bool(request.in_a_circle)


@register.inclusion_tag("circles/_waiting.html", takes_context=True)
def suggested_by_my_circle(context: dict[str, Any]) -> dict[str, Any]:
    """On Today: what a practitioner suggested trying, soonest first."""
    in_a_circle = _in_a_circle(context)
    return {"waiting": list(services.waiting(context["request"].user)) if in_a_circle else []}


@register.inclusion_tag("circles/_to_note.html", takes_context=True)
def noticed_in_sessions(context: dict[str, Any]) -> dict[str, Any]:
    """On Today: a rupture or repair a practitioner noticed in a session, for the person to note
    in their own record, or set aside."""
    in_a_circle = _in_a_circle(context)
    return {
        "sessions": list(services.to_note(context["request"].user)) if in_a_circle else [],
        "csrf_token": context.get("csrf_token"),
    }
