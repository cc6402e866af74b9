"""Top skills per role by share of postings, and the source articles' headline-skill check."""

from __future__ import annotations

import altair as alt
import polars as pl

from analytics.reports.context import ReportContext, ReportResult, coverage_sentence
from analytics.reports.render.figures import hbars
from analytics.reports.stats import wilson_arrays

MIN_VERDICT_N = 30  #: fewer focus-role postings than this and no verdict is given


def verdict(k: int, n: int, lo: float, hi: float, role: str, threshold: float) -> str:
    """Verdict sentence for one headline skill, judged on the Wilson interval."""
    if n < MIN_VERDICT_N:
        status = "insufficient data"
    elif lo >= threshold:
        status = "confirmed"
    elif hi < threshold:
        status = "not confirmed"
    else:
        status = "inconclusive"
    share = 100.0 * k / n if n else 0.0
    return (
        f"{status}: mentioned in {share:.0f}% [{100 * lo:.0f}-{100 * hi:.0f}%] "
        f"of {n} {role} postings"
    )


def skill_share_frame(ctx: ReportContext) -> pl.DataFrame:
    """Mart rows plus Wilson 95% intervals and the headline verdicts."""
    p = ctx.params
    frame = ctx.mart("fct_skill_share")
    lo, hi = wilson_arrays(frame["n_mentioning"].to_list(), frame["n_postings"].to_list())
    frame = frame.with_columns(
        ci_low_pct=pl.Series((lo * 100).round(1), dtype=pl.Float64),
        ci_high_pct=pl.Series((hi * 100).round(1), dtype=pl.Float64),
    )
    checks = [
        verdict(r["n_mentioning"], r["n_postings"], lo[i], hi[i], r["role"], p.headline_threshold)
        if r["is_headline"]
        else None
        for i, r in enumerate(frame.iter_rows(named=True))
    ]
    return frame.with_columns(headline_check=pl.Series(checks, dtype=pl.Utf8)).select(
        "role",
        "n_postings",
        "skill_rank",
        "skill_slug",
        "skill_name",
        "n_mentioning",
        "share_pct",
        "ci_low_pct",
        "ci_high_pct",
        "is_headline",
        "headline_check",
    )


def _chart(frame: pl.DataFrame, role: str | None) -> alt.TopLevelMixin:
    data = frame.filter(pl.col("role") == role) if role else frame.head(0)
    return hbars(
        data,
        x="share_pct",
        y="skill_name",
        n=("n_mentioning", "n_postings"),
        ci=("ci_low_pct", "ci_high_pct"),
        title=f"Skill share: {role}",
        x_title=f"% of {role} postings mentioning (95% Wilson CI)",
        empty="no postings",
    )


def skill_share(ctx: ReportContext) -> ReportResult:
    """Per-role skill shares with Wilson intervals; headline skills checked for the focus role."""
    p = ctx.params
    frame = skill_share_frame(ctx)
    cov = ctx.coverage()
    headline_rows = frame.filter(pl.col("is_headline"))
    headlines = [
        f"{r['skill_slug']}: {r['headline_check']}" for r in headline_rows.iter_rows(named=True)
    ]
    if headline_rows.is_empty():
        headlines = [f"no {p.focus_role} postings in range: headline skills not checked"]
    roles = frame["role"].unique(maintain_order=True).to_list()
    chart_role = p.focus_role if p.focus_role in roles else (roles[0] if roles else None)
    return ReportResult(
        name="skill_share",
        title="Skill share by role",
        description=(
            f"Top {p.top_n} skills per role by share of postings mentioning them, with Wilson "
            f"95% intervals; the source articles' headline skills for {p.focus_role} "
            "(RAG, evals, agents, production deployment/MLOps) are checked explicitly."
        ),
        frame=frame,
        n_postings=cov["n_postings"],
        coverage=coverage_sentence(cov),
        headlines=headlines,
        chart=_chart(frame, chart_role),
        notes=[
            f"Verdict: confirmed when the CI lower bound is >= {p.headline_threshold:.0%}, "
            f"not confirmed when the upper bound is below it, otherwise inconclusive; "
            f"no verdict under {MIN_VERDICT_N} postings.",
            "A posting counts once per skill however often the skill is mentioned.",
        ],
        filters=p.describe(),
    )
