from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "chitieu.ops"
    label = "ops"
    verbose_name = "operations"
