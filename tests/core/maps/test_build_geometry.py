"""The shipped geometry is exactly what scripts/build_geometry.py makes from the DAGI files.

Needs the build-time extra (``pip install -e '.[geo]'``) and the DAGI source folder
named by ``KLYNGERADAR_DAGI_DIR``; skipped otherwise (the files are not shipped).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from klyngeradar.core.maps.geometry import geometry_text

ROOT = Path(__file__).resolve().parents[3]
SOURCE = os.environ.get("KLYNGERADAR_DAGI_DIR")


@pytest.mark.skipif(not SOURCE, reason="set KLYNGERADAR_DAGI_DIR to the DAGI source folder")
def test_it_rebuilds_the_shipped_geometry_byte_for_byte(tmp_path):
    pytest.importorskip("shapely", reason="pip install -e '.[geo]'")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_geometry.py"), SOURCE, "--out", tmp_path],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "98 features, 311 polygons" in result.stdout
    assert "valid=True, coverage=True" in result.stdout
    for name in ("municipalities.json", "regions.json"):
        assert (tmp_path / name).read_text("utf-8") == geometry_text(name)
