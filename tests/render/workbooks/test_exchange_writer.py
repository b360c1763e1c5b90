"""Writing a round to .xlsx and .csv, and reading it back unchanged."""

from dataclasses import replace
from datetime import date

import pytest
from openpyxl import load_workbook

from klyngeradar.core.registry import geography
from klyngeradar.core.surveys.exchange import read_round
from klyngeradar.core.surveys.responses import Choice, Response, RoundData, RoundInfo
from klyngeradar.render.workbooks.exchange import write_csv, write_xlsx

NORTH = tuple(Choice(m.code, m.name) for m in geography.municipalities_in("1081"))

ROUND = RoundData(
    info=RoundInfo(
        region="1081",
        since=date(2021, 1, 1),
        organisation="BRN",
        title="Klyngernes engagement i Nordjylland – æøå",
    ),
    responses=(
        Response(
            cluster="energy-cluster-denmark",
            status="complete",
            name="Energy Cluster Denmark",
            answers={
                "presence.type": "colocated_other",
                "presence.municipalities": frozenset({"851", "813"}),
                "presence.colocated_with": "Østre Havn Kontorfællesskab",
                "partners.actors": frozenset({"brn", "aau"}),
                "members.national": 1740,
                "members.region": 120,
                "members.region_50plus": 20,
                "members.region_under50": 100,
                "activities.in_region": "yes",
                "activities.types": frozenset({"network", "webinar"}),
                "agreements.actors": frozenset(),
                "strategy.efforts": frozenset({"groen-omstilling"}),
                "dialogue.willing": "yes",
                "dialogue.comment": "Gerne; især om grøn omstilling i Ålborg, Hjørring og Læsø",
            },
            basis={
                "members.national": "counted",
                "members.region": "estimated",
                "members.region_50plus": "estimated",
                "members.region_under50": "estimated",
            },
        ),
        Response(
            cluster="food-bio-cluster-denmark",
            status="partial",
            name="Food & Bio Cluster Danmark – Sønderjylland",
            answers={"presence.type": "none", "participation.companies": 0},
            basis={"participation.companies": "counted"},
        ),
        Response(cluster="digital-lead", status="none", name="DigitalLead"),
    ),
    municipalities=NORTH,
    actors=(Choice("brn", "Business Region North Denmark"), Choice("aau", "Aalborg Universitet")),
    efforts=(Choice("groen-omstilling", "Grøn omstilling"),),
)


def test_an_xlsx_round_trip_gives_an_equal_round(tmp_path):
    path = write_xlsx(ROUND, tmp_path / "runde.xlsx")
    assert read_round(path) == ROUND


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(";", "utf-8-sig"), (",", "utf-8"), (";", "cp1252")]
)
def test_a_csv_round_trip_gives_an_equal_round_given_the_round_keys(tmp_path, delimiter, encoding):
    path = write_csv(ROUND, tmp_path / "svar.csv", delimiter=delimiter, encoding=encoding)
    info = ROUND.info
    back = read_round(
        path,
        region=info.region,
        since=info.since,
        organisation=info.organisation,
        title=info.title,
    )
    # A CSV file holds the answers only: the actors and efforts are the slugs used.
    expected = replace(
        ROUND,
        actors=(Choice("aau", "aau"), Choice("brn", "brn")),
        efforts=(Choice("groen-omstilling", "groen-omstilling"),),
    )
    assert back == expected


