"""A unit picker that searches instead of listing every unit (3,321 communes): a text field with
suggestions. With JavaScript, htmx refills the suggestions as one types; without it, the server reads
what was typed — "Xã Vĩnh Bình (vh-vinh-binh)", the code, or enough of the name to be unique."""

from __future__ import annotations

import re

from django import forms
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chitieu.lib.text import fold
from chitieu.orgs.models import Unit

_CODE_IN_PARENS = re.compile(r"\(([A-Za-z0-9_-]+)\)\s*$")


def unit_text(unit: Unit) -> str:
    """How a chosen unit is written in the field (and in a suggestion)."""
    return f"{unit.name} ({unit.code})"


def unit_options_html(units) -> str:
    return format_html_join(
        "",
        '<option value="{}">{}</option>',
        ((unit_text(u), u.get_kind_display()) for u in units),
    )


class UnitPickerInput(forms.TextInput):
    input_type = "search"

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "class": "unit-picker", **(attrs or {})})
        self.suggestions: list[Unit] = []
        self.scope = ""  # restricts the search endpoint (e.g. "under:huyen-d")

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        list_id = f"{attrs.get('id') or 'id_' + name}-units"
        url = (
            reverse("search:unit_options") + f"?field={name}" + (f"&scope={self.scope}" if self.scope else "")
        )
        attrs.update(
            {
                "list": list_id,
                "hx-get": url,
                "hx-trigger": "input changed delay:250ms",
                "hx-target": f"#{list_id}",
                "hx-swap": "innerHTML",
                "hx-sync": "this:replace",
                "placeholder": attrs.get("placeholder") or _("type a few letters of the name"),
            }
        )
        html = super().render(name, value, attrs, renderer)
        return mark_safe(
            html
            + format_html('<datalist id="{}">{}</datalist>', list_id, unit_options_html(self.suggestions))
        )


class UnitPickField(forms.Field):
    """Cleans to a :class:`Unit` of ``queryset`` from what was typed or chosen."""

    widget = UnitPickerInput
    default_error_messages = {
        "required": gettext_lazy("Choose the unit."),
    }

    def __init__(self, *, queryset=None, to_field_name=None, **kwargs):  # to_field_name: as ModelChoiceField
        self.queryset = queryset if queryset is not None else Unit.objects.all()
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Unit):
            return unit_text(value)
        if value and _CODE_IN_PARENS.search(str(value)) is None:
            unit = self.queryset.filter(code=str(value)).first()
            if unit is not None:
                return unit_text(unit)
        return value or ""

    def suggest(self, units) -> None:
        self.widget.suggestions = list(units)

    def to_python(self, value):
        text = (value or "").strip() if isinstance(value, str) else value
        if isinstance(text, Unit):
            return text
        if not text:
            return None
        m = _CODE_IN_PARENS.search(text)
        code = m[1] if m else text
        unit = self.queryset.filter(code=code).first() or self.queryset.filter(code=code.lower()).first()
        if unit is not None:
            return unit
        from .selectors import units_matching

        folded = fold(_CODE_IN_PARENS.sub("", text))
        candidates = units_matching(None, folded, limit=6, queryset=self.queryset, all_units=True)
        exact = [u for u in candidates if fold(u.name) == folded]
        if len(exact) == 1:
            return exact[0]
        if len(candidates) == 1:
            return candidates[0]
        if not candidates and units_matching(None, folded, limit=1, all_units=True):
            raise forms.ValidationError(
                _("“{text}” cannot be chosen here: choose one of the units the list offers.").format(
                    text=text
                ),
                code="outside",
            )
        if not candidates:
            raise forms.ValidationError(
                _(
                    "No unit is called “{text}”: type a few letters of its name and choose it from the list."
                ).format(text=text),
                code="unknown",
            )
        raise forms.ValidationError(
            _("Several units match “{text}”: {names}. Choose one from the list.").format(
                text=text, names="; ".join(unit_text(u) for u in candidates[:5])
            ),
            code="ambiguous",
        )
