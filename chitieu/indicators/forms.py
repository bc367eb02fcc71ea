from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.search.fields import UnitPickField
from chitieu.web.fields import LocalDecimalField
from chitieu.web.forms import ServiceErrorsMixin
from chitieu.web.periods import PeriodField

from .choices import Basis, TargetKind


class TargetRowForm(ServiceErrorsMixin, forms.Form):
    indicator = forms.ModelChoiceField(queryset=None, label=_("indicator"), to_field_name="code")
    unit = UnitPickField(label=_("unit"), required=False)
    basis = forms.ChoiceField(choices=Basis.choices, label=_("basis"))
    basis_label = forms.CharField(label=_("basis as written"), required=False, max_length=100)
    kind = forms.ChoiceField(choices=TargetKind.choices, label=_("target kind"), initial="level")
    period = PeriodField(label=_("period"), help_text="")
    value = LocalDecimalField(label=_("value"))
    note = forms.CharField(label=_("note"), required=False, widget=forms.TextInput)

    def __init__(
        self,
        *args,
        indicators,
        default_period: str,
        required: bool = True,
        instance=None,
        units=None,
        default_unit=None,
        periods=(),
        **kwargs,
    ):
        if instance is not None:
            from chitieu.lib.vnnum import format_number
            from chitieu.web.fields import current_lang

            kwargs["initial"] = {
                "indicator": instance.indicator.code,
                "unit": instance.unit,
                "basis": instance.basis,
                "basis_label": instance.basis_label,
                "kind": instance.kind,
                "period": instance.period,
                "value": format_number(instance.value, lang=current_lang(), grouping=True),
                "note": instance.note,
            }
        else:
            kwargs.setdefault("initial", {"period": default_period, "unit": default_unit})
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators_qs(indicators)
        if units is not None:
            self.fields["unit"].queryset = units
        self.fields["period"].offer(list(periods))
        self.row_required = required
        if not required:
            for f in self.fields.values():
                f.required = False

    def has_data(self) -> bool:
        return bool(self.cleaned_data.get("indicator")) and self.cleaned_data.get("value") is not None

    def clean(self):
        cd = super().clean()
        if not self.row_required:
            filled = cd.get("indicator") or cd.get("value") is not None
            if filled:
                for name in ("indicator", "basis", "period", "value"):
                    if not cd.get(name) and cd.get(name) != 0 and name not in self.errors:
                        self.add_error(name, _("Fill this in for the new row, or clear the row."))
        return cd


def indicators_qs(indicators):
    from .models import Indicator

    return Indicator.objects.filter(pk__in=[i.pk for i in indicators]).order_by("field", "sort_order", "code")


class UnitPickForm(forms.Form):
    """The unit whose history the indicator page shows: searched for, not picked from every unit."""

    unit = UnitPickField(label=_("unit"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
