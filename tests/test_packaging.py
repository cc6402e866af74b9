"""A plain `pip install .` must carry the taxonomy, SQL, templates and FX data inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_contains_package_data(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    wheel = next(tmp_path.glob("jobtrends-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "pipelines/taxonomy/skills.toml",
        "pipelines/taxonomy/roles.toml",
        "pipelines/salary/data/annualisation.json",
        "analytics/sql/migrations/0001_init.sql",
        "analytics/sql/views/postings.sql",
        "analytics/reports/templates/report.html.j2",
        "analytics/reports/reference_salaries.toml",
    ):
        assert required in names, f"{required} missing from the wheel"
    assert any(n.startswith("analytics/sql/marts/") and n.endswith(".sql") for n in names)
    assert not any(n.startswith("tests/") for n in names)
