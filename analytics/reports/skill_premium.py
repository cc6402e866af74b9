"""Salary premium of a skill within role x seniority (median with vs without)."""

from __future__ import annotations

import altair as alt
import polars as pl

from analytics.reports.context import ReportContext, ReportResult, coverage_sentence
from analytics.reports.render.charts import chart_data, message_chart


def _chart(frame: pl.DataFrame) -> alt.TopLevelMixin:
    if frame.is_empty():
        return message_chart("no cell has enough salaries with and without a skill")
    data = (
        frame.with_columns(
            label=pl.col("role") + " · " + pl.col("seniority_group") + " · " + pl.col("skill_name"),
            _abs=pl.col("premium_pct").abs(),
        )
        .sort("_abs", descending=True)
        .head(25)
    )
    return (
        alt.Chart(chart_data(data))
        .mark_bar()
        .encode(
            x=alt.X("premium_pct:Q", title="median with skill vs without (%)"),
            y=alt.Y("label:N", sort="-x", title=None),
            color=alt.condition(
                alt.datum.premium_pct > 0, alt.value("#54a24b"), alt.value("#e45756")
            ),
        )
        .properties(width=560, title="Largest skill premiums (within role and seniority)")
    )


def skill_premium(ctx: ReportContext) -> ReportResult:
    """Comparing within role x seniority keeps role and level mix out of the premium."""
    p = ctx.params
    frame = ctx.mart("fct_skill_premium")
    cov = ctx.coverage()
    top = frame.sort("premium_pct", descending=True).head(3)
    headlines = [
        f"{r['skill_name']} in {r['role']} {r['seniority_group']}: {r['premium_pct']:+}% "
        f"(${r['median_with_usd']:,} with, n={r['n_with']}; ${r['median_without_usd']:,} "
        f"without, n={r['n_without']})"
        for r in top.iter_rows(named=True)
    ]
    return ReportResult(
        name="skill_premium",
        title="Skill salary premium",
        description=(
            "Within each role x seniority group, the median annualised USD salary of postings "
            "mentioning a skill vs those that do not; shown only where both sides have at "
            f"least {p.min_premium_n} salaries."
        ),
        frame=frame,
        n_postings=cov["n_postings"],
        coverage=coverage_sentence(cov),
        headlines=headlines or ["no cell has enough salaries with and without a skill"],
        chart=_chart(frame),
        notes=["A premium is an association in posted ranges, not a causal effect."],
        filters=p.describe(),
    )
