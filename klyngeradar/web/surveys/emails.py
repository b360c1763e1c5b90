"""The round's e-mails: Danish default texts, placeholders, and sending with Django's mail API.

The texts are editable per round. They use a small, fixed set of
placeholders written as ``{name}``; nothing else in the text is interpreted,
so an analyst's text can never reach into the program (unlike a template
language or ``str.format``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.conf import settings
from django.core.mail import EmailMessage

PLACEHOLDERS = {
    "klynge": "the cluster's name",
    "titel": "the round's title",
    "organisation": "the organisation running the round",
    "frist": "the deadline, e.g. 15. marts 2025",
    "link": "the personal link",
}
_PLACEHOLDER = re.compile(r"\{([a-zæøå_]+)\}")

INVITATION_SUBJECT = "Spørgeskema: {titel}"
INVITATION_BODY = """Kære {klynge}

{organisation} kortlægger klyngernes samarbejde i regionen og beder jer
besvare et kort spørgeskema.

Jeres personlige link:
{link}

Linket er kun til {klynge}. Svarene gemmes for hvert afsnit, så I kan
stoppe undervejs og fortsætte via samme link. Fristen er {frist}.

Med venlig hilsen
{organisation}
"""
REMINDER_SUBJECT = "Påmindelse: {titel}"
REMINDER_BODY = """Kære {klynge}

Vi mangler stadig jeres svar på spørgeskemaet. Fristen er {frist}.

Fortsæt via jeres personlige link (det, I allerede har svaret, er gemt):
{link}

Med venlig hilsen
{organisation}
"""
RECEIPT_SUBJECT = "Kvittering: {titel}"


def unknown_placeholders(text: str) -> list[str]:
    """The ``{names}`` in `text` that are not placeholders (for the round form's validation)."""
    return sorted({name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace the known placeholders; leave anything else exactly as written."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        return str(values[name]) if name in values else match.group(0)

    return _PLACEHOLDER.sub(replace, text)


def send(subject: str, body: str, to: list[str]) -> None:
    """Send one plain-text e-mail to the given addresses (raises on an SMTP failure)."""
    # A subject must be one line; an analyst's text could hold a line break.
    subject = " ".join(subject.split())
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to).send(fail_silently=False)
