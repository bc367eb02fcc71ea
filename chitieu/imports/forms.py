from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chitieu.indicators.models import Resolution
from chitieu.lib.vnnum import format_number
from chitieu.orgs.models import Unit
from chitieu.reporting.calendar import check_unit_period, offer_unit_periods
from chitieu.search.fields import UnitPickField
from chitieu.web.periods import PeriodField

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
    unit = UnitPickField(queryset=Unit.objects.order_by("name"), label=gettext_lazy("unit"))
    period = PeriodField(label=gettext_lazy("period"))
    below = forms.BooleanField(
        label=gettext_lazy("one row for every unit below (a district's or province's communes)"),
        required=False,
    )
    resolution = forms.ModelChoiceField(
        queryset=Resolution.objects.select_related("unit").order_by("-year", "title"),
        label=gettext_lazy("resolution"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_unit_periods(self, None)

    def clean(self):
        cd = super().clean()
        check_unit_period(self, cd.get("unit"))
        return cd
