"""The yearly documentation package: who took part, in what, against which KPIs, with what effect.

Both parties to an agreement can hand the package to Erhvervsstyrelsen: the
participating companies (CVR, name, what they took part in), unique companies by
kind of support, each KPI's actual against its target, and — when company figures
(CVR, year, revenue, employees) are supplied — the development of the
participants' revenue and employees, with the base of every total stated.

A participation row belongs to an agreement when it is the agreement's
cluster's activity, or an activity of one of the agreement's parties without a
cluster; and when its date lies within the agreement's period (if one is given).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from klyngeradar.core.agreements import limits
from klyngeradar.core.agreements.kpi import (
    STATUS_LABELS,
    FollowUp,
    Kpi,
    kpi_status,
    latest_followup,
)
from klyngeradar.core.agreements.kpi_trend import KpiTrend, kpi_trend
from klyngeradar.core.agreements.participation import (
    SUPPORT_KIND_LABELS,
    SUPPORT_KINDS,
    ParticipationRow,
)
from klyngeradar.core.numbers import (
    INT32_MAX,
    INT64_MAX,
    format_int,
    parse_whole_number,
    percent,
)
from klyngeradar.core.problems import InputError, Problem, danish_reason
from klyngeradar.core.registry.cvr import check_cvr, normalise_cvr
from klyngeradar.core.tables import Row, Table, column_letter, read_tables

# What the database stores: a year, revenue in kroner (bigint), employees (integer).
FIGURE_MAXIMUM = {"year": 9999, "revenue": INT64_MAX, "employees": INT32_MAX}


@dataclass(frozen=True)
class AgreementKpi:
    kpi: Kpi
    followups: tuple[FollowUp, ...] = ()


@dataclass(frozen=True)
class AgreementFacts:
    """An agreement as plain data: one cluster and its regional parties (actor slugs or
    municipality codes), the period and the KPIs with their follow-ups."""

    slug: str
    title: str
    cluster: str
    parties: tuple[str, ...]
    kpis: tuple[AgreementKpi, ...] = ()
    start: date | None = None
    end: date | None = None
    kind: str | None = None

    @property
    def coverage(self) -> Coverage:
        """The rule of `covers` as plain data, for a database to run as a filter."""
        return Coverage(self.cluster, self.parties, self.start, self.end)

    def covers(self, row: ParticipationRow) -> bool:
        """True when ``row`` counts for this agreement (see the module docstring)."""
        return self.coverage.covers(row)


@dataclass(frozen=True)
class Coverage:
    """Which participation rows count for an agreement: the cluster's rows, or rows of one of
    ``parties`` that name no cluster; within ``start``–``end`` when given (both inclusive).

    The web layer translates this into a database filter, so the rule lives here only.
    """

    cluster: str
    parties: tuple[str, ...]
    start: date | None = None
    end: date | None = None

    def covers(self, row: ParticipationRow) -> bool:
        if self.start is not None and row.date < self.start:
            return False
        if self.end is not None and row.date > self.end:
            return False
        if row.cluster is not None:
            return row.cluster == self.cluster
        return row.actor in self.parties


@dataclass(frozen=True)
class CompanyFigures:
    """A company's figures for one year; missing figures are None."""

    cvr: str
    year: int
    revenue_dkk: int | None
    employees: int | None


@dataclass(frozen=True)
class CompanyParticipation:
    cvr: str
    company: str
    activities: tuple[str, ...]
    kinds: tuple[str, ...]
    clusters: tuple[str, ...]
    actors: tuple[str, ...]
    agreements: tuple[str, ...]
    participations: int
    first_date: date
    last_date: date


@dataclass(frozen=True)
class KindCount:
    """Unique companies and participations for one kind of support (None: not stated)."""

    kind: str | None
    label_da: str
    label_en: str
    companies: int
    participations: int


@dataclass(frozen=True)
class KpiLine:
    agreement: str
    agreement_title: str
    definition: str
    unit: str
    baseline: int | None
    target: int | None
    actual: int | None
    basis: str | None
    counted: int | None
    status: str
    status_da: str
    status_en: str
    explanation_da: str
    explanation_en: str
    # Target and actual over the follow-up years up to the documented year.
    trend: KpiTrend | None = None


@dataclass(frozen=True)
class Development:
    """One participant's revenue and employees in the two years compared (None: not supplied)."""

    cvr: str
    company: str
    revenue_before: int | None
    revenue_after: int | None
    employees_before: int | None
    employees_after: int | None

    @property
    def revenue_change(self) -> int | None:
        if self.revenue_before is None or self.revenue_after is None:
            return None
        return self.revenue_after - self.revenue_before

    @property
    def employees_change(self) -> int | None:
        if self.employees_before is None or self.employees_after is None:
            return None
        return self.employees_after - self.employees_before


