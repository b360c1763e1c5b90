"""The appendices workbook: the seed's appendices in words, printable, codes on one sheet only."""

from dataclasses import replace
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.registry.geography import municipalities
from klyngeradar.core.registry.programmes import reference_programmes
from klyngeradar.core.registry.reference import reference_clusters
from klyngeradar.core.reports.deck import TableSpec
from klyngeradar.core.reports.outline import build_deck
from klyngeradar.core.reports.outline_guidance import (
    AgreementRegister,
    CoFinancingLine,
    RegisteredAgreement,
)
from klyngeradar.core.strategy.catalogue import CHECKLIST, MODELS
from klyngeradar.core.strategy.decisions import AnalystDecision, apply_decisions
from klyngeradar.core.strategy.plan import demo_strategy
from klyngeradar.core.strategy.recommendations import recommend
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.core.surveys.questionnaire import load
from klyngeradar.render.workbooks.appendices import write_appendices

ROUND_DAY = date(2023, 10, 1)
SHEETS_DA = [
    "Udpegede klynger",
    "Programmets resultater",
    "Besvarelser",
    "Fund",
    "Fordelinger",
    "Kort",
    "Fit og anbefalinger",
    "Aftaler og KPI'er",
    "Vejledning medfinansiering",
    "Medfinansiering",
    "Koder",
]
SHEETS_EN = [
    "Designated clusters",
    "Programme results",
    "Answers",
    "Findings",
    "Breakdowns",
    "Map",
    "Fit and recommendations",
    "Agreements and KPIs",
    "Co-financing guidance",
    "Co-financing",
    "Codes",
]

COLUMNS = {
    "da": ("titel", "klynge", "parter", "type", "start"),
    "en": ("title", "cluster", "parties", "kind", "start"),
}
ROW = (
    "Rammeaftale med Klynge A",
    "Klynge A",
    "Business Region North Denmark, Aalborg",
    "Rammeaftale",
    date(2024, 1, 1),
)
REGISTER = AgreementRegister(
    rows=(dict(zip(COLUMNS["da"], ROW, strict=True)),),
    agreements=(
        RegisteredAgreement(
            "Rammeaftale med Klynge A",
            "Klynge A",
            "framework",
            ("Business Region North Denmark", "Aalborg"),
            ("Aalborg",),
        ),
    ),
    cofinancing=(
        CoFinancingLine(
            "Rammeaftale med Klynge A",
            "Klynge A",
            "framework",
            "Aalborg",
            "municipality",
            2024,
            150_000,
        ),
        CoFinancingLine(
            "Rammeaftale med Klynge A",
            "Klynge A",
            "framework",
            "Aalborg",
            "municipality",
            2025,
            150_000,
        ),
        CoFinancingLine(
            "Rammeaftale med Klynge A",
            "Klynge A",
            "framework",
            "Business Region North Denmark",
            "actor",
            2024,
            400_000,
        ),
    ),
)


def write(path, lang="da", **options):
    round = demo_round()
    options.setdefault("as_of", ROUND_DAY)
    return write_appendices(
        path,
        round=round,
        findings=compute_findings(round),
        recommendations=recommend(round, strategy=demo_strategy()),
        clusters=reference_clusters(),
        lang=lang,
        **options,
    )


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory):
    return write(tmp_path_factory.mktemp("bilag") / "bilag.xlsx", agreements=REGISTER)


@pytest.fixture(scope="module")
def workbook(workbook_path):
    return load_workbook(workbook_path)


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    register = replace(REGISTER, rows=(dict(zip(COLUMNS["en"], ROW, strict=True)),))
    path = write(tmp_path_factory.mktemp("en") / "bilag.xlsx", "en", agreements=register)
    return load_workbook(path)


def rows_of(sheet):
    header = [cell.value for cell in sheet[1]]
    result = []
    for row in sheet.iter_rows(min_row=2, values_only=True):
        if all(value is None for value in row[1:]):
            break  # the notes under the table
        result.append(dict(zip(header, row, strict=True)))
    return result


def notes_of(sheet):
    return [row[0] for row in sheet.iter_rows(values_only=True) if row[0] and not any(row[1:])]


# The round in the exchange format, after "Koder": sheet names are the format's own.
EXCHANGE_SHEETS = ["svar", "runde", "aktører", "indsatser"]


def test_it_has_the_seeds_appendices_and_the_technical_sheets_last(workbook, english):
    assert workbook.sheetnames == SHEETS_DA + EXCHANGE_SHEETS
    assert english.sheetnames == SHEETS_EN + EXCHANGE_SHEETS


