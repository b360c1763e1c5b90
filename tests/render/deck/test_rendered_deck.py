"""The deck as a person sees it: rendered by LibreOffice to PDF and PNG, every text in its box.

Each word's box in the PDF (``pdftotext -bbox``) must lie inside the shape on
the slide whose text contains it (charts: inside the chart). A text that
overflows its placeholder, a table that grows past its frame or a label that
runs off the slide shows up as a word outside its shape.
"""

import os
import re
import shutil
import subprocess
import unicodedata
from datetime import date
from xml.etree import ElementTree

import pytest
from PIL import Image
from pptx import Presentation

from klyngeradar.core.reports.deck import (
    ChartSpec,
    ContentSlide,
    Deck,
    Footnote,
    Series,
    TableSpec,
    Text,
    TitleSlide,
    TwoContentSlide,
)
from klyngeradar.core.strategy.decisions import AnalystDecision
from klyngeradar.core.strategy.plan import demo_strategy
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.deck.writer import write_deck
from klyngeradar.render.report import write_report

pytestmark = pytest.mark.office

TOOLS = ("libreoffice", "pdftoppm", "pdftotext")
TOLERANCE = 3.0  # points: anti-aliasing and font hinting
EMU_PER_POINT = 12700
BULLETS = ("•", "–", "-")
LONG_NAMES = (
    "Danish Life Science Cluster – Life science og velfærdsteknologi",
    "MADE – Manufacturing Academy of Denmark",
    "Lifestyle & Design Cluster – Design, mode, møbler og livsstil",
    "Food & Bio Cluster Denmark – Fødevarer og bioressourcer",
)


@pytest.fixture(scope="module")
def office():
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        reason = f"needs {', '.join(missing)} (apt-get install libreoffice-impress poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


def render(pptx, tmp_path):
    """Convert to PDF with a private LibreOffice profile, so parallel runs do not collide."""
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(pptx),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = tmp_path / (pptx.stem + ".pdf")
    assert pdf.exists(), "LibreOffice did not write a PDF"
    return pdf


def words_per_page(pdf):
    xhtml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    root = ElementTree.fromstring(xhtml)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        size = (float(page.get("width")), float(page.get("height")))
        words = [
            (
                _normal(word.text or ""),
                float(word.get("xMin")),
                float(word.get("yMin")),
                float(word.get("xMax")),
                float(word.get("yMax")),
            )
            for word in page.iter("{http://www.w3.org/1999/xhtml}word")
        ]
        pages.append((size, words))
    return pages


def _normal(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def shape_boxes(slide, scale):
    """(left, top, right, bottom, text or None for charts) of every shape, in PDF points."""
    boxes = []
    for shape in slide.shapes:
        if shape.width is None:
            continue
        if shape.has_chart:
            text = None
        elif shape.has_table:
            text = " ".join(cell.text for row in shape.table.rows for cell in row.cells)
        elif shape.has_text_frame:
            text = shape.text_frame.text
        else:
            continue
        left, top = shape.left / EMU_PER_POINT * scale, shape.top / EMU_PER_POINT * scale
        boxes.append(
            (
                left,
                top,
                left + shape.width / EMU_PER_POINT * scale,
                top + shape.height / EMU_PER_POINT * scale,
                _normal(text) if text is not None else None,
            )
        )
    return boxes


def misplaced_words(pptx, pdf):
    presentation = Presentation(str(pptx))
    pages = words_per_page(pdf)
    assert len(pages) == len(presentation.slides)
    problems = []
    slide_width = presentation.slide_width / EMU_PER_POINT
    for number, (slide, ((width, _), words)) in enumerate(
        zip(presentation.slides, pages, strict=True), start=1
    ):
        boxes = shape_boxes(slide, width / slide_width)
        for word, x0, y0, x1, y1 in words:
            if not word:
                continue
            inside = [
                b
                for b in boxes
                if x0 >= b[0] - TOLERANCE
                and y0 >= b[1] - TOLERANCE
                and x1 <= b[2] + TOLERANCE
                and y1 <= b[3] + TOLERANCE
            ]
            # The word must sit in a shape that holds it (in capitals where the template
            # says so); bullets and the slide number are drawn from the layout.
            if not any(
                b[4] is None
                or word.casefold() in b[4].casefold()
                or word.isdigit()
                or word in BULLETS
                for b in inside
            ):
                problems.append(f"slide {number}: {word!r} at ({x0:.0f}, {y0:.0f})")
    return problems


def blank_pages(pdf, tmp_path):
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "page")],
        check=True,
        capture_output=True,
    )
    blank = []
    for image in sorted(tmp_path.glob("page-*.png")):
        colours = Image.open(image).convert("L").getextrema()
        if colours[1] - colours[0] < 40:
            blank.append(image.name)
    return blank


@pytest.fixture(scope="module")
def demo_deck(office, tmp_path_factory):
    out = tmp_path_factory.mktemp("rendered")
    report = write_report(demo_round(), out, as_of=date(2023, 10, 1), strategy=demo_strategy())
    return report.deck, render(report.deck, out), out


