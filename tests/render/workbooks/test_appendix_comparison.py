"""The appendices' comparison sheets: the spec's changes table, opened and read back."""

import openpyxl

from klyngeradar.core.findings.comparison import CHANGE_KEYS, compare_rounds
from klyngeradar.core.findings.rules import compute_findings
from klyngeradar.core.surveys.demo import demo_round, demo_round_2025
from klyngeradar.render.workbooks.appendices import write_appendices
from klyngeradar.render.workbooks.appendix_labels import FINDINGS


def test_it_writes_the_changes_table_and_who_entered_left_and_moved(tmp_path):
    new = demo_round_2025()
    comparison = compare_rounds(demo_round(), new)
    path = write_appendices(
        tmp_path / "bilag.xlsx", round=new, findings=compute_findings(new), comparison=comparison
    )
    book = openpyxl.load_workbook(path)
    changes = list(book["udvikling 2023-2025"].iter_rows(values_only=True))
    header = changes[0]
    rows = {
        row[0]: dict(zip(header, row, strict=True))
        for row in changes[1:]
        if row[1:] != (None,) * (len(row) - 1)
    }
    assert list(rows) == [FINDINGS[key][0] for key in CHANGE_KEYS]
    members = rows["Medlemmer i regionen"]
    assert (members["før"], members["nu"], members["ændring"]) == (375, 399, 24)
    panel = (members["panel før"], members["panel nu"], members["panel: har oplyst begge gange"])
    assert panel == (360, 385, 10)
    assert members["base før"] is None  # a total has no base column: blank, not 0
    persons = rows["Deltagere i klyngernes aktiviteter"]
    assert persons["forbehold"] == "indeholder skøn, minimum, perioden er ændret"
    people = list(book["udvikling-klynger"].iter_rows(values_only=True))[1:]
    assert ("Klynge M", "ny siden sidst", None) in people
    assert ("Klynge H", "fysisk tilstedeværelse åbnet", "Samlokation med Erhvervshuset") in people


def test_without_a_comparison_there_is_no_comparison_sheet(tmp_path):
    round = demo_round()
    path = write_appendices(tmp_path / "bilag.xlsx", round=round, findings=compute_findings(round))
    assert not any(name.startswith("udvikling") for name in openpyxl.load_workbook(path).sheetnames)
