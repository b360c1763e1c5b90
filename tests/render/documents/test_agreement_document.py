"""The standard agreement: its sections from plain data, the .docx, and PDF when possible."""

from __future__ import annotations

import os
import shutil
from datetime import date

import docx
import pytest

from klyngeradar.core.agreements.document import (
    AgreementText,
    CoFinancingLine,
    DeliverableLine,
    KpiText,
    MeetingLine,
    PartyText,
    agreement_sections,
    parse_clauses,
    read_clauses,
)
from klyngeradar.render.documents import agreement as agreement_document
from klyngeradar.render.documents.agreement import (
    PdfUnavailable,
    convert_to_pdf,
    write_agreement_docx,
)

AGREEMENT = AgreementText(
    title="Tværkommunal aftale om energi",
    kind="framework",
    kind_label="Rammeaftale",
    organisation="Business Region North Denmark",
    parties=(
        PartyText("cluster", "Klynge A", "13748136"),
        PartyText("actor", "Business Region North Denmark"),
        PartyText("municipality", "Aalborg Kommune"),
        PartyText("municipality", "Thisted Kommune"),
    ),
    start=date(2025, 1, 1),
    end=None,
    purpose="Flere nordjyske virksomheder i klyngens aktiviteter.",
    presence=None,
    cofinancing=(
        CoFinancingLine("Business Region North Denmark", 2025, 400_000),
        CoFinancingLine("Aalborg Kommune", 2025, 150_000, "Kun aktiviteter i regionen"),
    ),
    deliverables=(DeliverableLine("Temadag", "Temadag om brint", date(2025, 3, 14)),),
    meetings=(MeetingLine(date(2025, 3, 1), date(2025, 3, 4)),),
    kpis=(
        KpiText("Unikke virksomheder", "virksomheder", 25, ((2025, 40), (2026, 50)), "CVR"),
        KpiText("Deltagere", "deltagere", None, ((2026, 100),)),
    ),
    as_of=date(2025, 2, 1),
)


def section(name):
    return next(s for s in agreement_sections(AGREEMENT) if s.heading == name)


def test_it_lays_out_the_sections_in_the_standard_order():
    headings = [s.heading for s in agreement_sections(AGREEMENT)]
    assert headings[:7] == [
        "Parter",
        "Aftalens type og periode",
        "Formål",
        "Fysisk tilstedeværelse",
        "Leverancer",
        "KPI'er og måltal",
        "Medfinansiering",
    ]
    assert "Dokumentation af virksomhedsdeltagelse" in headings
    assert headings[-1] == "Underskrifter"


def test_it_lists_the_parties_with_their_role_and_cvr():
    assert section("Parter").table == (
        ("Rolle", "Part", "CVR-nummer"),
        ("Klynge", "Klynge A", "13748136"),
        ("Regional aktør", "Business Region North Denmark", ""),
        ("Kommune", "Aalborg Kommune", ""),
        ("Kommune", "Thisted Kommune", ""),
    )


def test_it_shows_each_kpis_target_per_year_and_a_dash_when_missing():
    header, first, second = section("KPI'er og måltal").table
    assert header == ("KPI", "Enhed", "Udgangspunkt", "Mål 2025", "Mål 2026", "Sådan måles")
    assert first == ("Unikke virksomheder", "virksomheder", "25", "40", "50", "CVR")
    assert second == ("Deltagere", "deltagere", "–", "–", "100", "")


def test_it_totals_the_cofinancing_in_danish_kroner():
    assert section("Medfinansiering").table[-1] == ("I alt", "", "550.000 kr.", "")


def test_it_leaves_a_placeholder_for_what_is_not_filled_in():
    assert section("Fysisk tilstedeværelse").paragraphs[0].startswith("[Beskriv")
    assert "indtil opsigelse" in section("Aftalens type og periode").paragraphs[1]


def test_it_fills_the_cluster_and_organisation_into_the_standard_terms():
    text = " ".join(section("Dokumentation af virksomhedsdeltagelse").paragraphs)
    assert text.startswith("Klynge A fører deltagerlister med CVR-nummer")
    assert "{" not in text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("# kommentar\n## A\nen\nto\n\ntre", (("A", ("en to", "tre")),)),
        ("## A\n## B\nx {ukendt}", (("A", ()), ("B", ("x {ukendt}",)))),
        ("tekst før første overskrift", ()),
    ],
)
def test_it_reads_the_editable_standard_terms(text, expected):
    assert tuple((c.heading, c.paragraphs) for c in parse_clauses(text)) == expected


def test_it_ships_danish_standard_terms():
    headings = [clause.heading for clause in read_clauses()]
    assert "Koordinering" in headings
    assert "Ændring og opsigelse" in headings


def test_it_writes_a_docx_that_opens_with_the_parties_and_kpis(tmp_path):
    path = write_agreement_docx(AGREEMENT, tmp_path / "aftale.docx")
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "1. Parter"
    assert document.paragraphs[0].text == "Samarbejdsaftale: Tværkommunal aftale om energi"
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"Klynge A", "Aalborg Kommune", "Thisted Kommune", "Unikke virksomheder"} <= cells
    assert document.core_properties.title == "Tværkommunal aftale om energi"


def test_it_says_clearly_when_libreoffice_is_missing(tmp_path, monkeypatch):
    path = write_agreement_docx(AGREEMENT, tmp_path / "aftale.docx")
    monkeypatch.setattr(agreement_document, "libreoffice", lambda: None)
    with pytest.raises(PdfUnavailable, match="PDF kræver LibreOffice"):
        convert_to_pdf(path)


@pytest.mark.office
def test_it_converts_to_pdf_with_libreoffice(tmp_path):
    if shutil.which("libreoffice") is None and not os.environ.get("CI"):
        pytest.skip("needs LibreOffice with Writer (apt-get install libreoffice-writer)")
    path = write_agreement_docx(AGREEMENT, tmp_path / "aftale.docx")
    try:
        pdf = convert_to_pdf(path)
    except PdfUnavailable as exc:
        if "libreoffice-writer" in str(exc) and not os.environ.get("CI"):
            pytest.skip(str(exc))
        raise
    assert pdf.read_bytes().startswith(b"%PDF")
