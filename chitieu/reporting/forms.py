from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.indicators.choices import Measure
from chitieu.lib.vnnum import format_number
from chitieu.web.fields import LocalDecimalField, current_lang
from chitieu.web.forms import ServiceErrorsMixin

from .choices import ResultStatus


class ResultRowForm(ServiceErrorsMixin, forms.Form):
    """One indicator's figure for a unit and period."""

    conflict = None  # the figure someone else saved meanwhile, shown beside this user's

    value = LocalDecimalField(label=_("value"), required=False)
    numerator = LocalDecimalField(label=_("numerator"), required=False)
    denominator = LocalDecimalField(label=_("denominator"), required=False)
    status = forms.ChoiceField(choices=ResultStatus.choices, label=_("status"), initial=ResultStatus.ACTUAL)
    note = forms.CharField(label=_("note"), required=False, max_length=2000)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, indicator, result=None, **kwargs):
        self.indicator = indicator
        self.result = result
        if result is not None and not args:
            lang = current_lang()
            kwargs["initial"] = {
                "value": format_number(result.value, lang=lang),
                "numerator": format_number(result.numerator, lang=lang),
                "denominator": format_number(result.denominator, lang=lang),
                "status": result.status,
                "note": result.note,
                "version": result.version,
            }
        super().__init__(*args, **kwargs)

    @property
    def wants_ratio(self) -> bool:
        return self.indicator.measure in (Measure.RATIO, Measure.COUNT_MEETING)

    def changed_row(self) -> bool:
        cd = self.cleaned_data
        if self.result is None:
            return cd.get("value") is not None or cd.get("numerator") is not None
        return (
            cd.get("value") != self.result.value
            or cd.get("numerator") != self.result.numerator
            or cd.get("denominator") != self.result.denominator
            or cd.get("status") != self.result.status
            or (cd.get("note") or "") != self.result.note
        )
