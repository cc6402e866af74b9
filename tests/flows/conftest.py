"""Shared fixtures for flow tests: small demo boards and isolated settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flows.config import Settings

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

FAST_SCRAPY = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "RETRY_TIMES": 3,
    "HTTPCACHE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
}


@pytest.fixture
def flow_settings(tmp_path: Path) -> Settings:
    return Settings(
        warehouse=tmp_path / "w.duckdb",
        lake=tmp_path / "data" / "raw",
        reports=tmp_path / "reports",
        sources_file=tmp_path / "sources.toml",
        demo_postings=300,
        demo_seed=11,
        scrapy_settings=dict(FAST_SCRAPY),
    )


@pytest.fixture(scope="session", autouse=True)
def prefect_server():
    """One temporary Prefect server for all flow tests, shut down before pytest closes its streams."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
