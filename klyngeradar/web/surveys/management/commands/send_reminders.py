"""``manage send_reminders``: remind clusters that have not submitted; safe to run daily.

Example crontab line (07:00 every day):

    0 7 * * *  klyngeradar manage send_reminders
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from klyngeradar.web.surveys.reminders import due, send_due


class Command(BaseCommand):
    help = "E-mail reminders to invited clusters that have not submitted (at most once a day)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be reminded; send nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        from django.utils import timezone

        if dry_run:
            for response, live in due(timezone.localdate()):
                self.stdout.write(
                    f"{response.round} · {response.cluster.slug}: {', '.join(live.emails)}"
                )
            return
        sent = send_due()
        for item in sent:
            self.stdout.write(f"{item.round} · {item.cluster}: {', '.join(item.to)}")
        self.stdout.write(f"{len(sent)} påmindelser sendt.")
