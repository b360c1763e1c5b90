"""The registry workbook: read back what was written; every problem named with its place."""

from dataclasses import replace
from datetime import date

import pytest

from klyngeradar.core.problems import InputError
from klyngeradar.core.registry.programmes import Designation, Lineage, Programme
from klyngeradar.core.registry.workbook import (
    ActorRow,
    AreaRow,
    ClusterRow,
    RegistryData,
    parse_registry,
    registry_tables,
)
from klyngeradar.core.tables import Row, Table

KP = Programme("kp", "Klyngeprogram", date(2025, 1, 1), date(2028, 12, 31), "src", True)
DATA = RegistryData(
    areas=(AreaRow("energi", "Energiteknologi", "https://a", True),),
    clusters=(
        ClusterRow("ecd", "Energy Cluster", "energi", "851", "", 20, None, "https://c", True),
        ClusterRow("other", "Other", None, None, "", None, None, "", False),
    ),
    actors=(ActorRow("brn", "BRN", "regional_body", "1081", "https://b", True),),
    designations=(
        Designation("ecd", "kp", "funded", date(2025, 1, 1), None, "s", False, 5_000_000, 2025),
    ),
    lineage=(Lineage("other", "merged_into", "ecd", date(2025, 6, 1), "s", True),),
)


def parse(tables):
    return parse_registry(tables, programmes={"kp": KP}, file="register.xlsx")


def test_it_reads_back_what_it_wrote():
    assert parse(registry_tables(DATA)) == DATA


def edited(sheet: str, column: str, value, row: int = 0):
    tables = registry_tables(DATA)
    table = tables[sheet]
    index = table.header.index(column)
    rows = list(table.rows)
    values = list(rows[row].values)
    values[index] = value
    rows[row] = Row(rows[row].number, tuple(values))
    tables[sheet] = replace(table, rows=tuple(rows))
    return tables


PROBLEM_CASES = [
    (
        edited("klynger", "area", "turisme"),
        'klynger!C2 area: "turisme" is not an area on the sheet områder',
    ),
    (edited("klynger", "slug", "ecd", row=1), 'klynger!A3 slug: "ecd" is a duplicate slug'),
    (
        edited("afstamning", "successor", "other"),
        'afstamning row 2 successor: "other" makes a loop',
    ),
    (
        edited("udpegninger", "period_from", "2024-06-01"),
        'udpegninger row 2 period_from: "2024-06-01" is outside the period of kp',
    ),
    (
        edited("udpegninger", "grant_dkk", "ca. 5 mio."),
        'udpegninger!F2 grant_dkk: "ca. 5 mio." is not a whole number',
    ),
    (edited("udpegninger", "cluster", "ukendt"), 'cluster: "ukendt" is not a known cluster'),
    (edited("klynger", "seat_municipality", "999"), '"999" is not a municipality code'),
    (edited("aktører", "region", "9999"), 'aktører!D2 region: "9999" is not a region code'),
    (edited("klynger", "verified", "måske"), 'klynger!I2 verified: "måske" is not ja or nej'),
    (edited("udpegninger", "period_to", "31-12-2028"), '"31-12-2028" is not a date'),
]


@pytest.mark.parametrize(("tables", "message"), PROBLEM_CASES)
def test_it_names_sheet_row_column_value_and_reason(tables, message):
    with pytest.raises(InputError) as refused:
        parse(tables)
    texts = [str(p) for p in refused.value.problems]
    assert any(message in text for text in texts), texts
    assert all(text.startswith("register.xlsx: ") for text in texts)


def test_it_lists_every_problem_not_just_the_first():
    tables = edited("klynger", "area", "turisme")
    tables["klynger"] = replace(
        tables["klynger"], rows=(*tables["klynger"].rows, tables["klynger"].rows[0])
    )
    with pytest.raises(InputError) as refused:
        parse(tables)
    assert len(refused.value.problems) >= 3  # two unknown areas and the duplicate slug


def test_it_names_a_missing_sheet_and_an_unknown_column():
    tables = registry_tables(DATA)
    del tables["aktører"]
    tables["områder"] = Table("områder", ("slug", "name", "farve"), (), "områder")
    with pytest.raises(InputError) as refused:
        parse(tables)
    texts = [str(p) for p in refused.value.problems]
    assert any("has no sheet aktører" in t for t in texts)
    assert any('"farve" is not a column of områder' in t for t in texts)
    assert any(
        "projektmappen har intet ark aktører" in p.text("da") for p in refused.value.problems
    )
