from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chitieu.indicators.models import Resolution
from chitieu.lib.periods import PeriodError, parse_period
from chitieu.lib.vnnum import format_number
from chitieu.orgs.models import Unit

from .importer import max_bytes


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("workbook (.xlsx)"))
    dry_run = forms.BooleanField(label=gettext_lazy("check only: write nothing"), required=False)

    def clean_file(self):
        f = self.cleaned_data["file"]
        limit = max_bytes()
        if f.size > limit:
            from decimal import Decimal

            raise forms.ValidationError(
                _(
                    "The file is {size} MB; chitieu imports files up to {limit} MB. Split it into several "
                    "workbooks (for example one per unit)."
                ).format(size=format_number(Decimal(f.size) / 2**20, 1), limit=limit // 2**20)
            )
        return f


class TemplateForm(forms.Form):
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.order_by("name"), to_field_name="code", label=gettext_lazy("unit")
    )
    period = forms.CharField(
        label=gettext_lazy("period"), max_length=12, help_text=gettext_lazy("e.g. 2023-H1, 2023-Q1, 2023")
    )
    resolution = forms.ModelChoiceField(
        queryset=Resolution.objects.select_related("unit").order_by("-year", "title"),
        label=gettext_lazy("resolution"),
        required=False,
    )

    def clean_period(self):
        text = self.cleaned_data["period"]
        try:
            return parse_period(text).code
        except PeriodError:
            raise forms.ValidationError(
                _(
                    "“{code}” is not a period code. Use e.g. 2023, 2023-H1, 2023-Q1, 2023-9M, 2023-06 or 2020-2025."
                ).format(code=text)
            ) from None
