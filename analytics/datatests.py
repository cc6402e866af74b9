"""SQL data tests: every analytics/sql/tests/*.sql query must return zero rows."""

from __future__ import annotations

import duckdb

from analytics.db import sql, sql_names


def data_test_names() -> list[str]:
    return sql_names("tests")


def run_data_tests(con: duckdb.DuckDBPyConnection, limit: int = 5) -> dict[str, list[tuple]]:
    """name -> up to `limit` offending rows, for every failing data test (empty dict = all pass)."""
    failures: dict[str, list[tuple]] = {}
    for name in data_test_names():
        rows = con.execute(f"select * from ({sql(f'tests/{name}')}) limit {int(limit)}").fetchall()
        if rows:
            failures[name] = rows
    return failures
