from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SynthConfig(AppConfig):
    name = "chitieu.synth"
    label = "synth"
    verbose_name = _("synthetic data")
