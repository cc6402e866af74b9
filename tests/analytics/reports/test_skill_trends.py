"""Planted riser (mcp 2% -> 40%) and faller (tensorflow 40% -> 10%) must be found."""

import polars as pl

from analytics.reports import ReportContext, ReportParams, detect_risers, run_mart


def _row(frame: pl.DataFrame, slug: str) -> dict:
    return frame.filter(pl.col("skill_slug") == slug).row(0, named=True)


def test_planted_riser_is_significant(seed_con) -> None:
    frame = detect_risers(seed_con)
    mcp = _row(frame, "mcp")
    assert mcp["direction"] == "riser" and mcp["is_significant"]
    assert mcp["p_value"] < 0.01
    assert mcp["share_baseline_pct"] < 5 and mcp["share_recent_pct"] > 30
    assert frame.row(0, named=True)["skill_slug"] == "mcp"  # risers sort first


def test_planted_faller_is_falling(seed_con) -> None:
    tf = _row(detect_risers(seed_con), "tensorflow")
    assert tf["direction"] == "faller" and tf["change_pp"] < -20 and tf["p_value"] < 0.01


def test_stable_skills_are_not_flagged(seed_con) -> None:
    frame = detect_risers(seed_con)
    flagged = set(frame.filter(pl.col("is_significant"))["skill_slug"].to_list())
    assert flagged == {"mcp", "tensorflow"}


def test_windows_are_configurable(seed_con) -> None:
    frame = detect_risers(seed_con, recent_months=3, baseline_months=3, gap_months=0)
    mcp = _row(frame, "mcp")
    assert (mcp["n_recent"], mcp["n_baseline"]) == (480, 480)
    # the last 3 and the 3 before are both after the jump: mcp no longer rises
    assert mcp["direction"] == "stable"


def test_min_support_blocks_flags(seed_con) -> None:
    mcp = _row(detect_risers(seed_con, min_support=10_000), "mcp")
    assert mcp["direction"] == "low support" and not mcp["is_significant"]


def test_monthly_shares_have_two_denominators(seed_con) -> None:
    ctx = ReportContext(seed_con, ReportParams())
    monthly = ctx.mart("fct_skill_share_monthly")
    assert monthly["month"].n_unique() == 18
    jun = monthly.filter(
        (pl.col("skill_slug") == "mcp")
        & (pl.col("month").dt.month() == 6)
        & (pl.col("month").dt.year() == 2026)
    ).row(0, named=True)
    assert jun["n_new"] == 160
    assert jun["n_live"] > jun["n_new"]  # older postings still open are live too
    assert abs(jun["share_new_pct"] - 100 * jun["k_new"] / jun["n_new"]) <= 0.005 + 1e-9
    assert abs(jun["adjusted_share_pct"] - jun["share_new_pct"]) < 10


def test_role_mix_adjustment_removes_composition_effect() -> None:
    """A skill that only one role mentions 'rises' when that role's share grows; the
    standardised share stays flat."""
    from datetime import date, datetime

    from report_seed import make_db, posting

    postings, mentions = [], []
    for m, n_ai in [(1, 20), (2, 20), (3, 80), (4, 80)]:
        for j in range(100):
            pid = f"x{m}-{j}"
            role = "ai-engineer" if j < n_ai else "data-engineer"
            postings.append(posting(pid, role, "mid", date(2026, m, 3)))
            if role == "ai-engineer" and j % 2 == 0:
                mentions.append({"posting_id": pid, "skill_slug": "rag"})
    crawl = {"run_id": "r", "source": "greenhouse", "board": "acme", "status": "ok",
             "started_at": datetime(2026, 4, 30), "finished_at": datetime(2026, 4, 30, 1)}  # fmt: skip
    con = make_db(postings, mentions, crawl_runs=[crawl])  # April complete
    frame = detect_risers(con, recent_months=2, baseline_months=2, gap_months=0, min_support=1)
    rag = _row(frame, "rag")
    assert rag["share_baseline_pct"] == 10.0 and rag["share_recent_pct"] == 40.0
    assert rag["adj_share_baseline_pct"] == rag["adj_share_recent_pct"] == 25.0
    monthly = run_mart(con, "fct_skill_share_monthly", ReportParams().sql_params())
    assert set(monthly["adjusted_share_pct"].to_list()) == {25.0}
