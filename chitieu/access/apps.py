from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "chitieu.access"
    label = "access"
    verbose_name = _("roles and access")
