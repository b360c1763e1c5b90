"""Prepare a data directory for the load test and print what its clients need, as JSON.

Run as ``python -m tests.web.load.site DATA_DIR`` after ``klyngeradar manage
migrate``; the database is the one ``DATABASE_URL`` names, else the SQLite file
in DATA_DIR. It creates a region, an organisation, one open round with
RESPONDENTS invited clusters, and ANALYSTS logged-in analysts, and prints
``{"round": id, "links": [path, ...], "sessions": [key, ...]}``.
"""

from __future__ import annotations

import json
import sys
from datetime import date


def main(data_dir: str, respondents: int, analysts: int) -> None:
    from klyngeradar.web.bootstrap import setup

    setup(data_dir)
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.urls import reverse

    from klyngeradar.web.accounts.models import Membership, Organisation
    from klyngeradar.web.registry.models import Cluster, Region
    from klyngeradar.web.surveys import invitations
    from klyngeradar.web.surveys.models import Round

    region, _ = Region.objects.get_or_create(code="1081", defaults={"name": "Region Nordjylland"})
    organisation, _ = Organisation.objects.get_or_create(
        slug="brn", defaults={"name": "Business Region North Denmark", "region": region}
    )
    round = Round.objects.create(
        organisation=organisation,
        region=region,
        title="Belastningsprøve",
        deadline=date(2030, 1, 1),
    )
    links = []
    for number in range(respondents):
        cluster, _ = Cluster.objects.get_or_create(
            slug=f"belastning-{number}",
            defaults={"name": f"Belastningsklynge {number}", "fictitious": True, "source": "Test"},
        )
        issued = invitations.invite(round, cluster, [f"klynge{number}@example.org"])
        links.append(issued.link.removeprefix(settings.SITE_URL))
    store = import_module(settings.SESSION_ENGINE).SessionStore
    sessions = []
    for number in range(analysts):
        user = get_user_model().objects.create_user(
            username=f"belastning-analytiker-{number}-{round.pk}", password="x" * 20
        )
        Membership.objects.create(user=user, role="analyst", organisation=organisation)
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)
    pages = [
        reverse("surveys:round_detail", kwargs={"pk": round.pk}),
        reverse("findings:round", kwargs={"round_id": round.pk}),
    ]
    print(json.dumps({"round": round.pk, "links": links, "sessions": sessions, "pages": pages}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
