"""Fixtures for the report tests (seed builders live in report_seed.py)."""

from __future__ import annotations

import duckdb
import pytest
from report_seed import synthetic_warehouse


@pytest.fixture(scope="session")
def seed_con() -> duckdb.DuckDBPyConnection:
    """The synthetic warehouse with planted trends; reports only read from it."""
    return synthetic_warehouse()
