from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from earned.environment import ConfigurationError


@register()
def instance_key_configured(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    if not settings.IS_SERVER:
        return []
    from earned.privacy.keys import instance_key

    try:
        instance_key()
    except ConfigurationError as error:
        return [Error(str(error), id="earned.E002")]
    return []
