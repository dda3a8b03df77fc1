from __future__ import annotations

import datetime

from django import template

from earned.core import relating

register = template.Library()


@register.filter
def timedelta_words(wait: datetime.timedelta | None) -> str:
    return relating.in_words(wait) if wait is not None else ""