def test_its_exchange_sheets_read_back_as_the_same_round(workbook_path):
    from klyngeradar.core.surveys.exchange import read_round

    assert read_round(workbook_path) == demo_round()


@pytest.mark.parametrize("sheet", SHEETS_DA)
def test_it_freezes_and_filters_the_header(workbook, sheet):
    assert workbook[sheet].freeze_panes == "A2"
    assert workbook[sheet].auto_filter.ref is not None


@pytest.mark.parametrize("sheet", SHEETS_DA)
def test_every_sheet_prints_landscape_one_page_wide_with_header_rows_and_footer(workbook, sheet):
    ws = workbook[sheet]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    # XlsxWriter leaves out fitToWidth="1", the OOXML default; 0 tall means as many as needed.
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$1:$1"
    footer = ws.oddFooter
    assert footer.left.text.startswith("Kilde: Klyngeradar · Klyngernes engagement i Nordjylland")
    assert footer.center.text == "1. oktober 2023"
    assert footer.right.text == "Side &P af &N"
    assert ws.oddHeader.left.text


def test_it_dates_the_footer_by_the_rounds_year_not_today(tmp_path):
    book = load_workbook(write(tmp_path / "bilag.xlsx", as_of=None))
    assert book["Fund"].oddFooter.center.text == "31. december 2023"
    assert str(date.today().year) not in book["Fund"].oddFooter.center.text


def test_it_lists_the_programme_current_at_the_rounds_date_as_the_deck_does(workbook):
    rows = rows_of(workbook["Udpegede klynger"])
    names = [row["klynge"] for row in rows]
    assert "MARLOG" not in names  # bankrupt in 2022
    round = demo_round()
    deck = build_deck(
        round,
        findings=compute_findings(round),
        clusters=reference_clusters(),
        as_of=ROUND_DAY,
    )
    table = next(
        s.body
        for s in deck.slides
        if s.key == "landscape.clusters" and isinstance(getattr(s, "body", None), TableSpec)
    )
    assert len(rows) == len(table.rows) == 12
    notes = notes_of(workbook["Udpegede klynger"])
    assert notes[0] == (
        "Programperiode: Innovationskraft – danske klynger for viden og erhverv 2021–2024 "
        "(2021–2024); 12 klynger udpeget pr. 1. oktober 2023."
    )
    assert notes[1].startswith("Kilde: https://erhvervsfremmebestyrelsen.dk/")
    assert "Innovationskraft" in workbook["Udpegede klynger"].oddHeader.left.text


def test_a_later_rounds_appendices_list_the_later_programme(tmp_path):
    day = date(2026, 3, 1)
    book = load_workbook(write(tmp_path / "bilag.xlsx", as_of=day))
    rows = rows_of(book["Udpegede klynger"])
    later = [
        d
        for d in reference_programmes().designations
        if d.programme == "klyngeprogram-2025-2028" and d.active_on(day)
    ]
    assert len(rows) == len(later) > 0
    assert notes_of(book["Udpegede klynger"])[0].startswith(
        f"Programperiode: Klyngeprogram 2025–2028 (2025–2028); {len(later)} klynger udpeget"
    )


def test_it_gives_sources_and_shows_what_is_not_confirmed(workbook):
    rows = {row["klynge"]: row for row in rows_of(workbook["Udpegede klynger"])}
    clean = rows["CLEAN"]
    assert clean["bekræftet"] == "bekræftet"
    assert clean["kilder"] == "http://ehsyd.dk/sydjyskkraftcenter"
    energy = rows["Energy Cluster Denmark"]["kilder"].split(" ; ")
    assert energy[0].startswith("https://www.energycluster.dk/ministeriet-udpeger")
    assert any(source.startswith("https://nordjyske.dk/") for source in energy)
    assert clean["status i programmet"] == "udpeget"
    fintech = next(row for name, row in rows.items() if "FinTech" in name)
    assert fintech["bekræftet"] == "ikke bekræftet"
    assert "navn" in fintech["ikke bekræftede felter"]
    food = next(row for name, row in rows.items() if name.startswith("Food"))
    assert food["ikke bekræftede felter"] == "sæde, hjemmeside"


def test_it_writes_whole_numbers_years_and_dates_in_danish_formats(workbook):
    sheet = workbook["Udpegede klynger"]
    header = [cell.value for cell in sheet[1]]
    made = next(row for row in sheet.iter_rows(min_row=2) if row[0].value.startswith("MADE"))
    members = made[header.index("medlemmer")]
    assert members.value == 250 and members.number_format == "#,##0"
    start = workbook["Aftaler og KPI'er"]["E2"]
    assert start.value == datetime(2024, 1, 1) and start.number_format == "dd-mm-yyyy"


