"""Form fields that read numbers the way the user's language writes them."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.i18n import current_lang  # noqa: F401 (re-exported for forms)
from chitieu.lib.vnnum import NumberParseError, parse_number

MESSAGES = {
    "empty": _("Enter a number."),
    "invalid": _("“{text}” is not a number."),
    "ambiguous_vi": _(
        "“{text}” is ambiguous: in Vietnamese the thousands separator is a dot and the decimal separator a comma "
        "(write 1.234,5). It looks written the English way."
    ),
    "ambiguous_en": _(
        "“{text}” is ambiguous: in English the thousands separator is a comma and the decimal separator a dot "
        "(write 1,234.5)."
    ),
    "too_many_decimals": _("“{text}” has too many decimal places."),
}


class LocalDecimalField(forms.CharField):
    """A decimal typed as text; Vietnamese (1.234,5) or English (1,234.5) by the active language."""

    def __init__(self, *args, max_decimals: int | None = 6, **kwargs):
        self.max_decimals = max_decimals
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        lang = current_lang()
        try:
            return parse_number(text, lang=lang, max_decimals=self.max_decimals)
        except NumberParseError as exc:
            code = exc.code
            if code == "ambiguous":
                code = f"ambiguous_{lang}"
            if code == "empty":
                code = "invalid"
            msg = MESSAGES.get(code, MESSAGES["invalid"])
            raise forms.ValidationError(str(msg).format(text=text), code=code) from None
