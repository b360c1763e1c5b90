"""The demo's deliverables: the demo round's deck and appendices in the demo folder.

With the demo round in the database (the surveys app's demo step) the files
are written exactly as the "Rapporter" page writes them, so the demo folder and
a download from the demo web app are the same deck. Without it, they are
written from the core's demo round and example strategy.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from klyngeradar.core.strategy.plan import demo_strategy
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.report import Report, write_report
from klyngeradar.web.accounts.models import Organisation
from klyngeradar.web.reports.deliverables import round_date, write_round_report
from klyngeradar.web.surveys.models import Round

# The seed report's date, for the round that only exists as the core's demo data.
DEMO_AS_OF = date(2023, 10, 1)


def write_demo_report(out, organisation_slug: str = "brn") -> Report:
    """Write ``klyngesamarbejde.pptx`` and ``bilag.xlsx`` of the demo round into `out`."""
    data = demo_round()
    round = (
        Round.objects.filter(organisation__slug=organisation_slug, title=data.info.title)
        .order_by("-created_at")
        .first()
    )
    if round is None:
        return write_report(data, out, as_of=DEMO_AS_OF, strategy=demo_strategy())
    return write_round_report(round, out, as_of=round_date(round, timezone.localdate()))


def write_deliverables(demo) -> None:
    """Demo step: the deck and the appendices (see klyngeradar.cli.demo); keep it last."""
    from klyngeradar.core.demo import DEMO_ORGANISATION

    organisation = Organisation.objects.get(slug=DEMO_ORGANISATION["slug"])
    report = write_demo_report(demo.out, organisation.slug)
    demo.made.append(f"præsentation: {report.deck}")
    demo.made.append(f"bilag: {report.appendices}")