@pytest.mark.parametrize("book", ["workbook", "english"])
def test_every_year_cell_is_formatted_as_a_year(book, request):
    found = 0
    for sheet in request.getfixturevalue(book):
        header = [str(cell.value or "") for cell in sheet[1]]
        columns = [
            c for c, h in enumerate(header) if h in ("tal fra år", "figures year", "år", "year")
        ]
        for row in sheet.iter_rows(min_row=2):
            for c in columns:
                if isinstance(row[c].value, int):
                    assert row[c].number_format == "0", (sheet.title, row[c].coordinate)
                    found += 1
    assert found >= 3  # the registry's figure years and the co-financing years


def test_it_gives_the_2022_participant_survey_with_its_sources(workbook):
    rows = rows_of(workbook["Programmets resultater"])
    assert len(rows) == 9
    assert all(row["kilde"].startswith("https://") for row in rows)
    texts = " ".join(row["resultat"] for row in rows)
    assert "3.126 unikke virksomheder og 1.296 repræsentanter" in texts
    assert "24 % fuldt besvaret og 6 % delvist besvaret" in texts
    assert "Over tre fjerdedele" in texts


def test_it_shows_the_survey_answers_by_label(workbook):
    rows = [row for row in rows_of(workbook["Besvarelser"]) if row["klynge"] == "Klynge A"]
    answers = {row["spørgsmål"]: (row["svar"], row["grundlag"]) for row in rows}
    assert answers["Status"] == ("besvaret", None)
    assert answers["Hvordan er klyngen fysisk til stede i regionen?"] == ("Eget kontor", None)
    partners = next(v for q, v in answers.items() if q.startswith("Hvilke aktører"))[0]
    assert "Business Region North Denmark" in partners and "Aalborg Universitet" in partners
    companies = next(v for q, v in answers.items() if q.startswith("Unikke virksomheder"))
    assert companies == (420, "skønnet")
    assert "12 af 13 inviterede klynger har svaret." in notes_of(workbook["Besvarelser"])[0]


def test_it_states_each_finding_with_its_base_in_words(workbook, english):
    rows = {row["fund"]: row for row in rows_of(workbook["Fund"])}
    companies = rows["Unikke virksomheder, der har deltaget"]
    assert (
        companies["i alt"],
        companies["har oplyst et tal"],
        companies["base (klynger, der har svaret)"],
    ) == (1740, 10, 12)
    assert companies["minimum (ikke alle har oplyst)"] is True
    assert companies["samme virksomhed kan tælle flere gange"] is True
    assert rows["Svarprocent"]["procent"] == 92
    header = [cell.value for cell in english["Findings"][1]]
    assert header[:3] == ["finding", "count", "total"]
    assert "base (clusters that responded)" in header


def codes_and_slugs(*, english: bool) -> set[str]:
    round = demo_round()
    found: set[str] = set()
    for question in load().questions:
        found |= {o.code for o in question.options}
    found |= {c.slug for c in reference_clusters()}
    found |= {r.cluster for r in round.responses}
    found |= {a.slug for a in round.actors} | {e.slug for e in round.efforts}
    found |= {m.code for m in municipalities()}
    found |= {m.code for m in MODELS}
    from klyngeradar.core.findings.model import FINDING_KEYS

    found |= set(FINDING_KEYS)
    if english:
        # "yes", "no", "other" … are English words as well as codes.
        found = {c for c in found if "_" in c or "-" in c or c.isdigit()}
    return found


@pytest.mark.parametrize("book", ["workbook", "english"])
def test_no_code_or_slug_appears_outside_the_technical_sheet(book, request):
    codes = codes_and_slugs(english=book == "english")
    offending = []
    technical = len(EXCHANGE_SHEETS) + 1
    for sheet in request.getfixturevalue(book).worksheets[:-technical]:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str) or value.startswith("http"):
                    continue
                tokens = {value} | {p.strip() for p in value.replace(";", ",").split(",")}
                if tokens & codes:
                    offending.append((sheet.title, cell.coordinate, value))
    assert offending == []


