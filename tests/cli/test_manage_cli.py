"""``klyngeradar manage --data DIR``: a mistyped data directory is refused, not created."""

from __future__ import annotations

import os
import subprocess
import sys


def klyngeradar(*args):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY")}
    return subprocess.run(
        [sys.executable, "-m", "klyngeradar", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_refuses_a_data_directory_that_does_not_exist(tmp_path):
    typo = tmp_path / "klyngeradar-dmeo"
    result = klyngeradar("manage", "--data", str(typo), "check")
    assert result.returncode == 2
    assert result.stderr == (
        f"error: {typo} is not a data directory (it does not exist); check the path, "
        "or add --create to start a new installation there\n"
    )
    assert not typo.exists()


def test_it_creates_the_data_directory_when_asked(tmp_path):
    new = tmp_path / "ny"
    result = klyngeradar("manage", "--data", str(new), "--create", "check")
    assert result.returncode == 0, result.stderr
    assert (new / "secret_key").exists()
