"""Import tests run the CLI in-process in a temporary working directory (lake, warehouse, reports)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JOBTRENDS_WAREHOUSE", raising=False)
    monkeypatch.delenv("JOBTRENDS_LAKE", raising=False)
    monkeypatch.delenv("JOBTRENDS_REPORTS", raising=False)
    monkeypatch.setenv("JOBTRENDS_SOURCES", str(tmp_path / "sources.toml"))
    return tmp_path