@dataclass(frozen=True)
class Total:
    """A sum over the participants with both years' figures: ``reported`` of ``base``."""

    before: int | None
    after: int | None
    reported: int
    base: int

    @property
    def change_percent(self) -> int | None:
        if self.before is None or self.after is None or self.before == 0:
            return None
        change = percent(abs(self.after - self.before), self.before)
        return None if change is None else (change if self.after >= self.before else -change)


@dataclass(frozen=True)
class DocumentationPackage:
    year: int
    agreement: str | None
    agreements: tuple[AgreementFacts, ...]
    companies: tuple[CompanyParticipation, ...]
    participations: int
    by_kind: tuple[KindCount, ...]
    kpis: tuple[KpiLine, ...]
    figures_years: tuple[int, int] | None
    development: tuple[Development, ...] | None
    revenue: Total | None
    employees: Total | None
    notes_da: tuple[str, ...]
    notes_en: tuple[str, ...]

    @property
    def unique_companies(self) -> int:
        return len(self.companies)


def _company_rows(rows: Sequence[ParticipationRow], agreements: Mapping[str, list[str]]):
    by_cvr: dict[str, list[ParticipationRow]] = {}
    for row in rows:
        by_cvr.setdefault(row.cvr, []).append(row)
    companies = []
    for cvr, own in sorted(by_cvr.items()):
        own.sort(key=lambda r: (r.date, r.activity))
        companies.append(
            CompanyParticipation(
                cvr=cvr,
                # The latest spelling of the name wins: lists from later in the year are newer.
                company=own[-1].company,
                activities=tuple(dict.fromkeys(f"{r.activity} ({r.date:%d.%m.%Y})" for r in own)),
                kinds=tuple(k for k in SUPPORT_KINDS if any(r.kind == k for r in own)),
                clusters=tuple(sorted({r.cluster for r in own if r.cluster})),
                actors=tuple(sorted({r.actor for r in own if r.actor})),
                agreements=tuple(agreements.get(cvr, [])),
                participations=len(own),
                first_date=own[0].date,
                last_date=own[-1].date,
            )
        )
    return tuple(companies)


def _by_kind(rows: Sequence[ParticipationRow]) -> tuple[KindCount, ...]:
    companies: dict[str | None, set[str]] = {}
    participations: dict[str | None, int] = {}
    for row in rows:
        companies.setdefault(row.kind, set()).add(row.cvr)
        participations[row.kind] = participations.get(row.kind, 0) + 1
    counts = []
    for kind in (*SUPPORT_KINDS, None):
        if kind not in companies:
            continue
        da, en = SUPPORT_KIND_LABELS[kind] if kind else ("Ikke angivet", "Not stated")
        counts.append(KindCount(kind, da, en, len(companies[kind]), participations[kind]))
    return tuple(counts)


class _CoverageIndex:
    """Which of ``agreements`` (by position) cover a row of ``year``: those of its cluster, or of
    its party when it names no cluster, whose period includes its date (the rule of
    `Coverage.covers`).

    An agreement whose period spans the whole year covers every row of its group, so only
    agreements that start or end within the year are checked, once per group and day; the
    work grows with the rows plus the agreements, not with their product.
    """

    def __init__(self, agreements: Sequence[AgreementFacts], year: int):
        first, last = date(year, 1, 1), date(year, 12, 31)
        whole: dict[tuple[str, str | None], list[int]] = {}
        partial: dict[tuple[str, str | None], list[int]] = {}
        for position, item in enumerate(agreements):
            if (item.end is not None and item.end < first) or (
                item.start is not None and item.start > last
            ):
                continue
            spans_year = (item.start is None or item.start <= first) and (
                item.end is None or item.end >= last
            )
            target = whole if spans_year else partial
            for group in (("cluster", item.cluster), *(("party", p) for p in item.parties)):
                own = target.setdefault(group, [])
                if not own or own[-1] != position:
                    own.append(position)
        self._agreements = agreements
        self._whole = {group: tuple(positions) for group, positions in whole.items()}
        self._partial = partial
        self._by_day: dict[tuple, tuple[int, ...]] = {}

    def agreements_covering(self, row: ParticipationRow) -> tuple[int, ...]:
        group = ("cluster", row.cluster) if row.cluster is not None else ("party", row.actor)
        whole = self._whole.get(group, ())
        if group not in self._partial:
            return whole
        key = (group, row.date)
        found = self._by_day.get(key)
        if found is None:
            checked = [p for p in self._partial[group] if self._agreements[p].covers(row)]
            found = tuple(sorted((*whole, *checked)))
            self._by_day[key] = found
        return found


