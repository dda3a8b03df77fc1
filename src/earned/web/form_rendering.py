"""Form fields drawn as Django draws them, in a fraction of the time.

Django draws each widget through its template engine: an `<input>` is three templates and a
dozen nodes, a `<select>` of nine choices eighty — 60 to 170 µs a field; the ledger's six
filters were two fifths of the nodes its page drew. Here the plainest widgets (inputs of every
type, checkboxes, text areas, selects and their options, and a choice's own input) are put
together in Python, letter for letter what Django's own templates give —
`tests/test_form_rendering.py` holds the two to the same text over every kind of value — and
anything else (another template, a value of another kind) is left to Django's templates. Set as
FORM_RENDERER in settings."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise, cached_property
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData

WIDGETS = "django/forms/widgets/"
OPTION = WIDGETS + "select_option.html"


class NotPlain(Exception):
    """A value this module does not draw: Django's templates will."""


def _shown(value: object) -> str:
    """`{{ value }}`: text escaped unless already safe."""
    if isinstance(value, str):
        return str(conditional_escape(value))
    if isinstance(value, Promise):  # words to translate, drawn as they read now
        return str(escape(str(value)))
    raise NotPlain  # numbers and dates are localised by the template engine


def _formatted(value: object) -> str:
    """`{{ value|stringformat:'s' }}`: a value as text, escaped unless it was safe already."""
    if callable(value):  # the template engine would call it
        raise NotPlain
    text = str(value)  # what "%s" makes of anything, a tuple too
    return text if isinstance(value, SafeData) else str(escape(text))


def _attrs(attrs: Mapping[str, Any]) -> str:
    drawn = []
    for name, value in attrs.items():
        if value is False:
            continue
        drawn.append(
            f" {_shown(name)}" if value is True else f' {_shown(name)}="{_formatted(value)}"'
        )
    return "".join(drawn)


def _input(widget: Mapping[str, Any]) -> str:
    value = widget["value"]
    shown = "" if value is None else f' value="{_formatted(value)}"'
    kind, name = _shown(widget["type"]), _shown(widget["name"])
    return f'<input type="{kind}" name="{name}"{shown}{_attrs(widget["attrs"])}>'


def _option_input(widget: Mapping[str, Any]) -> str:
    """A radio button or checkbox of a list of choices (`{{ choice.tag }}`, or with its label)."""
    if not widget["wrap_label"]:
        return _input(widget)
    target = widget["attrs"].get("id")
    label_for = f' for="{_shown(target)}"' if target else ""
    return f"<label{label_for}>{_input(widget)}\n {_shown(widget['label'])}</label>"


def _textarea(widget: Mapping[str, Any]) -> str:
    value = widget["value"]
    return (f'<textarea name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>\n'
            f'{_shown(value) if value else ""}</textarea>')  # fmt: skip


def _option(option: Mapping[str, Any]) -> str:
    if option["template_name"] != OPTION:
        raise NotPlain
    return (
        f'<option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>'
        f"{_shown(option['label'])}</option>\n"
    )  # fmt: skip  (its template's last line)


def _select(widget: Mapping[str, Any]) -> str:
    drawn = [f'<select name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            drawn.append(f'\n  <optgroup label="{_shown(group_name)}">')
        drawn.extend(f"\n  {_option(option)}" for option in options)
        if group_name:
            drawn.append("\n  </optgroup>")
    drawn.append("\n</select>")
    return "".join(drawn)


INPUTS = ("text", "number", "email", "url", "password", "hidden", "date", "datetime", "time",
          "search", "tel", "color", "checkbox", "input")  # fmt: skip
PLAIN: dict[str, Callable[[Mapping[str, Any]], str]] = {
    **{f"{WIDGETS}{name}.html": _input for name in INPUTS},
    f"{WIDGETS}radio_option.html": _option_input,
    f"{WIDGETS}checkbox_option.html": _option_input,
    f"{WIDGETS}input_option.html": _option_input,
    f"{WIDGETS}textarea.html": _textarea,
    f"{WIDGETS}select.html": _select,
}


class QuickWidgets(DjangoTemplates):
    """Django's default form renderer, with the plainest widgets put together in Python."""

    @cached_property
    def plain(self) -> dict[str, Callable[[Mapping[str, Any]], str]]:
        """Those of PLAIN whose template is Django's own (not one an app put in its place)."""
        own = str(Path(forms.__file__).parent / "templates")
        return {
            name: draw
            for name, draw in PLAIN.items()
            if str(self.get_template(name).origin.name).startswith(own)
        }

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        draw = self.plain.get(template_name)
        if draw is not None:
            try:
                return draw(context["widget"])
            except (NotPlain, KeyError):
                pass  # Django's templates draw it
        return str(super().render(template_name, context, request))
