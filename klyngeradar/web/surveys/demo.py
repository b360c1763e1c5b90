"""The demo round in the database: `demo_round()`'s 13 fictitious clusters with invitations.

`create_demo_round` is used by ``klyngeradar demo`` (the step `write_demo_round`)
and by tests. The answers come from the core's demo round, so findings on the
database and on the demo spreadsheet are the same.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.core.surveys.responses import RoundData
from klyngeradar.web.accounts.models import Organisation
from klyngeradar.web.registry.models import Cluster, Region
from klyngeradar.web.surveys import invitations
from klyngeradar.web.surveys.convert import stored_answers, stored_choices
from klyngeradar.web.surveys.models import Response, Round


@transaction.atomic
def create_demo_round(
    organisation: Organisation, *, deadline: date, data: RoundData | None = None
) -> tuple[Round, dict[str, str]]:
    """Create the round, one invitation and response per cluster; return it and the links.

    The links (cluster slug → URL) exist only in the return value: the
    database keeps their hashes.
    """
    data = data or demo_round()
    round = Round.objects.create(
        organisation=organisation,
        region=Region.objects.get(code=data.info.region),
        title=data.info.title or "Demo",
        since=data.info.since,
        year=data.info.year,
        deadline=deadline,
        actors=stored_choices(data.actors),
        efforts=stored_choices(data.efforts),
    )
    links = {}
    for row in data.responses:
        cluster, _ = Cluster.objects.get_or_create(
            slug=row.cluster,
            defaults={"name": row.label, "fictitious": True, "source": "Fiktive demodata"},
        )
        issued = invitations.invite(round, cluster, [f"{row.cluster}@example.org"])
        links[row.cluster] = issued.link
        Response.objects.filter(round=round, cluster=cluster).update(
            status=Response.Status.SUBMITTED if row.status == "complete" else _unsubmitted(row),
            answers=stored_answers(row.answers),
            basis=dict(row.basis),
            submitted_at=timezone.now() if row.status == "complete" else None,
        )
    return round, links


def _unsubmitted(row) -> str:
    return Response.Status.DRAFT if row.answers else Response.Status.NOT_OPENED


def write_demo_round(demo) -> None:
    """Demo step: the round in the database with links, and its answers as svar.xlsx."""
    from klyngeradar.render.workbooks.exchange import write_xlsx
    from klyngeradar.web.surveys.convert import round_data

    organisation = Organisation.objects.get(slug="brn")
    title = demo_round().info.title
    # A refreshed demo replaces its round rather than piling up copies.
    Round.objects.filter(organisation=organisation, title=title).delete()
    deadline = timezone.localdate() + timedelta(days=14)
    round, links = create_demo_round(organisation, deadline=deadline)
    path = write_xlsx(round_data(round), demo.out / "svar.xlsx")
    not_answered = [r.cluster.slug for r in round.responses.exclude(status="submitted")]
    demo.made.append(f"runde: {round.title} ({round.responses.count()} klynger inviteret)")
    demo.made.append(f"svar: {path}")
    for slug in not_answered:
        demo.made.append(f"personligt link til {slug} (vises kun nu): {links[slug]}")