def test_the_technical_sheet_lists_the_codes_with_their_names(workbook):
    rows = {(row["slags"], row["kode"]): row["navn"] for row in rows_of(workbook["Koder"])}
    assert rows[("klynge", "klynge-a")] == "Klynge A"
    assert rows[("kommune", "851")] == "Aalborg"
    assert rows[("aktør", "brn")] == "Business Region North Denmark"
    assert rows[("svarmulighed", "presence.type=own_office")] == "Eget kontor"
    assert rows[("samarbejdsmodel", "cross_municipal_agreement")] == (
        "Tværkommunale aftaler gennem BRN"
    )
    assert rows[("programperiode", "innovationskraft-2021-2024")].startswith("Innovationskraft")


def test_every_header_is_translated_in_english(workbook, english):
    efforts = {e.name for e in demo_round().efforts}
    same = []
    # The exchange format's sheets keep the format's own column names in every language.
    technical = len(EXCHANGE_SHEETS)
    pairs = zip(workbook.worksheets[:-technical], english.worksheets[:-technical], strict=True)
    for da, en in pairs:
        for a, b in zip(da[1], en[1], strict=True):
            if a.value == b.value and a.value not in efforts | {"note", "LQ", "start"}:
                same.append((da.title, a.value))
    assert same == []


def test_it_has_the_fit_matrix_recommendations_and_a_native_chart(workbook):
    sheet = workbook["Fit og anbefalinger"]
    first = {cell.value for cell in sheet[2]}
    assert "Klynge A" in first and "Tværkommunale aftaler gennem BRN" in first
    assert len(sheet._charts) == 1


def test_it_says_so_when_no_agreements_are_registered(tmp_path):
    book = load_workbook(write(tmp_path / "bilag.xlsx"))
    assert book["Aftaler og KPI'er"]["A2"].value == "ingen aftaler registreret"
    assert book["Medfinansiering"]["A2"].value == "intet aftaleregister"


def test_plain_agreement_rows_name_their_codes(tmp_path):
    round = demo_round()
    path = write_appendices(
        tmp_path / "bilag.xlsx",
        round=round,
        findings=compute_findings(round),
        agreements=[{"klynge": "klynge-a", "parter": ("851", "brn"), "start": date(2024, 1, 1)}],
    )
    sheet = load_workbook(path)["Aftaler og KPI'er"]
    assert [c.value for c in sheet[1]] == ["klynge", "parter", "start"]
    assert [c.value for c in sheet[2]][:2] == ["Klynge A", "Aalborg; Business Region North Denmark"]


def test_the_guidance_gives_rules_with_sources_kinds_and_the_reports_checklist(workbook):
    sheet = workbook["Vejledning medfinansiering"]
    assert sheet.oddHeader.left.text.endswith("Vejledning til kommunal medfinansiering af klynger")
    rows = rows_of(sheet)
    rules = [row for row in rows if row["afsnit"] == "Regler"]
    assert rules and all("https://" in row["kilde"] for row in rules)
    assert any("§ 14, stk. 3" in row["tekst"] for row in rules)
    kinds = {
        row["emne"]: row["aftaler i registret"] for row in rows if row["afsnit"] == "Aftaletyper"
    }
    assert kinds == {
        "Rammeaftale": 1,
        "Projektaftale": 0,
        "Kontorfællesskab": 0,
        "Finansieringsaftale": 0,
        "Anden aftale": 0,
    }
    checklist = [row for row in rows if row["afsnit"] == "Rapportens tjekliste"]
    assert [row["tekst"] for row in checklist] == [item.text("da") for item in CHECKLIST]
    assert all(row["kilde"].startswith("Samarbejde med de nationale klynger") for row in checklist)


def test_the_guidance_lists_co_financing_per_party_and_year(workbook):
    sheet = workbook["Medfinansiering"]
    rows = rows_of(sheet)
    assert [(r["part"], r["partstype"], r["år"], r["beløb (kr.)"]) for r in rows] == [
        ("Aalborg", "Kommune", 2024, 150_000),
        ("Aalborg", "Kommune", 2025, 150_000),
        ("Business Region North Denmark", "Regional aktør", 2024, 400_000),
    ]
    assert rows[0]["aftaletype"] == "Rammeaftale"
    header = [cell.value for cell in sheet[1]]
    amount = sheet.cell(2, header.index("beløb (kr.)") + 1)
    assert amount.number_format == "#,##0"
    notes = notes_of(sheet)
    assert "Aalborg – 2024: 150.000 kr., 2025: 150.000 kr." in notes


CMA, CALL, SHARED = "cross_municipal_agreement", "targeted_call", "shared_environment"


