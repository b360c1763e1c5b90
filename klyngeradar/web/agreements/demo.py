"""The demo's three agreements, their KPIs and follow-ups, a participation list and figures.

All companies are fictitious ("Fiktiv … ApS") with generated CVR numbers that
pass the modulus-11 check; the clusters are the fictitious demo clusters. The
step also writes the participation list as a CSV (and one with two mistakes) to
the demo directory, to try the import with, and makes the demo's viewer
``kommune-aalborg`` a municipal officer for Aalborg.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from klyngeradar.core.agreements.participation import validate_participation

CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2)
DEMO_FILE = "demo-deltagere.csv"
# A viewer made by the demo's users step (klyngeradar.cli.demo), and their municipality.
MUNICIPAL_OFFICER = ("kommune-aalborg", "851")

COMPANY_WORDS = (
    "Stål",
    "Software",
    "Fødevarer",
    "Havteknik",
    "Sensor",
    "Energi",
    "Robotik",
    "Emballage",
    "Byggeteknik",
    "Logistik",
    "Medico",
    "Akvakultur",
    "Maskinfabrik",
    "Data",
    "Brintteknik",
    "Turisme",
    "Design",
    "Miljøteknik",
    "Elektronik",
    "Biotek",
)
FORMS = ("ApS", "A/S", "I/S")


def cvr_numbers(count: int, start: int = 3_000_000) -> list[str]:
    """`count` CVR numbers that pass modulus 11 (running numbers from `start`, 7 digits)."""
    numbers = []
    running = start
    while len(numbers) < count:
        digits = [int(d) for d in f"{running:07d}"]
        rest = sum(w * d for w, d in zip(CVR_WEIGHTS, digits, strict=True)) % 11
        running += 1
        if rest == 1:
            continue  # No valid check digit: such numbers are never issued.
        numbers.append(f"{running - 1:07d}{(11 - rest) % 11}")
    return numbers


def demo_companies() -> list[tuple[str, str]]:
    cvrs = cvr_numbers(len(COMPANY_WORDS))
    return [
        (cvr, f"Fiktiv {word} {FORMS[i % len(FORMS)]}")
        for i, (cvr, word) in enumerate(zip(cvrs, COMPANY_WORDS, strict=True))
    ]


# (cluster, actor, activity, kind, month, day) per year; companies are drawn per activity.
ACTIVITIES = (
    ("klynge-a", "brn", "Temadag om grøn energi", "event", 3, 14),
    ("klynge-a", None, "Innovationssprint", "innovation", 5, 20),
    ("klynge-a", "erhvervshus-nordjylland", "Klyngerådgivning", "advice", 9, 10),
    ("klynge-b", "aau", "Robotprojekt", "project", 4, 2),
    ("klynge-b", None, "Netværksmøde", "event", 10, 8),
    ("klynge-c", None, "Kontordag i Aalborg", "advice", 6, 5),
    (None, "erhvervshus-nordjylland", "Vækstsparring", "advice", 11, 12),
)


def participation_records(as_of: date) -> list[dict]:
    """The demo participation list (2024, 2025 and this year up to `as_of`) as plain rows."""
    rng = random.Random(2024)
    companies = demo_companies()
    records = []
    for year in range(2024, as_of.year + 1):
        for cluster, actor, activity, kind, month, day in ACTIVITIES:
            when = date(year, month, day)
            if when > as_of:
                continue
            for cvr, name in rng.sample(companies, rng.randint(4, 9)):
                records.append(
                    {
                        "cvr": cvr,
                        "company": name,
                        "activity": activity,
                        "date": when.isoformat(),
                        "cluster": cluster or "",
                        "actor": actor or "",
                        "kind": kind,
                    }
                )
    return records


def _agreements(today: date) -> list[dict]:
    return [
        {
            "slug": "tvaerkommunal-klynge-a",
            "title": "Tværkommunal rammeaftale med Klynge A",
            "cluster": "klynge-a",
            "actors": ["brn", "erhvervshus-nordjylland"],
            "municipalities": ["851", "813", "860", "787"],
            "kind": "framework",
            "status": "active",
            "start": date(2024, 1, 1),
            "end": date(2027, 12, 31),
            "purpose": "Flere nordjyske virksomheder i klyngens aktiviteter på tværs af "
            "fire kommuner, med fælles KPI'er og årlig dokumentation.",
            "presence": "Klyngen har to faste kontordage om måneden i Aalborg og én i "
            "Frederikshavn, Hjørring og Thisted på skift.",
            "kpis": [
                ("unique_companies", 25, {2024: 12, 2025: 15}),
                ("events_held", 2, {2024: 4, 2025: 5}),
                ("coordination_meetings", None, {2024: 2, 2025: 2}),
            ],
            "followups": {
                "unique_companies": [
                    (2024, "H1", 7),
                    (2024, "year", 13),
                    (2025, "H1", 6),
                    (2025, "year", 12),
                ],
                "events_held": [(2024, "year", 4), (2025, "year", 5)],
                "coordination_meetings": [(2024, "year", 2), (2025, "year", 1)],
            },
            "cofinancing": [
                ("brn", 2024, 400_000),
                ("brn", 2025, 400_000),
                ("851", 2024, 150_000),
                ("851", 2025, 150_000),
                (None, 2024, 200_000),
            ],
            "deliverables": [
                ("theme_day", "Temadag om grøn energi", date(2025, 3, 14)),
                ("event", "Netværksmøde i Thisted", date(2025, 9, 1)),
                ("project", "Fælles innovationsforløb", date(2026, 6, 30)),
            ],
            "meetings": [
                (date(2024, 3, 1), date(2024, 3, 1)),
                (date(2024, 10, 1), date(2024, 10, 3)),
                (date(2025, 3, 1), date(2025, 3, 4)),
                (date(2025, 10, 1), None),
            ],
        },
        {
            "slug": "robotprojekt-klynge-b",
            "title": "Projektaftale om robotprojekter med Klynge B",
            "cluster": "klynge-b",
            "actors": ["aau"],
            "municipalities": ["840"],
            "kind": "project",
            "status": "ended",
            "start": date(2024, 3, 1),
            "end": date(2025, 12, 31),
            "purpose": "Innovationsprojekter mellem nordjyske virksomheder og AAU.",
            "presence": "Projektmøder på AAU.",
            "kpis": [
                ("projects_started", 0, {2024: 2, 2025: 3}),
                ("companies_advised", None, {2024: 5, 2025: 6}),
            ],
            "followups": {
                "projects_started": [(2024, "year", 2), (2025, "H1", 1), (2025, "year", 2)],
                "companies_advised": [(2024, "year", 4), (2025, "year", 7)],
            },
            "cofinancing": [("aau", 2024, 250_000), ("840", 2025, 100_000)],
            "deliverables": [("project", "Tre robotprojekter", date(2025, 12, 31))],
            "meetings": [
                (date(2024, 4, 1), date(2024, 4, 2)),
                (date(2025, 4, 1), date(2025, 4, 1)),
            ],
        },
        {
            "slug": "kontor-klynge-c",
            "title": "Kontoraftale med Klynge C i Aalborg",
            "cluster": "klynge-c",
            "actors": ["erhvervshus-nordjylland"],
            "municipalities": ["851"],
            "kind": "office",
            "status": "active",
            "start": date(2024, 1, 1),
            # Ends soon, so that the front page shows an expiry warning in the demo.
            "end": today + timedelta(days=75),
            "purpose": "Klynge C har kontorplads hos Erhvervshus Nordjylland.",
            "presence": "Kontorplads i Aalborg tre dage om ugen.",
            "kpis": [
                ("participants", 10, {2024: 30, 2025: 40}),
                ("members_in_region", 8, {2024: 10, 2025: 12}),
            ],
            "followups": {
                "participants": [(2024, "year", 34), (2025, "H1", 15), (2025, "year", 31)],
                "members_in_region": [(2024, "year", 11), (2025, "year", 12)],
            },
            "cofinancing": [("erhvervshus-nordjylland", 2024, 120_000)],
            "deliverables": [("office_days", "Kontordage i Aalborg", None)],
            "meetings": [(date(2025, 2, 1), date(2025, 2, 3))],
        },
    ]


def create_demo_agreements(demo) -> None:
    """Demo step: three agreements with KPIs and follow-ups, a participation list, figures."""
    from django.db import transaction
    from django.utils import timezone

    today = timezone.localdate()
    with transaction.atomic():
        organisation = _create_agreements(today)
        records = participation_records(today)
        _import_demo_participation(organisation, records)
        _create_figures(organisation)
        officer, municipality = _give_municipal_access(*MUNICIPAL_OFFICER)
    _write_files(demo.out, records)
    demo.made.append(
        "aftaler: 3 (tværkommunal med 4 kommuner, projekt, kontor) med KPI'er og opfølgning "
        f"2024–2025, {len(records)} deltagelser; prøv importen med {DEMO_FILE}"
    )
    demo.made.append(
        f"kommunal læser: {officer} ser kun de aftaler, {municipality} Kommune er part i"
    )


def _create_agreements(today: date):
    from klyngeradar.core.agreements.kpi import catalogue_entry
    from klyngeradar.web.accounts.models import Organisation
    from klyngeradar.web.agreements.models import Agreement
    from klyngeradar.web.registry.models import Actor, Cluster, Municipality

    organisation = Organisation.objects.get(slug="brn")
    for spec in _agreements(today):
        agreement, _ = Agreement.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "organisation": organisation,
                "title": spec["title"],
                "cluster": Cluster.objects.get(slug=spec["cluster"]),
                "kind": spec["kind"],
                "status": spec["status"],
                "start": spec["start"],
                "end": spec["end"],
                "purpose": spec["purpose"],
                "presence": spec["presence"],
                "notes": "Demodata: fiktiv aftale.",
            },
        )
        agreement.actors.set(Actor.objects.filter(slug__in=spec["actors"]))
        agreement.municipalities.set(Municipality.objects.filter(code__in=spec["municipalities"]))
        for related in ("kpis", "cofinancing", "deliverables", "meetings"):
            getattr(agreement, related).all().delete()
        for key, baseline, targets in spec["kpis"]:
            entry = catalogue_entry(key)
            kpi = agreement.kpis.create(
                catalogue_key=key,
                definition=entry.name_da,
                unit=entry.unit_da,
                measurement=entry.measurement_da,
                baseline=baseline,
                targets={str(year): value for year, value in targets.items()},
            )
            for year, period, actual in spec["followups"].get(key, []):
                kpi.followups.create(
                    year=year,
                    period=period,
                    actual=actual,
                    basis="counted" if key != "participants" else "estimated",
                    comment="Demodata",
                )
        for party, year, amount in spec["cofinancing"]:
            actor = Actor.objects.filter(slug=party).first() if party else None
            municipality = Municipality.objects.filter(code=party).first() if party else None
            agreement.cofinancing.create(
                actor=actor, municipality=municipality, year=year, amount_dkk=amount
            )
        for kind, title, due in spec["deliverables"]:
            agreement.deliverables.create(
                kind=kind, title=title, due=due, done=bool(due and due < today)
            )
        for planned, held in spec["meetings"]:
            agreement.meetings.create(
                planned=planned,
                held=held,
                minutes="Gennemgang af KPI'er og planer (demodata)." if held else "",
            )
    return organisation


def _import_demo_participation(organisation, records) -> None:
    from klyngeradar.web.agreements.imports import store_participation
    from klyngeradar.web.agreements.models import ParticipationImport
    from klyngeradar.web.registry.models import Actor, Cluster

    rows = validate_participation(
        records,
        clusters=set(Cluster.objects.values_list("slug", flat=True)),
        actors=set(Actor.objects.values_list("slug", flat=True)),
        file=DEMO_FILE,
    )
    ParticipationImport.objects.filter(organisation=organisation, filename=DEMO_FILE).delete()
    store_participation(organisation, DEMO_FILE, rows)


def _create_figures(organisation) -> None:
    from klyngeradar.core.agreements.documentation import CompanyFigures
    from klyngeradar.web.agreements.imports import store_company_figures

    rng = random.Random(7)
    figures = []
    for index, (cvr, _name) in enumerate(demo_companies()):
        revenue = rng.randint(3, 80) * 1_000_000
        employees = rng.randint(2, 60)
        for year in (2023, 2024, 2025):
            # Two companies lack figures for a year: the package then states its base.
            missing = index in (3, 11) and year == 2024
            figures.append(
                CompanyFigures(
                    cvr, year, None if missing else revenue, None if missing else employees
                )
            )
            revenue = int(revenue * rng.uniform(0.95, 1.15))
            employees = max(1, employees + rng.randint(-2, 5))
    store_company_figures(organisation, "demo-virksomhedstal.csv", figures)


def _write_files(out, records) -> None:
    import csv

    columns = ["cvr", "company", "activity", "date", "cluster", "actor", "kind"]
    with (out / DEMO_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(records)
    wrong = [dict(records[0]), dict(records[1]), dict(records[0])]
    wrong[1]["cvr"] = wrong[1]["cvr"][:-1] + str((int(wrong[1]["cvr"][-1]) + 1) % 10)
    with (out / "demo-deltagere-med-fejl.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(wrong)


def _give_municipal_access(username: str, code: str):
    """Tie the demo user `username` to municipality `code`: a municipal officer's view."""
    from django.contrib.auth import get_user_model

    from klyngeradar.web.agreements.models import MunicipalAccess
    from klyngeradar.web.registry.models import Municipality

    user = get_user_model().objects.get(username=username)
    municipality = Municipality.objects.get(code=code)
    MunicipalAccess.objects.get_or_create(user=user, municipality=municipality)
    return user, municipality