def test_it_renders_every_demo_slide_with_content(demo_deck):
    pptx, pdf, out = demo_deck
    assert blank_pages(pdf, out) == []
    for number, (_, words) in enumerate(words_per_page(pdf), start=1):
        assert len(words) >= 3, f"slide {number} has (almost) no text"


def test_it_keeps_every_text_of_the_demo_deck_inside_its_box(demo_deck):
    pptx, pdf, _ = demo_deck
    assert misplaced_words(pptx, pdf) == []


def test_it_fits_long_danish_names_in_titles_tables_and_charts(office, tmp_path):
    names = LONG_NAMES * 3
    deck = Deck(
        LONG_NAMES[0],
        "Business Region North Denmark",
        date(2023, 10, 1),
        "da",
        (
            TitleSlide(title=" · ".join(LONG_NAMES[:2]), subtitle=LONG_NAMES[2]),
            ContentSlide(
                title=f"{LONG_NAMES[0]} har flest medlemmer i Nordjylland af alle klyngerne",
                body=TableSpec(
                    header=("Klynge", "Erhvervs- og teknologiområde", "Sæde", "Medlemmer"),
                    rows=tuple((n, n.split("–")[-1], "København", "1.450") for n in names),
                    align=("left", "left", "left", "right"),
                    footnote=Footnote("12 af 13 klynger", ("* ikke bekræftet",)),
                ),
            ),
            TwoContentSlide(
                title="Medlemmer og tilstedeværelse",
                left=ChartSpec(
                    "bar",
                    LONG_NAMES,
                    (Series("Medlemmer", (1450, None, 80, 12)),),
                    footnote=Footnote("3 af 4 klynger har oplyst et skøn"),
                ),
                right=Text.of(*(f"{n} er fysisk til stede i Aalborg og Hjørring" for n in names)),
            ),
        ),
    )
    pptx = write_deck(deck, tmp_path / "lange-navne.pptx")
    pdf = render(pptx, tmp_path)
    assert misplaced_words(pptx, pdf) == []
    assert blank_pages(pdf, tmp_path) == []


def test_it_notices_text_that_runs_out_of_its_box(office, tmp_path):
    # Sixty bullets at 20 pt cannot fit one slide: the check must catch it. (The deck
    # writer would continue them on further slides, so the slide is made by hand.)
    from pptx.util import Pt

    from klyngeradar.render.deck.template import load_template

    template = load_template()
    slide = template.presentation.slides.add_slide(template.layouts["content"])
    slide.shapes.title.text = "For meget"
    body = slide.placeholders[1].text_frame
    for i in range(60):
        paragraph = body.paragraphs[0] if i == 0 else body.add_paragraph()
        run = paragraph.add_run()
        run.text = f"Punkt {i}: {LONG_NAMES[i % 4]}"
        run.font.size = Pt(20)
    pptx = tmp_path / "for-meget.pptx"
    template.presentation.save(str(pptx))
    assert misplaced_words(pptx, render(pptx, tmp_path)) != []


def test_it_keeps_the_fit_matrix_header_words_whole(demo_deck):
    pptx, pdf, _ = demo_deck
    presentation = Presentation(str(pptx))
    number, table = next(
        (number, shape.table)
        for number, slide in enumerate(presentation.slides)
        if slide.shapes.title is not None and "højt fit med strategien" in slide.shapes.title.text
        for shape in slide.shapes
        if shape.has_table
    )
    header = [cell.text for cell in table.rows[0].cells]
    rendered = {word for word, *_ in words_per_page(pdf)[number][1]}
    assert {word for name in header for word in name.split()} <= rendered
    sizes = {
        run.font.size.pt
        for cell in table.rows[0].cells
        for run in cell.text_frame.paragraphs[0].runs
    }
    assert min(sizes) >= 10


def test_it_keeps_every_text_of_a_deck_with_decisions_inside_its_box(office, tmp_path):
    decisions = (
        AnalystDecision(
            subject_kind="cluster",
            subject="klynge-a",
            verdict="changed",
            model="targeted_call",
            recommended="cross_municipal_agreement",
            reason="Passer til udbuddet om digitalisering",
            decided_by="Anna Analytiker",
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
            recommended="targeted_call",
            reason="Dækket af et andet udbud",
        ),
    )
    report = write_report(
        demo_round(),
        tmp_path,
        as_of=date(2023, 10, 1),
        strategy=demo_strategy(),
        decisions=decisions,
    )
    pdf = render(report.deck, tmp_path)
    assert misplaced_words(report.deck, pdf) == []
    assert "Ændret til Satsning/udbud" in " ".join(
        " ".join(word for word, *_ in words) for _, words in words_per_page(pdf)
    )


@pytest.mark.parametrize(("clusters", "efforts"), [(0, 6), (2, 3), (50, 15)])
def test_it_keeps_every_text_inside_its_box_in_rounds_of_any_size(
    office, tmp_path, clusters, efforts
):
    from klyngeradar.core.reports.scaled import scaled_round

    report = write_report(scaled_round(clusters, efforts), tmp_path, as_of=date(2023, 10, 1))
    pdf = render(report.deck, tmp_path)
    assert blank_pages(pdf, tmp_path) == []
    assert misplaced_words(report.deck, pdf) == []
