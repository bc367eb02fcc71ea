from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chitieu.search.fields import UnitPickField


class OverviewForm(forms.Form):
    unit = UnitPickField(label=gettext_lazy("unit"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def suggest(self, units) -> None:
        self.fields["unit"].suggest(units)

    @staticmethod
    def period_message(text: str) -> str:
        return _("“{text}” is not a period: showing the latest period with figures.").format(text=text)
