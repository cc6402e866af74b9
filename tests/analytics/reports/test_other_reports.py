"""Co-occurrence, premium, fingerprints, convergence, freshness and the filters."""

from datetime import date

import polars as pl

from analytics.reports import REPORTS, ReportContext, ReportParams, build_reports
from analytics.reports.freshness import freshness
from analytics.reports.role_fingerprints import role_convergence, role_fingerprints
from analytics.reports.skill_cooccurrence import skill_cooccurrence
from analytics.reports.skill_premium import skill_premium


def test_cooccurrence_lift(seed_con) -> None:
    frame = skill_cooccurrence(ReportContext(seed_con)).frame
    assert frame.height > 0 and (frame["n_pair"] >= 10).all()
    row = frame.row(0, named=True)
    expected = row["n_pair"] * row["n_postings"] / (row["n_a"] * row["n_b"])
    assert abs(row["lift"] - expected) < 0.01
    assert frame["lift"].to_list() == sorted(frame["lift"].to_list(), reverse=True)


def test_premium_needs_ten_each_side(seed_con) -> None:
    frame = skill_premium(ReportContext(seed_con)).frame
    assert frame.height > 0
    assert (frame["n_with"] >= 10).all() and (frame["n_without"] >= 10).all()
    # planted: pytorch postings pay 10% more within role x seniority
    pt = frame.filter(
        (pl.col("skill_slug") == "pytorch")
        & (pl.col("role") == "ml-engineer")
        & (pl.col("seniority_group") == "Senior")
    )
    assert pt.height == 1 and pt["premium_pct"][0] > 5


def test_fingerprints_find_the_planted_skill(seed_con) -> None:
    frame = role_fingerprints(ReportContext(seed_con)).frame
    top = frame.filter(pl.col("skill_rank") == 1)
    by_role = dict(zip(top["role"], top["skill_slug"], strict=True))
    assert by_role["ai-agent-engineer"] == "ai-agents"
    assert by_role["ai-engineer"] == "rag"
    assert (frame["log_odds"] > 0).all()


def test_convergence_is_a_similarity(seed_con) -> None:
    frame = role_convergence(ReportContext(seed_con)).frame
    assert set(frame["role"]) == {"ml-engineer", "llm-engineer", "ai-agent-engineer"}
    sims = frame["cosine_similarity"].drop_nulls()
    assert sims.len() > 0 and sims.min() >= 0 and sims.max() <= 1
    assert frame["quarter_start"].n_unique() == 6


def test_freshness_per_board(seed_con) -> None:
    result = freshness(ReportContext(seed_con))
    acme = result.frame.filter(pl.col("board") == "acme").row(0, named=True)
    assert acme["last_status"] == "partial" and acme["n_runs"] == 2
    assert str(acme["last_success_at"]).startswith("2026-06-29")
    assert acme["hours_behind_newest"] == 25.0
    assert "HTTP 500" in acme["last_error"]
    assert acme["n_open"] <= acme["n_postings"]
    assert "2 of 2 boards" in result.headlines[0]


def test_filters_narrow_every_report(seed_con, tmp_path) -> None:
    params = ReportParams(since=date(2026, 1, 1), roles=("ai-engineer",))
    ctx = ReportContext(seed_con, params)
    cov = ctx.coverage()
    assert 0 < cov["n_postings"] < 1000 and cov["first_date"] >= date(2026, 1, 1)
    for fn in REPORTS.values():
        result = fn(ctx)
        assert "ai-engineer" in result.filters
    written = build_reports(
        seed_con,
        tmp_path,
        since=date(2026, 1, 1),
        roles=["ai-engineer"],
        sources=["greenhouse"],
        formats=("json",),
    )
    assert set(written) == set(REPORTS)


def test_empty_warehouse_still_renders(tmp_path) -> None:
    from report_seed import make_db

    written = build_reports(make_db([]), tmp_path, formats=("html", "md"))
    html = (tmp_path / "salary_bands.html").read_text()
    assert "<svg" in html
    assert set(written) == set(REPORTS) | {"index"}


def test_cross_board_duplicates_count_once() -> None:
    from report_seed import make_db, posting

    d = date(2026, 2, 3)
    rows = [
        posting("a", "ai-engineer", "mid", d, dup_group_id="g1", board="one"),
        posting("b", "ai-engineer", "mid", d, dup_group_id="g1", board="two"),
        posting("c", "ai-engineer", "mid", d, dup_group_id="c"),
    ]
    ctx = ReportContext(make_db(rows))
    assert ctx.coverage()["n_postings"] == 2
    # freshness is per board and keeps every sighting
    assert freshness(ctx).frame["n_postings"].sum() == 3


def test_each_duplicate_group_keeps_its_earliest_seen_member_ties_by_id() -> None:
    from datetime import datetime

    from report_seed import make_db, posting

    from analytics.reports.context import materialise_shared

    d = date(2026, 2, 3)
    early, late = datetime(2026, 2, 1, 9), datetime(2026, 2, 5, 9)
    rows = [
        posting("z-late", "ai-engineer", "mid", d, dup_group_id="g1", first_seen_at=late),
        posting("y-early", "ai-engineer", "mid", d, dup_group_id="g1", first_seen_at=early),
        posting("b-tie", "ai-engineer", "mid", d, dup_group_id="g2", first_seen_at=early),
        posting("a-tie", "ai-engineer", "mid", d, dup_group_id="g2", first_seen_at=early),
        posting("solo", "ai-engineer", "mid", d),  # no group: its own
    ]
    con = make_db(rows)
    key = materialise_shared(con, ReportParams().sql_params())
    kept = con.execute(f"select posting_id from report_postings__{key} order by 1").fetchall()
    assert [k for (k,) in kept] == ["a-tie", "solo", "y-early"]


def test_marts_bind_to_the_real_warehouse_views(tmp_path) -> None:
    """The marts run against the schema analytics/ builds (empty), read-only."""
    import pytest

    db = pytest.importorskip("analytics.db", reason="warehouse schema module not available")
    views = pytest.importorskip("analytics.migrate")
    path = tmp_path / "w.duckdb"
    con = db.connect(path)
    views.create_views(con)
    con.close()
    ro = db.connect(path, read_only=True)
    try:
        written = build_reports(ro, tmp_path / "out", formats=("json", "html"))
    finally:
        ro.close()
    assert set(written) == set(REPORTS) | {"index"}


def test_contexts_with_other_filters_keep_their_own_shared_tables(seed_con) -> None:
    """Two report contexts on one connection (salary bands narrow the countries) each get the
    shared base of their own filters, built once, and read the same numbers as a mart run alone."""
    from analytics.reports.context import run_mart, shared_key

    wide, narrow = ReportParams(), ReportParams(countries=("US",))
    a, b = ReportContext(seed_con, wide), ReportContext(seed_con, narrow)
    first = a.mart("fct_report_coverage")
    b.mart("fct_report_coverage")
    keys = {shared_key(c.params.sql_params()) for c in (a, b)}
    tables = {
        r[0]
        for r in seed_con.execute(
            "select table_name from duckdb_tables() where temporary and table_name like 'report_%'"
        ).fetchall()
    }
    assert len(keys) == 2 and {f"report_postings__{k}" for k in keys} <= tables
    alone = run_mart(seed_con, "fct_report_coverage", wide.sql_params())
    assert ReportContext(seed_con, wide).mart("fct_report_coverage").equals(first)
    assert alone.equals(first)
