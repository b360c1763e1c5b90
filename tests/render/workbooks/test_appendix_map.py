"""The appendix sheet ``Kort``: the map's figures by municipality, and what is not on the map."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.core.surveys.responses import Response, RoundData, RoundInfo
from klyngeradar.render.workbooks.appendices import write_appendices
from klyngeradar.render.workbooks.appendix_map import map_sheet


@pytest.fixture(scope="module")
def sheet(tmp_path_factory):
    round = demo_round()
    path = tmp_path_factory.mktemp("bilag") / "bilag.xlsx"
    write_appendices(path, round=round, findings=compute_findings(round))
    return load_workbook(path)["Kort"]


def _rows(sheet) -> dict[str, tuple]:
    return {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}


def test_it_has_one_row_per_north_jutland_municipality(sheet):
    rows = _rows(sheet)
    assert len(rows) == 11
    name, present, by_type, clusters, agreements, holders, base, _ = rows["Aalborg"]
    assert (name, present, agreements) == ("Aalborg", 7, 3)
    assert by_type == "Eget kontor: 5, Samlokation med Erhvervshuset: 2"
    assert holders == "Klynge A, Klynge B, Klynge F"
    assert base == "12 af 12 svarende klynger har svaret (13 inviteret)"
    assert rows["Læsø"][1] == 0


def test_it_sums_to_the_demos_seven_municipal_agreements(sheet):
    assert sum(row[4] or 0 for row in _rows(sheet).values()) == 7


def test_it_lists_what_is_not_on_the_map_with_its_count():
    round = RoundData(
        info=RoundInfo(region="1081"),
        responses=(
            Response("a", "complete", {"agreements.municipalities": frozenset({"999", "851"})}),
        ),
    )
    name, header, rows = map_sheet(round, "en")
    assert name == "Map"
    assert header[0] == "municipality"
    assert rows[-1][0] == "not on the map: unknown municipality code (999)"
    assert rows[-1][4] == 1
    # Nobody answered presence: unknown, an empty cell, never 0.
    assert rows[0][1] is None
