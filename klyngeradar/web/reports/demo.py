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
from klyngeradar.web.reports.models import QuoteChoice
from klyngeradar.web.surveys.models import Round

# The seed report's date, for the round that only exists as the core's demo data.
DEMO_AS_OF = date(2023, 10, 1)

# The demo analyst's quotes for the 2023 round, themed, some shortened for the slide (the
# answers stay as they are) and one with a name the analyst let stand (the region's own
# organisation). Like the round, the choice is fictitious.
DEMO_QUOTES = (
    ("agreements.optimal", "klynge-a", "Konkrete aktiviteter og projekter", None, ()),
    ("agreements.optimal", "klynge-e", "Konkrete aktiviteter og projekter", None, ()),
    ("agreements.optimal", "klynge-h", "Konkrete aktiviteter og projekter", None, ()),
    (
        "agreements.optimal",
        "klynge-j",
        "Faste koordineringsmøder",
        "Vi vil gerne have en rammeaftale med faste koordineringsmøder (fx 2 gange årligt).",
        (),
    ),
    (
        "agreements.optimal",
        "klynge-c",
        "Fælles data og dokumentation",
        "En samarbejdsaftale, der på enklest mulig vis dokumenterer, at virksomhederne bruger "
        "erhvervsfremmesystemet, og hvor begge parter opgør og deler data.",
        (),
    ),
    ("agreements.optimal", "klynge-i", "Langsigtet og strategisk samarbejde", None, ()),
    (
        "agreements.optimal",
        "klynge-f",
        "Langsigtet og strategisk samarbejde",
        "Vi ønsker, at samarbejdsmodellerne også giver mulighed for et tæt samarbejde, når der "
        "ikke er et aktuelt projekt til at understøtte det.",
        (),
    ),
    ("agreements.description", "klynge-b", "Koordinering og videndeling", None, ()),
    ("agreements.description", "klynge-c", "Mål for innovation i kommunen", None, ()),
    (
        "agreements.description",
        "klynge-g",
        "Strategiske aktiviteter og handleplaner",
        None,
        ("BRN",),
    ),
)


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
    choose_demo_quotes(organisation.slug)
    report = write_demo_report(demo.out, organisation.slug)
    demo.made.append(f"præsentation: {report.deck}")
    demo.made.append(f"bilag: {report.appendices}")


def choose_demo_quotes(organisation_slug: str) -> None:
    """The demo analyst's quotes for the 2023 round, unless a choice is already stored."""
    round = (
        Round.objects.filter(organisation__slug=organisation_slug, title=demo_round().info.title)
        .order_by("-created_at")
        .first()
    )
    if round is None or QuoteChoice.objects.filter(round=round).exists():
        return
    answers = {
        (question, response.cluster): response.get(question)
        for response in demo_round().responders
        for question in ("agreements.optimal", "agreements.description")
    }
    QuoteChoice.objects.create(
        round=round,
        quotes=[
            {
                "question": question,
                "cluster": cluster,
                "theme": theme,
                "text": text,
                "answer": answers[(question, cluster)] if text else None,
                "confirmed": list(confirmed),
            }
            for question, cluster, theme, text, confirmed in DEMO_QUOTES
        ],
    )
