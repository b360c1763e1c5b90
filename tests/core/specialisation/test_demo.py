"""The demo's employment file: invented, labelled so on every row, and read like a real export."""

from klyngeradar.core.specialisation.demo import DEMO_SOURCE, demo_employment_csv
from klyngeradar.core.specialisation.employment import read_employment
from klyngeradar.core.specialisation.mapping import default_mapping
from klyngeradar.core.specialisation.quotients import compute


def test_it_labels_every_row_as_invented_and_reads_as_a_statistikbanken_export(tmp_path):
    text = demo_employment_csv()
    lines = text.splitlines()
    assert lines[0] == "OMRÅDE;BRANCHE07;KILDE;TID;INDHOLD"
    assert all(line.split(";")[2] == DEMO_SOURCE for line in lines[1:])
    assert "ikke Danmarks Statistiks" in DEMO_SOURCE
    path = tmp_path / "demo.csv"
    path.write_bytes(text.encode("cp1252"))
    employment = read_employment(path)
    assert len(employment.municipalities) == 98
    assert any(value is None for value in employment.cells.values())  # suppressed small cells


def test_it_writes_the_same_file_every_time():
    assert demo_employment_csv() == demo_employment_csv()


def test_it_shows_strengths_and_weaknesses_for_north_jutland(tmp_path):
    path = tmp_path / "demo.csv"
    path.write_bytes(demo_employment_csv().encode("cp1252"))
    result = compute(read_employment(path), default_mapping(), region="1081")
    ranked = result.by_region_lq()
    assert ranked[0].region.lq > 1 > ranked[-1].region.lq
    assert len(ranked) == 12
