from django import template

from earned.safety.services import dial_uri

register = template.Library()


@register.filter
def dialable(number: str) -> str:
    return dial_uri(number)
