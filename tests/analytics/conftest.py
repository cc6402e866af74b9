"""Fixtures: a fresh in-memory warehouse, and one with both seed runs loaded and deduplicated."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest
from warehouse_seeds import RUN1, RUN2, load_run, seed_dims, seed_extractions

from analytics.db import connect
from analytics.load import load_dims, load_extractions


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    c = connect(":memory:")
    yield c
    c.close()


@pytest.fixture
def seeded(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Both seed runs, extractions, dims and dedup applied."""
    from analytics.dedup import assign_dup_groups

    skills, roles = seed_dims()
    load_dims(con, skills, roles)
    load_run(con, RUN1)
    load_extractions(con, seed_extractions(RUN1))
    load_run(con, RUN2)
    assign_dup_groups(con)
    return con
