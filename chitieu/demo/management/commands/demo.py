from django.core.management.base import BaseCommand

from chitieu.demo.loader import DEMO_PASSWORD, DEMO_USERNAME, load_demo


class Command(BaseCommand):
    help = "Load the five seed reviews as demo data (units, resolutions, indicators, targets, results). Idempotent."

    def handle(self, *args, **options):
        report = load_demo()
        self.stdout.write(f"chitieu demo: {report.summary()}.")
        self.stdout.write(f"Log in as “{DEMO_USERNAME}” with password “{DEMO_PASSWORD}” to enter figures.")