def _agreements_by_cvr(
    agreements: Sequence[AgreementFacts], covering_by_cvr: Mapping[str, set[tuple[int, ...]]]
) -> dict[str, tuple[str, ...]]:
    """Each company's agreements, in the order the agreements were given."""
    slug_at = [a.slug for a in agreements]
    unique = len(set(slug_at)) == len(slug_at)
    named: dict[frozenset, tuple[str, ...]] = {}
    result = {}
    for cvr, coverings in covering_by_cvr.items():
        key = frozenset(coverings)
        slugs = named.get(key)
        if slugs is None:
            slugs = tuple(map(slug_at.__getitem__, sorted(set().union(*coverings))))
            named[key] = slugs if unique else tuple(dict.fromkeys(slugs))
        result[cvr] = named[key]
    return result


_COUNTED_KINDS = {"unique_companies": None, "companies_advised": "advice"}


def _kpi_lines(
    agreements: Sequence[AgreementFacts],
    companies_by_covering: Mapping[tuple[int, ...], tuple[set[str], set[str]]],
    year: int,
    as_of: date,
) -> tuple[KpiLine, ...]:
    # The status is computed as of the end of the documented year at the latest.
    day = min(as_of, date(year, 12, 31))
    coverings_of: dict[int, list[tuple[int, ...]]] = {}
    for covering in companies_by_covering:
        for position in covering:
            coverings_of.setdefault(position, []).append(covering)

    def counted_companies(position: int, kind: str | None) -> int:
        which = 0 if kind is None else 1
        sets = [companies_by_covering[c][which] for c in coverings_of.get(position, ())]
        return len(set().union(*sets))

    lines = []
    for position, agreement in enumerate(agreements):
        for item in agreement.kpis:
            kpi = item.kpi
            status = kpi_status(kpi, item.followups, as_of=day)
            latest = latest_followup(item.followups, year)
            counted = None
            if kpi.key in _COUNTED_KINDS:
                counted = counted_companies(position, _COUNTED_KINDS[kpi.key])
            trend = kpi_trend(kpi, item.followups)
            lines.append(
                KpiLine(
                    agreement=agreement.slug,
                    agreement_title=agreement.title,
                    definition=kpi.definition,
                    unit=kpi.unit,
                    baseline=kpi.baseline,
                    target=kpi.targets.get(year),
                    actual=latest.actual if latest else None,
                    basis=latest.basis if latest else None,
                    counted=counted,
                    status=status.code,
                    status_da=STATUS_LABELS[status.code][0],
                    status_en=STATUS_LABELS[status.code][1],
                    explanation_da=status.explanation_da,
                    explanation_en=status.explanation_en,
                    trend=trend.until(year),
                )
            )
    return tuple(lines)


def _development(
    companies: Sequence[CompanyParticipation],
    figures: Iterable[CompanyFigures],
    years: tuple[int, int],
) -> tuple[tuple[Development, ...], Total, Total]:
    known = {(f.cvr, f.year): f for f in figures}
    lines = []
    for company in companies:
        before, after = known.get((company.cvr, years[0])), known.get((company.cvr, years[1]))
        lines.append(
            Development(
                cvr=company.cvr,
                company=company.company,
                revenue_before=before.revenue_dkk if before else None,
                revenue_after=after.revenue_dkk if after else None,
                employees_before=before.employees if before else None,
                employees_after=after.employees if after else None,
            )
        )

    def total(before: str, after: str) -> Total:
        pairs = [
            (getattr(d, before), getattr(d, after))
            for d in lines
            if getattr(d, before) is not None and getattr(d, after) is not None
        ]
        if not pairs:
            return Total(None, None, 0, len(lines))
        return Total(sum(b for b, _ in pairs), sum(a for _, a in pairs), len(pairs), len(lines))

    return (
        tuple(lines),
        total("revenue_before", "revenue_after"),
        total("employees_before", "employees_after"),
    )


