from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from chitieu.orgs.lineage import LineageError, load


class Command(BaseCommand):
    help = (
        "Load an old → new unit mapping from a CSV file (date, old_code, new_code, kind, share, new_name, "
        "new_kind, new_parent, basis). Every row is checked first; the file is applied whole or not at all."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="check and report, change nothing")

    def handle(self, *args, file: Path, dry_run: bool, **options):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{file}: cannot read it as UTF-8 text ({exc.__class__.__name__})") from None
        try:
            report = load(text, dry_run=dry_run)
        except LineageError as exc:
            for line, msg in exc.report.errors:
                self.stderr.write(f"{file}: row {line}: {msg}")
            raise CommandError(
                f"{file}: rejected, nothing changed ({len(exc.report.errors)} problems)"
            ) from None
        verb = "would load" if dry_run else "loaded"
        self.stdout.write(
            f"chitieu lineage: {verb} {report.edges} edges, created {len(report.created_units)} units, "
            f"ended {len(report.ended)} units"
        )
