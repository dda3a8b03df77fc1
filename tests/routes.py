"""The site's routes, found from the URL resolver rather than listed by hand, so a new route is
in every walk over them the day it is added."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver


def routes(wanted: Callable[[URLPattern], bool]) -> list[str]:
    """Each route (as written in urls.py, without its leading slash) whose pattern is wanted."""

    def walk(patterns: list[Any], prefix: str) -> Iterator[str]:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and wanted(pattern):
                yield route

    return sorted(walk(get_resolver().url_patterns, ""))


def naming(part: str) -> Callable[[URLPattern], bool]:
    """Routes whose path names this part: `naming("group_id")`."""
    return lambda pattern: part in pattern.pattern.converters
