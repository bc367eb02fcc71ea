from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.indicators.models import Indicator
from chitieu.orgs.models import Unit
from chitieu.reporting.calendar import check_unit_period, offer_unit_periods
from chitieu.reporting.choices import ResultStatus
from chitieu.web.fields import LocalDecimalField
from chitieu.web.periods import PeriodField


class UploadForm(forms.Form):
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.order_by("name"), to_field_name="code", label=_("unit")
    )
    period = PeriodField(label=_("period"))  # "9 tháng năm 2024" is typed whole, not cut at 12 characters
    title = forms.CharField(label=_("title"), max_length=300, required=False)
    file = forms.FileField(
        label=_("file (.txt, .docx, .doc, .pdf, scan or photo .jpg/.png, .html)"), required=False
    )
    text = forms.CharField(
        label=_("or paste the text"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_unit_periods(self, None)

    def clean(self):
        cd = super().clean()
        check_unit_period(self, cd.get("unit"))
        if not cd.get("file") and not (cd.get("text") or "").strip():
            raise forms.ValidationError(_("Choose a file or paste the text."))
        if cd.get("file") and (cd.get("text") or "").strip():
            raise forms.ValidationError(_("Give either a file or a pasted text, not both."))
        return cd


class DecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[("accept", _("accept")), ("drop", _("drop"))])
    indicator = forms.ModelChoiceField(
        queryset=Indicator.objects.order_by("name"),
        to_field_name="code",
        label=_("indicator"),
        required=False,
    )
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.all(), to_field_name="code", label=_("unit"), required=False
    )
    period = PeriodField(label=_("period"), required=False, help_text="")
    value = LocalDecimalField(label=_("value"), required=False)
    status = forms.ChoiceField(choices=ResultStatus.choices, label=_("status"), required=False)

    def clean(self):
        cd = super().clean()
        if cd.get("action") == "accept" and not cd.get("indicator"):
            self.add_error("indicator", _("Choose the indicator this figure measures."))
        return cd


class ReReadForm(forms.Form):
    text = forms.CharField(label=_("recognised text"), widget=forms.Textarea(attrs={"rows": 18}))
