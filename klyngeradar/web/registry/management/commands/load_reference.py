"""``manage.py load_reference``: store the shipped regions, municipalities, programmes, clusters,
designations and actors."""

from django.core.management.base import BaseCommand, CommandError

from klyngeradar.core.problems import InputError
from klyngeradar.web.registry.reference import load_reference


class Command(BaseCommand):
    help = (
        "Load the shipped reference data (regions, municipalities, the programmes "
        "Innovationskraft 2021-2024 and Klyngeprogram 2025-2028, their clusters and "
        "designations, and regional actors). Idempotent; existing rows are kept unless "
        "--update, and a field an analyst has edited is never changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Set existing rows to the shipped values, except fields an analyst edited "
            "(their history is kept).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what --update would change, and change nothing.",
        )

    def handle(self, *args, update=False, dry_run=False, **options):
        try:
            summary = load_reference(update=update, dry_run=dry_run)
        except InputError as exc:
            raise CommandError("; ".join(str(p) for p in exc.problems)) from None
        if dry_run:
            self.stdout.write("Dry run: nothing was changed. An update would make these changes:")
        for line in summary.lines():
            self.stdout.write(line)
        if update or dry_run:
            for line in summary.changes:
                self.stdout.write(f"  {line}")
            for line in summary.kept:
                self.stdout.write(f"  {line}")
