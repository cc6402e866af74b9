"""`jobtrends sql`: read-only queries only, and the warehouse file is never changed."""

from __future__ import annotations

import pytest

from analytics.db import connect
from analytics.readonly import ReadOnlyViolation, run_readonly_query


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "wh.duckdb"
    con = connect(path)
    con.execute(
        "insert into dim_roles values ('ai-engineer', 'AI Engineer', true), ('other', 'Other', false)"
    )
    con.close()
    return path


def test_select_returns_columns_and_rows(warehouse):
    cols, rows = run_readonly_query(warehouse, "select slug, is_ai_role from roles order by slug")
    assert cols == ["slug", "is_ai_role"]
    assert rows == [("ai-engineer", True), ("other", False)]


@pytest.mark.parametrize(
    "query",
    [
        "delete from dim_roles",
        "insert into dim_roles values ('x', 'x', false)",
        "update dim_roles set name = 'x'",
        "drop view roles",
        "create table t as select 1",
        "attach 'other.duckdb' as other",
        "copy dim_roles to 'out.csv'",
        "copy (select * from roles) to 'out.parquet' (format parquet)",
        "select 1; delete from dim_roles",
        "set enable_external_access = true",
        "install httpfs",
        "pragma enable_profiling",
        "",
    ],
)
def test_non_read_statements_are_rejected(warehouse, query, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ReadOnlyViolation):
        run_readonly_query(warehouse, query)
    assert run_readonly_query(warehouse, "select count(*) from roles")[1] == [(2,)]
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "other.duckdb").exists()


def test_file_access_from_a_select_is_refused(warehouse, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    with pytest.raises(Exception, match="(?i)permission|disabled"):
        run_readonly_query(warehouse, f"select * from read_csv('{secret}')")


def test_a_missing_warehouse_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        run_readonly_query(tmp_path / "nope.duckdb", "select 1")
    assert not (tmp_path / "nope.duckdb").exists()
