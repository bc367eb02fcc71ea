from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.indicators.models import Indicator
from chitieu.orgs.models import Unit
from chitieu.reporting.choices import ResultStatus
from chitieu.web.fields import LocalDecimalField


class UploadForm(forms.Form):
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.order_by("name"), to_field_name="code", label=_("unit")
    )
    period = forms.CharField(label=_("period"), max_length=12, help_text=_("e.g. 2023-H1, 2023-Q1, 2023"))
    title = forms.CharField(label=_("title"), max_length=300, required=False)
    file = forms.FileField(
        label=_("file (.txt, .docx, .doc, .pdf, scan or photo .jpg/.png, .html)"), required=False
    )
    text = forms.CharField(
        label=_("or paste the text"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )

    def clean(self):
        cd = super().clean()
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
    period = forms.CharField(label=_("period"), max_length=12, required=False)
    value = LocalDecimalField(label=_("value"), required=False)
    status = forms.ChoiceField(choices=ResultStatus.choices, label=_("status"), required=False)

    def clean(self):
        cd = super().clean()
        if cd.get("action") == "accept" and not cd.get("indicator"):
            self.add_error("indicator", _("Choose the indicator this figure measures."))
        return cd


class ReReadForm(forms.Form):
    text = forms.CharField(label=_("recognised text"), widget=forms.Textarea(attrs={"rows": 18}))
