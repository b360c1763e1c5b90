"""The demo writes the round's answers, deck and appendices into its folder."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from openpyxl import load_workbook
from pptx import Presentation

from klyngeradar.web.reports.demo import write_demo_report


def test_the_demo_cli_writes_answers_deck_and_appendices(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "klyngeradar", "demo", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr
    for name in ("svar.xlsx", "klyngesamarbejde.pptx", "bilag.xlsx"):
        assert (tmp_path / name).is_file(), f"{name} missing; stdout:\n{result.stdout}"
    assert f"præsentation: {tmp_path / 'klyngesamarbejde.pptx'}" in result.stdout
    assert f"bilag: {tmp_path / 'bilag.xlsx'}" in result.stdout
    assert len(Presentation(str(tmp_path / "klyngesamarbejde.pptx")).slides) > 20
    assert "Fund" in load_workbook(tmp_path / "bilag.xlsx").sheetnames


@pytest.mark.django_db
@pytest.mark.parametrize("stored", [True, False], ids=["from the database", "from the core"])
def test_it_writes_the_demo_rounds_files_with_or_without_the_round_stored(
    request, tmp_path, organisation, stored
):
    if stored:
        request.getfixturevalue("demo_db_round")

    report = write_demo_report(tmp_path, organisation.slug)

    assert report.deck == tmp_path / "klyngesamarbejde.pptx"
    notes = [
        slide.notes_slide.notes_text_frame.text
        for slide in Presentation(str(report.deck)).slides
        if slide.has_notes_slide
    ]
    assert any("92 %" in text for text in notes)
    answers = load_workbook(report.appendices)["Besvarelser"].iter_rows(values_only=True)
    assert len([row for row in answers if row[1] == "Status"]) == 13
