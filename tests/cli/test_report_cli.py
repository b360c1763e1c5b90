"""``klyngeradar report FILE --out DIR``: the deck and appendices from an exchange-format file."""

import sys
from datetime import date

import pytest
from openpyxl import load_workbook
from pptx import Presentation

from klyngeradar.cli import main
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.workbooks.exchange import write_xlsx

# The demo round's title names its files.
DECK = "klyngesamarbejde-klyngernes-engagement-i-nordjylland-2023-demo.pptx"
APPENDICES = "bilag-klyngernes-engagement-i-nordjylland-2023-demo.xlsx"


def run(capsys, *args):
    """Run the CLI in-process; return (exit status, stdout, stderr)."""
    with pytest.raises(SystemExit) as stopped:
        main(["report", *map(str, args)])
        sys.exit(0)
    captured = capsys.readouterr()
    return stopped.value.code or 0, captured.out, captured.err


@pytest.fixture(scope="module")
def demo_xlsx(tmp_path_factory):
    return write_xlsx(demo_round(), tmp_path_factory.mktemp("demo") / "svar.xlsx")


def test_it_writes_the_deck_and_the_appendices_and_says_where(capsys, tmp_path, demo_xlsx):
    out = tmp_path / "rapport"
    status, stdout, _ = run(capsys, demo_xlsx, "--out", out, "--date", "2023-10-01")
    assert status == 0
    assert f"Deck: {out / DECK}" in stdout
    assert f"Appendices: {out / APPENDICES}" in stdout
    deck = Presentation(str(out / DECK))
    assert deck.slides[0].shapes.title.text == "Samarbejde med de nationale klynger"
    assert "Fund" in load_workbook(out / APPENDICES).sheetnames


def test_it_writes_english_on_request(capsys, tmp_path, demo_xlsx):
    status, _, _ = run(capsys, demo_xlsx, "--out", tmp_path, "--lang", "en")
    assert status == 0
    deck = Presentation(str(tmp_path / DECK))
    assert deck.slides[0].shapes.title.text == "Working with the national clusters"


def test_it_refuses_a_template_without_the_needed_layouts(capsys, tmp_path, demo_xlsx):
    template = Presentation()
    for layout in list(template.slide_layouts):
        if layout.name in ("Two Content", "Comparison"):
            template.slide_layouts.remove(layout)
    path = tmp_path / "egen.pptx"
    template.save(str(path))
    status, stdout, stderr = run(capsys, demo_xlsx, "--out", tmp_path / "ud", "--template", path)
    assert status == 2
    assert stdout == ""
    assert "egen.pptx" in stderr and '"two"' in stderr


def test_it_refuses_a_bad_answers_file_with_every_problem(capsys, tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text("cluster;status;members.region\nklynge-a;complete;ca. 40\n", encoding="utf-8")
    status, stdout, stderr = run(capsys, path, "--out", tmp_path / "ud")
    assert status == 2
    assert "ca. 40" in stderr
    assert not (tmp_path / "ud").exists() or not list((tmp_path / "ud").iterdir())


def test_it_takes_a_layout_for_a_slide_kind(capsys, tmp_path, demo_xlsx):
    from pptx import Presentation as Open

    template = tmp_path / "egen.pptx"
    presentation = Open()
    for layout in presentation.slide_layouts:
        if layout.name == "Title Slide":
            layout.name = "Forside BRN"
    presentation.save(str(template))
    out = tmp_path / "rapport"
    status, _, err = run(
        capsys, demo_xlsx, "--out", out, "--template", template, "--layout", "title=Forside BRN"
    )
    assert status == 0, err
    deck = Presentation(str(out / DECK))
    assert deck.slides[0].slide_layout.name == "Forside BRN"


@pytest.mark.parametrize(
    ("option", "says"),
    [
        ("title", "is not KIND=NAME"),
        ("content=Findes ikke", 'has no layout "Findes ikke"'),
        ("content=Title Slide", 'cannot serve "content" slides'),
    ],
)
def test_it_refuses_a_layout_that_cannot_be_used_and_writes_nothing(
    capsys, tmp_path, demo_xlsx, option, says
):
    out = tmp_path / "rapport"
    status, _, err = run(capsys, demo_xlsx, "--out", out, "--layout", option)
    assert status == 2
    assert says in err and "Traceback" not in err
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("year", "today", "expected"),
    [
        (2023, "2026-12-01", "2023-12-31"),  # an earlier round is not stamped with today
        (2026, "2026-12-01", "2026-12-01"),
        (None, "2026-12-01", "2026-12-01"),
        (2027, "2026-12-01", "2026-12-01"),
    ],
)
def test_the_deck_is_dated_in_its_rounds_year(year, today, expected):

    from klyngeradar.cli.report import round_day

    assert round_day(year, date.fromisoformat(today)) == date.fromisoformat(expected)


