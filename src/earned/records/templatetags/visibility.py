"""`{% who_may_see record %}`: on an entry's page, who in a care circle may see it — shown only
where circles exist (a practice server)."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings

from earned.groups import services as groups
from earned.records.models import Visibility

register = template.Library()

SUMMARY = {
    Visibility.FOLLOW: "as you chose for its kind",
    Visibility.PRIVATE: "only you",
    Visibility.SHARED: "shared with your circle",
}


@register.inclusion_tag("records/_who_may_see.html", takes_context=True)
def who_may_see(context: dict[str, Any], record: Any) -> dict[str, Any]:
    shown = settings.IS_SERVER
    return {
        "shown": shown,
        "record": record,
        "summary": SUMMARY[Visibility(record.visibility)],
        "action": f"records:visibility-{record.exported_as}",
        "choices": Visibility.choices,
        "groups": groups.sharing(context["request"].user, record) if shown else [],
        "csrf_token": context.get("csrf_token"),
    }
