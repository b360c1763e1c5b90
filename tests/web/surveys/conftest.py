"""Fixtures for the survey tests: North Jutland with its municipalities, a round, links."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture
def north_jutland(region):
    """Region Nordjylland with its 11 municipalities and two of its actors."""
    from klyngeradar.core.registry.geography import municipalities_in
    from klyngeradar.web.registry.models import Actor, Municipality

    for m in municipalities_in("1081"):
        Municipality.objects.get_or_create(code=m.code, defaults={"name": m.name, "region": region})
    for slug, name in [("brn", "Business Region North Denmark"), ("aau", "Aalborg Universitet")]:
        Actor.objects.get_or_create(slug=slug, defaults={"name": name, "region": region})
    return region


@pytest.fixture
def survey_round(organisation, north_jutland):
    from klyngeradar.web.surveys.models import Round

    return Round.objects.create(
        organisation=organisation,
        region=north_jutland,
        title="Klyngernes engagement i Nordjylland 2025",
        since=date(2024, 1, 1),
        deadline=date(2025, 3, 15),
        actors=[{"slug": "brn", "name": "BRN"}, {"slug": "aau", "name": "Aalborg Universitet"}],
        efforts=[{"slug": "digitalisering", "name": "Digitalisering"}],
    )


@pytest.fixture
def link_a(survey_round, cluster_a):
    """The personal link of Klynge A (a path, without the site address)."""
    from klyngeradar.web.surveys.invitations import invite

    return _path(invite(survey_round, cluster_a, ["kontakt@klynge-a.dk"]).link)


@pytest.fixture
def link_b(survey_round, cluster_b):
    from klyngeradar.web.surveys.invitations import invite

    return _path(invite(survey_round, cluster_b, ["kontakt@klynge-b.dk"]).link)


def _path(link: str) -> str:
    from django.conf import settings

    return link.removeprefix(settings.SITE_URL)


class _Inbox:
    """What a real SMTP server on 127.0.0.1 received, as parsed e-mail messages."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes
        from email.policy import default

        message = message_from_bytes(envelope.original_content, policy=default)
        self.messages.append((tuple(envelope.rcpt_tos), message))
        return "250 OK"


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    """Run an aiosmtpd server and send Django's mail to it over SMTP."""
    from aiosmtpd.controller import Controller

    inbox = _Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def unused_port() -> int:
    """A loopback port nobody listens on (a mail server that is down)."""
    return _free_port()