def test_the_csv_is_what_danish_excel_opens(tmp_path):
    path = write_csv(ROUND, tmp_path / "svar.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("cluster;name;status;presence.type;")
    assert "\r\n" in text
    assert '"Gerne; især om grøn omstilling i Ålborg, Hjørring og Læsø"' in text


def test_the_workbook_has_the_four_sheets_a_frozen_header_and_a_filter(tmp_path):
    path = write_xlsx(ROUND, tmp_path / "runde.xlsx")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["svar", "runde", "aktører", "indsatser"]
    answers = workbook["svar"]
    assert answers.freeze_panes == "A2"
    assert answers.auto_filter.ref.startswith("A1:")
    assert answers["A2"].value == "energy-cluster-denmark"
    header = [cell.value for cell in answers[1]]
    members = answers.cell(row=2, column=header.index("members.national") + 1)
    assert (members.value, members.data_type) == (1740, "n")
    municipalities = answers.cell(row=2, column=header.index("presence.municipalities") + 1)
    assert (municipalities.value, municipalities.data_type) == ("813;851", "s")
    assert answers.column_dimensions["A"].width > 8


def test_a_text_answer_that_looks_like_a_formula_stays_text(tmp_path):
    response = Response(
        cluster="digital-lead", status="partial", answers={"dialogue.comment": "=1+1"}
    )
    data = replace(ROUND, responses=(response,))
    path = write_xlsx(data, tmp_path / "runde.xlsx")
    answers = load_workbook(path)["svar"]
    header = [cell.value for cell in answers[1]]
    cell = answers.cell(row=2, column=header.index("dialogue.comment") + 1)
    assert (cell.value, cell.data_type) == ("=1+1", "s")
    assert read_round(path).responses == (response,)


FORMULA_LIKE = ["=1+1", "+45 98 12 34 56", "-ikke relevant-", "@SUM(A1:A9)", "'=citat'", "'x"]


def _csv_cells(path) -> dict[str, str]:
    import csv

    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    return dict(zip(rows[0], rows[1], strict=True))


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_a_csv_text_answer_that_excel_would_run_is_guarded_and_read_back_as_written(tmp_path, text):
    response = Response(
        cluster="digital-lead",
        status="partial",
        name=text,
        answers={"dialogue.comment": text, "presence.colocated_with": text},
    )
    data = replace(ROUND, responses=(response,))
    path = write_csv(data, tmp_path / "svar.csv")

    cells = _csv_cells(path)
    assert cells["dialogue.comment"] == "'" + text
    assert cells["presence.colocated_with"] == "'" + text
    assert cells["name"] == "'" + text
    assert read_round(path, region="1081").responses == (response,)


@pytest.mark.parametrize("text", ["Gerne, om grøn omstilling", "1+1", "a=b", "it's fine", "€-5"])
def test_a_csv_text_answer_that_is_plain_text_is_written_as_it_is(tmp_path, text):
    response = Response(
        cluster="digital-lead", status="partial", answers={"dialogue.comment": text}
    )
    path = write_csv(replace(ROUND, responses=(response,)), tmp_path / "svar.csv")
    assert _csv_cells(path)["dialogue.comment"] == text
    assert read_round(path, region="1081").responses == (response,)


def test_numbers_and_codes_are_never_guarded_in_a_csv(tmp_path):
    path = write_csv(ROUND, tmp_path / "svar.csv")
    cells = _csv_cells(path)
    assert cells["members.national"] == "1740"
    assert cells["members.national.basis"] == "counted"
    assert cells["presence.type"] == "colocated_other"
    assert cells["presence.municipalities"] == "813;851"
    assert cells["cluster"] == "energy-cluster-denmark"


def test_a_hand_written_csv_cell_with_an_apostrophe_is_kept(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text(
        "cluster;status;dialogue.comment\r\ndigital-lead;partial;'citat' fra mødet\r\n",
        encoding="utf-8",
    )
    (response,) = read_round(path, region="1081").responses
    assert response.answers["dialogue.comment"] == "'citat' fra mødet"


@pytest.mark.parametrize("text", ["=1+1", "'=1+1"])
def test_a_workbook_keeps_text_as_it_is_without_a_guard(tmp_path, text):
    response = Response(
        cluster="digital-lead", status="partial", answers={"dialogue.comment": text}
    )
    path = write_xlsx(replace(ROUND, responses=(response,)), tmp_path / "runde.xlsx")
    assert read_round(path).responses == (response,)


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=A1", "'=A1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'x", "''x"),
        ("x=1", "x=1"),
        ("", ""),
    ],
)
def test_the_guard_is_an_apostrophe_and_reading_takes_it_off(text, cell):
    from klyngeradar.core.tables import guard_formula, unguard_formula

    assert guard_formula(text) == cell
    assert unguard_formula(cell) == text
