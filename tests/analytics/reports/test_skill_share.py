"""Skill share per role and the headline-skill verdicts for ai-engineer."""

import re

import polars as pl

from analytics.reports import ReportContext, ReportParams
from analytics.reports.skill_share import skill_share, verdict

VERDICT = re.compile(
    r"^(confirmed|not confirmed|inconclusive|insufficient data): mentioned in \d+% "
    r"\[\d+-\d+%\] of \d+ ai-engineer postings$"
)


def test_headline_skills_checked(seed_con) -> None:
    result = skill_share(ReportContext(seed_con))
    heads = result.frame.filter(pl.col("is_headline"))
    assert sorted(heads["skill_slug"].to_list()) == ["ai-agents", "llm-evaluation", "mlops", "rag"]
    assert set(heads["role"].to_list()) == {"ai-engineer"}
    for row in heads.iter_rows(named=True):
        assert VERDICT.match(row["headline_check"]), row["headline_check"]
        assert row["ci_low_pct"] <= row["share_pct"] <= row["ci_high_pct"]
    rag = heads.filter(pl.col("skill_slug") == "rag").row(0, named=True)
    assert rag["headline_check"].startswith("confirmed")
    assert len(result.headlines) == 4


def test_top_n_per_role(seed_con) -> None:
    frame = skill_share(ReportContext(seed_con, ReportParams(top_n=3))).frame
    per_role = frame.filter(~pl.col("is_headline")).group_by("role").len()
    assert per_role["len"].max() <= 3
    assert frame.filter(pl.col("role") == "ml-engineer")["skill_rank"].to_list() == [1, 2, 3]


def test_verdict_text() -> None:
    assert verdict(260, 412, 0.58, 0.68, "ai-engineer", 0.25) == (
        "confirmed: mentioned in 63% [58-68%] of 412 ai-engineer postings"
    )
    assert verdict(10, 412, 0.01, 0.04, "ai-engineer", 0.25).startswith("not confirmed")
    assert verdict(5, 20, 0.1, 0.5, "ai-engineer", 0.25).startswith("insufficient data")


def test_absent_headline_skill_is_zero_not_missing(seed_con) -> None:
    params = ReportParams(headline_skills=("rag", "never-mentioned"))
    frame = skill_share(ReportContext(seed_con, params)).frame
    row = frame.filter(pl.col("skill_slug") == "never-mentioned").row(0, named=True)
    assert row["n_mentioning"] == 0 and row["headline_check"].startswith("not confirmed")
