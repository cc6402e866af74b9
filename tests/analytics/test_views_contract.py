"""The analyst views match docs/contracts.md column for column, and docs/schema.md is current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analytics.schema_docs import generate_schema_md, undocumented

ROOT = Path(__file__).resolve().parents[2]


def contract_columns() -> dict[str, list[str]]:
    """Column lists of the warehouse views as written in docs/contracts.md."""
    text = (ROOT / "docs" / "contracts.md").read_text()
    section = text.split("## Warehouse views", 1)[1]
    out: dict[str, list[str]] = {}
    for item in re.split(r"\n- ", section)[1:]:
        item = " ".join(item.split())
        match = re.match(r"`(\w+)`: (.*)", item)
        if match:  # "`postings`: a, b (note, more), c"
            out[match[1]] = [c.strip() for c in re.sub(r"\([^)]*\)", "", match[2]).split(",")]
            continue
        for name, cols in re.findall(r"`(\w+)` \(([^)]*)\)", item):  # "`skills` (a, b)"
            out[name] = [c.strip() for c in cols.split(",")]
    return out


def test_contract_parser_sees_every_view():
    assert set(contract_columns()) >= {"postings", "skill_mentions", "salaries", "skills", "roles"}


@pytest.mark.parametrize("view", ["postings", "skill_mentions", "salaries", "skills", "roles"])
def test_view_columns_match_the_contract_exactly(con, view):
    cols = [r[0] for r in con.execute(f"describe {view}").fetchall()]
    assert cols == contract_columns()[view]


def test_contract_relations_are_views(con):
    kinds = dict(
        con.execute("select table_name, table_type from information_schema.tables").fetchall()
    )
    for view in ("postings", "postings_dedup", "skill_mentions", "salaries", "skills", "roles"):
        assert kinds[view] == "VIEW"
    assert kinds["crawl_runs"] == kinds["flow_runs"] == "BASE TABLE"


def test_postings_dedup_extends_postings(con):
    base = [r[0] for r in con.execute("describe postings").fetchall()]
    dedup = [r[0] for r in con.execute("describe postings_dedup").fetchall()]
    assert dedup == [*base, "sighting_count", "sources"]


def test_every_column_is_documented(con):
    assert undocumented(con) == []


def test_schema_md_is_generated_and_current(con):
    text = generate_schema_md(con)
    for view in (
        "postings",
        "skill_mentions",
        "posting_skills",
        "salaries",
        "skills",
        "roles",
        "crawl_runs",
        "flow_runs",
    ):
        assert f"## `{view}`" in text
    committed = ROOT / "docs" / "schema.md"
    assert committed.read_text() == text, "regenerate: python -m analytics.schema_docs"
