"""``manage.py load_reference``: store the shipped regions, municipalities, clusters and actors."""

from django.core.management.base import BaseCommand, CommandError

from klyngeradar.core.problems import InputError
from klyngeradar.web.registry.reference import load_reference


class Command(BaseCommand):
    help = (
        "Load the shipped reference data (regions, municipalities, the Innovationskraft "
        "clusters and regional actors). Idempotent; existing rows are kept unless --update."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Set existing rows back to the shipped values (their history is kept).",
        )

    def handle(self, *args, update=False, **options):
        try:
            summary = load_reference(update=update)
        except InputError as exc:
            raise CommandError("; ".join(str(p) for p in exc.problems)) from None
        for line in summary.lines():
            self.stdout.write(line)
