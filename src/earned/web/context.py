from typing import Any

from django.conf import settings
from django.http import HttpRequest

from earned import __version__


def shell(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    theme = getattr(user, "theme", "system") if user is not None else "system"
    return {"theme": theme, "is_server": settings.IS_SERVER, "version": __version__}