@pytest.fixture(scope="module")
def decided_workbook(tmp_path_factory):
    round = demo_round()
    decisions = (
        AnalystDecision(
            subject_kind="cluster",
            subject="klynge-a",
            verdict="changed",
            model=CALL,
            recommended=CMA,
            reason="Passer til udbuddet om digitalisering",
            decided_by="Anna Analytiker",
            decided_at=datetime(2023, 10, 3, 14, 5),
        ),
        AnalystDecision(
            subject_kind="cluster",
            subject="klynge-b",
            verdict="accepted",
            model="concrete_collaboration",
            recommended="concrete_collaboration",
        ),
        AnalystDecision(
            subject_kind="effort",
            subject="arbejdskraft",
            verdict="rejected",
            model=None,
            recommended=CALL,
            reason="Dækket af et andet udbud",
        ),
        AnalystDecision(
            subject_kind="effort",
            subject="internationalisering",
            verdict="accepted",
            model=CALL,
            recommended=CALL,
        ),
    )
    path = write_appendices(
        tmp_path_factory.mktemp("besluttet") / "bilag.xlsx",
        round=round,
        findings=compute_findings(round),
        recommendations=apply_decisions(recommend(round, strategy=demo_strategy()), decisions),
    )
    return load_workbook(path)


def test_it_carries_the_decision_beside_each_clusters_recommendation(decided_workbook):
    rows = {row["klynge"]: row for row in rows_of(decided_workbook["Fit og anbefalinger"])}
    a = rows["Klynge A"]
    assert a["anbefaling"] == "Tværkommunale aftaler gennem BRN"
    assert a["beslutning"] == "anden model valgt"
    assert a["besluttet model"] == "Satsning/udbud inden for en central indsats"
    assert a["begrundelse for beslutningen"] == "Passer til udbuddet om digitalisering"
    assert a["besluttet af"] == "Anna Analytiker"
    assert a["besluttet"] == datetime(2023, 10, 3, 14, 5)
    assert a["anbefaling ændret siden"] is False
    assert rows["Klynge B"]["anbefaling ændret siden"] is True
    assert rows["Klynge C"]["beslutning"] == "ikke behandlet"
    assert len(decided_workbook["Fit og anbefalinger"]._charts) == 1


def test_it_lists_every_recommendation_with_its_decision_on_a_sheet_of_its_own(decided_workbook):
    names = decided_workbook.sheetnames
    assert names[names.index("Beslutninger") + 1] == "Aftaler og KPI'er"
    rows = rows_of(decided_workbook["Beslutninger"])
    by_subject = {(row["niveau"], row["navn"]): row for row in rows}
    assert len(rows) == 13 + 5 + 1 + 1  # clusters, targeted calls, region, no longer given
    call = by_subject[("indsats", "Kvalificeret arbejdskraft")]
    assert (call["beslutning"], call["begrundelse for beslutningen"]) == (
        "afvist",
        "Dækket af et andet udbud",
    )
    gone = by_subject[("indsats", "Internationalisering")]
    assert gone["anbefaling nu"] == "gives ikke længere"
    assert gone["anbefaling ved beslutningen"] == "Satsning/udbud inden for en central indsats"
    assert by_subject[("region", "Regionen")]["beslutning"] == "ikke behandlet"


def test_it_adds_no_decision_columns_without_decisions(workbook):
    header = [cell.value for cell in workbook["Fit og anbefalinger"][1]]
    assert header[-1] == "begrundelser"
    assert "Beslutninger" not in workbook.sheetnames


def test_its_texts_agree_with_a_count_of_one(tmp_path):
    from klyngeradar.core.registry.programmes import ProgrammeReference
    from klyngeradar.core.surveys.responses import Response, RoundData, RoundInfo

    reference = reference_programmes()
    clean = next(
        d
        for d in reference.designations
        if d.cluster == "clean" and "innovationskraft" in d.programme
    )
    one = ProgrammeReference(programmes=reference.programmes, designations=(clean,))
    round = RoundData(
        info=RoundInfo(region="1081", year=2023, title="Én klynge"),
        responses=(Response("klynge-a", "complete", {"presence.planned": "no"}, name="Klynge A"),),
    )
    path = write_appendices(
        tmp_path / "bilag.xlsx",
        round=round,
        findings=compute_findings(round),
        clusters=reference_clusters(),
        as_of=ROUND_DAY,
        programmes=one,
    )
    book = load_workbook(path)
    assert "; 1 klynge udpeget pr. 1. oktober 2023." in notes_of(book["Udpegede klynger"])[0]
    assert notes_of(book["Besvarelser"])[0].startswith("1 af 1 inviteret klynge har svaret.")
