"""`{% url %}` as Django's, except that an address with no arguments is worked out once per
process (for each URL configuration, script prefix and current app) rather than on every page.

Every page's navigation names eighteen such addresses, and Django reverses each afresh, some
30 µs apiece: most of the time drawing the shell around a page took. Loaded in place of Django's
own tag for every template (settings: TEMPLATES' "builtins"). Addresses with arguments, or kept
with `as`, are Django's own work as before."""

from __future__ import annotations

import functools
from typing import Any

from django import template
from django.template.base import Parser, Token
from django.template.context import Context
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = template.Library()


@functools.lru_cache(maxsize=4096)
def _reversed(view_name: str, urlconf: Any, prefix: str, current_app: str | None) -> str:
    assert prefix == get_script_prefix()  # the key holds what reverse() reads
    return reverse(view_name, urlconf=urlconf, current_app=current_app)


def _current_app(context: Context) -> str | None:
    """What Django's tag passes as the current app: the request's, or its namespace."""
    request = getattr(context, "request", None)
    if request is None:
        return None
    if hasattr(request, "current_app"):
        return request.current_app  # type: ignore[no-any-return]
    match = getattr(request, "resolver_match", None)
    return None if match is None else match.namespace


class KnownURLNode(URLNode):
    def render(self, context: Context) -> str:
        if self.args or self.kwargs or self.asvar:
            return str(super().render(context))
        view_name = self.view_name.resolve(context)
        found = _reversed(view_name, get_urlconf(), get_script_prefix(), _current_app(context))
        return conditional_escape(found) if context.autoescape else found


@register.tag
def url(parser: Parser, token: Token) -> KnownURLNode:
    node = django_url(parser, token)
    return KnownURLNode(node.view_name, node.args, node.kwargs, node.asvar)
