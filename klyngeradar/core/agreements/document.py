"""The standard collaboration agreement as plain sections, ready for a renderer.

The clusters asked for uniform agreements. `agreement_sections` lays out one
agreement in the same order every time — parties, kind and period, purpose,
physical presence, deliverables, KPIs, co-financing, coordination meetings, the
standard terms and the signatures — as `Section`s of Danish text and tables.
The standard terms are a plain text file (``klyngeradar/data/agreement_template/
standardvilkaar.txt``) that an organisation can edit; `read_clauses` reads it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from klyngeradar.core.numbers import format_int

PARTY_ROLES = {"cluster": "Klynge", "actor": "Regional aktør", "municipality": "Kommune"}


@dataclass(frozen=True)
class PartyText:
    role: str  # cluster, actor or municipality
    name: str
    cvr: str | None = None


@dataclass(frozen=True)
class CoFinancingLine:
    party: str
    year: int
    amount_dkk: int
    note: str | None = None


@dataclass(frozen=True)
class DeliverableLine:
    kind: str
    title: str
    due: date | None = None
    description: str | None = None


@dataclass(frozen=True)
class MeetingLine:
    planned: date
    held: date | None = None


@dataclass(frozen=True)
class KpiText:
    definition: str
    unit: str
    baseline: int | None
    targets: tuple[tuple[int, int], ...]
    measurement: str | None = None


@dataclass(frozen=True)
class AgreementText:
    """Everything the standard agreement states, as plain data."""

    title: str
    kind: str
    kind_label: str
    organisation: str
    parties: tuple[PartyText, ...]
    start: date
    end: date | None
    purpose: str | None
    presence: str | None
    cofinancing: tuple[CoFinancingLine, ...]
    deliverables: tuple[DeliverableLine, ...]
    meetings: tuple[MeetingLine, ...]
    kpis: tuple[KpiText, ...]
    as_of: date


@dataclass(frozen=True)
class Section:
    """A heading, its paragraphs and an optional table (the first row is the header)."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    table: tuple[tuple[str, ...], ...] | None = None


@dataclass(frozen=True)
class Clause:
    heading: str
    paragraphs: tuple[str, ...]


def _day(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else "–"


def _dkk(amount: int | None) -> str:
    return "–" if amount is None else f"{format_int(amount)} kr."


def parse_clauses(text: str) -> tuple[Clause, ...]:
    """Read standard terms: ``## Heading`` starts a clause, blank lines part paragraphs."""
    clauses: list[Clause] = []
    heading: str | None = None
    paragraphs: list[str] = []
    current: list[str] = []

    def end_paragraph() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("## "):
            end_paragraph()
            if heading is not None:
                clauses.append(Clause(heading, tuple(paragraphs)))
            heading, paragraphs = line[3:].strip(), []
        elif line.startswith("#"):
            continue
        elif not line:
            end_paragraph()
        elif heading is not None:
            current.append(line)
    end_paragraph()
    if heading is not None:
        clauses.append(Clause(heading, tuple(paragraphs)))
    return tuple(clauses)


def read_clauses(path: str | Path | None = None) -> tuple[Clause, ...]:
    """The standard terms from ``path``, or the shipped Danish standard terms."""
    if path is None:
        text = (
            resources.files("klyngeradar.data.agreement_template")
            .joinpath("standardvilkaar.txt")
            .read_text("utf-8")
        )
    else:
        text = Path(path).read_text("utf-8")
    return parse_clauses(text)


def _fill(text: str, values: Mapping[str, str]) -> str:
    # Only known {names} are replaced; any other brace in the text stays as written.
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), text)


def _joined(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " og " + names[-1]


def agreement_sections(
    agreement: AgreementText, clauses: Sequence[Clause] | None = None
) -> tuple[Section, ...]:
    """Lay out ``agreement`` as the standard agreement's sections, in Danish."""
    if clauses is None:
        clauses = read_clauses()
    cluster = next((p.name for p in agreement.parties if p.role == "cluster"), "klyngen")
    regional = [p.name for p in agreement.parties if p.role != "cluster"]
    period = f"{_day(agreement.start)} – " + (
        _day(agreement.end) if agreement.end else "indtil opsigelse"
    )

    sections = [
        Section(
            "Parter",
            (f"Denne aftale om {agreement.kind_label.lower()} indgås mellem:",),
            (("Rolle", "Part", "CVR-nummer"),)
            + tuple(
                (PARTY_ROLES.get(p.role, p.role), p.name, p.cvr or "") for p in agreement.parties
            ),
        ),
        Section(
            "Aftalens type og periode",
            (
                f"Type: {agreement.kind_label}.",
                f"Periode: {period}.",
                f"Aftalen administreres af {agreement.organisation}.",
            ),
        ),
        Section(
            "Formål",
            (agreement.purpose or "[Beskriv aftalens formål og de fælles mål for regionen.]",),
        ),
        Section(
            "Fysisk tilstedeværelse",
            (
                agreement.presence
                or "[Beskriv klyngens fysiske tilstedeværelse i regionen, fx kontordage eller "
                "kontorplads.]",
            ),
        ),
    ]

    if agreement.deliverables:
        table = (("Type", "Leverance", "Frist", "Beskrivelse"),) + tuple(
            (d.kind, d.title, _day(d.due), d.description or "") for d in agreement.deliverables
        )
        sections.append(Section("Leverancer", ("Klyngen leverer:",), table))
    else:
        sections.append(Section("Leverancer", ("[Angiv de konkrete leverancer.]",)))

    years = sorted({year for kpi in agreement.kpis for year, _value in kpi.targets})
    if agreement.kpis:
        header = ("KPI", "Enhed", "Udgangspunkt", *(f"Mål {y}" for y in years), "Sådan måles")
        rows = []
        for kpi in agreement.kpis:
            targets = dict(kpi.targets)
            rows.append(
                (
                    kpi.definition,
                    kpi.unit,
                    format_int(kpi.baseline),
                    *(format_int(targets.get(y)) for y in years),
                    kpi.measurement or "",
                )
            )
        sections.append(
            Section(
                "KPI'er og måltal",
                ("Parterne følger op på følgende KPI'er:",),
                (header, *rows),
            )
        )
    else:
        sections.append(Section("KPI'er og måltal", ("[Vælg KPI'er fra kataloget.]",)))

    if agreement.cofinancing:
        total = sum(line.amount_dkk for line in agreement.cofinancing)
        table = (("Part", "År", "Beløb", "Note"),) + tuple(
            (line.party, str(line.year), _dkk(line.amount_dkk), line.note or "")
            for line in agreement.cofinancing
        )
        table += (("I alt", "", _dkk(total), ""),)
        sections.append(
            Section(
                "Medfinansiering",
                ("Medfinansieringen går alene til aktiviteter rettet mod regionen.",),
                table,
            )
        )

    if agreement.meetings:
        table = (("Planlagt", "Afholdt"),) + tuple(
            (_day(m.planned), _day(m.held)) for m in agreement.meetings
        )
        sections.append(Section("Planlagte koordineringsmøder", (), table))

    values = {
        "klynge": cluster,
        "parter": _joined(regional),
        "organisation": agreement.organisation,
    }
    for clause in clauses:
        sections.append(Section(clause.heading, tuple(_fill(p, values) for p in clause.paragraphs)))

    signatures = (("Part", "Dato", "Underskrift"),) + tuple(
        (p.name, "", "") for p in agreement.parties
    )
    sections.append(Section("Underskrifter", (), signatures))
    return tuple(sections)
