"""The appendices' comparison sheets: the spec's changes table, opened and read back."""

import openpyxl

from klyngeradar.core.findings.comparison import CHANGE_KEYS, compare_rounds
from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.surveys.demo import demo_round, demo_round_2025
from klyngeradar.render.workbooks.appendices import write_appendices


def test_it_writes_the_changes_table_and_who_entered_left_and_moved(tmp_path):
    new = demo_round_2025()
    comparison = compare_rounds(demo_round(), new)
    path = write_appendices(
        tmp_path / "bilag.xlsx", round=new, findings=compute_findings(new), comparison=comparison
    )
    book = openpyxl.load_workbook(path)
    changes = list(book["udvikling 2023-2025"].iter_rows(values_only=True))
    header = changes[0]
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in changes[1:]}
    assert list(rows) == list(CHANGE_KEYS)
    members = rows["members_region"]
    assert (members["old"], members["new"], members["delta"]) == (375, 399, 24)
    assert (members["panel_old"], members["panel_new"], members["panel_reported"]) == (360, 385, 10)
    assert members["old_base"] is None  # a total has no base column: blank, not 0
    assert rows["participation_persons"]["forbehold"] == "estimates, minimum, period_changed"
    people = list(book["udvikling-klynger"].iter_rows(values_only=True))[1:]
    assert ("klynge-m", "Klynge M", "entered", None) in people
    assert ("klynge-h", "Klynge H", "presence_opened", "colocated_business_hub") in people


def test_without_a_comparison_there_is_no_comparison_sheet(tmp_path):
    round = demo_round()
    path = write_appendices(tmp_path / "bilag.xlsx", round=round, findings=compute_findings(round))
    assert not any(name.startswith("udvikling") for name in openpyxl.load_workbook(path).sheetnames)
