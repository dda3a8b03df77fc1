from django import template

from earned.rituals.forms import signed as signed_number

register = template.Library()


@register.filter
def signed(value: int | None) -> str:
    """A mood such as −2, 0 or +3, with a true minus sign."""
    return "" if value is None else signed_number(int(value))
