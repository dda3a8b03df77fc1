"""Form fields are drawn letter for letter as Django's own templates draw them, though most are
put together in Python (earned/web/form_rendering.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from hypothesis import given
from hypothesis import strategies as st

from earned.web.form_rendering import PLAIN, QuickWidgets

DJANGO, QUICK = DjangoTemplates(), QuickWidgets()

texts = st.text(alphabet=st.sampled_from("ab <>&\"'é\n’"), max_size=8)
values = st.one_of(texts, texts.map(mark_safe), st.integers(-5, 1000), st.none())
names = st.text(alphabet="abc_-[]0", min_size=1, max_size=6)
attrs = st.dictionaries(
    st.sampled_from(["id", "class", "placeholder", "maxlength", "min", "required", "data-x",
                     "aria-describedby", "autofocus", "disabled"]),
    st.one_of(values.filter(lambda value: value is not None), st.booleans()),
    max_size=4,
)  # fmt: skip
labels = st.one_of(texts, texts.map(mark_safe))
choices = st.lists(st.tuples(st.one_of(texts, st.integers(0, 9)), labels), max_size=5)
grouped = st.lists(st.tuples(texts, choices), max_size=2)

INPUTS = [forms.TextInput, forms.NumberInput, forms.EmailInput, forms.URLInput,
          forms.HiddenInput, forms.DateInput, forms.DateTimeInput, forms.TimeInput,
          forms.SearchInput, forms.TelInput, forms.ColorInput]  # fmt: skip


def both(widget: forms.Widget, name: str, value: Any, given_attrs: dict[str, Any]) -> None:
    theirs = widget.render(name, value, dict(given_attrs), DJANGO)
    ours = widget.render(name, value, dict(given_attrs), QUICK)
    assert ours == theirs


@given(kind=st.sampled_from(INPUTS), name=names, value=values, given_attrs=attrs)
def test_inputs_of_every_type(kind: type[forms.Widget], name: str, value: Any,
                              given_attrs: dict[str, Any]) -> None:  # fmt: skip
    both(kind(), name, value, given_attrs)


@given(name=names, value=values, given_attrs=attrs, shown=st.booleans())
def test_passwords_checkboxes_and_text_areas(
    name: str, value: Any, given_attrs: dict[str, Any], shown: bool
) -> None:
    both(forms.PasswordInput(render_value=shown), name, value, given_attrs)
    both(forms.CheckboxInput(), name, value, given_attrs)
    both(forms.CheckboxInput(), name, True, given_attrs)
    both(forms.Textarea(), name, value, given_attrs)


@given(name=names, offered=choices, groups=grouped, chosen=values, given_attrs=attrs)
def test_selects_with_and_without_groups(name: str, offered: list[tuple[Any, Any]],
                                         groups: list[tuple[str, Any]], chosen: Any,
                                         given_attrs: dict[str, Any]) -> None:  # fmt: skip
    picked = offered[0][0] if offered else chosen
    both(forms.Select(choices=offered), name, picked, given_attrs)
    both(forms.Select(choices=[*offered, *groups]), name, chosen, given_attrs)
    both(forms.SelectMultiple(choices=offered), name, [picked, chosen], given_attrs)


@given(name=names, offered=choices, chosen=texts)
def test_each_radio_button_and_checkbox_of_a_list(
    name: str, offered: list[tuple[Any, Any]], chosen: str
) -> None:
    field_name = name.replace("-", "_").strip("[]") or "x"
    for kind in (forms.RadioSelect, forms.CheckboxSelectMultiple):
        field = forms.ChoiceField(choices=offered, widget=kind, required=False)
        form = type("Form", (forms.Form,), {field_name: field})
        drawn = {}
        for renderer in (DJANGO, QUICK):
            bound = form(data={field_name: chosen}, renderer=renderer)[field_name]
            drawn[renderer] = [(choice.tag(), str(choice)) for choice in bound]
        assert drawn[QUICK] == drawn[DJANGO]


def test_every_template_drawn_here_is_djangos_own_and_used() -> None:
    assert set(QUICK.plain) == set(PLAIN)  # no app puts its own in their place
    assert "django/forms/widgets/select.html" in QUICK.plain


def test_the_plain_widgets_are_drawn_without_djangos_templates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refused(*_: object, **__: object) -> str:
        raise AssertionError("drawn by Django's templates")

    monkeypatch.setattr(DjangoTemplates, "render", refused)
    kinds = [forms.TextInput(), forms.DateInput(), forms.CheckboxInput(), forms.Textarea(),
             forms.Select(choices=[("a", "A"), ("Group", [("b", "B")])])]  # fmt: skip
    for widget in kinds:
        assert "name=" in widget.render("field", "a <b>", {"id": "id_field"}, QUICK)
    field = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect)
    form = type("Form", (forms.Form,), {"field": field})(data={"field": "a"}, renderer=QUICK)
    assert [choice.tag() for choice in form["field"]] == [
        '<input type="radio" name="field" value="a" id="id_field_0" required checked>'
    ]
    with pytest.raises(AssertionError, match="Django's templates"):
        forms.Select(choices=[(1, 1000)]).render("field", 1, {}, QUICK)  # a number, localised
