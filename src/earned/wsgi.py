"""The web application, as a WSGI server (waitress, in `earned serve`) runs it."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "earned.settings")
application = get_wsgi_application()


def settle() -> None:
    """Load every page's code now, then set everything alive at this point aside from Python's
    garbage collector for good (`gc.freeze`). Insights over ten years makes a few hundred
    thousand small objects, and each full collection they set off also walked the
    application's own 130,000: some 15% of that page's time. What is set aside lives as long
    as the process anyway."""
    get_resolver().url_patterns  # noqa: B018 — imports every view
    gc.collect()
    gc.freeze()


settle()
