"""A large organisation: per-page server time and queries, and the documentation package.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/kr_bench \\
     .venv/bin/python benchmarks/scale.py --participations 1000000

Builds the scaled data set on the configured database (DATABASE_URL, which must
name an empty database, or a temporary SQLite file): a 50-cluster round with 15
efforts, 1,000 agreements (parties, two KPIs with follow-ups each) and the
given number of participations in imports of 100,000 rows. Then, logged in as
the analyst, it requests each page three times and prints the fastest server
time (in-process, Django's test client, no network) with its query count; and
the documentation package for one year of all agreements, made in a process of
its own: its time and that process's peak RSS. Without arguments a quick run with 20,000
participations is made. ``--reuse`` measures a database an earlier run built
(with ``--keep`` on SQLite, or a PostgreSQL database) instead of building again.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def start_django(folder: Path) -> str:
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder / 'bench.sqlite3'}")
    from klyngeradar.web.bootstrap import database_label, setup

    setup(folder)
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", interactive=False, verbosity=0)
    return database_label()


def build(participations: int, seed: int = 2026):
    from django.contrib.auth import get_user_model

    from klyngeradar.core.agreements.participation import ParticipationRow
    from klyngeradar.web.accounts.models import Membership, Organisation
    from klyngeradar.web.agreements.imports import store_participation
    from klyngeradar.web.agreements.models import Agreement, FollowUp, Kpi
    from klyngeradar.web.registry.models import Actor, Cluster, Municipality, Region
    from klyngeradar.web.surveys.invitations import invite
    from klyngeradar.web.surveys.models import Round

    rng = random.Random(seed)
    region, _ = Region.objects.get_or_create(code="1081", defaults={"name": "Region Nordjylland"})
    organisation = Organisation.objects.create(
        slug="brn", name="Business Region North Denmark", short_name="BRN", region=region
    )
    user = get_user_model().objects.create(username="analyst", is_staff=True)
    Membership.objects.create(user=user, role="analyst", organisation=organisation)
    clusters = [
        Cluster.objects.create(slug=f"klynge-{n:02d}", name=f"Klynge {n:02d}", fictitious=True)
        for n in range(50)
    ]
    actors = [
        Actor.objects.create(slug=f"aktoer-{n}", name=f"Aktør {n}", region=region) for n in range(8)
    ]
    municipalities = [
        Municipality.objects.get_or_create(
            code=str(800 + n), defaults={"name": f"Kommune {n}", "region": region}
        )[0]
        for n in range(11)
    ]
    efforts = [{"slug": f"indsats-{n}", "name": f"Indsats {n}"} for n in range(15)]
    survey = Round.objects.create(
        organisation=organisation,
        region=region,
        title="Runde 2026",
        since=date(2025, 1, 1),
        deadline=date(2026, 3, 15),
        actors=[{"slug": a.slug, "name": a.name} for a in actors],
        efforts=efforts,
    )
    for cluster in clusters:
        invite(survey, cluster, [f"kontakt@{cluster.slug}.dk"])
    for n in range(1_000):
        agreement = Agreement.objects.create(
            organisation=organisation,
            cluster=clusters[n % 50],
            slug=f"aftale-{n:04d}",
            title=f"Aftale {n:04d}",
            status="active",
            start=date(2022 + n % 3, 1, 1),
        )
        agreement.actors.set(rng.sample(actors, 2))
        agreement.municipalities.set(rng.sample(municipalities, 3))
        for key in ("unique_companies", "companies_advised"):
            kpi = Kpi.objects.create(
                agreement=agreement,
                catalogue_key=key,
                definition=key,
                unit="virksomheder",
                baseline=10,
                targets={"2025": 40},
            )
            FollowUp.objects.create(kpi=kpi, year=2025, actual=rng.randint(0, 60), basis="counted")
    pool = [f"{10_000_000 + n:08d}" for n in range(0, 2_000_000, 7)]
    pool = [c for c in pool if _valid(c)][:200_000]
    kinds = ["advice", "innovation", "event", "project", None]
    done = 0
    while done < participations:
        size = min(100_000, participations - done)
        rows = []
        for i in range(done, done + size):
            cluster = clusters[rng.randrange(50)].slug if rng.random() < 0.8 else None
            actor = actors[rng.randrange(8)].slug if cluster is None else None
            day = date(2022 + rng.randrange(4), rng.randint(1, 12), rng.randint(1, 28))
            cvr = pool[i % len(pool)]
            rows.append(
                ParticipationRow(
                    cvr,
                    None,
                    f"Virksomhed {cvr}",
                    f"Aktivitet {i}",
                    day,
                    cluster,
                    actor,
                    rng.choice(kinds),
                )
            )
        store_participation(organisation, f"liste-{done // 100_000 + 1}.csv", rows, user)
        done += size
    return user, survey


def _valid(cvr: str) -> bool:
    from klyngeradar.core.registry.cvr import is_valid_cvr

    return is_valid_cvr(cvr)


def built_earlier():
    """The analyst and the round of a data set an earlier run built, or None."""
    from django.contrib.auth import get_user_model

    from klyngeradar.web.surveys.models import Round

    user = get_user_model().objects.filter(username="analyst").first()
    survey = Round.objects.filter(title="Runde 2026").first()
    return (user, survey) if user and survey else None


def measure_pages(user, survey) -> None:
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from klyngeradar.web.agreements.models import Agreement

    client = Client()
    client.force_login(user)
    busiest = Agreement.objects.annotate(n=Count("cluster__participation")).order_by("-n").first()
    pages = {
        "agreements list": reverse("agreements:agreement_list"),
        "agreement detail": busiest.get_absolute_url(),
        "participation lists": reverse("agreements:participation"),
        "clusters": reverse("registry:cluster_list"),
        "rounds": reverse("surveys:round_list"),
        "round": reverse("surveys:round_detail", kwargs={"pk": survey.pk}),
    }
    print(f"{'page':<22} {'server ms':>10} {'queries':>8} {'kB':>7}")
    for name, url in pages.items():
        best, queries, size = None, 0, 0
        for _ in range(3):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - started
            assert response.status_code == 200, (url, response.status_code)
            best = elapsed if best is None else min(best, elapsed)
            queries, size = len(captured), len(response.content) / 1024
        print(f"{name:<22} {best * 1000:>10.0f} {queries:>8} {size:>7.0f}", flush=True)


def measure_documentation(year: int) -> None:
    """Make the package in a child process of its own and print its time and peak RSS.

    The child starts from this process (forked, with no database connection open), so its
    peak RSS is Django plus the package, whatever the pages measured before it held.
    tracemalloc is not used: it slows the package down several times.
    """
    from django.db import connections

    connections.close_all()
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read)
        try:
            line = _package_line(year)
        except BaseException as error:  # the parent prints why, and the child must not go on
            line = f"documentation {year} failed: {error!r}"
        os.write(write, line.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        line = pipe.read()
    os.waitpid(child, 0)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{line}; peak RSS of the process that made it {rss:.0f} MB", flush=True)


def _package_line(year: int) -> str:
    from django.utils import timezone

    from klyngeradar.render.workbooks.documentation import write_documentation_xlsx
    from klyngeradar.web.agreements import convert
    from klyngeradar.web.agreements.models import Agreement

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        agreements = list(
            Agreement.objects.select_related("cluster", "organisation").order_by("slug")
        )
        built = convert.documentation_package(agreements, year, as_of=timezone.localdate())
        computed = time.perf_counter() - started
        path = write_documentation_xlsx(built, Path(folder) / "dokumentation.xlsx")
        seconds = time.perf_counter() - started
        size = path.stat().st_size / 2**20
    return (
        f"documentation {year}: {seconds:.1f} s ({computed:.1f} s computing, "
        f"{seconds - computed:.1f} s writing {size:.0f} MB); {built.unique_companies:,} "
        f"companies, {built.participations:,} participations, {len(built.kpis):,} KPI lines"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participations", type=int, default=20_000)
    parser.add_argument(
        "--reuse", action="store_true", help="measure the data set an earlier run built"
    )
    parser.add_argument("--documentation-only", action="store_true", help="leave out the pages")
    parser.add_argument(
        "--keep", type=Path, default=None, help="a folder for the SQLite file, kept afterwards"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="klyngeradar-scale-") as folder:
        if args.keep is not None:
            args.keep.mkdir(parents=True, exist_ok=True)
        label = start_django(args.keep or Path(folder))
        found = built_earlier() if args.reuse else None
        if found is not None:
            from klyngeradar.web.agreements.models import Participation

            user, survey = found
            print(
                f"database: {label}; reusing the data set built earlier "
                f"({Participation.objects.count():,} participations)"
            )
        else:
            started = time.perf_counter()
            user, survey = build(args.participations)
            print(
                f"database: {label}; built 50 clusters, 1,000 agreements, "
                f"{args.participations:,} participations in {time.perf_counter() - started:.0f} s"
            )
        if not args.documentation_only:
            measure_pages(user, survey)
        measure_documentation(2024)


if __name__ == "__main__":
    main()