def documentation_package(
    year: int,
    agreements: Sequence[AgreementFacts],
    participation: Iterable[ParticipationRow],
    *,
    as_of: date,
    agreement: str | None = None,
    company_figures: Iterable[CompanyFigures] | None = None,
    figures_years: tuple[int, int] | None = None,
) -> DocumentationPackage:
    """Compute the package for ``year`` and one agreement (its slug) or all agreements.

    Company figures compare ``figures_years`` (default: the year before and the
    year itself); without figures the development is None, not zero.
    """
    chosen = tuple(a for a in agreements if agreement is None or a.slug == agreement)
    if agreement is not None and not chosen:
        known = ", ".join(a.slug for a in agreements)
        reason = f"is not a known agreement (known: {known or 'none'})"
        reason_da = f"er ikke en kendt aftale (kendte: {known or 'ingen'})"
        raise InputError([Problem(reason, value=agreement, reason_da=reason_da)])

    in_year = [row for row in participation if row.year == year]
    coverage = _CoverageIndex(chosen, year)
    # A row covered by two agreements is one participation, not two: rows are kept once per
    # company, activity and day, in the input order.
    selected: dict[tuple, ParticipationRow] = {}
    # Per company, the distinct sets of agreements that cover its rows (few per company).
    covering_by_cvr: dict[str, set[tuple[int, ...]]] = {}
    # Per set of covering agreements, the companies of its rows (all kinds, and advice).
    companies_by_covering: dict[tuple[int, ...], tuple[set[str], set[str]]] = {}
    for row in in_year:
        covering = coverage.agreements_covering(row)
        if not covering:
            continue
        selected[(row.cvr, row.activity.casefold(), row.date)] = row
        covering_by_cvr.setdefault(row.cvr, set()).add(covering)
        everyone, advised = companies_by_covering.setdefault(covering, (set(), set()))
        everyone.add(row.cvr)
        if row.kind == "advice":
            advised.add(row.cvr)
    agreements_by_cvr = _agreements_by_cvr(chosen, covering_by_cvr)
    rows = list(selected.values())
    companies = _company_rows(rows, agreements_by_cvr)

    development = revenue = employees = None
    years = None
    if company_figures is not None:
        years = figures_years or (year - 1, year)
        development, revenue, employees = _development(companies, company_figures, years)

    notes_da = [
        f"{len(companies)} unikke virksomheder (forskellige CVR-numre) med "
        f"{len(rows)} deltagelser i {year}, opgjort fra deltagerlisterne.",
        "Unikke virksomheder pr. støttetype summer ikke til det samlede antal: "
        "en virksomhed kan have fået flere typer støtte.",
    ]
    notes_en = [
        f"{len(companies)} unique companies (distinct CVR numbers) with "
        f"{len(rows)} participations in {year}, counted from the participation lists.",
        "Unique companies per kind of support do not add up to the total: "
        "a company may have had several kinds of support.",
    ]
    if revenue is not None and employees is not None and years is not None:
        notes_da.append(
            f"Omsætning {years[0]}–{years[1]}: {revenue.reported} af {revenue.base} "
            f"virksomheder har tal for begge år; ansatte: {employees.reported} af "
            f"{employees.base}. Summerne omfatter kun dem."
        )
        notes_en.append(
            f"Revenue {years[0]}–{years[1]}: {revenue.reported} of {revenue.base} companies "
            f"have figures for both years; employees: {employees.reported} of "
            f"{employees.base}. The totals include only those."
        )
    else:
        notes_da.append("Ingen virksomhedstal (omsætning, ansatte) er indlæst.")
        notes_en.append("No company figures (revenue, employees) were supplied.")

    return DocumentationPackage(
        year=year,
        agreement=agreement,
        agreements=chosen,
        companies=companies,
        participations=len(rows),
        by_kind=_by_kind(rows),
        kpis=_kpi_lines(chosen, companies_by_covering, year, as_of),
        figures_years=years,
        development=development,
        revenue=revenue,
        employees=employees,
        notes_da=tuple(notes_da),
        notes_en=tuple(notes_en),
    )


FIGURE_COLUMNS = {
    "cvr": ("cvr", "cvrnummer", "cvrnr"),
    "year": ("year", "år", "aar", "regnskabsår"),
    "revenue": ("revenue", "omsætning", "omsaetning", "nettoomsætning"),
    "employees": ("employees", "ansatte", "antalansatte", "årsværk"),
}


def _header_key(name: str) -> str:
    return "".join(ch for ch in str(name).strip().lower() if ch not in " -_.")


_FIGURE_LOOKUP = {_header_key(a): column for column, names in FIGURE_COLUMNS.items() for a in names}


