"""The shared report relations' integer keys: a hash collision fails the run, never merges."""

from __future__ import annotations

import duckdb
import pytest

from analytics.reports.context import _check_unique_numbers


def test_two_slugs_sharing_a_skill_number_fail_loudly():
    con = duckdb.connect()
    con.execute(
        "create table ok as select * from (values (1::ubigint, 'rag'), (2, 'mcp')) t(skill_no, skill_slug)"
    )
    _check_unique_numbers(con, "ok", "report_skills", "skill_no", "skills")
    con.execute(
        "create table clash as select * from (values (1::ubigint, 'rag'), (1, 'mcp')) t(skill_no, skill_slug)"
    )
    with pytest.raises(RuntimeError, match="collision"):
        _check_unique_numbers(con, "clash", "report_skills", "skill_no", "skills")
