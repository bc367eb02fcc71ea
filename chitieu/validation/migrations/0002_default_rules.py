"""The rules a new installation starts with: data an office edits, deactivates or adds to."""

from django.db import migrations

from chitieu.validation.defaults import DEFAULTS


def create(apps, schema_editor):
    from chitieu.validation.defaults import ensure_default_rules

    ensure_default_rules(apps.get_model("validation", "Rule"))


def remove(apps, schema_editor):
    Rule = apps.get_model("validation", "Rule")
    Rule.objects.filter(name__in=[d[0] for d in DEFAULTS], findings__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("validation", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
