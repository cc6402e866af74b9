"""The shared report relations read a warehouse's load tables through lean files
(sql/shared/lean_*.sql) instead of the contract views: same rows, fewer joins."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest
from report_seed import make_db, posting

from analytics.db import sql
from analytics.reports.context import (
    LEAN_VIEWS,
    ReportParams,
    _needed_shared,
    _used_params,
    _with_ctes,
    shared_body,
    shared_sql,
)

LEAN_FILES = sorted(
    {(view, file) for reads in LEAN_VIEWS.values() for view, (file, _) in reads.items()}
)


def _rows(con: duckdb.DuckDBPyConnection, query: str, params: dict | None = None) -> list:
    return sorted(con.execute(query, params).fetchall(), key=repr)


@pytest.mark.parametrize(("view", "file"), LEAN_FILES)
def test_a_lean_file_gives_the_views_rows(seeded, view, file):
    lean = sql(f"shared/{file}")
    cols = ", ".join(d[0] for d in seeded.execute(f"select * from ({lean}) limit 0").description)
    got = _rows(seeded, f"select {cols} from ({lean})")
    assert got, f"the seed warehouse has no {view} rows to compare"
    assert got == _rows(seeded, f"select {cols} from {view}")


def _inline(con: duckdb.DuckDBPyConnection, name: str, *, lean: bool) -> list:
    """A shared relation run inline (its upstream relations as CTEs), lean or from the views."""
    body = shared_body if lean else (lambda _con, n: shared_sql(n))
    upstream = [n for n in _needed_shared(shared_sql(name)) if n != name]
    text = _with_ctes(body(con, name), [(n, body(con, n)) for n in upstream])
    params = _used_params(text, ReportParams().sql_params(), name)
    return _rows(con, text, params)


@pytest.mark.parametrize("name", sorted(LEAN_VIEWS))
def test_shared_relations_are_the_same_read_lean_or_through_the_views(seeded, name):
    assert shared_body(seeded, name) != shared_sql(name)  # the load tables are there: lean
    assert _inline(seeded, name, lean=True) == _inline(seeded, name, lean=False)


def test_a_database_of_contract_relations_only_reads_them_as_they_are():
    con = make_db([posting("greenhouse:acme:1", "ai-engineer", "mid", date(2026, 1, 5))])
    for name in LEAN_VIEWS:
        assert shared_body(con, name) == shared_sql(name)
