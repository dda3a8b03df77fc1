"""The app's own system checks, run by `earned check` beside Django's deploy checks."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register


@register()
def server_database(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    engine = settings.DATABASES["default"]["ENGINE"]
    if settings.IS_SERVER and engine.endswith("sqlite3"):
        return [
            Warning(
                "Server mode is using SQLite.",
                hint="A practice server should use PostgreSQL: set DATABASE_URL.",
                id="earned.W001",
            )
        ]
    return []


@register()
def crisis_data_readable(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    from earned.safety.services import crisis_data

    try:
        crisis_data()
    except (OSError, ValueError, KeyError, TypeError) as error:
        return [
            Error(
                f"The crisis-line data file cannot be read ({error}).",
                hint="Reinstall Earned; the help page depends on this file.",
                id="earned.E001",
            )
        ]
    return []
