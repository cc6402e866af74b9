"""Skill premium compares like with like: within role x seniority x country, enough n each side."""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl
from report_seed import make_db, posting

from analytics.reports import ReportContext, ReportParams
from analytics.reports.skill_premium import skill_premium


def _country_mix_warehouse():
    """US pays twice GB; mcp is asked in 80% of US postings and 20% of GB ones, with no pay
    difference inside either country: pooled, mcp looks like a large premium."""
    rng = np.random.default_rng(11)
    postings, mentions, salaries = [], [], []
    for country, pay, p_mcp in (("US", 200_000, 0.8), ("GB", 100_000, 0.2)):
        for i in range(60):
            pid = f"{country}{i}"
            postings.append(
                posting(
                    pid, "ai-engineer", "senior", date(2026, 4, 1 + i % 28), country_code=country
                )
            )
            if rng.random() < p_mcp:
                mentions.append({"posting_id": pid, "skill_slug": "mcp"})
            if i < 6:  # a rare skill: too few salaries with it for a premium
                mentions.append({"posting_id": pid, "skill_slug": "rag"})
            amount = pay * (1 + rng.normal(0, 0.05))
            salaries.append({"posting_id": pid, "annual_mid_usd": amount, "flags": []})
    return make_db(postings, mentions, salaries)


def _mcp(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.filter(pl.col("skill_slug") == "mcp")


def test_premium_that_vanishes_within_country_is_not_reported() -> None:
    con = _country_mix_warehouse()
    # pooled over both markets the country mix reads as a large premium (what the test guards)
    pooled = con.sql(
        "select median(annual_mid_usd) filter (where m.posting_id is not null) "
        "/ median(annual_mid_usd) filter (where m.posting_id is null) "
        "from salaries s left join (select distinct posting_id from skill_mentions "
        "where skill_slug = 'mcp') m using (posting_id)"
    ).fetchall()[0][0]
    assert pooled > 1.3
    us = skill_premium(ReportContext(con, ReportParams(min_premium_n=8)))
    every = skill_premium(ReportContext(con, ReportParams(min_premium_n=8, salary_countries=())))
    assert set(_mcp(us.frame)["country_code"]) == {"US"}
    assert set(_mcp(every.frame)["country_code"]) == {"US", "GB"}
    for frame in (us.frame, every.frame):
        assert (_mcp(frame)["premium_pct"].abs() < 6).all()
    assert "country" in us.notes[0] and "Country: US" in us.description


def test_premium_with_too_few_salaries_on_a_side_is_suppressed() -> None:
    con = _country_mix_warehouse()
    frame = skill_premium(ReportContext(con, ReportParams(min_premium_n=8))).frame
    assert "rag" not in frame["skill_slug"].to_list()  # 6 US salaries with it < 8
    loose = skill_premium(ReportContext(con, ReportParams(min_premium_n=5))).frame
    assert "rag" in loose["skill_slug"].to_list()
