"""`{% url %}` as Django's, except that an address is worked out once per process (for each URL
configuration, script prefix and current app) rather than on every page: one without arguments
whole, one whose only argument is a record's id as the text either side of the id.

Every page's navigation names eighteen addresses, and a list one more for each of its rows, and
Django reverses each afresh, some 30–40 µs apiece: most of the time drawing the shell around a
page took, and a third of a list's rows. Loaded in place of Django's own tag for every template
(settings: TEMPLATES' "builtins"); tests/test_addresses.py holds every address of the site to
Django's. Other addresses, or those kept with `as`, are Django's own work as before."""

from __future__ import annotations

import functools
import uuid
from typing import Any

from django import template
from django.template.base import Parser, Token
from django.template.context import Context
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = template.Library()


@functools.lru_cache(maxsize=4096)
def _reversed(view_name: str, urlconf: Any, prefix: str, current_app: str | None) -> str:
    assert prefix == get_script_prefix()  # the key holds what reverse() reads
    return reverse(view_name, urlconf=urlconf, current_app=current_app)


SAMPLE = uuid.UUID(int=0)


@functools.lru_cache(maxsize=4096)
def _around_an_id(
    view_name: str, urlconf: Any, prefix: str, current_app: str | None
) -> tuple[str, str] | None:
    """The address of this view for any record id, as the text before and after the id; None
    where an id's address is not made that way (or there is none)."""
    assert prefix == get_script_prefix()  # the key holds what reverse() reads
    try:
        found = reverse(view_name, args=[SAMPLE], urlconf=urlconf, current_app=current_app)
    except NoReverseMatch:
        return None
    before, sample, after = found.partition(str(SAMPLE))
    return (before, after) if sample and str(SAMPLE) not in after else None


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
        found = None if self.kwargs or self.asvar else self.known(context)
        if found is None:
            return str(super().render(context))
        return conditional_escape(found) if context.autoescape else found

    def known(self, context: Context) -> str | None:
        """The address, if it is one worked out before: with no arguments, or a record's id."""
        if len(self.args) > 1:
            return None
        key = (self.view_name.resolve(context), get_urlconf(), get_script_prefix(),
               _current_app(context))  # fmt: skip
        if not self.args:
            return _reversed(*key)
        record = self.args[0].resolve(context)
        around = _around_an_id(*key) if isinstance(record, uuid.UUID) else None
        return None if around is None else f"{around[0]}{record}{around[1]}"


@register.tag
def url(parser: Parser, token: Token) -> KnownURLNode:
    node = django_url(parser, token)
    return KnownURLNode(node.view_name, node.args, node.kwargs, node.asvar)
