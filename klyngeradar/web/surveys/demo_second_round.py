"""The demo's second round: North Jutland 2025 (fictitious), closed, built on the 2023 round.

With both rounds in the database, a round's page offers "Sammenlign med 2023" and the
comparison shows who entered and left, and what moved, out of the box.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from klyngeradar.core.surveys.demo import demo_round_2025
from klyngeradar.web.accounts.models import Organisation
from klyngeradar.web.surveys.demo import create_demo_round
from klyngeradar.web.surveys.models import Round

# The fictitious round's answer deadline: it is over, so the round is closed.
DEADLINE_2025 = date(2025, 10, 15)


def create_second_demo_round(organisation: Organisation) -> Round:
    """The 2025 demo round, closed, replacing an earlier copy of it."""
    data = demo_round_2025()
    Round.objects.filter(organisation=organisation, title=data.info.title).delete()
    round, _ = create_demo_round(organisation, deadline=DEADLINE_2025, data=data)
    round.status = Round.Status.CLOSED
    round.closed_at = timezone.now()
    round.save(update_fields=["status", "closed_at"])
    return round


def write_second_demo_round(demo) -> None:
    """Demo step: the second round in the database, its answers as svar-2025.xlsx, and its
    deck and appendices with the section "Udvikling siden 2023" in the folder runde-2025."""
    from klyngeradar.core.surveys.demo import demo_round
    from klyngeradar.render.workbooks.exchange import write_xlsx
    from klyngeradar.web.reports.deliverables import write_round_report
    from klyngeradar.web.surveys.convert import round_data

    organisation = Organisation.objects.get(slug="brn")
    round = create_second_demo_round(organisation)
    path = write_xlsx(round_data(round), demo.out / "svar-2025.xlsx")
    demo.made.append(f"runde: {round.title} ({round.responses.count()} klynger inviteret, lukket)")
    demo.made.append(f"svar: {path}")
    earlier = (
        Round.objects.filter(organisation=organisation, title=demo_round().info.title)
        .order_by("-created_at")
        .first()
    )
    if earlier is not None:
        report = write_round_report(
            round, demo.out / "runde-2025", as_of=DEADLINE_2025, earlier=earlier
        )
        demo.made.append(f"præsentation med udvikling siden 2023: {report.deck}")