def test_a_round_without_a_title_is_named_after_its_year(capsys, tmp_path):
    from dataclasses import replace

    round = demo_round()
    untitled = replace(round, info=replace(round.info, title=None, year=2023))
    source = write_xlsx(untitled, tmp_path / "svar.xlsx")
    status, stdout, _ = run(capsys, source, "--out", tmp_path / "ud")
    assert status == 0
    assert sorted(p.name for p in (tmp_path / "ud").iterdir()) == [
        "bilag-runde-2023.xlsx",
        "klyngesamarbejde-runde-2023.pptx",
    ]
    subtitle = Presentation(str(tmp_path / "ud" / "klyngesamarbejde-runde-2023.pptx")).slides[0]
    assert "December 2023" in " ".join(
        s.text_frame.text for s in subtitle.shapes if s.has_text_frame
    )


def test_a_round_of_an_earlier_year_is_dated_in_that_year_not_today(capsys, tmp_path, demo_xlsx):
    status, _, _ = run(capsys, demo_xlsx, "--out", tmp_path)
    assert status == 0
    book = load_workbook(tmp_path / APPENDICES)
    assert book["Fund"].oddFooter.center.text == "31. december 2023"
    assert book["Udpegede klynger"].oddHeader.left.text.endswith(
        "Innovationskraft – danske klynger for viden og erhverv 2021–2024"
    )


def _landscape_table(path):
    for slide in Presentation(str(path)).slides:
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        if any(text.startswith("De nationale klynger") for text in texts):
            table = next(shape.table for shape in slide.shapes if shape.has_table)
            return slide.shapes.title.text, len(table.rows) - 1, "\n".join(texts)
    raise AssertionError("no table of the national clusters")


def test_it_counts_the_chosen_programme_in_the_deck_and_the_appendices(capsys, tmp_path, demo_xlsx):
    out = tmp_path / "rapport"
    status, _, stderr = run(
        capsys,
        demo_xlsx,
        "--out",
        out,
        "--date",
        "2023-10-01",
        "--programme",
        "klyngeprogram-2025-2028",
    )
    assert status == 0, stderr
    title, rows, texts = _landscape_table(out / DECK)
    assert "De nationale klynger · Klyngeprogram 2025–2028" in texts
    assert "(valgt programperiode) pr. 01.01.2025" in texts
    sheet = load_workbook(out / APPENDICES)["Udpegede klynger"]
    notes = [row[0] for row in sheet.iter_rows(values_only=True) if row[0] and not any(row[1:])]
    assert notes[0] == (
        f"Programperiode: Klyngeprogram 2025–2028 (2025–2028); {rows} klynger udpeget "
        "pr. 1. januar 2025."
    )
    assert title.startswith(f"{rows} af programmets 11 klynger")


def test_it_refuses_an_unknown_programme_naming_the_known_ones(capsys, tmp_path, demo_xlsx):
    out = tmp_path / "rapport"
    status, stdout, stderr = run(capsys, demo_xlsx, "--out", out, "--programme", "ukendt")
    assert status == 2
    assert stdout == ""
    assert '--programme "ukendt" is not a known programme period' in stderr
    assert "innovationskraft-2021-2024, klyngeprogram-2025-2028" in stderr
    assert "Traceback" not in stderr
    assert not out.exists()
