"""A full disk never replaces a good output with a broken one: the old file stays, exit 2."""

from __future__ import annotations

import errno
import sys
import zipfile

import pytest
from pptx import Presentation

from klyngeradar.cli import main
from klyngeradar.core.problems import InputError
from klyngeradar.core.surveys.demo import demo_round
from klyngeradar.render.atomic import replacing
from klyngeradar.render.workbooks.exchange import write_csv, write_xlsx


def run(capsys, *args):
    with pytest.raises(SystemExit) as stopped:
        main([*map(str, args)])
        sys.exit(0)
    captured = capsys.readouterr()
    return stopped.value.code or 0, captured.out, captured.err


@pytest.fixture
def full_disk(monkeypatch):
    """From now on, every write into a zip archive fails as a full disk does."""

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    def enable():
        monkeypatch.setattr(zipfile.ZipFile, "writestr", no_space)
        monkeypatch.setattr(zipfile.ZipFile, "write", no_space)

    return enable


def test_it_keeps_the_last_good_deck_when_the_disk_is_full(capsys, tmp_path, full_disk):
    source = write_xlsx(demo_round(), tmp_path / "svar.xlsx")
    out = tmp_path / "rapport"
    assert run(capsys, "report", source, "--out", out)[0] == 0
    deck = out / "klyngesamarbejde-klyngernes-engagement-i-nordjylland-2023-demo.pptx"
    before = deck.read_bytes()

    full_disk()
    status, _, stderr = run(capsys, "report", source, "--out", out)

    assert status == 2
    assert f"{deck.name} could not be written (No space left on device)" in stderr
    assert "the previous file, if any, is kept" in stderr
    assert "Traceback" not in stderr
    assert deck.read_bytes() == before
    Presentation(str(deck))  # Still opens.
    assert sorted(p.name for p in out.iterdir()) == [
        "bilag-klyngernes-engagement-i-nordjylland-2023-demo.xlsx",
        deck.name,
    ]


def test_it_leaves_no_file_when_the_first_write_fails(tmp_path, full_disk):
    full_disk()
    with pytest.raises(InputError) as refused:
        write_xlsx(demo_round(), tmp_path / "svar.xlsx")
    assert "svar.xlsx could not be written" in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def test_it_replaces_a_file_only_when_the_new_one_is_complete(tmp_path):
    target = tmp_path / "svar.csv"
    target.write_text("gammel")
    with pytest.raises(InputError), replacing(target) as temporary:
        temporary.write_text("halv")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert target.read_text() == "gammel"
    write_csv(demo_round(), target)
    assert target.read_text("utf-8-sig").startswith("cluster;")
    assert [p.name for p in tmp_path.iterdir()] == ["svar.csv"]
