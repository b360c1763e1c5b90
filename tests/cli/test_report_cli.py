"""``klyngeradar report FILE --out DIR``: the deck and appendices from an exchange-format file."""

import sys
from datetime import date

import pytest
from openpyxl import load_workbook
from pptx import Presentation

from klyngeradar.cli import main
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.workbooks.exchange import write_xlsx


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
    assert f"Deck: {out / 'klyngesamarbejde.pptx'}" in stdout
    assert f"Appendices: {out / 'bilag.xlsx'}" in stdout
    deck = Presentation(str(out / "klyngesamarbejde.pptx"))
    assert deck.slides[0].shapes.title.text == "Samarbejde med de nationale klynger"
    assert "Fund" in load_workbook(out / "bilag.xlsx").sheetnames


def test_it_writes_english_on_request(capsys, tmp_path, demo_xlsx):
    status, _, _ = run(capsys, demo_xlsx, "--out", tmp_path, "--lang", "en")
    assert status == 0
    deck = Presentation(str(tmp_path / "klyngesamarbejde.pptx"))
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
    assert not (tmp_path / "ud" / "klyngesamarbejde.pptx").exists()


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
    deck = Presentation(str(out / "klyngesamarbejde.pptx"))
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


def test_a_round_of_an_earlier_year_is_dated_in_that_year_not_today(capsys, tmp_path, demo_xlsx):
    status, _, _ = run(capsys, demo_xlsx, "--out", tmp_path)
    assert status == 0
    book = load_workbook(tmp_path / "bilag.xlsx")
    assert book["Fund"].oddFooter.center.text == "31. december 2023"
    assert book["Udpegede klynger"].oddHeader.left.text.endswith(
        "Innovationskraft – danske klynger for viden og erhverv 2021–2024"
    )


@pytest.mark.parametrize(
    ("year", "today", "day"),
    [
        (2023, date(2026, 12, 1), date(2023, 12, 31)),
        (2026, date(2026, 12, 1), date(2026, 12, 1)),
        (None, date(2026, 12, 1), date(2026, 12, 1)),
    ],
)
def test_the_default_date_is_the_rounds(year, today, day):
    from klyngeradar.cli.report import round_day

    assert round_day(year, today) == day
