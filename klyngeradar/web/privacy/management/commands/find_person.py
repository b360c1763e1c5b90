"""What the product holds about a person, by e-mail: preview, export (access request), delete."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from klyngeradar.web.privacy import person


class Command(BaseCommand):
    help = (
        "Show what Klyngeradar holds about the person with EMAIL (users, invitations, answers "
        "and their history records, downloads). --export FILE writes it as JSON; --delete "
        "removes it. Without --delete nothing is changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--export", type=Path, help="write everything found as JSON here")
        parser.add_argument("--delete", action="store_true", help="delete what was found")

    def handle(self, *args, email, export, delete, **options):
        if "@" not in email:
            raise CommandError(f"{email!r} is not an e-mail address")
        found = person.find(email)
        if found.empty:
            raise CommandError(f"nothing is held about {found.email}; nothing was changed")
        self.stdout.write(f"Om {found.email}:")
        for line in found.summary():
            self.stdout.write(f"  {line}")
        if export:
            export.write_text(
                json.dumps(person.export(found), ensure_ascii=False, indent=2), "utf-8"
            )
            self.stdout.write(f"eksporteret: {export}")
        if delete:
            person.delete(found)
            self.stdout.write("slettet.")
        else:
            self.stdout.write("Intet er ændret (forhåndsvisning). Brug --delete for at slette.")
