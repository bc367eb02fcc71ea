"""The period field every form uses: it offers the periods a unit may report in, labelled in the
reader's language, and reads what a clerk types ("9 tháng năm 2024", "quý III/2024", "2024-9M").
Codes remain what is stored, and what the API and addresses use."""

from __future__ import annotations

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from chitieu.i18n import current_lang
from chitieu.lib.periods import Period, PeriodError, parse_any, parse_period

# Long enough for every label and for what people type ("6 tháng cuối năm 2024", "nhiệm kỳ 2020–2025").
MAX_TYPED = 60

MESSAGES = {
    PeriodError.EMPTY: _("Enter the period."),
    PeriodError.SYNTAX: _(
        "“{text}” is not a period. Write it as the reports do, e.g. tháng 11/2026, quý III/2024, "
        "6 tháng đầu năm 2024, 9 tháng năm 2024, năm 2025, nhiệm kỳ 2020–2025 (or a code: 2024-Q3)."
    ),
    PeriodError.OUT_OF_RANGE: _(
        "“{text}” is not a period that exists: months run from 1 to 12, quarters from I to IV, years from "
        "1945 to 2100, and a term ends after it begins and lasts at most 10 years."
    ),
}


def period_text(value) -> str:
    """A stored code as the reader's label; anything else (what was typed) unchanged."""
    if isinstance(value, Period):
        return value.label(current_lang())
    if not value:
        return ""
    try:
        return parse_period(str(value)).label(current_lang())
    except PeriodError:
        return str(value)


class PeriodInput(forms.TextInput):
    """A text input with a <datalist> of the offered periods (suggestions; anything may be typed)."""

    def __init__(self, attrs=None):
        base = {"autocomplete": "off", "maxlength": str(MAX_TYPED), "class": "period-input"}
        super().__init__({**base, **(attrs or {})})
        self.periods: list[Period] = []

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        list_id = f"{attrs.get('id') or 'id_' + name}-periods"
        if self.periods:
            attrs["list"] = list_id
        html = super().render(name, value, attrs, renderer)
        if not self.periods:
            return html
        lang = current_lang()
        options = format_html_join("", '<option value="{}">', ((p.label(lang),) for p in self.periods))
        return mark_safe(html + format_html('<datalist id="{}">{}</datalist>', list_id, options))


class PeriodField(forms.CharField):
    """Cleans to the period's code ("2024-9M") from a label, a phrase or a code."""

    widget = PeriodInput

    def __init__(self, *args, periods: list[Period] | None = None, **kwargs):
        kwargs.setdefault("max_length", MAX_TYPED)
        kwargs.setdefault(
            "help_text", _("as the reports write it: quý III/2024, 6 tháng đầu năm 2024, năm 2025 …")
        )
        super().__init__(*args, **kwargs)
        self.offer(periods or [])

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)  # the widget's own, never shorter than a typed label
        return attrs

    def offer(self, periods: list[Period]) -> None:
        self.widget.periods = list(periods)

    def prepare_value(self, value):
        return period_text(value)

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return ""
        try:
            return parse_any(text).code
        except PeriodError as exc:
            raise forms.ValidationError(str(MESSAGES[exc.code]).format(text=text), code=exc.code) from None
