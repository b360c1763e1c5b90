"""``klyngeradar documentation``: write the yearly documentation package from the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click


class DocumentationError(click.ClickException):
    """A readable reason the package cannot be made (exit 1)."""


@click.command()
@click.option("--year", type=click.IntRange(2000, 2100), required=True, help="The year documented.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Directory to write the .xlsx into (created if missing).",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Data directory with the database (default: $KLYNGERADAR_DATA_DIR or ./klyngeradar-data).",
)
@click.option("--agreement", "slug", default=None, help="One agreement's short name (slug).")
def documentation(year: int, out: Path, data_dir: Path | None, slug: str | None) -> None:
    """Write the yearly documentation package (.xlsx) for all agreements or one.

    The package lists the participating companies by CVR, unique companies by
    kind of support, KPI actuals against targets and, where company figures
    were imported, the participants' revenue and employees.

    Example: klyngeradar documentation --year 2025 --out ./pakke --data ./klyngeradar-demo
    """
    _start_django(data_dir)

    from klyngeradar.render.workbooks.documentation import write_documentation_xlsx
    from klyngeradar.web.agreements import convert
    from klyngeradar.web.agreements.models import Agreement

    agreements = Agreement.objects.select_related("cluster", "organisation").order_by("slug")
    if slug is not None:
        agreements = agreements.filter(slug=slug)
        if not agreements.exists():
            known = ", ".join(Agreement.objects.values_list("slug", flat=True)) or "none"
            raise DocumentationError(f"no agreement {slug!r} (known: {known})")
    chosen = list(agreements)
    if not chosen:
        raise DocumentationError("the database has no agreements")
    organisations = {a.organisation_id for a in chosen}
    if len(organisations) > 1:
        raise DocumentationError(
            "the agreements belong to several organisations; choose one with --agreement"
        )

    package = convert.documentation_package(chosen, year, as_of=date.today(), agreement=slug)
    has_kpi_data = any(line.actual is not None or line.target is not None for line in package.kpis)
    if not package.companies and not has_kpi_data:
        raise DocumentationError(
            f"no data for {year}: no participation, KPI target or follow-up in that year"
        )

    out = out.expanduser()
    out.mkdir(parents=True, exist_ok=True)
    name = f"dokumentation-{year}-{slug}.xlsx" if slug else f"dokumentation-{year}.xlsx"
    path = write_documentation_xlsx(package, out / name)
    click.echo(
        f"{path}: {package.unique_companies} unikke virksomheder, "
        f"{package.participations} deltagelser, {len(package.kpis)} KPI'er"
    )


def _start_django(data_dir: Path | None) -> None:
    """Start Django on the data directory's database; refuse a directory without one."""
    import os

    from klyngeradar.web.bootstrap import SetupError, check_database, pending_migrations, setup

    if data_dir is not None:
        data_dir = data_dir.expanduser().resolve()
        if not data_dir.is_dir():
            raise DocumentationError(f"{data_dir} does not exist")
        sqlite = data_dir / "klyngeradar.sqlite3"
        if not os.environ.get("DATABASE_URL") and not sqlite.exists():
            raise DocumentationError(
                f"{data_dir} has no database ({sqlite.name}); run `klyngeradar demo --out "
                f"{data_dir}` or point --data at the web app's data directory"
            )
    setup(data_dir)
    check_database()
    pending = pending_migrations()
    if pending:
        raise SetupError(
            f"the database is not set up ({len(pending)} migrations to apply); "
            "run `klyngeradar manage migrate` first"
        )
