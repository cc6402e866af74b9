"""Fixtures for the scale-out tests (Prefect runs offline, without telemetry)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from scale_lakes import RUN_A, RUN_B, write_lake

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")


@pytest.fixture
def small_lake(tmp_path: Path) -> tuple[Path, dict[tuple[str, str], list[dict[str, Any]]]]:
    lake = tmp_path / "raw"
    written = write_lake(
        lake, {RUN_A: {"greenhouse": 12, "lever": 7, "ashby": 5}, RUN_B: {"greenhouse": 4}}
    )
    (lake / RUN_A / "_crawl_runs.jsonl").write_text("{}\n", encoding="utf-8")  # never a partition
    return lake, written