def read_company_figures(path: str | Path) -> tuple[CompanyFigures, ...]:
    """Read company figures (cvr, year/år, revenue/omsætning, employees/ansatte); all or nothing.

    Empty revenue or employee cells are None (not supplied), never 0. A CVR and
    year given twice is refused, naming both rows.
    """
    path = Path(path)
    if path.suffix.lower() in (".csv", ".txt"):
        # A valid CSV file is read column by column (polars); anything else the ordinary way.
        from klyngeradar.core.agreements.figures_columnar import read_valid_figures_csv

        try:
            data = path.read_bytes()
        except OSError:
            data = None
        figures = data and read_valid_figures_csv(path, data, _FIGURE_LOOKUP, _header_key) or None
        del data
        if figures is not None:
            return figures
    return read_company_figures_tables(path)


def read_company_figures_tables(path: Path) -> tuple[CompanyFigures, ...]:
    """`read_company_figures` the ordinary way, row by row (every refusal is named here)."""
    problems: list[Problem] = []
    figures: list[CompanyFigures] = []
    seen: dict[tuple[str, int], tuple[str, str]] = {}  # where, in English and Danish
    for table in read_tables(path).values():
        columns: dict[str, int] = {}
        for index, name in enumerate(table.header):
            column = _FIGURE_LOOKUP.get(_header_key(name))
            if column is not None:
                columns.setdefault(column, index)
        missing = [c for c in ("cvr", "year") if c not in columns]
        for column in missing:
            problems.append(
                Problem(
                    "is a required column and is missing",
                    file=path.name,
                    sheet=table.sheet,
                    row=table.header_row,
                    column=column,
                    reason_da="er en påkrævet kolonne og mangler",
                )
            )
        if missing:
            continue
        for row in table.rows:
            figure = _figure_row(table, columns, row, path.name, problems)
            if figure is None:
                continue
            key = (figure.cvr, figure.year)
            if key in seen:
                also, also_da = seen[key]
                problems.append(
                    Problem(
                        f"is given twice for {figure.year} (also {also})",
                        file=path.name,
                        sheet=table.sheet,
                        row=row.number,
                        column=table.header[columns["cvr"]],
                        value=figure.cvr,
                        reason_da=f"står to gange for {figure.year} (også {also_da})",
                    )
                )
                continue
            sheet = f"{table.sheet} " if table.sheet else ""
            seen[key] = (f"{sheet}row {row.number}", f"{sheet}række {row.number}")
            figures.append(figure)
    if problems:
        raise InputError(problems)
    return tuple(figures)


def _figure_row(
    table: Table, columns: Mapping[str, int], row: Row, file: str, problems: list[Problem]
) -> CompanyFigures | None:
    """One row of company figures, or None after recording its problems."""

    def fail(column: str, value: object, reason: str, reason_da: str) -> None:
        index = columns[column]
        problems.append(
            Problem(
                reason,
                file=file,
                sheet=table.sheet,
                row=row.number,
                column=table.header[index],
                cell=f"{column_letter(index)}{row.number}" if table.sheet else None,
                value=None if value is None else str(value),
                reason_da=reason_da,
            )
        )

    def number(column: str, check) -> int | None:
        value = row.get(columns[column]) if column in columns else None
        if value is None:
            return None
        try:
            parsed = parse_whole_number(value)
        except ValueError as error:
            fail(column, value, str(error), danish_reason(error) or str(error))
            return None
        refusal = check(parsed)
        if refusal:
            fail(column, value, str(refusal), refusal.reason_da)
            return None
        return parsed

    before = len(problems)
    raw_cvr = row.get(columns["cvr"])
    cvr_text = "" if raw_cvr is None else str(raw_cvr).removesuffix(".0")
    reason = check_cvr(cvr_text)
    if reason:
        fail("cvr", raw_cvr, reason, check_cvr(cvr_text, "da"))
    year = number("year", limits.check_year)
    if row.get(columns["year"]) is None:
        fail("year", None, "is empty; a year is required", "er tom; et år er påkrævet")
    revenue = number("revenue", lambda n: limits.check_at_most(n, limits.MAX_REVENUE))
    employees = number("employees", lambda n: limits.check_at_most(n, limits.MAX_EMPLOYEES))
    if len(problems) > before or year is None:
        return None
    return CompanyFigures(normalise_cvr(cvr_text), year, revenue, employees)


def summary_lines(package: DocumentationPackage, lang: str = "da") -> tuple[str, ...]:
    """Short sentences for the package's overview sheet."""
    scope = package.agreement or ("alle aftaler" if lang == "da" else "all agreements")
    count = format_int(package.unique_companies, lang)
    if lang == "da":
        head = f"Dokumentation {package.year} – {scope}: {count} unikke virksomheder."
    else:
        head = f"Documentation {package.year} – {scope}: {count} unique companies."
    return (head, *(package.notes_da if lang == "da" else package.notes_en))
