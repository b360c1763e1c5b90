"""Daily: anonymise the personal data of rounds closed longer ago than the retention period."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from klyngeradar.web.privacy.retention import apply_retention


class Command(BaseCommand):
    help = (
        "Anonymise contact e-mails and link logs of rounds closed longer ago than their "
        "organisation's retention period; answers and figures stay. Idempotent: run it daily."
    )

    def handle(self, *args, **options):
        done = apply_retention(timezone.now())
        for item in done:
            self.stdout.write(
                f"anonymiseret: {item.title} (runde {item.round_id}): "
                f"{item.invitations} invitationer, {item.reminders} påmindelser"
            )
        self.stdout.write(f"{len(done)} runder anonymiseret.")
